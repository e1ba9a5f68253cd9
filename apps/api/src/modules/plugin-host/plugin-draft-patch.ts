import type { DecisionRow, DecisionTable, FieldDefinition, PluginPolicyPatch, PolicyDocument } from '@redress/sdk';
import { canonicalJson } from '../policy/engine/canonical-json';

/** The policy collections a plugin contributes objects to (the patch's member → the document's member). */
const COLLECTIONS = [
  ['fields', 'fields'],
  ['complaintTypes', 'complaintTypes'],
  ['channels', 'channels'],
  ['severityLevels', 'severityLevels'],
  ['departments', 'departments'],
  ['slaPolicies', 'slaPolicies'],
  ['escalations', 'escalations'],
  ['templates', 'templates'],
  ['notices', 'notices'],
  ['tests', 'tests'],
  ['workflows', 'workflows'],
] as const;

const RULE_SETS = ['validity', 'severity', 'routing', 'sla'] as const;

type Keyed = { key: string; source?: string };

export interface DraftPatchPlan {
  /** What to merge into the draft (PolicyDraftService.merge): only the objects and tables that change. */
  partial: Partial<PolicyDocument>;
  /** `collection[key]` of objects added or refreshed from the plugin. */
  applied: string[];
  /** `collection[key]` of the tenant's own objects that share a key with the plugin's and were left untouched. */
  kept: string[];
  /** Rule rows added or refreshed, as `ruleSet[rowKey]`. */
  rows: string[];
  /**
   * Fields of the plugin whose key the draft already uses for a field of another meaning (another type, options,
   * requiredness, personal flag or validation). Enabling must be refused: keeping either definition silently would
   * change what the other side's forms accept (a required free-text store name turned into a 3-option select).
   */
  fieldConflicts: FieldConflict[];
}

export interface FieldConflict {
  key: string;
  /** The definition in the draft (the tenant's own, or another plugin's: see `source`). */
  existing: FieldDefinition;
  /** The plugin's definition. */
  incoming: FieldDefinition;
}

/** What a form accepts for a field; labels and help may differ (wording, translation) without changing it. */
function fieldMeaning(field: FieldDefinition): string {
  return canonicalJson({
    type: field.type,
    options: field.type === 'select' || field.type === 'multi_select' ? (field.options ?? []).map((o) => o.value).sort() : null,
    required: Boolean(field.required),
    personal: Boolean(field.personal),
    validation: field.validation ?? null,
    requiredWhen: field.requiredWhen ?? null,
  });
}

/** `门店 (select: a, b; required; from the tenant)` — one definition, for the conflict message. */
export function describeField(field: FieldDefinition): string {
  const traits = [
    field.options?.length ? `${field.type}: ${field.options.map((o) => o.value).join(', ')}` : field.type,
    ...(field.required ? ['required'] : []),
    ...(field.personal ? ['personal'] : []),
    ...(field.validation ? [`validation ${canonicalJson(field.validation)}`] : []),
    `from ${field.source && field.source !== 'core' ? `plugin ${field.source}` : 'the tenant'}`,
  ];
  return `${field.label.zh} (${traits.join('; ')})`;
}

/**
 * Plans how a plugin's patch lands in a tenant's draft (docs/plugins.md §6): objects whose key is absent are added,
 * objects the plugin added earlier (same `source`) are refreshed, the tenant's own objects are never touched.
 * Rows of the plugin (same `source`) are replaced and the plugin's rows go FIRST: a tenant table usually ends in
 * catch-all rows that would otherwise shadow them in first-hit tables, and in priority tables the first of equal
 * priorities wins (a plugin's catch-all at priority 0 must beat the tenant's `normal` default for its own types).
 */
export function planDraftPatch(draft: PolicyDocument, patch: PluginPolicyPatch): DraftPatchPlan {
  const partial: Partial<PolicyDocument> = {};
  const applied: string[] = [];
  const kept: string[] = [];
  const rows: string[] = [];
  const fieldConflicts: FieldConflict[] = [];
  for (const [from, to] of COLLECTIONS) {
    const existing = new Map(((draft[to] ?? []) as Keyed[]).map((item) => [item.key, item]));
    const items: Keyed[] = [];
    for (const item of patch[from] as Keyed[]) {
      const current = existing.get(item.key);
      if (current && current.source !== patch.source) {
        if (to === 'fields' && fieldMeaning(current as unknown as FieldDefinition) !== fieldMeaning(item as unknown as FieldDefinition)) {
          fieldConflicts.push({
            key: item.key,
            existing: current as unknown as FieldDefinition,
            incoming: item as unknown as FieldDefinition,
          });
        }
        kept.push(`${to}[${item.key}]`);
        continue;
      }
      items.push(item);
      applied.push(`${to}[${item.key}]`);
    }
    if (items.length) (partial as Record<string, unknown>)[to] = items;
  }
  const rules: Partial<PolicyDocument['rules']> = {};
  for (const ruleSet of RULE_SETS) {
    const pluginRows = patch.rules[ruleSet] as (DecisionRow<unknown> & { source?: string })[];
    const table = draft.rules[ruleSet] as DecisionTable<unknown>;
    const keys = new Set(pluginRows.map((row) => row.key));
    const others = table.rows.filter((row) => (row as { source?: string }).source !== patch.source && !keys.has(row.key));
    const removed = table.rows.length - others.length;
    if (!pluginRows.length && !removed) continue;
    const nextRows = [...pluginRows, ...others];
    (rules as Record<string, unknown>)[ruleSet] = { ...table, rows: nextRows };
    rows.push(...pluginRows.map((row) => `${ruleSet}[${row.key}]`));
  }
  if (Object.keys(rules).length) partial.rules = rules as PolicyDocument['rules'];
  return { partial, applied, kept, rows, fieldConflicts };
}

/** Plugin ids named as `source` anywhere in a policy document (objects and rule rows). */
export function pluginSources(document: PolicyDocument): Set<string> {
  const sources = new Set<string>();
  for (const [, to] of COLLECTIONS) for (const item of (document[to] ?? []) as Keyed[]) if (item.source) sources.add(item.source);
  for (const ruleSet of RULE_SETS) {
    for (const row of document.rules[ruleSet]?.rows ?? []) {
      const source = (row as { source?: string }).source;
      if (source) sources.add(source);
    }
  }
  return sources;
}
