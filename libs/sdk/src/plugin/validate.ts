import semver from 'semver';
import { FACT_TYPES, RuleEngine, type DecisionRow, type DecisionTable, type FactField, type FactSchema } from '@redress/rules';
import { factSchemaFor, TEMPLATE_VARIABLES, templateVariables } from '../policy/fact-schema';
import { FIELD_TYPES, type DurationKind, type EscalationTrigger, type TemplateKind } from '../policy/types';
import { PluginValidationError, type PluginProblem } from './errors';
import { BLOCKING_EVENT_NAMES, isRedressEventName } from './events';
import { OPERATOR_NAME, PLUGIN_ID, STABLE_KEY } from './keys';
import { presetRows, resolveArgs } from './presets';
import { extensionProblems } from './extensions';
import {
  PRESET_ARG_TYPES,
  RULE_SET_NAMES,
  type PluginInput,
  type PresetArgDefinitions,
  type RedressPlugin,
  type RulePreset,
} from './types';

const DURATION_KINDS: readonly DurationKind[] = [
  'natural_minutes',
  'natural_hours',
  'natural_days',
  'working_minutes',
  'working_hours',
  'working_days',
];
const ESCALATION_TRIGGERS: readonly EscalationTrigger[] = ['warning', 'breach', 'unsatisfied', 'aggregate', 'cross_department'];
const TEMPLATE_KINDS: readonly TemplateKind[] = ['script', 'letter', 'notice'];
const KINDS = ['complaint', 'suggestion', 'consultation'];
const ARG_NAME = /^[a-zA-Z][a-zA-Z0-9_]*$/;
/** A blocking hook runs inside the intake transaction: more than this would hold a complaint hostage. */
const MAX_BLOCKING_TIMEOUT_MS = 30_000;

/** Collects problems with paths rooted at `plugins.<id>`. */
class Problems {
  readonly list: PluginProblem[] = [];
  constructor(readonly root: string) {}
  add(path: string, code: string, message: string): void {
    this.list.push({ path: path ? `${this.root}.${path}` : this.root, code, message });
  }
}

function isText(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { zh?: unknown }).zh === 'string' &&
    (value as { zh: string }).zh.trim() !== ''
  );
}

/** Checks keys of a collection: each stable and unique. Returns the set of keys. */
function checkKeys<T>(problems: Problems, collection: string, items: readonly T[], keyOf: (item: T) => unknown): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const path = `${collection}[${typeof key === 'string' && key ? key : index}]`;
    if (typeof key !== 'string' || !STABLE_KEY.test(key)) {
      problems.add(path, 'INVALID_KEY', `key "${String(key)}" must match ${STABLE_KEY} (lower case, digits, _ . -)`);
      return;
    }
    if (seen.has(key)) problems.add(path, 'DUPLICATE_KEY', `duplicate key "${key}"`);
    seen.add(key);
  });
  return seen;
}

function checkArgDefinitions(problems: Problems, path: string, args: PresetArgDefinitions | undefined): void {
  if (args === undefined) return;
  if (typeof args !== 'object' || args === null) {
    problems.add(path, 'INVALID_ARGUMENT', 'must be an object of argument definitions');
    return;
  }
  for (const [name, definition] of Object.entries(args)) {
    const at = `${path}.${name}`;
    if (!ARG_NAME.test(name)) problems.add(at, 'INVALID_KEY', `argument name "${name}" must be an identifier`);
    if (!PRESET_ARG_TYPES.includes(definition?.type)) {
      problems.add(at, 'INVALID_ARGUMENT', `type must be one of ${PRESET_ARG_TYPES.join(', ')}`);
      continue;
    }
    if (!isText(definition.label)) problems.add(`${at}.label`, 'MISSING_TEXT', 'label needs zh text');
    if (definition.type === 'select') {
      if (!definition.options?.length) problems.add(`${at}.options`, 'INVALID_ARGUMENT', 'a select needs options');
      checkKeys(problems, `${at}.options`, definition.options ?? [], (o) => o.value);
    }
  }
  const { problems: defaults } = resolveArgs(args, {}, path);
  for (const p of defaults) problems.add(p.path.replace(/^args/, path), p.code, `default ${p.message}`);
}

