import { formatQuery, defaultRuleProcessorJsonLogic } from 'react-querybuilder/formatQuery';
import { parseJsonLogic } from 'react-querybuilder/parseJsonLogic';
import type { RuleGroupType, RuleType } from 'react-querybuilder';

export type JsonLogic = unknown;

/** JSON-logic a condition of the builder cannot express — the editor then stays in raw-JSON mode. */
export class NotRepresentable extends Error {}

/** An empty condition is "always" (`true`), not react-querybuilder's `false`. */
const ALWAYS = true;

/**
 * Plugin operators are written `{"<op>": [{"var": field}, value]}` (the engine's convention for registered
 * operators); everything else uses react-querybuilder's standard JSON-logic mapping.
 */
export function toJsonLogic(query: RuleGroupType, customOperators: string[]): JsonLogic {
  if (!query.rules.length) return ALWAYS;
  const custom = new Set(customOperators);
  const result = formatQuery(query, {
    format: 'jsonlogic',
    parseNumbers: true,
    ruleProcessor: (rule: RuleType, options: any) =>
      custom.has(rule.operator)
        ? { [rule.operator]: [{ var: rule.field }, rule.value] }
        : defaultRuleProcessorJsonLogic(rule, options),
  });
  return result === false ? ALWAYS : result;
}

export function toQuery(logic: JsonLogic, customOperators: string[]): RuleGroupType {
  const empty: RuleGroupType = { combinator: 'and', rules: [] };
  if (logic === undefined || logic === null || logic === true || logic === '') return empty;
  const jsonLogicOperations = Object.fromEntries(
    customOperators.map((op) => [
      op,
      (args: any) => (Array.isArray(args) && args[0]?.var !== undefined ? ({ field: args[0].var, operator: op, value: args[1] } as RuleType) : false),
    ]),
  );
  const parsed = parseJsonLogic(logic as any, { jsonLogicOperations } as any) as RuleGroupType;
  // parseJsonLogic drops what it cannot read; a round trip that loses meaning must not silently rewrite a rule.
  if (!sameLogic(toJsonLogic(parsed, customOperators), logic)) throw new NotRepresentable();
  return parsed;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, canonical(v)] as const);
    // A one-element and/or is the element itself.
    if (entries.length === 1 && (entries[0][0] === 'and' || entries[0][0] === 'or') && Array.isArray(entries[0][1]) && (entries[0][1] as unknown[]).length === 1) {
      return (entries[0][1] as unknown[])[0];
    }
    return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  }
  return value;
}

export function sameLogic(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
