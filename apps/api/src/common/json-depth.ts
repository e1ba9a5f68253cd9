import { Kind, type ValueNode } from 'graphql';
import { CommonErrors } from './errors/app-error';

/**
 * How deeply JSON input may nest (objects and arrays). Real facts, forms and JSON-logic rules stay far below it
 * (a policy document with a nested and/or rule is about 15 levels); far deeper input only serves to overflow the
 * stack of whatever recurses over it first (class-transformer, canonicalize, the rules engine).
 */
export const MAX_JSON_DEPTH = 100;

/**
 * The nesting depth of a JSON value, counted without recursion and given up as soon as it passes `limit`
 * (so a 10,000-level value costs `limit` steps down one branch, not a stack overflow). Scalars have depth 0.
 */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, level]);
    }
  }
  return deepest;
}

/** The same for a GraphQL literal (a JSON value written inline in the query). */
export function literalDepth(node: ValueNode, limit = MAX_JSON_DEPTH): number {
  let deepest = 0;
  const stack: Array<[ValueNode, number]> = [[node, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (current.kind !== Kind.LIST && current.kind !== Kind.OBJECT) continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > limit) return deepest;
    const children = current.kind === Kind.LIST ? current.values : current.fields.map((field) => field.value);
    for (const child of children) stack.push([child, level]);
  }
  return deepest;
}

/** Throws JSON_TOO_DEEP (BAD_USER_INPUT) when the value nests deeper than MAX_JSON_DEPTH. */
export function assertJsonDepth(value: unknown, field?: string): void {
  if (jsonDepth(value) > MAX_JSON_DEPTH) throw jsonTooDeep(field);
}

export const jsonTooDeep = (field?: string) => CommonErrors.create('JSON_TOO_DEEP', { field, params: { max: MAX_JSON_DEPTH } });
