import { CompiledPolicy } from './compiled-policy';
import { describeFailures, failureLines, runRuleTests } from './rule-tests';
import { DEMO_POLICY } from '../demo/demo-policy';

const now = new Date('2026-03-02T02:00:00Z');

describe('runRuleTests', () => {
  it('passes every test of the demo policy', () => {
    const results = runRuleTests(new CompiledPolicy(1, DEMO_POLICY), now);
    expect(results.length).toBeGreaterThanOrEqual(6);
    expect(results.filter((r) => !r.passed)).toEqual([]);
  });

  it('reports what was expected, what came out and which row decided', () => {
    const tests = [
      {
        key: 't1',
        facts: { complaint: { type: 'billing', channel: 'email', text: '多收了钱' } },
        expect: { severity: 'urgent', department: 'finance' },
      },
      { key: 't2', facts: { complaint: { type: 'suggestion', text: '建议' } }, expect: { valid: true } },
    ];
    const results = runRuleTests(new CompiledPolicy(1, { ...DEMO_POLICY, tests }), now);
    expect(results[0]).toMatchObject({
      key: 't1',
      passed: false,
      failures: [{ what: 'severity', expected: 'urgent', actual: 'normal', rowKey: 'sev-default' }],
    });
    expect(results[1]).toMatchObject({
      key: 't2',
      passed: false,
      failures: [{ what: 'valid', expected: 'true', actual: 'false', rowKey: 'val-suggestion' }],
    });
    expect(describeFailures(results)).toEqual([
      'test t1: expected severity urgent, got normal (row sev-default)',
      'test t2: expected valid true, got false (row val-suggestion)',
    ]);
  });

  it('decides each test at the `now` of its facts, the given instant only for tests without one', () => {
    // Valid only when the occurrence is at most 30 days before the evaluation instant.
    const document = structuredClone(DEMO_POLICY);
    document.rules.validity = {
      key: 'validity',
      hitPolicy: 'first',
      rows: [
        {
          key: 'too-old',
          when: { is_before: [{ var: 'complaint.occurredAt' }, { date_add: [{ now: [] }, -30, 'days'] }] },
          then: { valid: false, reason: 'too_old' },
        },
      ],
    };
    const occurred = { complaint: { type: 'billing', channel: 'email', text: '多收了钱', occurredAt: '2026-01-10T02:00:00Z' } };
    const tests = [
      { key: 'in-january', facts: { ...occurred, now: '2026-01-15T02:00:00.000Z' }, expect: { valid: true } },
      { key: 'no-now', facts: occurred, expect: { valid: false } },
      { key: 'bad-now', facts: { ...occurred, now: 'last tuesday' }, expect: { valid: true } },
    ];
    const results = runRuleTests(new CompiledPolicy(1, { ...document, tests }), now);
    expect(results.map((r) => [r.key, r.passed])).toEqual([
      ['in-january', true],
      ['no-now', true],
      ['bad-now', false],
    ]);
    expect(results[2].error).toBe('facts.now is not a time: "last tuesday"');
  });

  it('lists each failure with the test it belongs to', () => {
    const tests = [
      {
        key: 'two',
        facts: { complaint: { type: 'billing', channel: 'email', text: '多收了钱' } },
        expect: { severity: 'major', department: 'quality' },
      },
      { key: 'one', facts: { complaint: { type: 'suggestion', text: '建议' } }, expect: { valid: true } },
    ];
    const lines = failureLines(runRuleTests(new CompiledPolicy(1, { ...DEMO_POLICY, tests }), now));
    expect(lines.map((l) => l.key)).toEqual(['two', 'two', 'one']);
    for (const line of lines) expect(line.message.startsWith(`test ${line.key}: `)).toBe(true);
  });
});
