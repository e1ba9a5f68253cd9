import { monthsBefore } from './retention';

describe('monthsBefore', () => {
  it('goes back calendar months, clamping to the last day of a shorter month', () => {
    expect(monthsBefore(new Date('2026-04-01T02:00:00Z'), 60).toISOString()).toBe('2021-04-01T02:00:00.000Z');
    expect(monthsBefore(new Date('2026-03-31T08:00:00Z'), 1).toISOString()).toBe('2026-02-28T08:00:00.000Z');
    expect(monthsBefore(new Date('2024-03-31T08:00:00Z'), 1).toISOString()).toBe('2024-02-29T08:00:00.000Z');
    expect(monthsBefore(new Date('2026-01-15T00:00:00Z'), 13).toISOString()).toBe('2024-12-15T00:00:00.000Z');
  });
});
