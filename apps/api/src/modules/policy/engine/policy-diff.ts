import { POLICY_COLLECTIONS, type PolicyDocument } from '@redress/sdk';
import { canonicalJson } from './canonical-json';
import { RULE_SET_KEYS } from './policy-document';

export interface PathChange {
  /** Path inside the object, e.g. `name.zh`, `targets[resolution].duration.amount`, `then.department`. */
  path: string;
  before?: unknown;
  after?: unknown;
}

export interface ChangedObject {
  key: string;
  changes: PathChange[];
}

export interface CollectionDiff {
  collection: string;
  added: string[];
  removed: string[];
  changed: ChangedObject[];
}

export interface RuleSetDiff {
  key: string;
  rowsAdded: string[];
  rowsRemoved: string[];
  rowsChanged: ChangedObject[];
  /** Same rows, different order (matters for first-hit tables). */
  rowsReordered: boolean;
  /** hitPolicy, default. */
  tableChanges: PathChange[];
}

export interface PolicyDiff {
  identical: boolean;
  collections: CollectionDiff[];
  ruleSets: RuleSetDiff[];
  settings: PathChange[];
  summary: string;
}

type Keyed = { key: string };
const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isKeyedArray = (value: unknown): value is Keyed[] =>
  Array.isArray(value) && value.length > 0 && value.every((x) => isObject(x) && typeof x.key === 'string');
const join = (prefix: string, member: string) => (prefix ? `${prefix}.${member}` : member);

/** The smallest paths at which two values differ. */
export function diffValues(before: unknown, after: unknown, path = ''): PathChange[] {
  if (same(before, after)) return [];
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffValues(before[key], after[key], join(path, key)));
  }
  if (isKeyedArray(before) && isKeyedArray(after)) {
    const a = new Map(before.map((x) => [x.key, x]));
    const b = new Map(after.map((x) => [x.key, x]));
    const keys = [...new Set([...a.keys(), ...b.keys()])];
    const changes = keys.flatMap((key) => diffValues(a.get(key), b.get(key), `${path}[${key}]`));
    const order = (list: Keyed[], other: Map<string, Keyed>) =>
      list
        .filter((x) => other.has(x.key))
        .map((x) => x.key)
        .join(',');
    if (order(before, b) !== order(after, a))
      changes.push({ path: `${path} (order)`, before: before.map((x) => x.key), after: after.map((x) => x.key) });
    return changes;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length && before.some(isObject)) {
    return before.flatMap((item, index) => diffValues(item, after[index], `${path}[${index}]`));
  }
  return [{ path: path || '(value)', ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) }];
}

function diffKeyed(before: Keyed[], after: Keyed[]): { added: string[]; removed: string[]; changed: ChangedObject[] } {
  const a = new Map(before.map((x) => [x.key, x]));
  const b = new Map(after.map((x) => [x.key, x]));
  return {
    added: after.filter((x) => !a.has(x.key)).map((x) => x.key),
    removed: before.filter((x) => !b.has(x.key)).map((x) => x.key),
    changed: after.filter((x) => a.has(x.key) && !same(a.get(x.key), x)).map((x) => ({ key: x.key, changes: diffValues(a.get(x.key), x) })),
  };
}

const list = (keys: string[]) => (keys.length > 6 ? `${keys.slice(0, 6).join(', ')}, …` : keys.join(', '));
const brief = (value: unknown) => {
  const text = value === undefined ? '(none)' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** A structured, readable difference between two policy documents (or a draft), with a text summary. */
export function diffPolicies(before: PolicyDocument, after: PolicyDocument): PolicyDiff {
  const collections: CollectionDiff[] = [];
  for (const collection of POLICY_COLLECTIONS) {
    const diff = diffKeyed((before[collection] ?? []) as Keyed[], (after[collection] ?? []) as Keyed[]);
    if (diff.added.length || diff.removed.length || diff.changed.length) collections.push({ collection, ...diff });
  }
  const ruleSets: RuleSetDiff[] = [];
  for (const key of RULE_SET_KEYS) {
    const a = before.rules[key];
    const b = after.rules[key];
    if (same(a, b)) continue;
    const rows = diffKeyed(a.rows, b.rows);
    const common = (x: Keyed[], other: Keyed[]) =>
      x
        .filter((row) => other.some((o) => o.key === row.key))
        .map((row) => row.key)
        .join(',');
    ruleSets.push({
      key,
      rowsAdded: rows.added,
      rowsRemoved: rows.removed,
      rowsChanged: rows.changed,
      rowsReordered: common(a.rows, b.rows) !== common(b.rows, a.rows),
      tableChanges: diffValues(
        { key: a.key, hitPolicy: a.hitPolicy, default: a.default },
        { key: b.key, hitPolicy: b.hitPolicy, default: b.default },
      ),
    });
  }
  const settings = diffValues(before.settings, after.settings);

  const lines: string[] = [];
  for (const c of collections) {
    const parts = [
      c.added.length ? `added ${list(c.added)}` : '',
      c.removed.length ? `removed ${list(c.removed)}` : '',
      c.changed.length
        ? `changed ${list(
            c.changed.map(
              (x) =>
                `${x.key} (${x.changes
                  .map((ch) => ch.path)
                  .slice(0, 3)
                  .join(', ')})`,
            ),
          )}`
        : '',
    ].filter(Boolean);
    lines.push(`${c.collection}: ${parts.join('; ')}`);
  }
  for (const r of ruleSets) {
    const parts = [
      r.rowsAdded.length ? `rows added ${list(r.rowsAdded)}` : '',
      r.rowsRemoved.length ? `rows removed ${list(r.rowsRemoved)}` : '',
      r.rowsChanged.length ? `rows changed ${list(r.rowsChanged.map((x) => x.key))}` : '',
      r.rowsReordered ? 'rows reordered' : '',
      ...r.tableChanges.map((ch) => `${ch.path} ${brief(ch.before)} → ${brief(ch.after)}`),
    ].filter(Boolean);
    lines.push(`rules.${r.key}: ${parts.join('; ')}`);
  }
  for (const change of settings) lines.push(`settings.${change.path}: ${brief(change.before)} → ${brief(change.after)}`);
  const identical = lines.length === 0;
  return { identical, collections, ruleSets, settings, summary: identical ? 'No differences.' : lines.join('\n') };
}
