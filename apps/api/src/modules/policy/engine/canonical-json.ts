import { createHash } from 'node:crypto';

/**
 * The value with every object's keys in code-point order and `undefined` members dropped (arrays keep order).
 * Members are defined, not assigned: assigning `out["__proto__"] = x` would set the copy's prototype to `x` and drop
 * the member from the output, while JSON.parse keeps `"__proto__"` as an ordinary member that must survive the round trip.
 */
export function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : canonicalize(item)));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined)
        Object.defineProperty(out, key, { value: canonicalize(member), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/**
 * Canonical JSON: sorted keys, 2-space indent, trailing newline. Export, content hashes and "policy as code"
 * diffs in git all rely on the same value always printing the same bytes.
 */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(canonicalize(value), null, 2)}\n`;
}

export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
