import { describe, expect, it } from 'vitest';
import { RuleEngine, type EvaluationContext } from '../index';
import { chinaCalendar2025 } from './fixtures';

const engine = new RuleEngine();
const ctx: EvaluationContext = { now: '2025-09-30T10:00:00+08:00', timeZone: 'Asia/Shanghai', calendar: chinaCalendar2025() };
const run = (rule: unknown, facts: object = {}, context: EvaluationContext | undefined = ctx) => {
  const r = engine.evaluate(rule, facts, context ? { context } : {});
  expect(r.error).toBeUndefined();
  return r.value;
};

describe('time operators', () => {
  it('now comes from the context, never the wall clock', () => {
    expect(run({ now: [] })).toBe('2025-09-30T02:00:00.000Z');
    expect(run({ now: [] }, {}, { now: new Date('2020-01-01T00:00:00Z') })).toBe('2020-01-01T00:00:00.000Z');
    const r = engine.evaluate({ now: [] }, {}, { default: 'n/a' });
    expect(r.value).toBe('n/a');
    expect(r.error).toMatch(/now/);
  });

  it('durations between timestamps', () => {
    const f = { a: '2025-01-01T08:00:00+08:00', b: '2025-01-02T10:30:00+08:00' };
    expect(run({ duration_hours: [{ var: 'a' }, { var: 'b' }] }, f)).toBe(26.5);
    expect(run({ duration_minutes: [{ var: 'a' }, { var: 'b' }] }, f)).toBe(1590);
    expect(run({ duration_days: [{ var: 'a' }, { var: 'b' }] }, f)).toBeCloseTo(1.1041666, 5);
    expect(run({ duration_hours: [{ var: 'b' }, { var: 'a' }] }, f)).toBe(-26.5);
    expect(run({ duration_hours: [{ var: 'a' }, { now: [] }] }, f)).toBe(6530);
    expect(run({ duration_hours: ['not a date', { now: [] }] })).toBeNull();
  });

  it('date_add adds and subtracts amounts of a unit', () => {
    expect(run({ date_add: ['2025-01-31T02:00:00Z', 2, 'hours'] })).toBe('2025-01-31T04:00:00.000Z');
    expect(run({ date_add: ['2025-01-31T02:00:00Z', -30, 'minutes'] })).toBe('2025-01-31T01:30:00.000Z');
    expect(run({ date_add: ['2025-01-31T02:00:00Z', 1, 'days'] })).toBe('2025-02-01T02:00:00.000Z');
    expect(run({ date_add: ['2025-01-31T02:00:00Z', 1, 'weeks'] })).toBe('2025-02-07T02:00:00.000Z');
    expect(run({ date_add: ['2025-01-31T02:00:00Z', 1, 'months'] })).toBe('2025-02-28T02:00:00.000Z');
    expect(run({ date_add: ['2025-03-01T00:00:00+08:00', -1, 'day'] })).toBe('2025-02-27T16:00:00.000Z');
    expect(run({ date_add: ['x', 1, 'days'] })).toBeNull();
    expect(run({ date_add: ['2025-01-31T02:00:00Z', 1, 'fortnights'] })).toBeNull();
    // DST-aware calendar days in a zone with daylight saving time.
    expect(run({ date_add: ['2025-03-08T17:00:00Z', 1, 'days'] }, {}, { now: '2025-01-01T00:00:00Z', timeZone: 'America/New_York' })).toBe(
      '2025-03-09T16:00:00.000Z',
    );
  });

  it('hour_of_day and weekday use the tenant time zone', () => {
    // 2025-09-30T20:30Z is Wednesday 04:30 in Shanghai, Tuesday 20:30 in UTC.
    const t = '2025-09-30T20:30:00Z';
    expect(run({ hour_of_day: [t] })).toBe(4);
    expect(run({ weekday: [t] })).toBe(3);
    expect(run({ hour_of_day: [t, 'UTC'] })).toBe(20);
    expect(run({ weekday: [t, 'UTC'] })).toBe(2);
    expect(run({ hour_of_day: [t] }, {}, { now: t, timeZone: 'Europe/London' })).toBe(21);
    expect(run({ weekday: ['2025-10-05T12:00:00+08:00'] })).toBe(7);
    expect(run({ hour_of_day: [t, 'Mars/Olympus'] })).toBeNull();
    expect(engine.evaluate({ hour_of_day: [t] }, {}, { context: { now: t, timeZone: 'Nowhere/Land' } }).error).toMatch(/time zone/);
  });

  it('is_before / is_after compare instants, not strings', () => {
    expect(run({ is_before: ['2025-01-01T08:00:00+08:00', '2025-01-01T01:00:00Z'] })).toBe(true);
    expect(run({ is_after: ['2025-01-01T08:00:00+08:00', '2025-01-01T01:00:00Z'] })).toBe(false);
    expect(run({ is_after: [{ now: [] }, '2025-09-29T00:00:00Z'] })).toBe(true);
    expect(run({ is_before: [null, '2025-01-01'] })).toBe(false);
  });

  describe('working days with a China 2025 National Day calendar fixture', () => {
    it('is_working_day knows holidays and make-up days', () => {
      expect(run({ is_working_day: ['2025-09-28T10:00:00+08:00'] })).toBe(true); // Sunday, make-up day
      expect(run({ is_working_day: ['2025-09-30T10:00:00+08:00'] })).toBe(true);
      expect(run({ is_working_day: ['2025-10-01T10:00:00+08:00'] })).toBe(false);
      expect(run({ is_working_day: ['2025-10-08T10:00:00+08:00'] })).toBe(false); // Wednesday, holiday
      expect(run({ is_working_day: ['2025-10-09T10:00:00+08:00'] })).toBe(true);
      expect(run({ is_working_day: ['2025-10-11T10:00:00+08:00'] })).toBe(true); // Saturday, make-up day
      expect(run({ is_working_day: ['2025-10-12T10:00:00+08:00'] })).toBe(false);
    });

    it('add_working_days skips the holiday', () => {
      // Tue Sep 30 + 1 working day → Thu Oct 9; + 3 → Sat Oct 11 (make-up) … Fri Oct 10 is day 2.
      expect(run({ add_working_days: [{ now: [] }, 1] })).toBe('2025-10-09T02:00:00.000Z');
      expect(run({ add_working_days: [{ now: [] }, 3] })).toBe('2025-10-11T02:00:00.000Z');
      expect(run({ add_working_days: [{ now: [] }, 4] })).toBe('2025-10-13T02:00:00.000Z');
      expect(run({ add_working_days: ['2025-10-09T02:00:00.000Z', -1] })).toBe('2025-09-30T02:00:00.000Z');
    });

    it('working_days_between counts across the holiday', () => {
      expect(run({ working_days_between: ['2025-09-26T10:00:00+08:00', '2025-10-13T10:00:00+08:00'] })).toBe(7); // Sep 28 (make-up), 29, 30, Oct 9, 10, 11 (make-up), 13
      expect(run({ working_days_between: ['2025-09-30T10:00:00+08:00', '2025-10-08T10:00:00+08:00'] })).toBe(0);
      expect(
        run({ '>': [{ working_days_between: [{ var: 'createdAt' }, { now: [] }] }, 2] }, { createdAt: '2025-09-25T09:00:00+08:00' }),
      ).toBe(true);
    });

    it('fails cleanly (default + error) without a calendar', () => {
      const r = engine.evaluate({ is_working_day: ['2025-10-01'] }, {}, { context: { now: '2025-10-01' }, default: false });
      expect(r.value).toBe(false);
      expect(r.error).toMatch(/calendar/);
    });
  });
});

