import type { DecisionRow, FactField } from '@redress/rules';
import type {
  ChannelDefinition,
  ComplaintTypeDefinition,
  DepartmentDefinition,
  EscalationRule,
  FieldDefinition,
  NoticeRule,
  RoutingOutcome,
  RuleTestCase,
  SeverityLevel,
  SlaPolicyDefinition,
  ValidityOutcome,
} from '../policy/types';
import type { WorkflowDefinition } from '../policy/workflow';
import { PluginValidationError, type PluginProblem } from './errors';
import { presetRows, resolveArgs } from './presets';
import { pluginTypeGuard, scopeCondition } from './scope';
import type { PluginTemplate, RedressPlugin, RuleSetName } from './types';

type Sourced<T> = T & { source: string };

/** A decision row contributed by a preset; `preset` lets the console show and re-run it with other arguments. */
export type PatchRow<T> = DecisionRow<T> & { source: string; preset: string };

/**
 * What enabling a plugin adds to a tenant's DRAFT policy: the policy's collections plus the preset rows per rule set.
 * Every object carries `source: <plugin id>`; every rule row and escalation is confined to the plugin's complaint
 * types (its condition is `type guard AND condition`, see scope.ts). The host adds objects whose key is absent, replaces rows with the same
 * key (re-enabling after an upgrade), and leaves everything else to the admin, who reviews and publishes.
 */
export interface PluginPolicyPatch {
  source: string;
  pluginVersion: string;
  fields: Sourced<FieldDefinition>[];
  complaintTypes: Sourced<ComplaintTypeDefinition>[];
  channels: Sourced<ChannelDefinition>[];
  severityLevels: Sourced<SeverityLevel>[];
  departments: Sourced<DepartmentDefinition>[];
  slaPolicies: Sourced<SlaPolicyDefinition>[];
  escalations: Sourced<EscalationRule>[];
  templates: Sourced<PluginTemplate>[];
  notices: Sourced<NoticeRule>[];
  tests: Sourced<RuleTestCase>[];
  workflows: Sourced<WorkflowDefinition>[];
  rules: {
    validity: PatchRow<ValidityOutcome>[];
    severity: PatchRow<string>[];
    routing: PatchRow<RoutingOutcome>[];
    sla: PatchRow<string>[];
  };
  /** The argument values each preset was instantiated with (defaults filled in). */
  presets: { code: string; ruleSet: RuleSetName; args: Record<string, unknown> }[];
  /** Facts the plugin adds to the fact schema. */
  facts: Record<string, FactField>;
}

/** Preset arguments chosen by the admin, by preset code. */
export type PresetArgsByCode = Record<string, Record<string, unknown>>;

function sourced<T extends object>(items: readonly T[], source: string): Sourced<T>[] {
  // structuredClone: the patch is data that gets stored; the plugin's own objects must not be shared or mutated.
  return items.map((item) => ({ ...structuredClone(item), source }));
}

/**
 * Turns a plugin (and the admin's preset arguments, defaults otherwise) into the patch for a draft policy.
 * Pure: the same plugin and arguments give the same patch. Throws {@link PluginValidationError} on bad arguments.
 */
export function pluginToPolicyPatch(plugin: RedressPlugin, presetArgs: PresetArgsByCode = {}): PluginPolicyPatch {
  const source = plugin.id;
  const problems: PluginProblem[] = [];
  for (const code of Object.keys(presetArgs)) {
    if (!plugin.rulePresets.some((p) => p.code === code)) {
      problems.push({ path: `plugins.${source}.rulePresets[${code}]`, code: 'UNKNOWN_PRESET', message: `no preset "${code}"` });
    }
  }
  // Every row and escalation is confined to the plugin's own complaint types (see scope.ts); validation refuses a
  // plugin with presets or escalations but no types, so the guard exists whenever there is something to confine.
  const guard = pluginTypeGuard(plugin.complaintTypes);
  const scoped = (when: DecisionRow<unknown>['when'] | undefined) => (guard ? scopeCondition(guard, when) : when);
  const rules: PluginPolicyPatch['rules'] = { validity: [], severity: [], routing: [], sla: [] };
  const presets: PluginPolicyPatch['presets'] = [];
  for (const preset of plugin.rulePresets) {
    const resolved = resolveArgs(preset.args, presetArgs[preset.code], `plugins.${source}.rulePresets[${preset.code}].args`);
    problems.push(...resolved.problems);
    if (resolved.problems.length) continue;
    presets.push({ code: preset.code, ruleSet: preset.ruleSet, args: resolved.values });
    const rows = presetRows(preset, resolved.values).map((row) => {
      const copy = structuredClone(row);
      return { ...copy, when: scoped(copy.when) ?? copy.when, source, preset: preset.code };
    });
    (rules[preset.ruleSet] as PatchRow<unknown>[]).push(...rows);
  }
  if (problems.length) throw new PluginValidationError(`preset arguments for plugin ${source}`, problems);
  return {
    source,
    pluginVersion: plugin.version,
    fields: sourced(plugin.fields, source),
    complaintTypes: sourced(plugin.complaintTypes, source),
    channels: sourced(plugin.channels, source),
    severityLevels: sourced(plugin.severityLevels, source),
    departments: sourced(plugin.departments, source),
    slaPolicies: sourced(plugin.slaPolicies, source),
    escalations: sourced(plugin.escalations, source).map((rule) => {
      const when = scoped(rule.when);
      return when === undefined ? rule : { ...rule, when };
    }),
    templates: sourced(plugin.templates, source),
    notices: sourced(plugin.notices, source),
    tests: sourced(plugin.ruleTests, source),
    workflows: sourced(plugin.workflows, source),
    rules,
    presets,
    facts: structuredClone(plugin.facts),
  };
}
