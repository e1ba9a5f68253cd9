import { CompiledPolicy } from './compiled-policy';
import { describeFailures, runRuleTests } from './rule-tests';
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
      { key: 't1', facts: { complaint: { type: 'billing', channel: 'email', text: '多收了钱' } }, expect: { severity: 'urgent', department: 'finance' } },
      { key: 't2', facts: { complaint: { type: 'suggestion', text: '建议' } }, expect: { valid: true } },
    ];
    const results = runRuleTests(new CompiledPolicy(1, { ...DEMO_POLICY, tests }), now);
    expect(results[0]).toMatchObject({ key: 't1', passed: false, failures: [{ what: 'severity', expected: 'urgent', actual: 'normal', rowKey: 'sev-default' }] });
    expect(results[1]).toMatchObject({ key: 't2', passed: false, failures: [{ what: 'valid', expected: 'true', actual: 'false', rowKey: 'val-suggestion' }] });
    expect(describeFailures(results)).toEqual([
      'test t1: expected severity urgent, got normal (row sev-default)',
      'test t2: expected valid true, got false (row val-suggestion)',
    ]);
  });
});