describe('text operators', () => {
  it('contains_any is case- and width-insensitive for Chinese and English', () => {
    expect(run({ contains_any: [{ var: 't' }, ['abc']] }, { t: 'xxＡＢＣyy' })).toBe(true);
    expect(run({ contains_any: [{ var: 't' }, ['ＡＢＣ']] }, { t: 'zz abc' })).toBe(true);
    expect(run({ contains_any: [{ var: 't' }, ['投诉', '举报']] }, { t: '我要举报这个商家' })).toBe(true);
    expect(run({ contains_any: [{ var: 't' }, ['退款']] }, { t: '服务态度差' })).toBe(false);
    expect(run({ contains_any: [{ var: 't' }, ['Refund']] }, { t: 'I want a REFUND now' })).toBe(true);
    expect(run({ contains_any: [{ var: 't' }, ['１２３']] }, { t: 'order 123' })).toBe(true);
    expect(run({ contains_any: [{ var: 't' }, ['']] }, { t: 'anything' })).toBe(false);
    expect(run({ contains_any: [{ var: 'missing' }, ['a']] })).toBe(false);
    expect(run({ contains_any: [{ var: 't' }, { var: 'kw' }] }, { t: '漏水', kw: ['漏水', '停电'] })).toBe(true);
    expect(run({ contains_all: [{ var: 't' }, ['漏水', '三天']] }, { t: '漏水已经三天了' })).toBe(true);
    expect(run({ contains_all: [{ var: 't' }, ['漏水', '停电']] }, { t: '漏水已经三天了' })).toBe(false);
  });

  it('matches runs safe regular expressions', () => {
    expect(run({ matches: [{ var: 'phone' }, '^1[3-9]\\d{9}$'] }, { phone: '13812345678' })).toBe(true);
    expect(run({ matches: [{ var: 'phone' }, '^1[3-9]\\d{9}$'] }, { phone: '1381234567' })).toBe(false);
    expect(run({ matches: [{ var: 't' }, 'refund', 'i'] }, { t: 'REFUND please' })).toBe(true);
    expect(run({ matches: [{ var: 't' }, '订单号[:：]?\\d+'] }, { t: '订单号：12345 未发货' })).toBe(true);
    expect(run({ matches: [null, 'a'] })).toBe(false);
  });

  it('matches runs patterns that stall a backtracking engine in linear time (RE2)', () => {
    // Each of these takes seconds to hours on RegExp with a long non-matching input; on RE2 they are linear.
    const long = 'a'.repeat(1999) + '!';
    for (const p of ['[a-z]{1,100}[a-z]{1,100}x', '(a+)+$', '(a|aa)*b', '^(\\w+\\s?)*$', '.*a.*b.*c']) {
      expect(engine.validate({ matches: [{ var: 't' }, p] }), p).toEqual([]);
      const started = performance.now();
      expect(run({ matches: [{ var: 't' }, p] }, { t: long }), p).toBe(false);
      expect(performance.now() - started, p).toBeLessThan(1000);
    }
    expect(run({ matches: [{ var: 't' }, '(a+)+$'] }, { t: 'aaaa' })).toBe(true);
  });

  it('matches refuses what RE2 cannot express, with the reason, at compile time', () => {
    const reasons: Record<string, RegExp> = {
      '(a)\\1': /back-references/,
      '(?<x>a)\\k<x>': /named back-references/,
      '(?=a)b': /lookahead and lookbehind/,
      'a(?!b)': /lookahead/,
      '(?<=a)b': /lookbehind/,
      '(?<!a)b': /lookbehind/,
      'a{1001}': /RE2.*repeat count/,
      '(a': /missing closing/,
      ['a'.repeat(300)]: /longer than/,
    };
    for (const [p, reason] of Object.entries(reasons)) {
      expect(() => engine.compile({ matches: [{ var: 't' }, p] }), p).toThrow(/UNSAFE_REGEX/);
      const problem = engine.validate({ matches: [{ var: 't' }, p] })[0];
      expect(problem?.code, p).toBe('UNSAFE_REGEX');
      expect(problem?.message, p).toMatch(reason);
    }
    // Escaped or bracketed look-alikes are ordinary characters.
    for (const p of ['\\(\\?=x', '[(?=]', '\\\\1']) expect(engine.validate({ matches: [{ var: 't' }, p] }), p).toEqual([]);
    // A pattern only known at evaluation time is checked then, and flagged by validate.
    const dynamic = { matches: [{ var: 't' }, { var: 'p' }] };
    expect(engine.validate(dynamic)[0]).toMatchObject({ code: 'UNSAFE_REGEX', path: '$.matches[1]' });
    const r = engine.evaluate(dynamic, { t: 'aaaa', p: '(a)\\1' }, { default: false });
    expect(r).toMatchObject({ value: false, error: expect.stringMatching(/unsafe/) });
  });

  it('matches bounds the input length', () => {
    const long = 'a'.repeat(100_000) + 'needle';
    expect(run({ matches: [{ var: 't' }, 'needle'] }, { t: long })).toBe(false);
    expect(run({ matches: [{ var: 't' }, '^a+$'] }, { t: long })).toBe(true);
  });

  it('length counts characters (code points) and array items', () => {
    expect(run({ length: ['投诉内容'] })).toBe(4);
    expect(run({ length: ['😀a'] })).toBe(2);
    expect(run({ length: [{ var: 'tags' }] }, { tags: ['a', 'b'] })).toBe(2);
    expect(run({ length: [null] })).toBeNull();
    expect(run({ '<': [{ length: [{ var: 'text' }] }, 10] }, { text: '太差了' })).toBe(true);
  });
});

