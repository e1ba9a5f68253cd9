import type { NamedOperator } from './jsonLogicQuery';

/** An operator as the API lists it (`ruleOperators`). */
export interface ApiOperator extends NamedOperator {
  returns?: string;
  builtin?: boolean;
  /** JSON-logic's own operator (`==`, `in`, …): the builder offers those through react-querybuilder's own operators. */
  standard?: boolean;
}

/** react-querybuilder's JSON-logic operators, by the JSON-logic operator the API may list them under. */
export const STANDARD_BUILDER_OPERATORS = [
  { name: '=', jsonLogic: '==' },
  { name: '!=', jsonLogic: '!=' },
  { name: '===', jsonLogic: '===' },
  { name: '!==', jsonLogic: '!==' },
  { name: '<', jsonLogic: '<' },
  { name: '<=', jsonLogic: '<=' },
  { name: '>', jsonLogic: '>' },
  { name: '>=', jsonLogic: '>=' },
  { name: 'in', jsonLogic: 'in' },
  { name: 'notIn', jsonLogic: '!in' },
  { name: 'contains', jsonLogic: 'contains' },
  { name: 'between', jsonLogic: 'between' },
  { name: 'isEmpty', jsonLogic: '!' },
  { name: 'notEmpty', jsonLogic: '!!' },
  { name: 'null', jsonLogic: 'null' },
  { name: 'notNull', jsonLogic: 'notNull' },
] as const;

const JSON_LOGIC_CORE = new Set([
  '==',
  '===',
  '!=',
  '!==',
  '<',
  '<=',
  '>',
  '>=',
  'in',
  '!',
  '!!',
  'and',
  'or',
  'if',
  'var',
  'missing',
  'missing_some',
  'some',
  'all',
  'none',
  'merge',
  'cat',
  'substr',
  'map',
  'reduce',
  'filter',
  '+',
  '-',
  '*',
  '/',
  '%',
  'min',
  'max',
  'log',
]);
const STANDARD_NAMES = new Set<string>(STANDARD_BUILDER_OPERATORS.flatMap((s) => [s.name, s.jsonLogic]));

/**
 * The registered operators the builder offers by name: every Redress and plugin operator that answers true/false
 * (keyword tests, taxonomy, lists, time) — not only the plugins' ones. JSON-logic's own operators are offered
 * through react-querybuilder's operators instead.
 */
export function namedOperators<T extends ApiOperator>(apiOperators: readonly T[]): T[] {
  return apiOperators.filter(
    (op) =>
      op.standard !== true &&
      (op.returns === undefined || op.returns === 'boolean') &&
      !STANDARD_NAMES.has(op.name) &&
      !JSON_LOGIC_CORE.has(op.name),
  );
}

/** The input a named operator's value is typed in: a number box for numeric arguments, text otherwise. */
export function valueInputType(op: NamedOperator | undefined): 'number' | 'text' {
  const valueArgs = op?.args?.slice(1) ?? [];
  return valueArgs.length === 1 && valueArgs[0].type === 'number' ? 'number' : 'text';
}
