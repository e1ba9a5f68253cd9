/**
 * Chinese statutory holidays (法定节假日) and 调休 make-up working days, taken from the
 * `chinese-days` npm package.
 *
 * We deliberately read the package's published data file `dist/chinese-days.json`
 * (documented in its README) instead of calling its runtime functions (`isWorkday`,
 * `getDayDetail`, …): those parse dates as UTC midnight and then format them with the
 * host's local-time getters, so on a server whose `TZ` is west of UTC they answer for the
 * wrong day (e.g. with `TZ=America/New_York`, `isWorkday(new Date(2025, 9, 8, 12))` is
 * `true` although 2025-10-08 is a National Day holiday). The raw data is keyed by plain
 * `'YYYY-MM-DD'` strings and has no such problem.
 */
import chineseDaysData from 'chinese-days/dist/chinese-days.json';

interface ChineseDaysData {
  /** date → "English name,中文名,days" for every off day of a holiday period (weekends included). */
  holidays: Record<string, string>;
  /** date → holiday name for every 调休 make-up working day (a weekend made a working day). */
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
}

const data = chineseDaysData as ChineseDaysData;

export type ChineseDayStatus = { kind: 'statutory_holiday'; name: string } | { kind: 'makeup_workday'; name: string };

function holidayName(raw: string): string {
  // "National Day,国庆节,3" → "国庆节"
  const parts = raw.split(',');
  return parts[1] ?? parts[0];
}

/** Returns the statutory status of a date, or `undefined` when it is an ordinary day. */
export function chineseDayStatus(date: string): ChineseDayStatus | undefined {
  const w = data.workdays[date];
  if (w !== undefined) return { kind: 'makeup_workday', name: holidayName(w) };
  const h = data.holidays[date];
  if (h !== undefined) return { kind: 'statutory_holiday', name: holidayName(h) };
  return undefined;
}

function computeCoverage(): { firstYear: number; lastYear: number } {
  const years = Object.keys(data.holidays).map((d) => Number(d.slice(0, 4)));
  return { firstYear: Math.min(...years), lastYear: Math.max(...years) };
}

/**
 * Years for which the installed `chinese-days` has data. Outside this range every day is
 * treated as an ordinary day (Mon–Fri working); the State Council usually publishes next
 * year's arrangement in Oct–Dec, so keep the package up to date (`npm update chinese-days`).
 */
export const CHINESE_HOLIDAY_DATA_COVERAGE: Readonly<{ firstYear: number; lastYear: number }> = Object.freeze(computeCoverage());
