/**
 * Business calendar for SLA arithmetic: which days are working days, which instants are
 * inside working hours, and how to add / measure working time.
 *
 * All day boundaries are computed in the calendar's IANA time zone (default
 * `Asia/Shanghai`) via `Intl`; the host `TZ` is never consulted.
 *
 * Precedence when deciding whether a local date is a working day (first match wins):
 *  1. `extraWorkingDays` (tenant's own extra working dates)       → working
 *  2. `closures` (tenant's own extra non-working dates)            → non-working
 *  3. `useChineseHolidays`: 调休 make-up working day               → working
 *  4. `useChineseHolidays`: statutory holiday (法定节假日)          → non-working
 *     (3 and 4 from the policy's entered schedule for its years, else from `chinese-days`)
 *  5. `weekendDays`                                                 → non-working
 *  6. otherwise                                                     → working
 * A date listed in both `closures` and `extraWorkingDays` is a configuration error.
 *
 * Working hours are a list of same-day intervals `[start, end)` in local wall time
 * (e.g. 09:00–12:00 and 13:00–18:00 for a lunch break); they must be sorted and
 * non-overlapping. Shifts crossing midnight are not supported.
 */
import type { HolidaySchedule } from '@redress/sdk';
import { CHINESE_HOLIDAY_DATA_COVERAGE, chineseDayStatus, type ChineseDayStatus } from './chinese-holidays';
import { holidayDaysOf, type HolidayDays } from './holiday-schedule';
import { calendarConfigProblems, type CalendarProblem } from './calendar-problems';
import {
  addLocalDays,
  diffLocalDays,
  localDateOf,
  localMinuteOfDay,
  parseClockTime,
  parseLocalDate,
  weekdayOfLocalDate,
  zonedTimeToInstant,
} from './zoned-time';

export interface CalendarConfig {
  /** IANA zone, default `'Asia/Shanghai'`. */
  timeZone: string;
  /** Local working intervals, e.g. `[{start:'09:00',end:'12:00'},{start:'13:00',end:'18:00'}]`. */
  workingHours: { start: string; end: string }[];
  /** 0 = Sunday … 6 = Saturday; default `[0, 6]`. */
  weekendDays: number[];
  /** Apply Chinese statutory holidays and 调休 make-up working days (from `chinese-days`). */
  useChineseHolidays: boolean;
  /** Tenant's own extra non-working dates `'YYYY-MM-DD'`. */
  closures?: string[];
  /** Tenant's own extra working dates `'YYYY-MM-DD'`. */
  extraWorkingDays?: string[];
  /**
   * Holiday schedules entered in the policy (State Council notices). With `useChineseHolidays`, a year that has one
   * follows it instead of the bundled `chinese-days` data, and counts as covered.
   */
  holidaySchedules?: HolidaySchedule[];
  /**
   * Whether the local day of `from` counts as the first working day in `addWorkingDays`
   * (only when it is itself a working day). Default `false`: the day of receipt does not
   * count — the common reading of "3个工作日内" / 民法典 第201条 ("开始的当日不计入").
   */
  countStartDay?: boolean;
}

export const DEFAULT_CALENDAR_CONFIG: Readonly<CalendarConfig> = Object.freeze({
  timeZone: 'Asia/Shanghai',
  workingHours: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '18:00' },
  ],
  weekendDays: [0, 6],
  useChineseHolidays: true,
  closures: [],
  extraWorkingDays: [],
  countStartDay: false,
});

/** Structural copy of `WorkingCalendar` from `@redress/rules` (kept local on purpose). */
interface WorkingCalendarShape {
  isWorkingDay(date: Date): boolean;
  addWorkingDays(from: Date, days: number): Date;
  workingDaysBetween(from: Date, to: Date): number;
}

export type DayReason = 'weekday' | 'weekend' | 'statutory_holiday' | 'makeup_workday' | 'closure' | 'extra_working_day';

export interface DayInfo {
  date: string;
  working: boolean;
  reason: DayReason;
  /** Holiday name (e.g. `'国庆节'`) for statutory holidays / make-up days. */
  name?: string;
}

export class CalendarConfigError extends Error {
  override readonly name = 'CalendarConfigError';
  constructor(
    message: string,
    readonly problems: CalendarProblem[] = [],
  ) {
    super(message);
  }
}

/** Upper bound on consecutive non-working days scanned before giving up (≈10 years). */
const MAX_SCAN_DAYS = 3660;
const MS_PER_MINUTE = 60_000;