/** Same engine semantics as the host: the plugin's own operators on top of the built-ins. */
export function engineFor(plugin: Pick<PluginInput, 'operators'>): RuleEngine {
  const engine = new RuleEngine();
  for (const operator of plugin.operators ?? []) engine.registerOperator(operator);
  return engine;
}

/** The facts a plugin's rows may read: system facts, its own fields (as `complaint.form.<key>`) and its facts. */
export function pluginFactSchema(plugin: PluginInput): FactSchema {
  return factSchemaFor(
    {
      fields: plugin.fields ?? [],
      complaintTypes: plugin.complaintTypes ?? [],
      channels: plugin.channels ?? [],
      severityLevels: plugin.severityLevels ?? [],
    },
    plugin.facts ?? {},
  );
}

/** Joins a rules-engine problem path (`$.rows[2].when.and[0]`) onto the preset path. */
function joinRulePath(base: string, path: string): string {
  const rest = path.startsWith('$') ? path.slice(1) : path;
  if (!rest) return base;
  return rest.startsWith('.') || rest.startsWith('[') ? `${base}${rest}` : `${base}.${rest}`;
}

function checkOutcome(problems: Problems, plugin: PluginInput, path: string, preset: RulePreset, row: DecisionRow<unknown>): void {
  const then = row.then as unknown;
  const known = (items: { key: string }[] | undefined, key: unknown) => !items?.length || items.some((x) => x.key === key);
  switch (preset.ruleSet) {
    case 'validity': {
      const outcome = then as { valid?: unknown; reason?: unknown; reasonText?: unknown };
      if (typeof outcome !== 'object' || outcome === null || typeof outcome.valid !== 'boolean') {
        problems.add(`${path}.then`, 'INVALID_OUTCOME', 'a validity row returns { valid: boolean, reason?, reasonText? }');
      } else if (!outcome.valid && (typeof outcome.reason !== 'string' || !STABLE_KEY.test(outcome.reason))) {
        problems.add(`${path}.then.reason`, 'INVALID_OUTCOME', 'an invalid outcome needs a stable reason code');
      } else if (!outcome.valid && !isText(outcome.reasonText)) {
        problems.add(`${path}.then.reasonText`, 'MISSING_TEXT', 'an invalid outcome needs reasonText with zh text');
      }
      break;
    }
    case 'severity':
      if (typeof then !== 'string') problems.add(`${path}.then`, 'INVALID_OUTCOME', 'a severity row returns a severity level key');
      else if (!known(plugin.severityLevels, then)) problems.add(`${path}.then`, 'UNKNOWN_REFERENCE', `unknown severity level "${then}"`);
      break;
    case 'routing': {
      const outcome = then as { department?: unknown };
      if (typeof outcome !== 'object' || outcome === null || typeof outcome.department !== 'string') {
        problems.add(`${path}.then`, 'INVALID_OUTCOME', 'a routing row returns { department, team?, assignee?, strategy? }');
      } else if (!known(plugin.departments, outcome.department)) {
        problems.add(`${path}.then.department`, 'UNKNOWN_REFERENCE', `unknown department "${outcome.department}"`);
      }
      break;
    }
    case 'sla':
      if (typeof then !== 'string') problems.add(`${path}.then`, 'INVALID_OUTCOME', 'an SLA row returns an SLA policy key');
      else if (!known(plugin.slaPolicies, then)) problems.add(`${path}.then`, 'UNKNOWN_REFERENCE', `unknown SLA policy "${then}"`);
      break;
  }
}

