import { formatQuery, defaultRuleProcessorJsonLogic } from 'react-querybuilder/formatQuery';
import { parseJsonLogic } from 'react-querybuilder/parseJsonLogic';
import type { RuleGroupType, RuleType } from 'react-querybuilder';

export type JsonLogic = unknown;

/** JSON-logic a condition of the builder cannot express — the editor then stays in raw-JSON mode. */
export class NotRepresentable extends Error {}

/** An operator the API registered (Redress or plugin), with the types of its arguments when known. */
export interface NamedOperator {
  name: string;
  args?: { name: string; type: string; optional?: boolean; variadic?: boolean }[];
}
export type CustomOperator = string | NamedOperator;

/** An empty condition is "always" (`true`), not react-querybuilder's `false`. */
const ALWAYS = true;

/**
 * Builder operators for JSON-logic forms react-querybuilder has no operator of its own for. Strict equality is kept
 * apart from `==` (JSON-logic's `==` converts types, `===` does not), so a rule opened and saved keeps its meaning.
 */
export const EXTRA_OPERATORS = ['===', '!==', 'isEmpty', 'notEmpty'] as const;

/** Argument types whose value is a list: edited as text separated by commas (，、 or ,) and stored as an array. */
const LIST_TYPES = new Set(['string[]', 'number[]', 'array']);

const isVar = (node: unknown): node is { var: string } =>
  !!node &&
  typeof node === 'object' &&
  !Array.isArray(node) &&
  typeof (node as { var?: unknown }).var === 'string' &&
  Object.keys(node).length === 1;

function infoOf(customOperators: CustomOperator[]): Map<string, NamedOperator> {
  return new Map(customOperators.map((op) => (typeof op === 'string' ? [op, { name: op }] : [op.name, op])));
}

/** Values after the field: one value as itself, several (e.g. a pattern and its flags) as an array. */
function valueArgs(op: NamedOperator | undefined): number {
  return Math.max(1, (op?.args?.length ?? 2) - 1);
}

/** Text typed into a list-valued operator becomes the list it stands for ("媒体，曝光、记者" → three keywords). */
export function listValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value
    .split(/[,，、;；\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

function customLogic(rule: RuleType, op: NamedOperator | undefined): JsonLogic {
  const count = valueArgs(op);
  const listArg = (index: number) => LIST_TYPES.has(op?.args?.[index + 1]?.type ?? '');
  if (count === 1) return { [rule.operator]: [{ var: rule.field }, listArg(0) ? listValue(rule.value) : rule.value] };
  const values = Array.isArray(rule.value) ? rule.value : listValue(rule.value);
  return { [rule.operator]: [{ var: rule.field }, ...(values as unknown[])] };
}

/** Rewrites `{"!": {"var": x}}` (an empty value) into a marker the parser maps to the builder's "is empty". */
function encodeForParse(logic: JsonLogic): JsonLogic {
  if (Array.isArray(logic)) return logic.map(encodeForParse);
  if (!logic || typeof logic !== 'object') return logic;
  const entries = Object.entries(logic as Record<string, unknown>);
  if (entries.length === 1) {
    const [key, value] = entries[0];
    const operand = Array.isArray(value) && value.length === 1 ? value[0] : value;
    if ((key === '!' || key === '!!') && isVar(operand)) return { [key === '!' ? '__isEmpty' : '__notEmpty']: [operand] };
    // "not filled in" as plugins write it (`logic.not(logic.present(x))`).
    const inner = key === '!' && operand && typeof operand === 'object' && !Array.isArray(operand) ? Object.entries(operand) : [];
    if (inner.length === 1 && (inner[0][0] === '!!' || inner[0][0] === '!')) {
      const innerOperand = Array.isArray(inner[0][1]) && inner[0][1].length === 1 ? inner[0][1][0] : inner[0][1];
      if (isVar(innerOperand)) return { [inner[0][0] === '!!' ? '__isEmpty' : '__notEmpty']: [innerOperand] };
    }
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, encodeForParse(v)]));
}

