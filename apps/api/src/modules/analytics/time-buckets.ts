/**
 * Calendar bucketing in the tenant's time zone, for SQL (week / month group keys) and for JS (report weeks,
 * alert days). Weeks start on Monday (ISO), as the Monday meeting's 投诉统计表 does.
 */

const TZ_PATTERN = /^[A-Za-z0-9_+\-/]+$/;

/** A time-zone name safe to inline into SQL (it is a group-by expression, so it cannot be a bound parameter). */
export function assertTimeZone(timeZone: string): string {
  if (!TZ_PATTERN.test(timeZone)) throw new RangeError(`Invalid time zone "${timeZone}"`);
  new Intl.DateTimeFormat('en-US', { timeZone }).format(0); // throws RangeError for unknown zones
  return timeZone;
}

/** Offset of the zone from UTC at an instant, in minutes (Asia/Shanghai: +480). */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** Local date `YYYY-MM-DD` of an instant. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Adds days to a local date `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday (local date) of the week containing a local date. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** The instant local midnight of `date` begins (exact for zones with DST too: the offset is taken at that moment). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const guess = new Date(`${date}T00:00:00Z`);
  const first = new Date(guess.getTime() - zoneOffsetMinutes(timeZone, guess) * 60_000);
  return new Date(guess.getTime() - zoneOffsetMinutes(timeZone, first) * 60_000);
}

export type SqlDialect = 'sqlite' | 'postgres';

/**
 * SQL for a local-calendar bucket of a timestamp column. PostgreSQL converts with the real zone rules
 * (`AT TIME ZONE`); SQLite has no zone database, so it shifts by the zone's offset at the period's start
 * (exact for Asia/Shanghai, which has no daylight saving; for DST zones a bucket edge may be off by an hour).
 */
export function bucketSql(
  dialect: SqlDialect,
  bucket: 'week' | 'month' | 'day',
  column: string,
  timeZone: string,
  offsetMinutes: number,
): string {
  assertTimeZone(timeZone);
  if (dialect === 'postgres') {
    const local = `(${column} AT TIME ZONE '${timeZone}')`;
    if (bucket === 'month') return `to_char(${local}, 'YYYY-MM')`;
    if (bucket === 'day') return `to_char(${local}, 'YYYY-MM-DD')`;
    return `to_char(date_trunc('week', ${local}), 'YYYY-MM-DD')`;
  }
  const shift = `'${offsetMinutes >= 0 ? '+' : ''}${Math.trunc(offsetMinutes)} minutes'`;
  if (bucket === 'month') return `strftime('%Y-%m', ${column}, ${shift})`;
  if (bucket === 'day') return `date(${column}, ${shift})`;
  // The Monday on or before the local day: step back six days, then forward to the next Monday.
  return `date(${column}, ${shift}, '-6 days', 'weekday 1')`;
}

/** SQL for the week (Monday) or month of a local-date column `YYYY-MM-DD` (the daily rollup's `day`). */
export function dayBucketSql(dialect: SqlDialect, bucket: 'week' | 'month', column: string): string {
  if (bucket === 'month') return `substr(${column}, 1, 7)`;
  return dialect === 'postgres'
    ? `to_char(date_trunc('week', CAST(${column} AS date)), 'YYYY-MM-DD')`
    : `date(${column}, '-6 days', 'weekday 1')`;
}