describe('set and taxonomy operators', () => {
  it('intersects', () => {
    expect(run({ intersects: [{ var: 'tags' }, ['vip', 'media']] }, { tags: ['new', 'media'] })).toBe(true);
    expect(run({ intersects: [{ var: 'tags' }, ['vip']] }, { tags: ['new'] })).toBe(false);
    expect(run({ intersects: [{ var: 'missing' }, ['vip']] })).toBe(false);
    const big = Array.from({ length: 2000 }, (_, i) => `t${i}`);
    expect(run({ intersects: [{ var: 'a' }, { var: 'b' }] }, { a: big, b: ['t1999'] })).toBe(true);
  });

  it('in_list uses strict equality', () => {
    expect(run({ in_list: [{ var: 'c' }, ['phone', 'web']] }, { c: 'web' })).toBe(true);
    expect(run({ in_list: [{ var: 'c' }, ['phone', 'web']] }, { c: 'we' })).toBe(false);
    expect(run({ in_list: [1, ['1']] })).toBe(false);
  });

  it('is_descendant_of follows category paths', () => {
    expect(run({ is_descendant_of: ['service/attitude/rude', 'service'] })).toBe(true);
    expect(run({ is_descendant_of: ['service/attitude/rude', 'service/attitude'] })).toBe(true);
    expect(run({ is_descendant_of: ['service', 'service'] })).toBe(true);
    expect(run({ is_descendant_of: ['services/x', 'service'] })).toBe(false);
    expect(run({ is_descendant_of: ['service', 'service/attitude'] })).toBe(false);
    expect(run({ is_descendant_of: ['billing/overcharge', ['service', 'billing']] })).toBe(true);
    expect(run({ is_descendant_of: [null, 'service'] })).toBe(false);
  });
});

