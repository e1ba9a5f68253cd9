import type { JsonLogicRule } from '@redress/rules';
import type { ComplaintTypeDefinition } from '../policy/types';

/**
 * A plugin's decisions belong to its own trade. Its rule rows and escalations land in a tenant's policy next to the
 * tenant's rows and other plugins' rows, so a row written as "text mentions 漏水 → urgent" would otherwise decide a
 * kettle complaint of the tenant or a bank complaint. The SDK therefore confines every row it contributes to the
 * plugin's complaint types BY CONSTRUCTION: the row's condition becomes `type guard AND condition`, where the guard
 * is "complaint.typePath is one of the plugin's root types or below it" (children an admin adds under a plugin type
 * stay in scope). Validation refuses presets and escalations of a plugin that declares no complaint type, since
 * such rows could not be scoped.
 */

/** The plugin's root complaint types (validation guarantees every parent is one of the plugin's own types). */
export function pluginTypeRoots(types: readonly Pick<ComplaintTypeDefinition, 'key' | 'parentKey'>[]): string[] {
  const own = new Set(types.map((t) => t.key));
  return types.filter((t) => !t.parentKey || !own.has(t.parentKey)).map((t) => t.key);
}

/** `complaint.typePath` is a root type of the plugin or descends from one; null when the plugin has no types. */
export function pluginTypeGuard(types: readonly Pick<ComplaintTypeDefinition, 'key' | 'parentKey'>[]): JsonLogicRule | null {
  const roots = pluginTypeRoots(types);
  return roots.length ? { is_descendant_of: [{ var: 'complaint.typePath' }, roots] } : null;
}

/** The condition confined by the guard (the guard alone when there was no condition). */
export function scopeCondition(guard: JsonLogicRule, when: JsonLogicRule | undefined | null): JsonLogicRule {
  return when === undefined || when === null || when === true ? guard : { and: [guard, when] };
}

/**
 * The type path of a type in a list of types (`parent/child`), as the host computes it for `complaint.typePath`:
 * a child key that repeats its parent's key as a dotted prefix contributes only its own segment.
 */
export function typePathIn(types: readonly Pick<ComplaintTypeDefinition, 'key' | 'parentKey'>[], typeKey: string): string | undefined {
  const byKey = new Map(types.map((t) => [t.key, t]));
  const chain: string[] = [];
  const seen = new Set<string>();
  let current = byKey.get(typeKey);
  if (!current) return undefined;
  while (current && !seen.has(current.key)) {
    seen.add(current.key);
    chain.unshift(current.key);
    current = current.parentKey ? byKey.get(current.parentKey) : undefined;
  }
  return chain.map((key, i) => (i > 0 && key.startsWith(`${chain[i - 1]}.`) ? key.slice(chain[i - 1].length + 1) : key)).join('/');
}
