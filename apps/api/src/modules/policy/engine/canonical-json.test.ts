import { canonicalize, canonicalJson, contentHash } from './canonical-json';

describe('canonicalize', () => {
  it('keeps a "__proto__" member as data instead of making it the prototype', () => {
    const parsed = JSON.parse('{"b": 1, "__proto__": {"polluted": true}, "a": [{"__proto__": 2}]}');
    const out = canonicalize(parsed) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'a', 'b']);
    expect(out.polluted).toBeUndefined();
    expect(canonicalJson(parsed)).toBe(
      '{\n  "__proto__": {\n    "polluted": true\n  },\n  "a": [\n    {\n      "__proto__": 2\n    }\n  ],\n  "b": 1\n}\n',
    );
    expect(JSON.parse(canonicalJson(parsed))).toEqual(parsed);
    // Different data, different hash: the member is not silently dropped.
    expect(contentHash(parsed)).not.toBe(contentHash({ b: 1, a: [{}] }));
  });
});
