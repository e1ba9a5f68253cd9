import { describe, expect, it } from 'vitest';
import {
  RuleEngine,
  RuleValidationError,
  summarizeTrace,
  defaultEngine,
  CompiledRule,
  type DecisionTable,
  type FactSchema,
  type TraceNode,
} from '../index';

const engine = new RuleEngine();

const schema: FactSchema = {
  fields: {
    'complaint.channel': { type: 'string', options: ['phone', 'web', 'wechat'] },
    'complaint.amount': { type: 'number' },
    'complaint.text': { type: 'string' },
    'complaint.category': { type: 'string' },
    'complaint.createdAt': { type: 'datetime' },
    'complaint.tags': { type: 'string[]' },
    'customer.complaintsLast30Days': { type: 'number' },
    'customer.vip': { type: 'boolean' },
    'customer.profile': { type: 'object' },
  },
};

describe('decision tables', () => {
  const rows = [
    { key: 'big', when: { '>': [{ var: 'amount' }, 1000] }, then: 'high', priority: 2 },
    { key: 'media', when: { contains_any: [{ var: 'text' }, ['媒体', '曝光']] }, then: 'critical', priority: 5 },
    { key: 'repeat', when: { '>=': [{ var: 'count' }, 3] }, then: 'high', priority: 5 },
    { key: 'any', when: true, then: 'low', priority: 0 },
  ];
  const facts = { amount: 5000, text: '我要找媒体曝光', count: 4 };

  it('first: value of the first matching row', () => {
    const t: DecisionTable<string> = { key: 'sev', hitPolicy: 'first', rows, default: 'none' };
    expect(engine.evaluateTable(t, facts)).toEqual({ value: 'high', matched: ['big'], defaulted: false });
    expect(engine.evaluateTable(t, { amount: 1, text: '', count: 0 })).toEqual({ value: 'low', matched: ['any'], defaulted: false });
  });

  it('collect: values of all matching rows', () => {
    const t: DecisionTable<string> = { key: 'tags', hitPolicy: 'collect', rows: rows.slice(0, 3) };
    expect(engine.evaluateTable(t, facts)).toEqual({
      value: ['high', 'critical', 'high'],
      matched: ['big', 'media', 'repeat'],
      defaulted: false,
    });
    expect(engine.evaluateTable(t, {})).toEqual({ value: [], matched: [], defaulted: true });
    expect(engine.evaluateTable({ ...t, default: ['none'] } as unknown as DecisionTable<string>, {})).toEqual({
      value: ['none'],
      matched: [],
      defaulted: true,
    });
  });

  it('priority: highest priority wins, ties go to the earlier row', () => {
    const t: DecisionTable<string> = { key: 'sev', hitPolicy: 'priority', rows };
    expect(engine.evaluateTable(t, facts)).toEqual({ value: 'critical', matched: ['media'], defaulted: false });
    expect(engine.evaluateTable(t, { amount: 5000, count: 9 })).toEqual({ value: 'high', matched: ['repeat'], defaulted: false });
    expect(engine.evaluateTable({ ...t, rows: rows.slice(0, 3) }, { amount: 1 })).toEqual({
      value: undefined,
      matched: [],
      defaulted: true,
    });
  });

  it('defaults when nothing matches and records row errors', () => {
    const t: DecisionTable<string> = {
      key: 'sla',
      hitPolicy: 'first',
      rows: [
        { key: 'holiday', when: { is_working_day: [{ var: 'at' }] }, then: '24h' },
        { key: 'never', when: false, then: 'x' },
      ],
      default: '48h',
    };
    const r = engine.evaluateTable(t, { at: '2025-10-01' }, { context: { now: '2025-10-01' } });
    expect(r).toMatchObject({ value: '48h', defaulted: true, matched: [] });
    expect(r.error).toMatch(/row holiday: .*calendar/);
  });

  it('traces each evaluated row', () => {
    const t: DecisionTable<string> = { key: 'sev', hitPolicy: 'first', rows };
    const r = engine.evaluateTable(t, { amount: 10, text: '曝光', count: 0 }, { trace: true });
    expect(r.trace?.map((x) => [x.row, x.matched])).toEqual([
      ['big', false],
      ['media', true],
    ]);
    expect(r.trace?.[1]?.trace?.op).toBe('contains_any');
  });

  it('compileTable rejects invalid tables with paths; validateTable reports them all', () => {
    const bad = {
      key: 'x',
      hitPolicy: 'first',
      rows: [
        { key: 'a', when: true, then: 1 },
        { key: 'a', when: { '==': [1, 1] }, then: 2 },
        { key: 'c', when: { and: [{ foo: [1] }] }, then: 3 },
      ],
    } as DecisionTable;
    expect(() => engine.compileTable(bad)).toThrow(RuleValidationError);
    try {
      engine.compileTable(bad);
    } catch (e) {
      expect((e as RuleValidationError).problems.map((p) => [p.path, p.code])).toEqual([
        ['$.rows[1].key', 'DUPLICATE_KEY'],
        ['$.rows[2].when.and[0].foo', 'UNKNOWN_OPERATOR'],
      ]);
    }
    const problems = engine.validateTable(
      { key: '', hitPolicy: 'sometimes' as never, rows: [{ key: 'r', when: { between: [{ var: 'complaint.channel' }, 1, 2] }, then: 1 }] },
      schema,
    );
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['$.key', 'INVALID_TABLE'],
      ['$.hitPolicy', 'INVALID_TABLE'],
      ['$.rows[0].when.between[0]', 'TYPE_MISMATCH'],
    ]);
  });

  it('compiled tables are cached by identity and by key', () => {
    const t: DecisionTable<string> = { key: 'sev', hitPolicy: 'first', rows };
    expect(engine.compileTable(t)).toBe(engine.compileTable(t));
    const a = engine.compileTable(t, { cacheKey: 'sev@1' });
    expect(engine.compileTable({ ...t }, { cacheKey: 'sev@1' })).toBe(a);
  });
});