/**
 * Registered operators are written `{"<op>": [{"var": field}, value…]}` (the engine's convention); strict
 * (in)equality and emptiness as JSON-logic writes them; everything else uses react-querybuilder's standard mapping.
 */
export function toJsonLogic(query: RuleGroupType, customOperators: CustomOperator[]): JsonLogic {
  if (!query.rules.length) return ALWAYS;
  const custom = infoOf(customOperators);
  const result = formatQuery(query, {
    format: 'jsonlogic',
    parseNumbers: true,
    ruleProcessor: (rule: RuleType, options: any) => {
      if (custom.has(rule.operator)) return customLogic(rule, custom.get(rule.operator));
      if (rule.operator === '===' || rule.operator === '!==') return { [rule.operator]: [{ var: rule.field }, typedScalar(rule.value)] };
      if (rule.operator === 'isEmpty') return { '!': [{ var: rule.field }] };
      if (rule.operator === 'notEmpty') return { '!!': [{ var: rule.field }] };
      return defaultRuleProcessorJsonLogic(rule, options);
    },
  });
  return result === false ? ALWAYS : result;
}

/** A number typed into a text box compares as a number, as react-querybuilder's parseNumbers does for `==`. */
function typedScalar(value: unknown): unknown {
  if (typeof value === 'string' && value.trim() !== '' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return value;
}

export function toQuery(logic: JsonLogic, customOperators: CustomOperator[]): RuleGroupType {
  const empty: RuleGroupType = { combinator: 'and', rules: [] };
  if (logic === undefined || logic === null || logic === true || logic === '') return empty;
  const custom = infoOf(customOperators);
  const fieldRule = (operator: string, withValue: (rest: unknown[]) => unknown) => (args: any) =>
    Array.isArray(args) && isVar(args[0]) ? ({ field: args[0].var, operator, value: withValue(args.slice(1)) } as RuleType) : false;
  const jsonLogicOperations: Record<string, (args: any) => RuleType | false> = {
    ...Object.fromEntries(
      [...custom.values()].map((op) => [op.name, fieldRule(op.name, (rest) => (valueArgs(op) === 1 && rest.length <= 1 ? rest[0] : rest))]),
    ),
    '===': fieldRule('===', (rest) => (rest.length === 1 ? rest[0] : undefined)),
    '!==': fieldRule('!==', (rest) => (rest.length === 1 ? rest[0] : undefined)),
    __isEmpty: fieldRule('isEmpty', () => ''),
    __notEmpty: fieldRule('notEmpty', () => ''),
  };
  let parsed: RuleGroupType;
  try {
    parsed = parseJsonLogic(encodeForParse(logic) as any, { jsonLogicOperations } as any) as RuleGroupType;
  } catch {
    throw new NotRepresentable();
  }
  // parseJsonLogic drops what it cannot read; a round trip that loses meaning must not silently rewrite a rule.
  if (!sameLogic(toJsonLogic(parsed, customOperators), logic)) throw new NotRepresentable();
  return parsed;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, canonical(v)] as const);
    // A one-element and/or is the element itself.
    if (
      entries.length === 1 &&
      (entries[0][0] === 'and' || entries[0][0] === 'or') &&
      Array.isArray(entries[0][1]) &&
      (entries[0][1] as unknown[]).length === 1
    ) {
      return (entries[0][1] as unknown[])[0];
    }
    // `{"!": x}` and `{"!": [x]}` are the same test, and "not filled in" (`!` of `!!`) is "blank" (`!`).
    if (entries.length === 1 && (entries[0][0] === '!' || entries[0][0] === '!!')) {
      const [key, raw] = entries[0];
      const operand = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
      const inner =
        operand && typeof operand === 'object' && !Array.isArray(operand) ? Object.entries(operand as Record<string, unknown>) : [];
      if (key === '!' && inner.length === 1 && (inner[0][0] === '!!' || inner[0][0] === '!'))
        return { [inner[0][0] === '!!' ? '!' : '!!']: inner[0][1] };
      return { [key]: operand };
    }
    return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  }
  return value;
}

export function sameLogic(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
