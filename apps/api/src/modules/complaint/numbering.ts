import { dateTimeFormat } from '../../common/date-format';

/** Complaint numbers: `{YY}{MM}-{SEQ:4}` by default (e.g. 2611-0001), the serial restarting each month. */
export const DEFAULT_NUMBER_PATTERN = '{YY}{MM}-{SEQ:4}';

export interface LocalParts {
  year: number;
  month: number;
}

/** Year and month of an instant in the tenant's time zone (a complaint received at 00:30 on 1 Dec in Shanghai is December's). */
export function localYearMonth(at: Date, timeZone: string): LocalParts {
  const parts = dateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(at);
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
  return numberPatternProblems(pattern).length === 0;
}

export interface NumberPatternProblem {
  code: 'NUMBER_PATTERN_NO_SERIAL' | 'NUMBER_PATTERN_NO_PERIOD' | 'NUMBER_PATTERN_UNKNOWN_TOKEN' | 'NUMBER_PATTERN_TOO_LONG';
  message: string;
}

/**
 * What a number pattern must hold: a serial `{SEQ}` / `{SEQ:n}` (1–9 digits), and the year and month, because the
 * serial restarts each month — without them two complaints would get the same number. Other tokens are typos.
 */
export function numberPatternProblems(pattern: unknown): NumberPatternProblem[] {
  if (typeof pattern !== 'string')
    return [{ code: 'NUMBER_PATTERN_NO_SERIAL', message: 'The number pattern is text such as {YY}{MM}-{SEQ:4}' }];
  const problems: NumberPatternProblem[] = [];
  if (pattern.length > 40) problems.push({ code: 'NUMBER_PATTERN_TOO_LONG', message: 'A number pattern has at most 40 characters' });
  if (!/\{SEQ(?::[1-9])?\}/.test(pattern))
    problems.push({
      code: 'NUMBER_PATTERN_NO_SERIAL',
      message: 'The pattern needs a serial {SEQ} or {SEQ:n} (n = 1–9 digits), e.g. {YY}{MM}-{SEQ:4}',
    });
  if (!/\{(YY|YYYY)\}/.test(pattern) || !/\{MM\}/.test(pattern)) {
    problems.push({
      code: 'NUMBER_PATTERN_NO_PERIOD',
      message: 'The serial restarts every month: the pattern needs the year ({YY} or {YYYY}) and the month ({MM})',
    });
  }
  const unknown = (pattern.match(/\{[^}]*\}?/g) ?? []).filter((token) => !/^\{(YYYY|YY|MM|SEQ(?::[1-9])?)\}$/.test(token));
  if (unknown.length)
    problems.push({ code: 'NUMBER_PATTERN_UNKNOWN_TOKEN', message: `Unknown ${unknown.join(', ')}: use {YYYY} {YY} {MM} {SEQ:n}` });
  return problems;
}
