import { aggregateSlaStatus, type ClockStatusInput } from './sla-status';

const at = new Date('2025-03-03T06:00:00Z');
const clock = (over: Partial<ClockStatusInput>): ClockStatusInput => ({
  state: 'running',
  dueAt: '2025-03-04T10:00:00Z',
  warnAt: '2025-03-04T08:00:00Z',
  pausedAt: null,
  ...over,
});

describe('complaint SLA status from its clocks', () => {
  it('is the worst of the running clocks: breached > at_risk > on_time', () => {
    expect(aggregateSlaStatus([clock({})], at)).toBe('on_time');
    expect(aggregateSlaStatus([clock({}), clock({ warnAt: '2025-03-03T05:00:00Z' })], at)).toBe('at_risk');
    expect(aggregateSlaStatus([clock({ warnAt: '2025-03-03T05:00:00Z' }), clock({ dueAt: '2025-03-03T05:59:00Z' })], at)).toBe('breached');
  });

  it('ignores stopped clocks while one still runs, and is met once all have stopped', () => {
    expect(aggregateSlaStatus([clock({ state: 'breached', dueAt: '2025-03-01T00:00:00Z' }), clock({})], at)).toBe('on_time');
    expect(aggregateSlaStatus([clock({ state: 'met' }), clock({ state: 'breached' }), clock({ state: 'cancelled' })], at)).toBe('met');
    expect(aggregateSlaStatus([], at)).toBe('on_time');
  });

  it('counts a paused clock as on time unless it was already overdue when paused', () => {
    expect(aggregateSlaStatus([clock({ state: 'paused', pausedAt: '2025-03-03T01:00:00Z', dueAt: '2025-03-03T02:00:00Z' })], at)).toBe(
      'on_time',
    );
    expect(aggregateSlaStatus([clock({ state: 'paused', pausedAt: '2025-03-03T03:00:00Z', dueAt: '2025-03-03T02:00:00Z' })], at)).toBe(
      'breached',
    );
  });
});