/** `engine` is absent when the plugin's operators are broken: the rows' rules are then not checked against it. */
function checkPresets(problems: Problems, plugin: PluginInput, engine: RuleEngine | undefined, schema: FactSchema): void {
  const presets = plugin.rulePresets ?? [];
  checkKeys(problems, 'rulePresets', presets, (p) => p.code);
  const rowKeys = new Set<string>();
  presets.forEach((preset, index) => {
    const path = `rulePresets[${preset.code ?? index}]`;
    if (typeof preset.code === 'string' && !preset.code.startsWith(`${plugin.id}.`)) {
      problems.add(path, 'INVALID_KEY', `preset code must start with "${plugin.id}."`);
    }
    if (!RULE_SET_NAMES.includes(preset.ruleSet)) {
      problems.add(`${path}.ruleSet`, 'INVALID_RULE_SET', `ruleSet must be one of ${RULE_SET_NAMES.join(', ')}`);
      return;
    }
    if (!isText(preset.name)) problems.add(`${path}.name`, 'MISSING_TEXT', 'name needs zh text');
    checkArgDefinitions(problems, `${path}.args`, preset.args);
    if (typeof preset.rows !== 'function') {
      problems.add(`${path}.rows`, 'INVALID_PRESET', 'rows must be a function of the arguments');
      return;
    }
    let rows: DecisionRow<unknown>[];
    try {
      rows = presetRows(preset, resolveArgs(preset.args ?? {}, {}).values);
    } catch (error) {
      problems.add(`${path}.rows`, 'INVALID_PRESET', `building rows from the default arguments threw: ${(error as Error).message}`);
      return;
    }
    if (!Array.isArray(rows) || rows.length === 0) {
      problems.add(`${path}.rows`, 'INVALID_PRESET', 'the default arguments produce no rows');
      return;
    }
    rows.forEach((row, i) => {
      const rowPath = `${path}.rows[${i}]`;
      if (!STABLE_KEY.test(row.key)) problems.add(`${rowPath}.key`, 'INVALID_KEY', `row key "${row.key}" must match ${STABLE_KEY}`);
      else if (rowKeys.has(row.key)) problems.add(`${rowPath}.key`, 'DUPLICATE_KEY', `duplicate row key "${row.key}"`);
      rowKeys.add(row.key);
      if (preset.ruleSet === 'severity' && typeof row.priority !== 'number') {
        problems.add(`${rowPath}.priority`, 'INVALID_PRESET', 'severity rows need a priority (the table uses the priority hit policy)');
      }
      checkOutcome(problems, plugin, rowPath, preset, row);
    });
    if (!engine) return;
    const table: DecisionTable<unknown> = {
      key: preset.code,
      hitPolicy: preset.ruleSet === 'severity' ? 'priority' : 'first',
      rows,
    };
    for (const p of engine.validateTable(table, schema)) {
      const message = p.suggestion && !p.message.includes(p.suggestion) ? `${p.message} (${p.suggestion})` : p.message;
      problems.add(joinRulePath(path, p.path), p.code, message);
    }
  });
}

function checkFactDefinitions(problems: Problems, plugin: PluginInput): void {
  for (const [key, fact] of Object.entries(plugin.facts ?? {}) as [string, FactField][]) {
    const path = `facts[${key}]`;
    if (!key.startsWith(`${plugin.id}.`) || !/^[a-z][a-zA-Z0-9_]*(\.[a-zA-Z][a-zA-Z0-9_]*)+$/.test(key)) {
      problems.add(path, 'INVALID_KEY', `fact path must start with "${plugin.id}." and be a dotted path of identifiers`);
    }
    if (!FACT_TYPES.includes(fact?.type)) problems.add(`${path}.type`, 'INVALID_FACT', `type must be one of ${FACT_TYPES.join(', ')}`);
  }
}

