import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { assertAffordable, isIntrospection } from './query-limits';

const schema = buildSchema(`
  type Item { id: ID! name: String! }
  type Query { items(first: Int): [Item!]! item(id: ID!): Item }
`);
const limits = { maxCost: 500, maxPageSize: 100 };

describe('assertAffordable (cost kept per parsed document)', () => {
  it('prices a page by the `first` variable of each request, not by the first request that used the document', () => {
    const document = parse('query($n: Int) { items(first: $n) { id name } }');
    expect(assertAffordable({ schema, document, variables: { n: 10 } }, limits)).toBe(21);
    expect(assertAffordable({ schema, document, variables: { n: 100 } }, limits)).toBe(201);
    // Same document, a page over the maximum: refused although a smaller page of it was priced before.
    expect(() => assertAffordable({ schema, document, variables: { n: 101 } }, limits)).toThrow(
      expect.objectContaining({ reason: 'PAGE_TOO_LARGE' }),
    );
    expect(() => assertAffordable({ schema, document, variables: { n: 101 } }, limits)).toThrow(
      expect.objectContaining({ reason: 'PAGE_TOO_LARGE' }),
    );
    expect(() => assertAffordable({ schema, document, variables: { n: 100 } }, { ...limits, maxCost: 200 })).toThrow(
      expect.objectContaining({ reason: 'QUERY_TOO_COSTLY' }),
    );
  });

  it('ignores variables the cost does not depend on, and tells operations of one document apart', () => {
    const document = parse('query One($id: ID!) { item(id: $id) { id } } query Two { items(first: 50) { id name } }');
    expect(assertAffordable({ schema, document, operationName: 'One', variables: { id: 'a' } }, limits)).toBe(2);
    expect(assertAffordable({ schema, document, operationName: 'One', variables: { id: 'b' } }, limits)).toBe(2);
    expect(assertAffordable({ schema, document, operationName: 'Two' }, limits)).toBe(101);
  });

  it('recognises introspection once per document', () => {
    const introspection = parse('{ __schema { types { name } } }');
    expect(isIntrospection(introspection)).toBe(true);
    expect(isIntrospection(introspection)).toBe(true);
    expect(isIntrospection(parse('{ __typename items { id } }'))).toBe(false);
  });
});