describe('validate', () => {
  it('accepts a correct rule', () => {
    expect(
      engine.validate(
        { and: [{ '==': [{ var: 'complaint.channel' }, 'phone'] }, { between: [{ var: 'complaint.amount' }, 0, 100] }] },
        schema,
      ),
    ).toEqual([]);
  });

  it('reports every problem with its JSON path', () => {
    const rule = {
      and: [
        { '==': [{ var: 'complaint.chanel' }, 'phone'] },
        { between: [{ var: 'complaint.channel' }, 1, 5] },
        { contains_anyy: [{ var: 'complaint.text' }, ['x']] },
        { '>': [1] },
        { matches: [{ var: 'complaint.text' }, '(a)\\1'] },
        { if: [{ var: 'customer.__proto__.x' }, 1, 2] },
        { a: 1, b: 2 },
      ],
    };
    const problems = engine.validate(rule, schema);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['$.and[0]["=="][0].var', 'UNKNOWN_FACT'],
      ['$.and[1].between[0]', 'TYPE_MISMATCH'],
      ['$.and[2].contains_anyy', 'UNKNOWN_OPERATOR'],
      ['$.and[3][">"]', 'WRONG_ARITY'],
      ['$.and[4].matches[1]', 'UNSAFE_REGEX'],
      ['$.and[5].if[0].var', 'INVALID_RULE'],
      ['$.and[6]', 'INVALID_RULE'],
    ]);
    expect(problems[0]?.suggestion).toBe('complaint.channel');
    expect(problems[0]?.message).toMatch(/did you mean "complaint.channel"/);
    expect(problems[2]?.suggestion).toBe('contains_any');
  });

  it('understands nested objects, lengths and iterator scopes', () => {
    expect(engine.validate({ var: 'customer.profile.city' }, schema)).toEqual([]);
    expect(engine.validate({ var: 'customer' }, schema)).toEqual([]);
    expect(engine.validate({ '>': [{ var: 'complaint.text.length' }, 5] }, schema)).toEqual([]);
    expect(engine.validate({ some: [{ var: 'complaint.tags' }, { '==': [{ var: '' }, 'vip'] }] }, schema)).toEqual([]);
    expect(engine.validate({ map: [{ var: 'complaint.tags' }, { var: 'whatever' }] }, schema)).toEqual([]);
  });

  it('flags rules that are too deep or too large', () => {
    let deep: unknown = { var: 'x' };
    for (let i = 0; i < 40; i++) deep = { '!': [deep] };
    expect(engine.validate(deep)[0]?.code).toBe('TOO_DEEP');
    expect(() => engine.compile(deep)).toThrow(/TOO_DEEP/);
    const large = { or: Array.from({ length: 3000 }, (_, i) => ({ '==': [{ var: 'x' }, i] })) };
    expect(engine.validate(large)[0]).toMatchObject({ code: 'TOO_LARGE', path: '$' });
    const small = new RuleEngine({ maxDepth: 3, maxNodes: 5 });
    expect(small.validate({ and: [1, 2, 3, 4, 5] }).map((p) => p.code)).toEqual(['TOO_LARGE']);
    // Cyclic structures cannot hang validation.
    const cyclic: Record<string, unknown> = {};
    cyclic['!'] = [cyclic];
    expect(engine.validate(cyclic)[0]?.code).toBe('TOO_DEEP');
  });

  it('compile only rejects structural problems; evaluate reports them as errors', () => {
    expect(() => engine.compile({ nope: [] })).toThrow(RuleValidationError);
    expect(() => engine.compile({ '>': [1] })).not.toThrow();
    expect(engine.evaluate({ nope: [] }, {}, { default: 0 })).toMatchObject({ value: 0, error: expect.stringMatching(/UNKNOWN_OPERATOR/) });
    expect(engine.evaluate({ method: ['x', 'toUpperCase'] }, {}).error).toMatch(/unknown operator "method"/);
  });

  it('checks literal arguments of time operators', () => {
    expect(engine.validate({ hour_of_day: ['2025-01-01', 'Mars/Base'] })[0]?.code).toBe('INVALID_ARGUMENT');
    expect(engine.validate({ date_add: ['2025-01-01', 1, 'dayz'] })[0]).toMatchObject({ code: 'INVALID_ARGUMENT', suggestion: 'days' });
  });
});

