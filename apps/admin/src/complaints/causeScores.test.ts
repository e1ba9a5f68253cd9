import { percentOf } from './causeScores';

describe('cause prediction scores', () => {
  it('shows fractions as whole percentages, clamped, and nothing as 0', () => {
    expect(percentOf(0.873)).toBe(87);
    expect(percentOf(1.2)).toBe(100);
    expect(percentOf(null)).toBe(0);
  });
});
