import type { BusinessCalendar } from './calendar';
import { isWorkingKind } from './clock';
import type { SlaClock } from './sla-clock.entity';

/**
 * Years a clock's deadline crosses whose official holidays its calendar does not know (issue 16): the due time may be
 * wrong there (New Year's Day counted as a working day). Only clocks whose due time depends on which days are
 * working days: working-time durations, and natural ones that roll forward off a non-working day.
 */
export function holidayDataMissingYears(
  clock: Pick<SlaClock, 'startedAt' | 'dueAt' | 'duration' | 'onNonWorkingDay'>,
  calendar: BusinessCalendar,
): number[] {
  const dependsOnDays = isWorkingKind(clock.duration.kind) || (clock.onNonWorkingDay ?? 'keep') !== 'keep';
  return dependsOnDays ? calendar.uncoveredYears(clock.startedAt, clock.dueAt) : [];
}