export class BusinessCalendar implements WorkingCalendarShape {
  readonly config: Readonly<CalendarConfig>;
  private readonly intervals: readonly { start: number; end: number }[];
  private readonly weekend: ReadonlySet<number>;
  private readonly closures: ReadonlySet<string>;
  private readonly extraWorking: ReadonlySet<string>;
  private readonly entered: HolidayDays;
  private readonly dayCache = new Map<string, DayInfo>();
  private readonly intervalCache = new Map<string, readonly { start: number; end: number }[]>();

  constructor(config: Partial<CalendarConfig> = {}) {
    const cfg: CalendarConfig = {
      ...DEFAULT_CALENDAR_CONFIG,
      ...Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)),
    };
    const problems = calendarConfigProblems(cfg);
    if (problems.length) throw new CalendarConfigError(problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
    const intervals = cfg.workingHours.map(({ start, end }) => ({ start: parseClockTime(start), end: parseClockTime(end) }));
    const closures = new Set(cfg.closures ?? []);
    const extra = new Set(cfg.extraWorkingDays ?? []);
    try {
      this.entered = holidayDaysOf(cfg.holidaySchedules);
    } catch (error) {
      throw new CalendarConfigError(`holidaySchedules: ${(error as Error).message}`, [
        { path: 'holidaySchedules', code: 'INVALID_DATE', message: (error as Error).message },
      ]);
    }

    this.intervals = intervals;
    this.weekend = new Set(cfg.weekendDays);
    this.closures = closures;
    this.extraWorking = extra;
    this.config = Object.freeze({
      ...cfg,
      workingHours: cfg.workingHours.map((h) => ({ ...h })),
      weekendDays: [...cfg.weekendDays],
      closures: [...closures].sort(),
      extraWorkingDays: [...extra].sort(),
    });
  }

  /** Years covered by the bundled Chinese holiday data (outside: plain weekends only). */
  static readonly chineseHolidayCoverage = CHINESE_HOLIDAY_DATA_COVERAGE;

  get timeZone(): string {
    return this.config.timeZone;
  }

  /** Total configured working minutes of one working day (e.g. 480 for 09–12 + 13–18). */
  get workingMinutesPerDay(): number {
    return this.intervals.reduce((sum, i) => sum + (i.end - i.start), 0);
  }

  // ---------------------------------------------------------------- days

  /** Why a local date `'YYYY-MM-DD'` is (not) a working day. */
  dayInfo(date: string): DayInfo {
    const cached = this.dayCache.get(date);
    if (cached) return cached;
    parseLocalDate(date);
    let info: DayInfo;
    if (this.extraWorking.has(date)) info = { date, working: true, reason: 'extra_working_day' };
    else if (this.closures.has(date)) info = { date, working: false, reason: 'closure' };
    else {
      const cn = this.config.useChineseHolidays ? this.statutoryStatus(date) : undefined;
      if (cn?.kind === 'makeup_workday') info = { date, working: true, reason: 'makeup_workday', name: cn.name };
      else if (cn?.kind === 'statutory_holiday') info = { date, working: false, reason: 'statutory_holiday', name: cn.name };
      else if (this.weekend.has(weekdayOfLocalDate(date))) info = { date, working: false, reason: 'weekend' };
      else info = { date, working: true, reason: 'weekday' };
    }
    this.dayCache.set(date, info);
    return info;
  }

  /** The entered schedule decides the years it covers (a missing date there is an ordinary day); chinese-days the rest. */
  private statutoryStatus(date: string): ChineseDayStatus | undefined {
    const entered = this.entered.days.get(date);
    if (entered) return entered;
    if (this.entered.years.has(Number(date.slice(0, 4)))) return undefined;
    return chineseDayStatus(date);
  }

  /**
   * Does this calendar know the holidays of `year`? Always, when it does not follow Chinese holidays; otherwise when
   * the bundled data or an entered schedule covers the year.
   */
  coversYear(year: number): boolean {
    if (!this.config.useChineseHolidays) return true;
    const bundled = CHINESE_HOLIDAY_DATA_COVERAGE;
    return this.entered.years.has(year) || (year >= bundled.firstYear && year <= bundled.lastYear);
  }

  /** Years between the local days of `from` and `to` (inclusive) whose holidays this calendar does not know. */
  uncoveredYears(from: Date, to: Date): number[] {
    const a = Number(this.localDate(from < to ? from : to).slice(0, 4));
    const b = Number(this.localDate(from < to ? to : from).slice(0, 4));
    const years: number[] = [];
    for (let year = a; year <= b; year++) if (!this.coversYear(year)) years.push(year);
    return years;
  }

  /** Is the local date `'YYYY-MM-DD'` a working day? */
  isWorkingDayLocal(date: string): boolean {
    return this.dayInfo(date).working;
  }

  /** Is the local day (in the calendar's zone) containing `date` a working day? */
  isWorkingDay(date: Date): boolean {
    return this.isWorkingDayLocal(this.localDate(date));
  }

  /** The local date `'YYYY-MM-DD'` of an instant in the calendar's zone. */
  localDate(instant: Date): string {
    return localDateOf(instant, this.config.timeZone);
  }

  /** First working day strictly after (`step = 1`) or before (`step = -1`) the local date. */
  private stepWorkingDay(date: string, step: 1 | -1): string {
    let d = date;
    for (let i = 0; i < MAX_SCAN_DAYS; i++) {
      d = addLocalDays(d, step);
      if (this.isWorkingDayLocal(d)) return d;
    }
    throw new CalendarConfigError(`No working day within ${MAX_SCAN_DAYS} days of ${date}`);
  }

  /**
   * Working-day deadline.
   *
   * Semantics (default `countStartDay: false`): the result is the END of working hours
   * (e.g. 18:00) of the `days`-th working day AFTER the local day of `from`; the day of
   * receipt never counts, whatever the time of receipt. A complaint received 2025-09-30
   * 17:00 with 3 working days is due 2025-10-11 18:00 (Oct 1–8 are holidays, Oct 11 is a
   * 调休 Saturday).
   *
   * With `countStartDay: true` the day of `from` counts as day 1 when it is a working day.
   *
   * `days = 0`: the end of the local day of `from` if that is a working day and `from`
   * is not after its end, otherwise the end of the next working day.
   * `days < 0`: the end of the |days|-th working day before the day of `from`.
   * `days` must be an integer.
   */
  addWorkingDays(from: Date, days: number): Date {
    if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
    const start = this.localDate(from);
    if (days === 0) {
      if (this.isWorkingDayLocal(start)) {
        const end = this.endOfWorkingDay(start);
        if (from.getTime() <= end.getTime()) return end;
      }
      return this.endOfWorkingDay(this.stepWorkingDay(start, 1));
    }
    let n = days;
    if (this.config.countStartDay && days > 0 && this.isWorkingDayLocal(start)) {
      n -= 1;
      if (n === 0) return this.endOfWorkingDay(start);
    }
    const step: 1 | -1 = n > 0 ? 1 : -1;
    let d = start;
    for (let i = 0; i < Math.abs(n); i++) d = this.stepWorkingDay(d, step);
    return this.endOfWorkingDay(d);
  }

  /**
   * Number of working days in the half-open range of local days (day of `from`, day of `to`]:
   * the day of `from` is excluded, the day of `to` included (the inverse of
   * `addWorkingDays` with `countStartDay: false`). Negative when `to` is before `from`.
   * Independent of time of day and of `countStartDay`.
   */
  workingDaysBetween(from: Date, to: Date): number {
    const a = this.localDate(from);
    const b = this.localDate(to);
    const span = diffLocalDays(a, b);
    if (span < 0) return -this.workingDaysBetween(to, from);
    let count = 0;
    let d = a;
    for (let i = 0; i < span; i++) {
      d = addLocalDays(d, 1);
      if (this.isWorkingDayLocal(d)) count++;
    }
    return count;
  }

  // ---------------------------------------------------------------- hours

  /** Working intervals `[start, end)` of a local date as instants; `[]` on non-working days. */
  workingIntervalsOn(date: string): { start: Date; end: Date }[] {
    return this.intervalsMs(date).map((i) => ({ start: new Date(i.start), end: new Date(i.end) }));
  }

  /** Cached epoch-ms working intervals of a local date. */
  private intervalsMs(date: string): readonly { start: number; end: number }[] {
    let ivs = this.intervalCache.get(date);
    if (!ivs) {
      const tz = this.config.timeZone;
      ivs = this.isWorkingDayLocal(date)
        ? this.intervals.map((i) => ({
            start: zonedTimeToInstant(date, i.start, tz).getTime(),
            end: zonedTimeToInstant(date, i.end, tz).getTime(),
          }))
        : [];
      this.intervalCache.set(date, ivs);
    }
    return ivs;
  }

  /**
   * Start of working hours (first interval start, e.g. 09:00) on the local day of `date`
   * (a `Date` or `'YYYY-MM-DD'`), whether or not that day is a working day.
   */
  startOfWorkingDay(date: Date | string): Date {
    const d = typeof date === 'string' ? date : this.localDate(date);
    return zonedTimeToInstant(d, this.intervals[0].start, this.config.timeZone);
  }

  /**
   * End of working hours (last interval end, e.g. 18:00) on the local day of `date`
   * (a `Date` or `'YYYY-MM-DD'`), whether or not that day is a working day.
   */
  endOfWorkingDay(date: Date | string): Date {
    const d = typeof date === 'string' ? date : this.localDate(date);
    return zonedTimeToInstant(d, this.intervals[this.intervals.length - 1].end, this.config.timeZone);
  }

  /** End of working hours of the first working day strictly after the local day of `instant`. */
  nextWorkingDayEnd(instant: Date): Date {
    return this.endOfWorkingDay(this.stepWorkingDay(this.localDate(instant), 1));
  }

  /** Start of working hours of the first working day strictly after the local day of `instant`. */
  nextWorkingDayStart(instant: Date): Date {
    return this.startOfWorkingDay(this.stepWorkingDay(this.localDate(instant), 1));
  }

  /** Is `instant` inside a working interval `[start, end)` of a working day? */
  isWorkingTime(instant: Date): boolean {
    const date = this.localDate(instant);
    if (!this.isWorkingDayLocal(date)) return false;
    const m = localMinuteOfDay(instant, this.config.timeZone);
    return this.intervals.some((i) => m >= i.start && m < i.end);
  }

  /**
   * `instant` itself when it is working time, otherwise the start of the next working
   * interval (later today, or the first interval of the next working day). Use it to
   * avoid "3 a.m. reminders".
   */
  nextWorkingTime(instant: Date): Date {
    const t = instant.getTime();
    let d = this.localDate(instant);
    for (let i = 0; i <= MAX_SCAN_DAYS; i++, d = addLocalDays(d, 1)) {
      for (const iv of this.intervalsMs(d)) {
        if (iv.end <= t) continue;
        return new Date(Math.max(iv.start, t));
      }
    }
    throw new CalendarConfigError(`No working time within ${MAX_SCAN_DAYS} days of ${instant.toISOString()}`);
  }

  /**
   * Adds `minutes` of working time to `from`, counting only time inside working
   * intervals of working days. If `from` is outside working time, counting starts at the
   * next working interval. When the budget runs out exactly at the end of an interval the
   * result is that end (e.g. 18:00, not 09:00 next day). `minutes = 0` returns `from`
   * unchanged. Fractional minutes are allowed (ms precision); negative values throw.
   */
  addWorkingMinutes(from: Date, minutes: number): Date {
    if (!Number.isFinite(minutes) || minutes < 0) {
      throw new RangeError(`minutes must be a finite non-negative number, got ${minutes}`);
    }
    if (minutes === 0) return new Date(from.getTime());
    let remaining = Math.round(minutes * MS_PER_MINUTE);
    const t = from.getTime();
    let d = this.localDate(from);
    let idle = 0;
    for (;;) {
      let used = false;
      for (const iv of this.intervalsMs(d)) {
        const e = iv.end;
        if (e <= t) continue;
        const begin = Math.max(iv.start, t);
        const avail = e - begin;
        used = true;
        if (remaining <= avail) return new Date(begin + remaining);
        remaining -= avail;
      }
      idle = used ? 0 : idle + 1;
      if (idle > MAX_SCAN_DAYS) throw new CalendarConfigError('Calendar has no working time');
      d = addLocalDays(d, 1);
    }
  }

  /** `addWorkingMinutes(from, hours * 60)`. */
  addWorkingHours(from: Date, hours: number): Date {
    return this.addWorkingMinutes(from, hours * 60);
  }

  /**
   * Working minutes inside `[from, to)` (only time within working intervals of working
   * days). Fractional when the instants are not whole minutes; negative if `to < from`.
   */
  workingMinutesBetween(from: Date, to: Date): number {
    const a = from.getTime();
    const b = to.getTime();
    if (b < a) return -this.workingMinutesBetween(to, from);
    let total = 0;
    const last = this.localDate(to);
    for (let d = this.localDate(from); diffLocalDays(d, last) >= 0; d = addLocalDays(d, 1)) {
      for (const iv of this.intervalsMs(d)) {
        const s = Math.max(iv.start, a);
        const e = Math.min(iv.end, b);
        if (e > s) total += e - s;
      }
    }
    return total / MS_PER_MINUTE;
  }
}
