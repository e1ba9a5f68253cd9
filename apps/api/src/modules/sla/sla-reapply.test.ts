import { BusinessCalendar } from './calendar';
import { pauseClock, resumeClock, startClock } from './clock';
import { recomputeClock } from './sla-reapply';
import { applyClockState, nextFireAt, toClockState } from './sla-clock-state';
import { SlaClock } from './sla-clock.entity';

const calendar = new BusinessCalendar();
// Monday 2025-03-03 10:00 Shanghai.
const start = new Date('2025-03-03T02:00:00Z');

describe('re-applying a policy to an open clock', () => {
  it('recomputes the due time from the same start with the same pauses', () => {
    let state = startClock(start, { amount: 3, kind: 'working_days' }, calendar);
    state = resumeClock(pauseClock(state, new Date('2025-03-03T03:00:00Z')), new Date('2025-03-03T05:00:00Z'), calendar);
    const moved = recomputeClock(state, { key: 'resolution', duration: { amount: 5, kind: 'working_days' } }, calendar);
    expect(moved.pausedMinutes).toBe(state.pausedMinutes);
    // 5 working days from Monday end on the next Monday 18:00, pushed by the paused working time (1 h + lunch excluded).
    expect(calendar.workingMinutesBetween(new Date(state.dueAt), new Date(moved.dueAt))).toBe(2 * 480);
  });
});

describe('the clock row', () => {
  it('round-trips the clock state and arms the scheduler at the earliest unfired instant', () => {
    const row = applyClockState(
      Object.assign(new SlaClock(), { warnedAt: null, breachedAt: null }),
      startClock(start, { amount: 10, kind: 'natural_minutes' }, calendar),
    );
    expect(toClockState(row)).toMatchObject({ startedAt: start.toISOString(), state: 'running', pausedMinutes: 0 });
    expect(row.nextFireAt).toEqual(row.warnAt);
    row.warnedAt = row.warnAt;
    expect(nextFireAt(row)).toEqual(row.dueAt);
    row.breachedAt = row.dueAt;
    expect(nextFireAt(row)).toBeNull();
    applyClockState(row, pauseClock(toClockState(row), new Date(start.getTime() + 60_000)));
    expect(row.nextFireAt).toBeNull();
  });
});
