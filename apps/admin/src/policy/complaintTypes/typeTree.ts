export interface TreeNode {
  key: string;
  parentKey?: string | null;
}

/** Depth of each node in the type tree (roots 0). Cycles and missing parents count as roots. */
export function treeDepths(nodes: TreeNode[]): Record<string, number> {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const depths: Record<string, number> = {};
  for (const node of nodes) {
    let depth = 0;
    const seen = new Set([node.key]);
    let parent = node.parentKey ? byKey.get(node.parentKey) : undefined;
    while (parent && !seen.has(parent.key)) {
      depth += 1;
      seen.add(parent.key);
      parent = parent.parentKey ? byKey.get(parent.parentKey) : undefined;
    }
    depths[node.key] = depth;
  }
  return depths;
}

/** Nodes in tree order: each parent followed by its children (by key), so a flat table reads as a tree. */
export function treeOrder<T extends TreeNode>(nodes: T[]): T[] {
  const children = new Map<string, T[]>();
  const keys = new Set(nodes.map((n) => n.key));
  for (const node of nodes) {
    const parent = node.parentKey && keys.has(node.parentKey) ? node.parentKey : '';
    children.set(parent, [...(children.get(parent) ?? []), node]);
  }
  const result: T[] = [];
  const visit = (parent: string, seen: Set<string>) => {
    for (const child of (children.get(parent) ?? []).sort((a, b) => a.key.localeCompare(b.key))) {
      if (seen.has(child.key)) continue;
      seen.add(child.key);
      result.push(child);
      visit(child.key, seen);
    }
  };
  visit('', new Set());
  return result.length === nodes.length ? result : [...result, ...nodes.filter((n) => !result.includes(n))];
}