describe('trace', () => {
  const rule = { and: [{ '>': [{ var: 'complaint.amount' }, 1000] }, { contains_any: [{ var: 'complaint.text' }, ['退款', 'refund']] }] };
  const facts = { complaint: { amount: 5000, text: '要求退款' } };

  it('records each sub-expression with its value', () => {
    const r = engine.evaluate(rule, facts, { trace: true });
    expect(r.value).toBe(true);
    const t = r.trace as TraceNode;
    expect(t.op).toBe('and');
    expect(t.value).toBe(true);
    expect(t.args?.[0]).toEqual({
      op: '>',
      value: true,
      args: [
        { op: 'var', value: 5000, args: [{ op: 'value', value: 'complaint.amount' }] },
        { op: 'value', value: 1000 },
      ],
    });
    expect(t.args?.[1]?.op).toBe('contains_any');
    expect(summarizeTrace(t)).toBe(
      '((complaint.amount=5000 > 1000) AND contains_any(complaint.text="要求退款", ["退款","refund"])=true) → true',
    );
  });

  it('stays bounded for long values and big iterations', () => {
    const r = engine.evaluate(
      { map: [{ var: 'xs' }, { cat: [{ var: '' }, '!'] }] },
      { xs: Array.from({ length: 500 }, (_, i) => 'x'.repeat(i)) },
      { trace: true },
    );
    expect(r.error).toBeUndefined();
    const json = JSON.stringify(r.trace);
    expect(json.length).toBeLessThan(20_000);
    expect(r.trace?.args?.length).toBeLessThanOrEqual(17);
    expect(summarizeTrace(r.trace!, 80).length).toBeLessThanOrEqual(80);
  });

  it('still traces when evaluation fails', () => {
    const r = engine.evaluate({ and: [true, { now: [] }] }, {}, { trace: true, default: false });
    expect(r.value).toBe(false);
    expect(r.error).toMatch(/now/);
    expect(r.trace?.op).toBe('and');
    expect(String(r.trace?.value)).toMatch(/⚠/);
  });
});

