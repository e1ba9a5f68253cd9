/** Complaint numbers: `{YY}{MM}-{SEQ:4}` by default (e.g. 2611-0001), the serial restarting each month. */
export const DEFAULT_NUMBER_PATTERN = '{YY}{MM}-{SEQ:4}';

export interface LocalParts {
  year: number;
  month: number;
}

/** Year and month of an instant in the tenant's time zone (a complaint received at 00:30 on 1 Dec in Shanghai is December's). */
export function localYearMonth(at: Date, timeZone: string): LocalParts {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month') };
}

/** The counter period: one serial per month. */
export function numberPeriod(at: Date, timeZone: string): string {
  const { year, month } = localYearMonth(at, timeZone);
  return `${year}${String(month).padStart(2, '0')}`;
}

export function formatComplaintNumber(pattern: string, at: Date, timeZone: string, serial: number): string {
  const { year, month } = localYearMonth(at, timeZone);
  return pattern
    .replace(/\{YYYY\}/g, String(year))
    .replace(/\{YY\}/g, String(year % 100).padStart(2, '0'))
    .replace(/\{MM\}/g, String(month).padStart(2, '0'))
    .replace(/\{SEQ(?::(\d+))?\}/g, (_m, width?: string) => String(serial).padStart(Number(width ?? 4), '0'));
}

export function isValidNumberPattern(pattern: string): boolean {
  return /\{SEQ(?::\d+)?\}/.test(pattern) && /\{(YY|YYYY)\}/.test(pattern) && /\{MM\}/.test(pattern);
}
