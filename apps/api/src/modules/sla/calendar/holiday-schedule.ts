/**
 * Holiday schedules entered by administrators (one per year, from the State Council's notice): validation, the
 * notice-text parser, and the day table calendars consult.
 *
 * The notice ("国务院办公厅关于YYYY年部分节假日安排的通知") lists one line per holiday:
 *   一、元旦：1月1日（周五）至3日（周日）放假，共3天。
 *   二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
 *   四、元旦：2022年12月31日至2023年1月2日放假调休，共3天。
 *   三、清明节：4月5日放假，共1天。   /   元旦：1月1日（周三）放假1天，不调休。
 * A date without a month takes the month before it, one without a year the schedule's year. The weekday in
 * brackets and 共N天 are checked against the dates: a typo in the notice text becomes a coded problem.
 */
import type { HolidaySchedule } from '@redress/sdk';
import { addLocalDays, diffLocalDays, parseLocalDate, weekdayOfLocalDate } from './zoned-time';
import { isRealDate } from './calendar-problems';

export interface HolidayScheduleProblem {
  /** Member of the schedule (`holidays[1].end`, `makeupWorkdays[0].date`) or line of the notice text (`text.line[3]`). */
  path: string;
  code:
    | 'INVALID_YEAR'
    | 'INVALID_DATE'
    | 'END_BEFORE_START'
    | 'PERIOD_TOO_LONG'
    | 'OUTSIDE_YEAR'
    | 'OVERLAPPING_HOLIDAYS'
    | 'MAKEUP_IN_HOLIDAY'
    | 'MAKEUP_NOT_WEEKEND'
    | 'DUPLICATE_DATE'
    | 'DAY_COUNT_MISMATCH'
    | 'MISSING_NAME'
    | 'WEEKDAY_MISMATCH'
    | 'UNPARSED_LINE'
    | 'NO_HOLIDAYS'
    | 'TEXT_TOO_LONG';
  message: string;
}

/** The longest holiday period ever announced is 9 days (春节 2026); 15 leaves room and still catches a wrong month. */
const MAX_PERIOD_DAYS = 15;
/** A year's notice may start its 元旦 in the last days of December (2023: 2022-12-31 – 2023-01-02). */
const EDGE_DAYS = 31;
const MAX_NOTICE_CHARS = 20_000;

export function holidayScheduleProblems(schedule: HolidaySchedule): HolidayScheduleProblem[] {
  const problems: HolidayScheduleProblem[] = [];
  const add = (path: string, code: HolidayScheduleProblem['code'], message: string) => problems.push({ path, code, message });
  const year = schedule.year;
  if (!Number.isInteger(year) || year < 1949 || year > 2200) {
    add('year', 'INVALID_YEAR', `${JSON.stringify(year)} is not a year`);
    return problems;
  }
  if (schedule.key !== String(year)) add('key', 'INVALID_YEAR', `The key of the ${year} schedule must be "${year}"`);
  const first = `${year - 1}-12-31`;
  const within = (date: string) => diffLocalDays(first, date) > -EDGE_DAYS && diffLocalDays(`${year}-12-31`, date) <= EDGE_DAYS;
  const offDays = new Map<string, string>();

  (schedule.holidays ?? []).forEach((holiday, index) => {
    const at = `holidays[${index}]`;
    if (!holiday?.name?.trim()) add(`${at}.name`, 'MISSING_NAME', 'A holiday needs a name (元旦, 春节 …)');
    const startOk = isRealDate(holiday?.start);
    const endOk = isRealDate(holiday?.end);
    if (!startOk) add(`${at}.start`, 'INVALID_DATE', `${JSON.stringify(holiday?.start)} is not a real date YYYY-MM-DD`);
    if (!endOk) add(`${at}.end`, 'INVALID_DATE', `${JSON.stringify(holiday?.end)} is not a real date YYYY-MM-DD`);
    if (!startOk || !endOk) return;
    const length = diffLocalDays(holiday.start, holiday.end) + 1;
    if (length < 1) return add(at, 'END_BEFORE_START', `${holiday.name}: ${holiday.end} is before ${holiday.start}`);
    if (length > MAX_PERIOD_DAYS)
      return add(
        at,
        'PERIOD_TOO_LONG',
        `${holiday.name}: ${length} days off in a row is not a holiday period (at most ${MAX_PERIOD_DAYS})`,
      );
    if (!within(holiday.start) || !within(holiday.end))
      add(at, 'OUTSIDE_YEAR', `${holiday.name}: ${holiday.start}–${holiday.end} is not in ${year}`);
    if (holiday.days !== undefined && holiday.days !== null && holiday.days !== length) {
      add(
        `${at}.days`,
        'DAY_COUNT_MISMATCH',
        `${holiday.name}: ${holiday.start}–${holiday.end} is ${length} days, the notice says ${holiday.days}`,
      );
    }
    for (let date = holiday.start, i = 0; i < length; i++, date = addLocalDays(date, 1)) {
      const other = offDays.get(date);
      if (other !== undefined) {
        add(at, 'OVERLAPPING_HOLIDAYS', `${holiday.name} overlaps ${other} on ${date}`);
        break;
      }
      offDays.set(date, holiday.name);
    }
  });
  if (!(schedule.holidays ?? []).length) add('holidays', 'NO_HOLIDAYS', `The ${year} schedule lists no holiday`);

  const seen = new Set<string>();
  (schedule.makeupWorkdays ?? []).forEach((day, index) => {
    const at = `makeupWorkdays[${index}]`;
    if (!day?.name?.trim()) add(`${at}.name`, 'MISSING_NAME', 'A make-up working day names its holiday');
    if (!isRealDate(day?.date)) return add(`${at}.date`, 'INVALID_DATE', `${JSON.stringify(day?.date)} is not a real date YYYY-MM-DD`);
    if (seen.has(day.date)) return add(`${at}.date`, 'DUPLICATE_DATE', `${day.date} is listed twice`);
    seen.add(day.date);
    if (!within(day.date)) add(`${at}.date`, 'OUTSIDE_YEAR', `${day.date} is not in ${year}`);
    const off = offDays.get(day.date);
    if (off !== undefined) add(`${at}.date`, 'MAKEUP_IN_HOLIDAY', `${day.date} is a day off of ${off}; it cannot also be a working day`);
    const weekday = weekdayOfLocalDate(day.date);
    if (weekday !== 0 && weekday !== 6)
      add(
        `${at}.date`,
        'MAKEUP_NOT_WEEKEND',
        `${day.date} is a ${WEEKDAY_EN[weekday]}; a make-up working day (调休上班) is a Saturday or Sunday`,
      );
  });
  return problems;
}