describe('safety', () => {
  it('never exposes prototype members through var', () => {
    const facts = { a: { b: 1 }, s: 'abc' };
    for (const p of [
      '__proto__',
      'constructor',
      'a.constructor',
      'a.__proto__.polluted',
      'constructor.prototype',
      'toString',
      'a.hasOwnProperty',
      's.toUpperCase',
    ]) {
      expect(engine.evaluate({ var: p }, facts).value, p).toBeNull();
    }
    expect(engine.evaluate({ var: ['toString', 'dflt'] }, facts).value).toBe('dflt');
    expect(engine.evaluate({ var: 's.length' }, facts).value).toBe(3);
    expect(engine.evaluate({ var: 'a.b' }, JSON.parse('{"a":{"b":2},"__proto__":{"x":1}}')).value).toBe(2);
    expect(engine.evaluate({ var: '__proto__.x' }, JSON.parse('{"__proto__":{"x":1}}')).value).toBeNull();
    expect(engine.evaluate({ missing: ['constructor'] }, {}).value).toEqual(['constructor']);
  });

  it('does not call methods found on data', () => {
    const evil = {
      toString: () => {
        throw new Error('called');
      },
      valueOf: () => {
        throw new Error('called');
      },
    };
    for (const rule of [
      { cat: [{ var: 'x' }] },
      { '==': [{ var: 'x' }, 'a'] },
      { '<': [{ var: 'x' }, 1] },
      { '+': [{ var: 'x' }, 1] },
      { in: ['a', { var: 'x' }] },
      { substr: [{ var: 'x' }, 1] },
    ]) {
      expect(engine.evaluate(rule, { x: evil }).error, JSON.stringify(rule)).toBeUndefined();
    }
    expect(engine.evaluate({ in: ['a', { var: 'x' }] }, { x: { indexOf: 1 } }).value).toBe(false);
  });

  it('bounds array sizes and total work', () => {
    const e = new RuleEngine({ maxArrayLength: 100, maxSteps: 1000 });
    expect(e.evaluate({ map: [{ var: 'xs' }, 1] }, { xs: new Array(101).fill(0) }).error).toMatch(/exceeds/);
    const nested = { map: [{ var: 'xs' }, { map: [{ var: '' }, 1] }] };
    const xs = Array.from({ length: 50 }, () => new Array(50).fill(0));
    expect(e.evaluate(nested, { xs }).error).toMatch(/budget/);
    expect(e.evaluate({ merge: [{ var: 'xs' }, { var: 'xs' }] }, { xs: new Array(60).fill(1) }).error).toMatch(/exceeds/);
  });
});

describe('compile cache', () => {
  it('reuses compiled rules by identity and by caller key', () => {
    const rule = { '==': [1, 1] };
    const a = engine.compile(rule);
    expect(a).toBeInstanceOf(CompiledRule);
    expect(engine.compile(rule)).toBe(a);
    expect(engine.compile(a)).toBe(a);
    const k = engine.compile({ '==': [2, 2] }, { cacheKey: 'policy-1@v3' });
    expect(engine.compile({ something: 'else' }, { cacheKey: 'policy-1@v3' })).toBe(k);
    expect(defaultEngine.evaluate(a, {}).value).toBe(true);
    expect(a.nodes).toBe(3);
  });
});
