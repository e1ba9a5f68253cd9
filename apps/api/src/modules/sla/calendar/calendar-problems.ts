/**
 * Every problem of a calendar's values at once, each with the member it concerns and a code. One function decides
 * what a calendar may hold: the BusinessCalendar constructor refuses what it reports, and the policy module runs it
 * when a calendar is saved to the draft and again at publish — so a value that would make the calendar throw at
 * intake (an unknown time zone, `25:00`) can never reach a published version (issue 12 item 4).
 */
import { assertValidTimeZone, parseClockTime, parseLocalDate } from './zoned-time';

export interface CalendarProblem {
  /** Member of the calendar, e.g. `timeZone`, `workingHours[1].end`, `closures[0]`. */
  path: string;
  code:
    | 'INVALID_TIME_ZONE'
    | 'NO_WORKING_HOURS'
    | 'INVALID_CLOCK_TIME'
    | 'EMPTY_INTERVAL'
    | 'OVERLAPPING_HOURS'
    | 'INVALID_WEEKDAY'
    | 'NO_WORKING_DAYS'
    | 'INVALID_DATE'
    | 'DATE_CONFLICT';
  message: string;
}

export interface CalendarValues {
  timeZone?: unknown;
  workingHours?: unknown;
  weekendDays?: unknown;
  closures?: unknown;
  extraWorkingDays?: unknown;
}

/** Minutes of `HH:MM` (00:00 … 24:00), or null when the text is not a clock time. */
function clockMinutes(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  try {
    return parseClockTime(value);
  } catch {
    return null;
  }
}

/** Is `value` a real `YYYY-MM-DD` date (not 2027-02-30)? */
export function isRealDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    parseLocalDate(value);
    return true;
  } catch {
    return false;
  }
}

/** Is `value` an IANA time zone this runtime knows (`Intl.DateTimeFormat` accepts it)? */
export function isValidTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || !value) return false;
  try {
    assertValidTimeZone(value);
    return true;
  } catch {
    return false;
  }
}

export function calendarConfigProblems(calendar: CalendarValues): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const add = (path: string, code: CalendarProblem['code'], message: string) => problems.push({ path, code, message });

  if (!isValidTimeZone(calendar.timeZone)) {
    add('timeZone', 'INVALID_TIME_ZONE', `${JSON.stringify(calendar.timeZone)} is not an IANA time zone (e.g. Asia/Shanghai)`);
  }

  const hours = calendar.workingHours;
  if (!Array.isArray(hours) || hours.length === 0) add('workingHours', 'NO_WORKING_HOURS', 'Working hours need at least one interval');
  else {
    let previousEnd: number | null = null;
    hours.forEach((range: { start?: unknown; end?: unknown } | null, index) => {
      const at = `workingHours[${index}]`;
      const start = clockMinutes(range?.start);
      const end = clockMinutes(range?.end);
      if (start === null)
        add(`${at}.start`, 'INVALID_CLOCK_TIME', `${JSON.stringify(range?.start)} is not a time of day HH:MM (00:00–24:00)`);
      if (end === null) add(`${at}.end`, 'INVALID_CLOCK_TIME', `${JSON.stringify(range?.end)} is not a time of day HH:MM (00:00–24:00)`);
      if (start === null || end === null) {
        previousEnd = null;
        return;
      }
      if (end <= start)
        add(
          at,
          'EMPTY_INTERVAL',
          `${range!.start as string}–${range!.end as string} ends before it starts (shifts may not cross midnight)`,
        );
      else if (previousEnd !== null && start < previousEnd)
        add(at, 'OVERLAPPING_HOURS', 'Working intervals must be in order and must not overlap');
      previousEnd = end;
    });
  }

  const weekend = calendar.weekendDays;
  if (!Array.isArray(weekend)) add('weekendDays', 'INVALID_WEEKDAY', 'weekendDays is a list of days 0 (Sunday) … 6 (Saturday)');
  else {
    weekend.forEach((day, index) => {
      if (!Number.isInteger(day) || (day as number) < 0 || (day as number) > 6)
        add(`weekendDays[${index}]`, 'INVALID_WEEKDAY', `${JSON.stringify(day)} is not a day 0 (Sunday) … 6 (Saturday)`);
    });
    const extra = Array.isArray(calendar.extraWorkingDays) ? calendar.extraWorkingDays : [];
    if (new Set(weekend).size >= 7 && extra.length === 0)
      add('weekendDays', 'NO_WORKING_DAYS', 'Every day of the week is a weekend day: no deadline could ever fall due');
  }

  const dates = (member: 'closures' | 'extraWorkingDays'): Set<string> => {
    const list = calendar[member];
    if (list === undefined || list === null) return new Set();
    if (!Array.isArray(list)) {
      add(member, 'INVALID_DATE', `${member} is a list of YYYY-MM-DD dates`);
      return new Set();
    }
    list.forEach((date, index) => {
      if (!isRealDate(date)) add(`${member}[${index}]`, 'INVALID_DATE', `${JSON.stringify(date)} is not a real date YYYY-MM-DD`);
    });
    return new Set(list.filter(isRealDate));
  };
  const closures = dates('closures');
  const extra = dates('extraWorkingDays');
  [...extra].forEach((date) => {
    if (closures.has(date))
      add(
        `extraWorkingDays[${(calendar.extraWorkingDays as string[]).indexOf(date)}]`,
        'DATE_CONFLICT',
        `${date} is both a closure and an extra working day`,
      );
  });
  return problems;
}
