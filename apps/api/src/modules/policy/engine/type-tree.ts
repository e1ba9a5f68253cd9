import type { ComplaintTypeDefinition } from '@redress/sdk';

/** Ancestors of a type, root first, the type itself last. Stops at a missing parent or a cycle. */
export function typeLineage(types: ReadonlyMap<string, ComplaintTypeDefinition>, typeKey: string): ComplaintTypeDefinition[] {
  const chain: ComplaintTypeDefinition[] = [];
  const seen = new Set<string>();
  let current = types.get(typeKey);
  while (current && !seen.has(current.key)) {
    seen.add(current.key);
    chain.unshift(current);
    current = current.parentKey ? types.get(current.parentKey) : undefined;
  }
  return chain;
}

/**
 * The type's path in the tree, e.g. `service/attitude` for `service.attitude` under `service`. A child key that
 * repeats its parent's key as a dotted prefix contributes only its own segment.
 */
export function typePathOf(types: ReadonlyMap<string, ComplaintTypeDefinition>, typeKey: string): string {
  const lineage = typeLineage(types, typeKey);
  if (!lineage.length) return typeKey;
  return lineage
    .map((type, index) => {
      const parent = lineage[index - 1];
      return parent && type.key.startsWith(`${parent.key}.`) ? type.key.slice(parent.key.length + 1) : type.key;
    })
    .join('/');
}

/** Keys that take part in a parentKey cycle. */
export function keysInCycles<T extends { key: string; parentKey?: string | null }>(items: T[]): string[] {
  const byKey = new Map(items.map((item) => [item.key, item]));
  const inCycle = new Set<string>();
  for (const start of items) {
    const path: string[] = [];
    let current: T | undefined = start;
    while (current) {
      const at = path.indexOf(current.key);
      if (at >= 0) {
        path.slice(at).forEach((key) => inCycle.add(key));
        break;
      }
      path.push(current.key);
      current = current.parentKey ? byKey.get(current.parentKey) : undefined;
    }
  }
  return [...inCycle].sort();
}
