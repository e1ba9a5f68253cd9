/** The complaint-level SLA status from its clocks — pure. */
import { slaStatus, type ClockState } from './clock';

export type ComplaintSlaStatus = 'on_time' | 'at_risk' | 'breached' | 'met';

const RANK: Record<'on_time' | 'at_risk' | 'breached', number> = { on_time: 0, at_risk: 1, breached: 2 };

export type ClockStatusInput = Pick<ClockState, 'state' | 'dueAt' | 'warnAt' | 'pausedAt'>;

/**
 * Worst of the running (and paused) clocks: breached > at_risk > on_time. `met` when every clock has stopped
 * (met, breached late or cancelled) — the complaint's deadlines are behind it. No clocks at all → on_time.
 */
export function aggregateSlaStatus(clocks: ClockStatusInput[], at: Date): ComplaintSlaStatus {
  const open = clocks.filter((c) => c.state === 'running' || c.state === 'paused');
  if (!open.length) return clocks.length ? 'met' : 'on_time';
  let worst: keyof typeof RANK = 'on_time';
  for (const clock of open) {
    const s = slaStatus({ ...clock, pausedMinutes: 0, extensions: [], startedAt: clock.dueAt }, at);
    const status: keyof typeof RANK = s === 'breached' ? 'breached' : s === 'at_risk' ? 'at_risk' : 'on_time';
    if (RANK[status] > RANK[worst]) worst = status;
  }
  return worst;
}
