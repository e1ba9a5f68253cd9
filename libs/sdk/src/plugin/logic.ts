import type { JsonLogicRule } from '@redress/rules';

/**
 * Small builders for the JSON-logic rules plugins write most, so preset code reads like the policy it encodes and
 * operator names live in one place. The output is plain JSON-logic: admins see and edit exactly this in the console.
 */
export const logic = {
  /** `{"var": path}` — read a fact (`complaint.text`, `complaint.form.product_line`, `bank.productLine`). */
  fact: (path: string): JsonLogicRule => ({ var: path }),
  and: (...rules: JsonLogicRule[]): JsonLogicRule => ({ and: rules }),
  or: (...rules: JsonLogicRule[]): JsonLogicRule => ({ or: rules }),
  not: (rule: JsonLogicRule): JsonLogicRule => ({ '!': [rule] }),
  /** True when the fact has a value (not null, empty string or empty list). */
  present: (path: string): JsonLogicRule => ({ '!!': [{ var: path }] }),
  eq: (path: string, value: unknown): JsonLogicRule => ({ '==': [{ var: path }, value] }),
  ne: (path: string, value: unknown): JsonLogicRule => ({ '!=': [{ var: path }, value] }),
  gt: (path: string, value: number): JsonLogicRule => ({ '>': [{ var: path }, value] }),
  gte: (path: string, value: number): JsonLogicRule => ({ '>=': [{ var: path }, value] }),
  lt: (path: string, value: number): JsonLogicRule => ({ '<': [{ var: path }, value] }),
  lte: (path: string, value: number): JsonLogicRule => ({ '<=': [{ var: path }, value] }),
  /** The fact's value is one of `values`. */
  oneOf: (path: string, values: readonly unknown[]): JsonLogicRule => ({ in: [{ var: path }, [...values]] }),
  /** The text fact contains any of the keywords (case- and width-insensitive, Chinese or English). */
  containsAny: (path: string, keywords: readonly string[]): JsonLogicRule => ({ contains_any: [{ var: path }, [...keywords]] }),
  /** The date/datetime fact lies more than `amount` `unit`s before the evaluation time (`now`). */
  olderThan: (path: string, amount: number, unit: 'minutes' | 'hours' | 'days' | 'weeks' | 'months'): JsonLogicRule => ({
    is_before: [{ var: path }, { date_add: [{ now: [] }, -amount, unit] }],
  }),
};
