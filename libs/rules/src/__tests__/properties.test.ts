import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { afterEach, describe, expect, it } from 'vitest';
import { RuleEngine, type EvaluationContext } from '../index';
import { chinaCalendar2025 } from './fixtures';

const engine = new RuleEngine();
const context: EvaluationContext = { now: '2025-09-30T10:00:00+08:00', calendar: chinaCalendar2025() };

const STANDARD = [
  '==',
  '===',
  '!=',
  '!==',
  '>',
  '>=',
  '<',
  '<=',
  '!',
  '!!',
  '%',
  '+',
  '-',
  '*',
  '/',
  'min',
  'max',
  'in',
  'cat',
  'substr',
  'merge',
  'if',
  '?:',
  'and',
  'or',
  'missing',
  'missing_some',
  'map',
  'filter',
  'reduce',
  'all',
  'some',
  'none',
];
const CUSTOM = [
  'contains_any',
  'contains_all',
  'matches',
  'length',
  'intersects',
  'in_list',
  'is_descendant_of',
  'between',
  'round',
  'now',
  'duration_hours',
  'date_add',
  'hour_of_day',
  'weekday',
  'is_working_day',
  'add_working_days',
  'working_days_between',
  'normalize_text',
  'is_before',
];
const SAFE_PATHS = ['a', 'b', 'c', 'xs', 'a.b', 'xs.0', 'current', 'accumulator', '', 'b.length'];
const NASTY_PATHS = [
  '__proto__',
  'constructor',
  'prototype',
  'a.__proto__',
  'constructor.prototype',
  'toString',
  'a.constructor.name',
  'polluted',
];
const KEYS = ['a', 'b', 'c', 'xs'];

const literal = fc.oneof(
  fc.integer({ min: -5, max: 20 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -100, max: 100 }),
  fc.constantFrom('', 'a', 'abc', '1', '投诉', 'ＡＢＣ', '2025-10-01T08:00:00+08:00', 'service/attitude', 'days', 'UTC', '^a+$', '(a+)+'),
  fc.boolean(),
  fc.constant(null),
);

function rules(ops: string[], paths: string[]) {
  return fc.letrec<{ rule: unknown }>((tie) => ({
    rule: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      literal,
      fc.constantFrom(...paths).map((p) => ({ var: p })),
      fc.tuple(fc.constantFrom(...paths), literal).map(([p, d]) => ({ var: [p, d] })),
      fc.tuple(fc.constantFrom(...ops), fc.array(tie('rule'), { maxLength: 4 })).map(([op, args]) => ({ [op]: args })),
      fc.tuple(fc.constantFrom(...ops), tie('rule')).map(([op, arg]) => ({ [op]: arg })),
      fc.array(tie('rule'), { maxLength: 3 }),
    ),
  })).rule;
}

const data = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    literal,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('v'), { maxKeys: 4 }),
  ),
})).v;
const facts = fc.dictionary(fc.constantFrom(...KEYS, '__proto__', 'constructor'), data, { maxKeys: 5 });

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) || a === b || (Number.isNaN(a) && Number.isNaN(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    return (
      ka.length === Object.keys(b).length &&
      ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return a === b;
}

afterEach(() => {
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

describe('property-based', () => {
  it('random rules and data never crash, hang or pollute prototypes', () => {
    fc.assert(
      fc.property(rules([...STANDARD, ...CUSTOM, 'log'], [...SAFE_PATHS, ...NASTY_PATHS]), facts, fc.boolean(), (rule, f, trace) => {
        const started = performance.now();
        let result: ReturnType<RuleEngine['evaluate']> | undefined;
        expect(() => {
          result = engine.evaluate(rule, f, { context, trace, default: 'DEFAULT' });
        }).not.toThrow();
        expect(result).toBeDefined();
        if (result!.error !== undefined) expect(result!.value).toBe('DEFAULT');
        if (trace && result!.trace) expect(JSON.stringify(result!.trace).length).toBeLessThan(200_000);
        expect(performance.now() - started).toBeLessThan(1000);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });

  it('a rule validate() accepts never fails at evaluation (and every failing rule is flagged)', () => {
    fc.assert(
      fc.property(rules([...STANDARD, ...CUSTOM], [...SAFE_PATHS, ...NASTY_PATHS]), facts, (rule, f) => {
        const problems = engine.validate(rule);
        const r = engine.evaluate(rule, f, { context });
        if (r.error !== undefined) {
          expect(problems, `evaluation failed with "${r.error}" but validate() found nothing`).not.toEqual([]);
        }
        if (problems.length === 0) expect(r.error).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });

  it('compiled evaluation agrees with json-logic-js on standard operators', () => {
    fc.assert(
      fc.property(rules(STANDARD, SAFE_PATHS), fc.dictionary(fc.constantFrom(...KEYS), data, { maxKeys: 4 }), (rule, f) => {
        let expected: unknown;
        try {
          expected = jsonLogic.apply(rule as jsonLogic.RulesLogic, f);
        } catch {
          return; // json-logic-js throws: our engine returns a value or an error, both fine
        }
        const r = engine.evaluate(rule, f);
        expect(r.error).toBeUndefined();
        expect(
          sameValue(r.value, expected),
          `${JSON.stringify(rule)} on ${JSON.stringify(f)}: ${JSON.stringify(r.value)} vs ${JSON.stringify(expected)}`,
        ).toBe(true);
        const traced = engine.evaluate(rule, f, { trace: true });
        expect(sameValue(traced.value, expected)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
