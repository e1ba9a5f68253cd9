import { RuleEvaluationError } from './errors';
import type { EvaluationContext, WorkingCalendar } from './types';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Epoch milliseconds of an ISO string / Date / epoch number, or null. */
export function toMs(v: unknown): number | null {
  if (typeof v === 'string') {
    const ms = Date.parse(v);
    return Number.isNaN(ms) ? null : ms;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) {
    const ms = v.getTime();
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

export function iso(ms: number): string | null {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
  return new Date(ms).toISOString();
}

let lastNowRaw: unknown;
let lastNowMs: number | null = null;

export function nowMs(ctx: EvaluationContext | undefined): number {
  const raw = ctx?.now;
  if (raw === undefined || raw === null) {
    throw new RuleEvaluationError('evaluation context with `now` is required by time operators');
  }
  if (raw === lastNowRaw && lastNowMs !== null) return lastNowMs;
  const ms = toMs(raw);
  if (ms === null) throw new RuleEvaluationError(`evaluation context \`now\` is not a valid time: ${String(raw)}`);
  lastNowRaw = raw;
  lastNowMs = ms;
  return ms;
}

export function calendarOf(ctx: EvaluationContext | undefined): WorkingCalendar {
  const cal = ctx?.calendar;
  if (!cal) throw new RuleEvaluationError('a working calendar must be supplied in the evaluation context');
  return cal;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(tz: string): Intl.DateTimeFormat | null {
  let f = formatters.get(tz);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null;
    }
    if (formatters.size > 200) formatters.clear();
    formatters.set(tz, f);
  }
  return f;
}

export function isValidTimeZone(tz: unknown): boolean {
  return typeof tz === 'string' && tz.length > 0 && tz.length < 64 && formatter(tz) !== null;
}

/** Resolve the zone: explicit argument (invalid → null) or context (invalid → error). */
export function zoneOf(ctx: EvaluationContext | undefined, arg: unknown): string | null {
  if (arg !== undefined && arg !== null) return isValidTimeZone(arg) ? (arg as string) : null;
  const tz = ctx?.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(tz)) throw new RuleEvaluationError(`invalid time zone in evaluation context: ${String(tz)}`);
  return tz;
}

const offsetCache = new Map<string, number>();
const QUARTER_HOUR = 15 * 60 * 1000;

/** Offset (ms) of `tz` at instant `ms`: local wall clock = ms + offset. Cached per 15 minutes. */
export function tzOffset(tz: string, ms: number): number {
  const bucket = Math.floor(ms / QUARTER_HOUR);
  const key = tz + '|' + bucket;
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  const f = formatter(tz);
  if (!f) throw new RuleEvaluationError(`invalid time zone: ${tz}`);
  const at = bucket * QUARTER_HOUR;
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const year = p['year']!;
  const local = Date.UTC(year, p['month']! - 1, p['day']!, p['hour']!, p['minute']!, p['second']!);
  // Date.UTC maps years 0–99 to 1900+; irrelevant for complaint data but keep it exact.
  const off = local - at;
  if (offsetCache.size > 10_000) offsetCache.clear();
  offsetCache.set(key, off);
  return off;
}

/** Wall-clock fields of an instant in a zone, via a UTC Date shifted by the offset. */
export function localDate(ms: number, tz: string): Date {
  return new Date(ms + tzOffset(tz, ms));
}

/** Convert a local wall-clock time (as UTC fields) back to an instant. */
export function fromLocal(localMs: number, tz: string): number {
  let guess = localMs - tzOffset(tz, localMs);
  guess = localMs - tzOffset(tz, guess);
  return guess;
}

const UNIT_MS: Record<string, number> = {
  second: 1000,
  seconds: 1000,
  minute: 60_000,
  minutes: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
};

export const DATE_ADD_UNITS = [
  'seconds',
  'minutes',
  'hours',
  'days',
  'weeks',
  'months',
  'second',
  'minute',
  'hour',
  'day',
  'week',
  'month',
];

export function dateAdd(ms: number, amount: number, unit: string, tz: string): number | null {
  const fixed = UNIT_MS[unit];
  if (fixed !== undefined) return ms + amount * fixed;
  const local = localDate(ms, tz);
  switch (unit) {
    case 'day':
    case 'days':
      local.setUTCDate(local.getUTCDate() + amount);
      break;
    case 'week':
    case 'weeks':
      local.setUTCDate(local.getUTCDate() + amount * 7);
      break;
    case 'month':
    case 'months': {
      const day = local.getUTCDate();
      local.setUTCDate(1);
      local.setUTCMonth(local.getUTCMonth() + amount);
      const last = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
      local.setUTCDate(Math.min(day, last));
      break;
    }
    default:
      return null;
  }
  const t = local.getTime();
  return Number.isNaN(t) ? null : fromLocal(t, tz);
}
