/**
 * Minimal, dependency-free time-zone helpers built on `Intl.DateTimeFormat`.
 *
 * Conventions used throughout the SLA calendar code:
 *  - an *instant* is a JS `Date` (a point on the UTC time line);
 *  - a *local date* is a civil date string `'YYYY-MM-DD'` in some IANA zone;
 *  - a *minute of day* is the number of minutes since local midnight (0..1440, may be fractional).
 *
 * Nothing here ever reads the host process time zone (no `getHours()`/`getDate()` etc.),
 * so results do not depend on `TZ` of the server.
 */

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatterCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatterCache.set(timeZone, f);
  }
  return f;
}

/** Throws a `RangeError` when `timeZone` is not a valid IANA zone known to this runtime. */
export function assertValidTimeZone(timeZone: string): void {
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`Invalid IANA time zone: ${JSON.stringify(timeZone)}`);
  }
}

export interface ZonedParts {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** Wall-clock components of `instant` in `timeZone`. */
export function zonedParts(instant: Date | number, timeZone: string): ZonedParts {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid Date');
  const out: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(ms)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year,
    month: out.month,
    day: out.day,
    hour: out.hour === 24 ? 0 : out.hour,
    minute: out.minute,
    second: out.second,
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

/** Offset (local − UTC) in ms of `timeZone` at `instant`. */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const p = zonedParts(instantMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return asUtc - instantMs;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** The civil date `'YYYY-MM-DD'` of `instant` in `timeZone`. */
export function localDateOf(instant: Date | number, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Minutes since local midnight of `instant` in `timeZone` (fractional, includes seconds/ms). */
export function localMinuteOfDay(instant: Date | number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  return p.hour * 60 + p.minute + p.second / 60 + p.millisecond / MS_PER_MINUTE;
}

/** Parses and validates `'YYYY-MM-DD'`; returns the UTC-midnight epoch ms used for civil arithmetic. */
export function parseLocalDate(date: string): number {
  const m = LOCAL_DATE_RE.exec(date);
  if (!m) throw new RangeError(`Expected a 'YYYY-MM-DD' date, got ${JSON.stringify(date)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`Not a real calendar date: ${JSON.stringify(date)}`);
  }
  return ms;
}

function formatCivil(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Civil-date arithmetic: `'2025-09-30' + 1 = '2025-10-01'` (no time zone involved). */
export function addLocalDays(date: string, days: number): string {
  return formatCivil(parseLocalDate(date) + days * MS_PER_DAY);
}

/** Number of civil days from `a` to `b` (`b − a`). */
export function diffLocalDays(a: string, b: string): number {
  return Math.round((parseLocalDate(b) - parseLocalDate(a)) / MS_PER_DAY);
}

/** Day of week of a civil date, 0 = Sunday … 6 = Saturday. */
export function weekdayOfLocalDate(date: string): number {
  return new Date(parseLocalDate(date)).getUTCDay();
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` + `minuteOfDay`
 * (`minuteOfDay` may be 1440 = next midnight, or fractional).
 *
 * DST handling: a wall time inside a spring-forward gap is shifted forward by the gap
 * (02:30 → 03:30); an ambiguous fall-back wall time resolves to one of its two instants
 * (the first one for the usual northern-hemisphere transitions). Asia/Shanghai has neither.
 */
export function zonedTimeToInstant(date: string, minuteOfDay: number, timeZone: string): Date {
  const localMs = parseLocalDate(date) + Math.round(minuteOfDay * MS_PER_MINUTE);
  const off1 = zoneOffsetMs(localMs, timeZone);
  const guess1 = localMs - off1;
  const off2 = zoneOffsetMs(guess1, timeZone);
  if (off2 === off1) return new Date(guess1);
  const guess2 = localMs - off2;
  if (zoneOffsetMs(guess2, timeZone) === off2) return new Date(guess2);
  // Wall time does not exist (DST gap): keep the pre-transition offset, i.e. shift forward.
  return new Date(guess1);
}

/** Parses `'HH:MM'` (00:00 … 24:00) into minutes since midnight. */
export function parseClockTime(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`Expected 'HH:MM', got ${JSON.stringify(hhmm)}`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) {
    throw new RangeError(`Invalid clock time ${JSON.stringify(hhmm)}`);
  }
  return h * 60 + min;
}
