import jsonLogic from 'json-logic-js';
import type { FieldDefinition } from '../../../../libs/sdk/src/policy/types';

export type { FieldDefinition };

/** What a field's visibleWhen/requiredWhen reads: the complaint as registered so far (same shape as the API's facts). */
export interface IntakeFacts {
  complaint: { type?: string; channel?: string; kind?: string; form: Record<string, unknown>; text?: string };
  customer?: Record<string, unknown>;
}

function truthy(rule: unknown, facts: IntakeFacts): boolean {
  try {
    return !!jsonLogic.apply(rule as any, facts as any);
  } catch {
    // A rule this client cannot evaluate (a server-side plugin operator) shows the field rather than hiding it.
    return true;
  }
}

export function isVisible(field: FieldDefinition, facts: IntakeFacts): boolean {
  return field.visibleWhen === undefined || field.visibleWhen === null ? true : truthy(field.visibleWhen, facts);
}

export function isRequired(field: FieldDefinition, facts: IntakeFacts): boolean {
  if (!isVisible(field, facts)) return false;
  if (field.required) return true;
  return field.requiredWhen === undefined || field.requiredWhen === null ? false : truthy(field.requiredWhen, facts);
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** Problems with the values, keyed by field key, as translation keys with arguments. */
export function validateForm(
  fields: FieldDefinition[],
  facts: IntakeFacts,
): Record<string, { message: string; args?: Record<string, unknown> }> {
  const problems: Record<string, { message: string; args?: Record<string, unknown> }> = {};
  for (const field of fields) {
    if (!isVisible(field, facts)) continue;
    const value = facts.complaint.form[field.key];
    if (isEmpty(value)) {
      if (isRequired(field, facts)) problems[field.key] = { message: 'ra.validation.required' };
      continue;
    }
    const rules = field.validation ?? {};
    if (typeof value === 'string') {
      if (rules.minLength !== undefined && value.length < rules.minLength)
        problems[field.key] = { message: 'ra.validation.minLength', args: { min: rules.minLength } };
      if (rules.maxLength !== undefined && value.length > rules.maxLength)
        problems[field.key] = { message: 'ra.validation.maxLength', args: { max: rules.maxLength } };
      if (rules.pattern && !new RegExp(rules.pattern).test(value))
        problems[field.key] = { message: 'ra.validation.regex', args: { pattern: rules.pattern } };
      if (field.type === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) problems[field.key] = { message: 'ra.validation.email' };
      if (field.type === 'phone' && !/^[0-9+\-\s()]{5,20}$/.test(value)) problems[field.key] = { message: 'app.intake.invalid_phone' };
    }
    if (typeof value === 'number') {
      if (rules.min !== undefined && value < rules.min)
        problems[field.key] = { message: 'ra.validation.minValue', args: { min: rules.min } };
      if (rules.max !== undefined && value > rules.max)
        problems[field.key] = { message: 'ra.validation.maxValue', args: { max: rules.max } };
    }
  }
  return problems;
}

/** Values of the fields that are shown (a hidden field's stale value is not submitted). */
export function visibleValues(fields: FieldDefinition[], facts: IntakeFacts): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of fields) {
    const value = facts.complaint.form[field.key];
    if (isVisible(field, facts) && !isEmpty(value)) result[field.key] = value;
  }
  return result;
}

/** A type's fields: its ancestors' fields first (a child inherits its parent's fields), without duplicates. */
export function fieldKeysForType(
  types: { key: string; parentKey?: string | null; fields: string[] }[],
  typeKey: string | undefined,
): string[] {
  const byKey = new Map(types.map((t) => [t.key, t]));
  const chain: { fields: string[] }[] = [];
  const seen = new Set<string>();
  let current = typeKey ? byKey.get(typeKey) : undefined;
  while (current && !seen.has(current.key)) {
    seen.add(current.key);
    chain.unshift(current);
    current = current.parentKey ? byKey.get(current.parentKey) : undefined;
  }
  return [...new Set(chain.flatMap((t) => t.fields ?? []))];
}
