import { parseValue } from 'graphql';
import { jsonDepth, literalDepth, MAX_JSON_DEPTH, assertJsonDepth } from './json-depth';

const nested = (depth: number) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

describe('JSON depth', () => {
  it('counts objects and arrays, not scalars', () => {
    expect(jsonDepth(1)).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ a: [1, { b: null }], c: 'x' })).toBe(3);
    expect(literalDepth(parseValue('{a: [1, {b: null}], c: "x"}'))).toBe(3);
  });

  it('stops counting past the limit without recursing (10,000 levels)', () => {
    expect(jsonDepth(nested(10_000))).toBe(MAX_JSON_DEPTH + 1);
    expect(() => assertJsonDepth(nested(10_000), 'facts')).toThrow(
      expect.objectContaining({ reason: 'JSON_TOO_DEEP', extensions: expect.objectContaining({ field: 'facts' }) }),
    );
    expect(() => assertJsonDepth(nested(MAX_JSON_DEPTH))).not.toThrow();
  });
});
