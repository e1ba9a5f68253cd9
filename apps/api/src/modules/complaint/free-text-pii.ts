import { mask } from '../../common/crypto/personal-data';
import { isValidChineseId } from './form-validation';

export type FreeTextPiiKind = 'email' | 'id_number' | 'bank_card' | 'phone';

export interface PiiSpan {
  kind: FreeTextPiiKind;
  start: number;
  end: number;
  value: string;
}

// Candidates are found by shape, then confirmed by checksum where the number has one: an 18-digit run that fails
// the GB 11643 check digit is not an ID card, a 13–19-digit run that fails Luhn is not a bank card (order numbers).
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const ID_CARD = /(?<![0-9])\d{17}[\dXx](?![0-9A-Za-z])/g;
const BANK_CARD = /(?<![0-9])\d(?:[ -]?\d){12,18}(?![0-9])/g;
const MOBILE = /(?<![0-9])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d){8}(?![0-9])/g;

/** Luhn (ISO/IEC 7812) check of a card number's digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length >= 13 && sum % 10 === 0;
}

const digitsOf = (value: string) => value.replace(/\D/g, '');

/**
 * Personal data typed into free text (complaint text, replies, comments): Chinese mobile numbers, resident ID numbers
 * (check digit), bank-card numbers (Luhn) and e-mail addresses, as non-overlapping spans in text order.
 */
export function findPersonalData(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  const free = (start: number, end: number) => spans.every((s) => end <= s.start || start >= s.end);
  const scan = (pattern: RegExp, kind: FreeTextPiiKind, accept: (value: string) => boolean) => {
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (free(start, end) && accept(match[0])) spans.push({ kind, start, end, value: match[0] });
    }
  };
  scan(EMAIL, 'email', () => true);
  scan(ID_CARD, 'id_number', (value) => isValidChineseId(value));
  scan(MOBILE, 'phone', () => true);
  scan(BANK_CARD, 'bank_card', (value) => luhnValid(digitsOf(value)));
  return spans.sort((a, b) => a.start - b.start);
}

function maskSpan(span: PiiSpan): string {
  if (span.kind === 'bank_card') return `****${digitsOf(span.value).slice(-4)}`;
  if (span.kind === 'phone') return mask(digitsOf(span.value).slice(-11), 'phone') ?? '';
  return mask(span.value, span.kind) ?? '';
}

/** The text with every detected personal datum masked (138****5678, 1101**********1234, ****1234, z***@x.com). */
export function maskFreeText(text: string): string;
export function maskFreeText(text: string | null | undefined): string | null | undefined;
export function maskFreeText(text: string | null | undefined): string | null | undefined {
  if (!text) return text;
  const spans = findPersonalData(text);
  if (!spans.length) return text;
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + maskSpan(span);
    at = span.end;
  }
  return out + text.slice(at);
}

/** Masks every string inside a JSON value (timeline event data, reply drafts). */
export function maskFreeTextDeep<T>(value: T): T {
  if (typeof value === 'string') return maskFreeText(value) as T;
  if (Array.isArray(value)) return value.map((v) => maskFreeTextDeep(v)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskFreeTextDeep(v)])) as T;
  }
  return value;
}
