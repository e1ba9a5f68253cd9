import { emptyPolicy, POLICY_COLLECTIONS, type PolicyCollection, type PolicyDocument } from '@redress/sdk';
import { canonicalize } from './canonical-json';

export const RULE_SET_KEYS = ['validity', 'severity', 'routing', 'sla'] as const;
export type RuleSetKey = (typeof RULE_SET_KEYS)[number];

/** Draft row collections besides POLICY_COLLECTIONS. */
export const RULE_SETS_COLLECTION = 'ruleSets';
export const SETTINGS_COLLECTION = 'settings';
export const SETTINGS_KEY = 'settings';

export interface DraftRow {
  collection: string;
  key: string;
  data: unknown;
}

type Keyed = { key: string };
const byKey = (a: Keyed, b: Keyed) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The one canonical form of a document: every collection sorted by key, members canonicalised. Rule-table rows keep
 * their order (it is meaningful: first hit wins).
 */
export function normalizeDocument(document: PolicyDocument): PolicyDocument {
  const base = emptyPolicy();
  const out = { ...base, ...document, schemaVersion: 1 } as PolicyDocument;
  for (const collection of POLICY_COLLECTIONS) {
    const items = ((document[collection] ?? []) as Keyed[]).slice().sort(byKey);
    (out as unknown as Record<string, unknown>)[collection] = items;
  }
  out.settings = { ...base.settings, ...(document.settings ?? {}) };
  out.rules = { ...base.rules, ...(document.rules ?? {}) };
  return canonicalize(out) as PolicyDocument;
}

/** Assembles the draft document from its rows (missing pieces take the empty policy's defaults). */
export function documentFromRows(rows: DraftRow[]): PolicyDocument {
  const document = emptyPolicy();
  const target = document as unknown as Record<string, unknown[]>;
  for (const row of rows) {
    if ((POLICY_COLLECTIONS as readonly string[]).includes(row.collection)) target[row.collection].push(row.data);
    else if (row.collection === RULE_SETS_COLLECTION && (RULE_SET_KEYS as readonly string[]).includes(row.key)) {
      (document.rules as unknown as Record<string, unknown>)[row.key] = row.data;
    } else if (row.collection === SETTINGS_COLLECTION) document.settings = { ...document.settings, ...(row.data as object) };
  }
  return normalizeDocument(document);
}

/** The rows a document is stored as in the draft. */
export function rowsFromDocument(document: PolicyDocument): DraftRow[] {
  const rows: DraftRow[] = [];
  for (const collection of POLICY_COLLECTIONS) {
    for (const item of (document[collection] ?? []) as Keyed[]) rows.push({ collection, key: item.key, data: item });
  }
  for (const key of RULE_SET_KEYS) rows.push({ collection: RULE_SETS_COLLECTION, key, data: document.rules[key] });
  rows.push({ collection: SETTINGS_COLLECTION, key: SETTINGS_KEY, data: document.settings });
  return rows;
}

export function isPolicyCollection(name: string): name is PolicyCollection {
  return (POLICY_COLLECTIONS as readonly string[]).includes(name);
}
