/** Recomputing a clock under another policy version — pure, used by the reapply preview and apply. */
import type { SlaTarget } from '@redress/sdk';
import { pauseClock, resumeClock, startClock, type ClockState } from './clock';
import type { BusinessCalendar as Calendar } from './calendar';

/**
 * The clock as if it had been started under `target` from the same start instant, with the same pauses and
 * the same number of extension stages (capped at the new ladder's last stage). Terminal clocks are not moved.
 */
export function recomputeClock(state: ClockState, target: SlaTarget, calendar: Calendar): ClockState {
  const stages = [target.duration, ...(target.extensions ?? [])];
  const stage = Math.min(state.extensions.length, stages.length - 1);
  let next = startClock(new Date(state.startedAt), stages[stage], calendar, {
    warnPercent: target.warnAtPercent ?? 80,
    onNonWorkingDay: target.onNonWorkingDay,
  });
  for (const pause of state.pauses ?? []) {
    next = resumeClock(pauseClock(next, new Date(pause.from)), new Date(pause.to), calendar);
  }
  if (state.state === 'paused' && state.pausedAt) next = pauseClock(next, new Date(state.pausedAt));
  return { ...next, extensions: state.extensions };
}