function checkOperators(problems: Problems, plugin: PluginInput): void {
  const operators = plugin.operators ?? [];
  const seen = new Set<string>();
  operators.forEach((operator, index) => {
    const path = `operators[${operator?.name ?? index}]`;
    if (typeof operator?.name !== 'string' || !OPERATOR_NAME.test(operator.name)) {
      problems.add(path, 'INVALID_OPERATOR', `operator name must match ${OPERATOR_NAME}`);
      return;
    }
    if (!operator.name.startsWith(`${plugin.id}_`)) {
      problems.add(
        path,
        'INVALID_OPERATOR',
        `operator name must start with "${plugin.id}_" so it cannot clash with built-ins or other plugins`,
      );
    }
    if (seen.has(operator.name)) problems.add(path, 'DUPLICATE_KEY', `duplicate operator "${operator.name}"`);
    seen.add(operator.name);
    if (typeof operator.fn !== 'function') problems.add(`${path}.fn`, 'INVALID_OPERATOR', 'fn must be a function');
    if (!FACT_TYPES.includes(operator.returns)) problems.add(`${path}.returns`, 'INVALID_OPERATOR', 'returns must be a fact type');
    (operator.args ?? []).forEach((arg, i) => {
      if (!FACT_TYPES.includes(arg.type)) problems.add(`${path}.args[${i}]`, 'INVALID_OPERATOR', 'argument type must be a fact type');
    });
  });
}

function checkHandlers(problems: Problems, plugin: PluginInput): void {
  for (const [name, handler] of Object.entries(plugin.on ?? {})) {
    const path = `on[${name}]`;
    if (!isRedressEventName(name)) {
      problems.add(path, 'UNKNOWN_EVENT', `unknown event "${name}"`);
      continue;
    }
    if (!handler || (handler.blocking === undefined && handler.after === undefined)) {
      problems.add(path, 'INVALID_HANDLER', 'give a blocking and/or an after handler');
      continue;
    }
    if (handler.blocking !== undefined) {
      if (typeof handler.blocking !== 'function') problems.add(`${path}.blocking`, 'INVALID_HANDLER', 'must be a function');
      if (!BLOCKING_EVENT_NAMES.includes(name)) {
        problems.add(`${path}.blocking`, 'INVALID_HANDLER', `blocking hooks exist only for ${BLOCKING_EVENT_NAMES.join(', ')}; use after`);
      }
    }
    if (handler.after !== undefined && typeof handler.after !== 'function')
      problems.add(`${path}.after`, 'INVALID_HANDLER', 'must be a function');
    const { blocking, after } = handler.timeoutMs ?? {};
    if (blocking !== undefined && !(blocking > 0 && blocking <= MAX_BLOCKING_TIMEOUT_MS)) {
      problems.add(`${path}.timeoutMs.blocking`, 'INVALID_HANDLER', `must be between 1 and ${MAX_BLOCKING_TIMEOUT_MS} ms`);
    }
    if (after !== undefined && !(after > 0)) problems.add(`${path}.timeoutMs.after`, 'INVALID_HANDLER', 'must be a positive number of ms');
    if (handler.maxAttempts !== undefined && !(Number.isInteger(handler.maxAttempts) && handler.maxAttempts >= 1)) {
      problems.add(`${path}.maxAttempts`, 'INVALID_HANDLER', 'must be a positive integer');
    }
  }
}

/**
 * Every problem of a plugin, each with a path. Checks keys (stable, unique), references between its own objects,
 * preset rows built from default arguments against the rules engine (the plugin's operators registered, its fields and
 * facts in the schema), template variables, operator names, handlers and the semver fields.
 */
