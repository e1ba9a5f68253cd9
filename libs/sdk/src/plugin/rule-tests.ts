import type { DecisionTable, EvaluationContext, TableResult } from '@redress/rules';
import type { RoutingOutcome, RuleTestCase, ValidityOutcome } from '../policy/types';
import { pluginToPolicyPatch, type PresetArgsByCode } from './patch';
import type { RedressPlugin } from './types';
import { engineFor } from './validate';
import { typePathIn } from './scope';

/** Adds `complaint.typePath` from the plugin's type tree when the facts name a type but no path (as the host does). */
function withTypePath(data: Record<string, unknown>, plugin: RedressPlugin): Record<string, unknown> {
  const complaint = data.complaint;
  if (!isPlainObject(complaint) || typeof complaint.type !== 'string' || complaint.typePath !== undefined) return data;
  const typePath = typePathIn(plugin.complaintTypes, complaint.type);
  return typePath ? { ...data, complaint: { ...complaint, typePath } } : data;
}

const BLOCKED = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Rule facts are nested objects (`{ complaint: { form: { product_line: 'credit_card' } } }`), which is what
 * `{"var": "complaint.form.product_line"}` reads. Sample facts may be written flat with dotted keys; this nests them.
 */
export function expandFacts(facts: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(facts)) {
    const parts = path.split('.');
    if (parts.some((p) => BLOCKED.has(p))) continue;
    let node = out;
    parts.slice(0, -1).forEach((part) => {
      const next = node[part];
      node = (node[part] = typeof next === 'object' && next !== null && !Array.isArray(next) ? next : {}) as Record<string, unknown>;
    });
    const last = parts[parts.length - 1];
    const existing = node[last];
    node[last] =
      isPlainObject(existing) && isPlainObject(value)
        ? { ...existing, ...expandFacts(value) }
        : isPlainObject(value)
          ? expandFacts(value)
          : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

export interface PluginDecision {
  validity: ValidityOutcome;
  severity: string | undefined;
  routing: RoutingOutcome | undefined;
  slaPolicy: string | undefined;
  /** Matched row keys per rule set. */
  matched: { validity: string[]; severity: string[]; routing: string[]; sla: string[] };
  errors: string[];
}

export interface DecideOptions {
  presetArgs?: PresetArgsByCode;
  context?: EvaluationContext;
  /** Severity when no severity row matches (a tenant's policy setting; default `normal`). */
  defaultSeverity?: string;
}

/**
 * Runs the plugin's preset rows as the intake pipeline would (validity → severity → routing → SLA selection, each
 * step's outcome added to the facts of the next), with only the plugin's rows in the tables. For plugin tests and
 * documentation; the real pipeline runs the tenant's whole published policy.
 */
export function decideWithPlugin(plugin: RedressPlugin, facts: Record<string, unknown>, options: DecideOptions = {}): PluginDecision {
  const patch = pluginToPolicyPatch(plugin, options.presetArgs);
  const engine = engineFor(plugin);
  const context: EvaluationContext = options.context ?? { now: (facts.now as string | undefined) ?? new Date(0).toISOString() };
  const data = withTypePath(expandFacts(facts), plugin);
  const errors: string[] = [];
  const run = <T>(table: DecisionTable<T>): TableResult<T> => {
    const result = engine.evaluateTable(table, data, { context }) as TableResult<T>;
    if (result.error) errors.push(`${table.key}: ${result.error}`);
    return result;
  };
  const validity = run<ValidityOutcome>({ key: 'validity', hitPolicy: 'first', rows: patch.rules.validity, default: { valid: true } });
  const validityValue = (validity.value as ValidityOutcome | undefined) ?? { valid: true };
  data.validity = { valid: validityValue.valid, reason: validityValue.reason ?? null };
  const severity = run<string>({
    key: 'severity',
    hitPolicy: 'priority',
    rows: patch.rules.severity,
    default: options.defaultSeverity ?? 'normal',
  });
  const severityValue = severity.value as string | undefined;
  data.severity = severityValue;
  data.complaint = { ...(data.complaint as Record<string, unknown> | undefined), severity: severityValue };
  const routing = run<RoutingOutcome>({ key: 'routing', hitPolicy: 'first', rows: patch.rules.routing });
  const routingValue = routing.value as RoutingOutcome | undefined;
  if (routingValue) data.complaint = { ...(data.complaint as Record<string, unknown>), department: routingValue.department };
  const sla = run<string>({ key: 'sla', hitPolicy: 'first', rows: patch.rules.sla });
  return {
    validity: validityValue,
    severity: severityValue,
    routing: routingValue,
    slaPolicy: sla.value as string | undefined,
    matched: { validity: validity.matched, severity: severity.matched, routing: routing.matched, sla: sla.matched },
    errors,
  };
}

export interface RuleTestFailure {
  test: string;
  expected: RuleTestCase['expect'];
  actual: Partial<Record<keyof RuleTestCase['expect'], unknown>>;
  matched: PluginDecision['matched'];
}

/** Runs the plugin's `ruleTests` against its preset rows; returns the failures (empty when all pass). */
export function runPluginRuleTests(plugin: RedressPlugin, options: DecideOptions = {}): RuleTestFailure[] {
  const failures: RuleTestFailure[] = [];
  for (const test of plugin.ruleTests) {
    const decision = decideWithPlugin(plugin, test.facts, options);
    const actual = {
      valid: decision.validity.valid,
      invalidReason: decision.validity.reason,
      severity: decision.severity,
      department: decision.routing?.department,
      slaPolicy: decision.slaPolicy,
    };
    const wrong = (Object.keys(test.expect) as (keyof RuleTestCase['expect'])[]).filter((k) => test.expect[k] !== actual[k]);
    if (wrong.length || decision.errors.length) failures.push({ test: test.key, expected: test.expect, actual, matched: decision.matched });
  }
  return failures;
}
