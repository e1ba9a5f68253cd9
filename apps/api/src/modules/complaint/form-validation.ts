import { defaultEngine, safeRegExp, type EvaluationContext, type SafeRegExp } from '@redress/rules';
import type { FieldDefinition } from '@redress/sdk';

export interface FormProblem {
  field: string;
  code: 'REQUIRED' | 'INVALID_TYPE' | 'INVALID_OPTION' | 'PATTERN' | 'MIN' | 'MAX' | 'MIN_LENGTH' | 'MAX_LENGTH' | 'UNKNOWN_FIELD' | 'INVALID_FORMAT';
  message: string;
}

const CN_MOBILE = /^(\+?86)?1[3-9]\d{9}$/;
const PHONE = /^\+?[\d\s-]{5,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CN_ID = /^\d{17}[\dXx]$/;

/** GB 11643 check digit of an 18-digit resident ID number. */
export function isValidChineseId(value: string): boolean {
  if (!CN_ID.test(value)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  return '10X98765432'[sum % 11] === value[17].toUpperCase();
}

const isBlank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function condition(rule: unknown, facts: object, context: EvaluationContext, fallback: boolean): boolean {
  if (rule === undefined || rule === null) return fallback;
  const result = defaultEngine.evaluate(rule, facts, { context, default: fallback });
  return result.error ? fallback : Boolean(result.value);
}

/**
 * Checks form values against the type's fields, all problems at once, each with its path (`form.<key>`).
 * Hidden fields (visibleWhen false) are neither required nor kept. Returns the cleaned values.
 */
export function validateForm(
  fields: FieldDefinition[],
  values: Record<string, unknown>,
  facts: Record<string, unknown>,
  context: EvaluationContext,
): { values: Record<string, unknown>; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const cleaned: Record<string, unknown> = {};
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) problems.push({ field: `form.${key}`, code: 'UNKNOWN_FIELD', message: `Unknown field "${key}" for this complaint type` });
  }
  for (const field of fields) {
    const path = `form.${field.key}`;
    const visible = condition(field.visibleWhen, facts, context, true);
    if (!visible) continue;
    const value = values[field.key];
    const required = field.required || condition(field.requiredWhen, facts, context, false);
    if (isBlank(value)) {
      if (required) problems.push({ field: path, code: 'REQUIRED', message: `${field.label.en ?? field.label.zh} is required` });
      continue;
    }
    const problem = checkValue(field, value);
    if (problem) problems.push({ field: path, ...problem });
    else cleaned[field.key] = normalise(field, value);
  }
  return { values: cleaned, problems };
}

function normalise(field: FieldDefinition, value: unknown): unknown {
  if (field.type === 'number' || field.type === 'money') return Number(value);
  if (typeof value === 'string') return value.trim();
  return value;
}

function checkValue(field: FieldDefinition, value: unknown): Omit<FormProblem, 'field'> | null {
  const v = field.validation ?? {};
  const options = new Set((field.options ?? []).map((o) => o.value));
  switch (field.type) {
    case 'number':
    case 'money': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!Number.isFinite(n)) return { code: 'INVALID_TYPE', message: 'Expected a number' };
      if (field.type === 'money' && Math.round(n * 100) !== n * 100) return { code: 'INVALID_FORMAT', message: 'At most two decimals' };
      if (v.min !== undefined && n < v.min) return { code: 'MIN', message: `Must be at least ${v.min}` };
      if (v.max !== undefined && n > v.max) return { code: 'MAX', message: `Must be at most ${v.max}` };
      return null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : { code: 'INVALID_TYPE', message: 'Expected true or false' };
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
        ? null : { code: 'INVALID_FORMAT', message: 'Expected a date YYYY-MM-DD' };
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? null : { code: 'INVALID_FORMAT', message: 'Expected an ISO date-time' };
    case 'select':
      return typeof value === 'string' && options.has(value) ? null : { code: 'INVALID_OPTION', message: `Not one of: ${[...options].join(', ')}` };
    case 'multi_select':
      return Array.isArray(value) && value.every((x) => typeof x === 'string' && options.has(x))
        ? null : { code: 'INVALID_OPTION', message: `Each value must be one of: ${[...options].join(', ')}` };
    case 'attachment':
      return Array.isArray(value) && value.every((x) => typeof x === 'string') ? null : { code: 'INVALID_TYPE', message: 'Expected a list of attachment references' };
    default: {
      if (typeof value !== 'string') return { code: 'INVALID_TYPE', message: 'Expected text' };
      const text = value.trim();
      if (field.type === 'phone' && !(CN_MOBILE.test(text.replace(/[\s-]/g, '')) || PHONE.test(text))) return { code: 'INVALID_FORMAT', message: 'Not a phone number' };
      if (field.type === 'email' && !EMAIL.test(text)) return { code: 'INVALID_FORMAT', message: 'Not an e-mail address' };
      if (field.type === 'id_number' && !isValidChineseId(text)) return { code: 'INVALID_FORMAT', message: 'Not a valid ID number' };
      if (v.minLength !== undefined && [...text].length < v.minLength) return { code: 'MIN_LENGTH', message: `At least ${v.minLength} characters` };
      if (v.maxLength !== undefined && [...text].length > v.maxLength) return { code: 'MAX_LENGTH', message: `At most ${v.maxLength} characters` };
      if (v.pattern) {
        // RE2 (linear time): a complainant's input cannot stall the server whatever the pattern. A pattern RE2 refuses
        // cannot be published; one published before the switch is skipped rather than run on a backtracking engine.
        let re: SafeRegExp | null = null;
        try { re = safeRegExp(v.pattern, 'u'); } catch { re = null; }
        if (re && !re.test(text)) return { code: 'PATTERN', message: `Does not match the expected format` };
      }
      return null;
    }
  }
}