const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAY_ZH: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

// A date of the notice: [YYYY年][M月]D日, then an optional bracket (（周六） / （农历腊月二十八、星期日）).
const DATE_TOKEN = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日\s*(?:[（(]([^）)]*)[）)])?/g;
const LINE = /^\s*(?:[一二三四五六七八九十]+\s*[、.．]\s*|\d+\s*[、.．]\s*)?([^：:，,。]{1,20}?)\s*[：:]\s*(.+)$/;

interface DateToken {
  date: string;
  bracket?: string;
}

/** Dates of a fragment, each filling its missing year / month from the one before (the schedule's year first). */
function datesIn(text: string, carry: { year: number; month: number | null }): DateToken[] | string {
  const out: DateToken[] = [];
  for (const m of text.matchAll(DATE_TOKEN)) {
    if (m[1]) carry.year = Number(m[1]);
    if (m[2]) carry.month = Number(m[2]);
    if (carry.month === null) return `"${m[0]}" has no month`;
    const date = `${String(carry.year).padStart(4, '0')}-${String(carry.month).padStart(2, '0')}-${m[3].padStart(2, '0')}`;
    try {
      parseLocalDate(date);
    } catch {
      return `${date} is not a real date`;
    }
    out.push({ date, bracket: m[4] });
  }
  return out;
}

/** The weekday a bracket names (周六 / 星期日 / 礼拜天), if any. */
function bracketWeekday(bracket: string | undefined): number | undefined {
  const m = bracket ? /(?:周|星期|礼拜)([日天一二三四五六])/.exec(bracket) : null;
  return m ? WEEKDAY_ZH[m[1]] : undefined;
}

export interface ParsedNotice {
  schedule: HolidaySchedule;
  problems: HolidayScheduleProblem[];
}

/**
 * Reads the notice's table as text (one holiday per line; other lines — title, preamble, closing remarks — are
 * skipped). Returns the schedule and every problem: lines that mention 放假 but cannot be read, weekday brackets that
 * do not match their date, and then everything `holidayScheduleProblems` finds.
 */
