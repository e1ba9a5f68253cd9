/** Stable identifiers: lower-case, never display text. Plugin ids are a stricter subset (they prefix operators). */
export const STABLE_KEY = /^[a-z][a-z0-9_.-]*$/;
export const PLUGIN_ID = /^[a-z][a-z0-9_]*$/;
export const OPERATOR_NAME = /^[a-z][a-z0-9_]*$/;

export function isStableKey(value: unknown): value is string {
  return typeof value === 'string' && STABLE_KEY.test(value);
}