describe('number operators', () => {
  it('between is inclusive', () => {
    expect(run({ between: [5, 1, 5] })).toBe(true);
    expect(run({ between: [1, 1, 5] })).toBe(true);
    expect(run({ between: [5.01, 1, 5] })).toBe(false);
    expect(run({ between: ['3', 1, 5] })).toBe(true);
    expect(run({ between: ['abc', 1, 5] })).toBe(false);
    expect(run({ between: [null, 0, 5] })).toBe(false);
  });

  it('round rounds half away from zero to n decimals', () => {
    expect(run({ round: [1.005, 2] })).toBe(1.01);
    expect(run({ round: [2.5] })).toBe(3);
    expect(run({ round: [-2.5] })).toBe(-3);
    expect(run({ round: [1234.5678, 1] })).toBe(1234.6);
    expect(run({ round: ['x', 1] })).toBeNull();
  });
});

describe('operator registry', () => {
  it('lists standard, built-in and custom operators with metadata', () => {
    const e = new RuleEngine({
      operators: [
        {
          name: 'vip_level',
          description: { zh: 'VIP 等级', en: 'VIP level' },
          args: [{ name: 'customer', type: 'object', description: { zh: '客户', en: 'customer' } }],
          returns: 'number',
          category: 'crm',
          fn: (_c, c) => (c as { vip?: number } | null)?.vip ?? 0,
        },
      ],
    });
    const ops = e.listOperators();
    const names = ops.map((o) => o.name);
    for (const n of ['var', 'if', 'map', 'contains_any', 'matches', 'add_working_days', 'between', 'vip_level']) expect(names).toContain(n);
    expect(names).not.toContain('method');
    expect(ops.find((o) => o.name === 'vip_level')).toMatchObject({ builtin: false, category: 'crm', returns: 'number' });
    expect(ops.find((o) => o.name === 'between')).toMatchObject({ builtin: true, category: 'number', standard: false });
    // The rule builder offers every non-standard operator by name: Redress's own keyword operators included.
    expect(ops.find((o) => o.name === 'contains_any')).toMatchObject({ builtin: true, standard: false });
    expect(ops.find((o) => o.name === '==')).toMatchObject({ builtin: true, standard: true });
    expect(ops.find((o) => o.name === 'vip_level')).toMatchObject({ standard: false });
    expect(ops.every((o) => o.description.zh && o.description.en && !('fn' in o))).toBe(true);
    expect(e.evaluate({ '>=': [{ vip_level: [{ var: 'customer' }] }, 2] }, { customer: { vip: 3 } }).value).toBe(true);
  });

  it('rejects bad definitions and name clashes with a clear error', () => {
    const e = new RuleEngine();
    const ok = { name: 'x_op', description: { zh: '甲', en: 'x' }, args: [], returns: 'any' as const, fn: () => 1 };
    e.registerOperator(ok);
    expect(() => e.registerOperator(ok)).toThrow(/already registered/);
    expect(() => e.registerOperator({ ...ok, name: 'var' })).toThrow(/already registered/);
    expect(() => e.registerOperator({ ...ok, name: 'contains_any' })).toThrow(/already registered/);
    expect(() => e.registerOperator({ ...ok, name: 'a.b' })).toThrow(/name/);
    expect(() => e.registerOperator({ ...ok, name: '__proto__' })).toThrow(/name/);
    expect(() => e.registerOperator({ ...ok, name: 'y', description: { zh: '', en: 'y' } })).toThrow(/description/);
    expect(() => e.registerOperator({ ...ok, name: 'y', returns: 'date-ish' as never })).toThrow(/returns/);
    expect(() => e.registerOperator({ ...ok, name: 'y', fn: 1 as never })).toThrow(/fn/);
    const arg = { name: 'a', type: 'number' as const, description: { zh: '甲', en: 'a' } };
    expect(() =>
      e.registerOperator({
        ...ok,
        name: 'y',
        args: [
          { ...arg, variadic: true },
          { ...arg, name: 'b' },
        ],
      }),
    ).toThrow(/variadic/);
    expect(() =>
      e.registerOperator({
        ...ok,
        name: 'y',
        args: [
          { ...arg, optional: true },
          { ...arg, name: 'b' },
        ],
      }),
    ).toThrow(/required/);
    expect(() => e.registerOperator({ ...ok, name: 'y', args: [{ ...arg, type: 'int' as never }] })).toThrow(/type/);
  });

  it('custom operators that throw are turned into default + error', () => {
    const e = new RuleEngine();
    e.registerOperator({
      name: 'boom',
      description: { zh: '炸', en: 'boom' },
      args: [],
      returns: 'any',
      fn: () => {
        throw new Error('kaput');
      },
    });
    expect(e.evaluate({ boom: [] }, {}, { default: 'safe' })).toEqual({ value: 'safe', error: 'Error: kaput' });
  });

  it('validates custom operator arity and types from its metadata', () => {
    expect(engine.validate({ between: [1, 2] })[0]).toMatchObject({ code: 'WRONG_ARITY', path: '$.between' });
    expect(engine.validate({ round: [1, 2, 3] })[0]).toMatchObject({ code: 'WRONG_ARITY' });
    expect(engine.validate({ round: [1.26] })).toEqual([]);
  });
});