export function pluginProblems(plugin: PluginInput): PluginProblem[] {
  const problems = new Problems(`plugins.${typeof plugin?.id === 'string' && plugin.id ? plugin.id : '?'}`);
  if (typeof plugin !== 'object' || plugin === null) {
    problems.add('', 'INVALID_PLUGIN', 'a plugin is an object made by definePlugin');
    return problems.list;
  }
  if (typeof plugin.id !== 'string' || !PLUGIN_ID.test(plugin.id)) problems.add('id', 'INVALID_KEY', `id must match ${PLUGIN_ID}`);
  if (typeof plugin.version !== 'string' || !semver.valid(plugin.version))
    problems.add('version', 'INVALID_VERSION', `version "${plugin.version}" is not semver`);
  if (typeof plugin.compatibility !== 'string' || !semver.validRange(plugin.compatibility)) {
    problems.add('compatibility', 'INVALID_VERSION', `compatibility "${plugin.compatibility}" is not a semver range`);
  }
  if (!isText(plugin.name)) problems.add('name', 'MISSING_TEXT', 'name needs zh text');
  if (!isText(plugin.description)) problems.add('description', 'MISSING_TEXT', 'description needs zh text');

  const fields = plugin.fields ?? [];
  const fieldKeys = checkKeys(problems, 'fields', fields, (f) => f.key);
  fields.forEach((field) => {
    const path = `fields[${field.key}]`;
    if (!FIELD_TYPES.includes(field.type)) problems.add(`${path}.type`, 'INVALID_FIELD', `type must be one of ${FIELD_TYPES.join(', ')}`);
    if (!isText(field.label)) problems.add(`${path}.label`, 'MISSING_TEXT', 'label needs zh text');
    if ((field.type === 'select' || field.type === 'multi_select') && !field.options?.length) {
      problems.add(`${path}.options`, 'INVALID_FIELD', 'a select field needs options');
    }
    checkKeys(problems, `${path}.options`, field.options ?? [], (o) => o.value);
  });

  const severityKeys = checkKeys(problems, 'severityLevels', plugin.severityLevels ?? [], (s) => s.key);
  (plugin.severityLevels ?? []).forEach((level) => {
    if (typeof level.rank !== 'number') problems.add(`severityLevels[${level.key}].rank`, 'INVALID_SEVERITY', 'rank must be a number');
  });
  const departmentKeys = checkKeys(problems, 'departments', plugin.departments ?? [], (d) => d.key);
  checkKeys(problems, 'channels', plugin.channels ?? [], (c) => c.key);

  const types = plugin.complaintTypes ?? [];
  const typeKeys = checkKeys(problems, 'complaintTypes', types, (t) => t.key);
  types.forEach((type) => {
    const path = `complaintTypes[${type.key}]`;
    if (!KINDS.includes(type.kind)) problems.add(`${path}.kind`, 'INVALID_TYPE', `kind must be one of ${KINDS.join(', ')}`);
    if (!isText(type.name)) problems.add(`${path}.name`, 'MISSING_TEXT', 'name needs zh text');
    (type.fields ?? []).forEach((key, i) => {
      if (!fieldKeys.has(key)) problems.add(`${path}.fields[${i}]`, 'UNKNOWN_REFERENCE', `unknown field "${key}" (declare it in fields)`);
    });
    if (type.parentKey && !typeKeys.has(type.parentKey))
      problems.add(`${path}.parentKey`, 'UNKNOWN_REFERENCE', `unknown parent type "${type.parentKey}"`);
    if (type.defaultSeverity && severityKeys.size && !severityKeys.has(type.defaultSeverity)) {
      problems.add(`${path}.defaultSeverity`, 'UNKNOWN_REFERENCE', `unknown severity level "${type.defaultSeverity}"`);
    }
    if (type.defaultDepartment && departmentKeys.size && !departmentKeys.has(type.defaultDepartment)) {
      problems.add(`${path}.defaultDepartment`, 'UNKNOWN_REFERENCE', `unknown department "${type.defaultDepartment}"`);
    }
  });

  checkFactDefinitions(problems, plugin);
  checkOperators(problems, plugin);
  checkArgDefinitions(problems, 'settings', plugin.settings);

  const policies = plugin.slaPolicies ?? [];
  checkKeys(problems, 'slaPolicies', policies, (p) => p.key);
  policies.forEach((policy) => {
    const path = `slaPolicies[${policy.key}]`;
    if (!policy.targets?.length) problems.add(`${path}.targets`, 'INVALID_SLA', 'an SLA policy needs at least one target');
    checkKeys(problems, `${path}.targets`, policy.targets ?? [], (t) => t.key);
    (policy.targets ?? []).forEach((target) => {
      for (const [i, duration] of [target.duration, ...(target.extensions ?? [])].entries()) {
        const at = i === 0 ? `${path}.targets[${target.key}].duration` : `${path}.targets[${target.key}].extensions[${i - 1}]`;
        if (!duration || !(duration.amount > 0) || !DURATION_KINDS.includes(duration.kind)) {
          problems.add(at, 'INVALID_SLA', `a duration is { amount > 0, kind: ${DURATION_KINDS.join(' | ')} }`);
        }
      }
    });
  });

  // Workflows: their keys here; states, guards and actions are checked with the tenant's whole policy at publish.
  checkKeys(problems, 'workflows', plugin.workflows ?? [], (w) => w.key);
  (plugin.complaintTypes ?? []).forEach((type) => {
    if (type.workflow && type.workflow !== 'default' && !(plugin.workflows ?? []).some((w) => w.key === type.workflow)) {
      problems.add(`complaintTypes[${type.key}].workflow`, 'UNKNOWN_REFERENCE', `unknown workflow "${type.workflow}"`);
    }
  });

  const escalations = plugin.escalations ?? [];
  checkKeys(problems, 'escalations', escalations, (e) => e.key);
  escalations.forEach((rule) => {
    const path = `escalations[${rule.key}]`;
    if (!ESCALATION_TRIGGERS.includes(rule.trigger))
      problems.add(`${path}.trigger`, 'INVALID_ESCALATION', `trigger must be one of ${ESCALATION_TRIGGERS.join(', ')}`);
    if (!rule.actions?.length) problems.add(`${path}.actions`, 'INVALID_ESCALATION', 'an escalation needs at least one action');
    (rule.actions ?? []).forEach((action, i) => {
      if (action.type === 'raise_severity' && severityKeys.size && !severityKeys.has(action.to)) {
        problems.add(`${path}.actions[${i}].to`, 'UNKNOWN_REFERENCE', `unknown severity level "${action.to}"`);
      }
    });
  });

  const templates = plugin.templates ?? [];
  const templateKeys = checkKeys(problems, 'templates', templates, (t) => t.key);
  templates.forEach((template) => {
    const path = `templates[${template.key}]`;
    if (!TEMPLATE_KINDS.includes(template.kind))
      problems.add(`${path}.kind`, 'INVALID_TEMPLATE', `kind must be one of ${TEMPLATE_KINDS.join(', ')}`);
    if (typeof template.body !== 'string' || !template.body.trim()) problems.add(`${path}.body`, 'INVALID_TEMPLATE', 'body is empty');
    for (const variable of templateVariables(`${template.subject ?? ''}\n${template.body ?? ''}`)) {
      if (!(variable in TEMPLATE_VARIABLES)) problems.add(`${path}.body`, 'UNKNOWN_VARIABLE', `unknown template variable {{${variable}}}`);
    }
    (template.typeKeys ?? []).forEach((key, i) => {
      if (!typeKeys.has(key)) problems.add(`${path}.typeKeys[${i}]`, 'UNKNOWN_REFERENCE', `unknown complaint type "${key}"`);
    });
  });
  escalations.forEach((rule) =>
    rule.actions?.forEach((action, i) => {
      if (action.type === 'notify' && action.template && !templateKeys.has(action.template)) {
        problems.add(`escalations[${rule.key}].actions[${i}].template`, 'UNKNOWN_REFERENCE', `unknown template "${action.template}"`);
      }
    }),
  );

  const notices = plugin.notices ?? [];
  checkKeys(problems, 'notices', notices, (n) => n.key);
  notices.forEach((notice) => {
    const path = `notices[${notice.key}]`;
    if (notice.template && !templateKeys.has(notice.template))
      problems.add(`${path}.template`, 'UNKNOWN_REFERENCE', `unknown template "${notice.template}"`);
    if (notice.to === 'customer' && templates.some((t) => t.key === notice.template && t.internal)) {
      problems.add(`${path}.template`, 'INTERNAL_TEMPLATE', `template "${notice.template}" is internal and cannot go to a customer`);
    }
  });

  checkKeys(problems, 'ruleTests', plugin.ruleTests ?? [], (t) => t.key);
  checkHandlers(problems, plugin);

  (plugin.demoComplaints ?? []).forEach((demo, i) => {
    const path = `demoComplaints[${i}]`;
    if (!typeKeys.has(demo.type)) problems.add(`${path}.type`, 'UNKNOWN_REFERENCE', `unknown complaint type "${demo.type}"`);
    if (!STABLE_KEY.test(demo.channel ?? '')) problems.add(`${path}.channel`, 'INVALID_KEY', 'channel must be a channel key');
    if (!demo.text?.trim()) problems.add(`${path}.text`, 'INVALID_DEMO', 'text is empty');
    for (const key of Object.keys(demo.form ?? {})) {
      if (!fieldKeys.has(key)) problems.add(`${path}.form.${key}`, 'UNKNOWN_REFERENCE', `unknown field "${key}"`);
    }
  });

  extensionProblems(plugin, (path, code, message) => problems.add(path, code, message));

  // A plugin's rows and escalations are confined to its complaint types (scope.ts); without a type they could not be,
  // and would decide every complaint of the tenant.
  if (!(plugin.complaintTypes ?? []).length) {
    if ((plugin.rulePresets ?? []).length) {
      problems.add('rulePresets', 'UNSCOPED_RULES', "rule presets apply only to the plugin's own complaint types: declare complaintTypes");
    }
    if (escalations.length) {
      problems.add('escalations', 'UNSCOPED_RULES', "escalations apply only to the plugin's own complaint types: declare complaintTypes");
    }
  }

  // Rule rows last: their rules are only checked once fields, facts and operators are sound.
  let engine: RuleEngine | undefined;
  if (problems.list.every((p) => !p.path.includes('.operators['))) {
    try {
      engine = engineFor(plugin);
    } catch (error) {
      problems.add('operators', 'INVALID_OPERATOR', `the rules engine refused an operator: ${(error as Error).message}`);
    }
  }
  checkPresets(problems, plugin, engine, pluginFactSchema(plugin));
  return problems.list;
}

