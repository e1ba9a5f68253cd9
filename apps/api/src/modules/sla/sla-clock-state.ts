/** Mapping between the `sla_clock` row and the pure `ClockState` of `./clock`, and the scheduler's next instant. */
import type { ClockState } from './clock';
import type { SlaClock } from './sla-clock.entity';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const date = (s: string | null | undefined) => (s ? new Date(s) : null);

export function toClockState(row: SlaClock): ClockState {
  return {
    startedAt: row.startedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    ...(row.warnAt ? { warnAt: row.warnAt.toISOString() } : {}),
    pausedAt: iso(row.pausedAt),
    pausedMinutes: Number(row.pausedMinutes) || 0,
    state: row.state,
    extensions: row.extensions ?? [],
    duration: row.duration,
    warnPercent: row.warnPercent,
    onNonWorkingDay: row.onNonWorkingDay,
    pauses: row.pauses ?? [],
    stoppedAt: iso(row.stoppedAt),
  };
}

/** Copies a new state onto the row (and keeps `nextFireAt` right). */
export function applyClockState(row: SlaClock, state: ClockState): SlaClock {
  row.startedAt = new Date(state.startedAt);
  row.dueAt = new Date(state.dueAt);
  row.warnAt = date(state.warnAt);
  row.pausedAt = date(state.pausedAt);
  row.pausedMinutes = state.pausedMinutes;
  row.state = state.state;
  row.extensions = state.extensions;
  if (state.duration) row.duration = state.duration;
  if (state.warnPercent !== undefined) row.warnPercent = state.warnPercent;
  if (state.onNonWorkingDay) row.onNonWorkingDay = state.onNonWorkingDay;
  row.pauses = state.pauses ?? [];
  row.stoppedAt = date(state.stoppedAt);
  row.metAt = state.state === 'met' ? row.stoppedAt : null;
  row.nextFireAt = nextFireAt(row);
  return row;
}

/**
 * The earliest instant still to fire: the warning (if not fired) or the due time (if the breach has not fired).
 * Only running clocks fire: time stands still while paused and stopped clocks have nothing left to say.
 */
export function nextFireAt(row: Pick<SlaClock, 'state' | 'warnAt' | 'warnedAt' | 'dueAt' | 'breachedAt'>): Date | null {
  if (row.state !== 'running') return null;
  const candidates: Date[] = [];
  if (row.warnAt && !row.warnedAt && !row.breachedAt) candidates.push(row.warnAt);
  if (!row.breachedAt) candidates.push(row.dueAt);
  if (!candidates.length) return null;
  return new Date(Math.min(...candidates.map((d) => d.getTime())));
}
