import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { assertJsonDepth, jsonTooDeep, literalDepth, MAX_JSON_DEPTH } from '../../../common/json-depth';

function literalToJson(node: ValueNode, variables?: Record<string, unknown> | null): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((value) => literalToJson(value, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, literalToJson(field.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[node.name.value];
    default:
      return undefined;
  }
}

/** Depth is checked here, before anything (validation, class-transformer, the rules engine) recurses over the value. */
function parseLiteral(node: ValueNode, variables?: Record<string, unknown> | null): unknown {
  if (literalDepth(node) > MAX_JSON_DEPTH) throw jsonTooDeep();
  const value = literalToJson(node, variables);
  assertJsonDepth(value); // variables inside the literal add their own depth
  return value;
}

function parseValue(value: unknown): unknown {
  assertJsonDepth(value);
  return value;
}

/**
 * Any JSON value: JSON-logic rules, decision-table outcomes, sample facts, before/after of audit entries.
 * Twenty lines of our own instead of `graphql-type-json`: that package is unmaintained since 2020 and this is all of it.
 * One instance for the whole schema — modules that need JSON import this one (a second scalar named JSON would
 * break schema generation). Input nested deeper than MAX_JSON_DEPTH is refused with JSON_TOO_DEEP.
 */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: `Any JSON value (object, array, string, number, boolean or null), nested at most ${MAX_JSON_DEPTH} levels.`,
  serialize: (value) => value,
  parseValue,
  parseLiteral,
});