export function parseHolidayNotice(year: number, text: string, source?: string): ParsedNotice {
  const schedule: HolidaySchedule = { key: String(year), year, holidays: [], makeupWorkdays: [], ...(source ? { source } : {}) };
  const problems: HolidayScheduleProblem[] = [];
  // A notice is a page of text; anything far longer is not one (and is not worth reading line by line).
  if (text.length > MAX_NOTICE_CHARS)
    return {
      schedule,
      problems: [{ path: 'text', code: 'TEXT_TOO_LONG', message: `A notice has at most ${MAX_NOTICE_CHARS} characters` }],
    };
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const at = `text.line[${index + 1}]`;
    const line = raw.trim();
    if (!line.includes('放假')) return;
    const m = LINE.exec(line);
    // Prose around the table (“现将2025年元旦、春节……放假调休日期的具体安排通知如下”) names no day before 放假.
    if (!m && !/\d\s*日/.test(line.slice(0, line.indexOf('放假')))) return;
    if (!m)
      return problems.push({ path: at, code: 'UNPARSED_LINE', message: `Line ${index + 1} does not read "名称：日期放假…": ${line}` });
    const name = m[1].trim();
    const body = m[2];
    const offEnd = body.indexOf('放假');
    const carry = { year, month: null as number | null };
    const off = datesIn(body.slice(0, offEnd), carry);
    if (typeof off === 'string' || off.length === 0 || off.length > 2) {
      return problems.push({
        path: at,
        code: 'UNPARSED_LINE',
        message: `Line ${index + 1}: ${typeof off === 'string' ? off : 'expected a date or a range "M月D日至D日" before 放假'}`,
      });
    }
    const rest = body.slice(offEnd);
    const count = /共\s*(\d+)\s*天/.exec(rest) ?? /放假\s*(\d+)\s*天/.exec(rest);
    schedule.holidays.push({ name, start: off[0].date, end: off[off.length - 1].date, ...(count ? { days: Number(count[1]) } : {}) });
    const tokens: DateToken[] = [...off];
    for (const sentence of rest.split(/[。；;]/)) {
      if (!/上班/.test(sentence)) continue;
      const work = datesIn(sentence.slice(0, sentence.indexOf('上班')), carry);
      if (typeof work === 'string') return problems.push({ path: at, code: 'UNPARSED_LINE', message: `Line ${index + 1}: ${work}` });
      for (const token of work) schedule.makeupWorkdays.push({ date: token.date, name });
      tokens.push(...work);
    }
    for (const token of tokens) {
      const said = bracketWeekday(token.bracket);
      if (said !== undefined && said !== weekdayOfLocalDate(token.date)) {
        problems.push({
          path: at,
          code: 'WEEKDAY_MISMATCH',
          message: `Line ${index + 1}: ${token.date} is a ${WEEKDAY_EN[weekdayOfLocalDate(token.date)]}, the text says （${token.bracket}）`,
        });
      }
    }
  });
  // "No holiday" says nothing new when the lines that failed to read are already named.
  const found = holidayScheduleProblems(schedule).filter((p) => !(p.code === 'NO_HOLIDAYS' && problems.length));
  return { schedule, problems: [...problems, ...found] };
}

/** What calendars consult: every entered date, and the years the entered schedules decide. */
export interface HolidayDays {
  years: ReadonlySet<number>;
  days: ReadonlyMap<string, { kind: 'statutory_holiday' | 'makeup_workday'; name: string }>;
}

export function holidayDaysOf(schedules: readonly HolidaySchedule[] | undefined): HolidayDays {
  const years = new Set<number>();
  const days = new Map<string, { kind: 'statutory_holiday' | 'makeup_workday'; name: string }>();
  for (const schedule of schedules ?? []) {
    years.add(schedule.year);
    for (const holiday of schedule.holidays) {
      const length = diffLocalDays(holiday.start, holiday.end) + 1;
      for (let date = holiday.start, i = 0; i < length && i <= MAX_PERIOD_DAYS; i++, date = addLocalDays(date, 1))
        days.set(date, { kind: 'statutory_holiday', name: holiday.name });
    }
    for (const day of schedule.makeupWorkdays) days.set(day.date, { kind: 'makeup_workday', name: day.name });
  }
  return { years, days };
}

/** Dates two schedules of one policy both decide (e.g. 2022-12-31 in the 2022 and the 2023 schedule). */
export function scheduleConflicts(schedules: readonly HolidaySchedule[]): { key: string; date: string; other: string }[] {
  const owner = new Map<string, string>();
  const conflicts: { key: string; date: string; other: string }[] = [];
  for (const schedule of schedules) {
    const own = holidayDaysOf([schedule]).days;
    for (const date of own.keys()) {
      const other = owner.get(date);
      if (other !== undefined && other !== schedule.key) conflicts.push({ key: schedule.key, date, other });
      else owner.set(date, schedule.key);
    }
  }
  return conflicts;
}