/** Fills absent lists with empty ones; keeps the plugin's own objects (no copies, functions intact). */
export function normalizePlugin(plugin: PluginInput): RedressPlugin {
  return {
    ...plugin,
    fields: plugin.fields ?? [],
    complaintTypes: plugin.complaintTypes ?? [],
    channels: plugin.channels ?? [],
    severityLevels: plugin.severityLevels ?? [],
    departments: plugin.departments ?? [],
    rulePresets: plugin.rulePresets ?? [],
    slaPolicies: plugin.slaPolicies ?? [],
    escalations: plugin.escalations ?? [],
    templates: plugin.templates ?? [],
    notices: plugin.notices ?? [],
    ruleTests: plugin.ruleTests ?? [],
    workflows: plugin.workflows ?? [],
    operators: plugin.operators ?? [],
    facts: plugin.facts ?? {},
    settings: plugin.settings ?? {},
    on: plugin.on ?? {},
    demoComplaints: plugin.demoComplaints ?? [],
    entities: plugin.entities ?? [],
    migrations: plugin.migrations ?? [],
  };
}

/**
 * Validates a plugin (definePlugin calls it; the host calls it again at load, since a plugin object may have been
 * built by hand). Throws a {@link PluginValidationError} listing every problem; returns the normalized plugin.
 */
export function validatePlugin(plugin: PluginInput): RedressPlugin {
  const problems = pluginProblems(plugin);
  if (problems.length) throw new PluginValidationError(`plugin ${plugin?.id ?? '?'}`, problems);
  return normalizePlugin(plugin);
}
