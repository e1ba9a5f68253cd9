import type { EvaluationContext } from '@redress/rules';
import type { RuleTestCase } from '@redress/sdk';
import type { CompiledPolicy, PolicyDecisions } from './compiled-policy';

export interface RuleTestFailure {
  /** valid | invalidReason | severity | department | slaPolicy */
  what: string;
  expected: string;
  actual: string;
  /** The rule row that decided (absent when a fallback decided). */
  rowKey?: string;
  /** How the decision was reached. */
  trace?: string;
}

export interface RuleTestResult {
  key: string;
  description?: string;
  passed: boolean;
  failures: RuleTestFailure[];
  decisions?: PolicyDecisions;
  error?: string;
}

const show = (value: unknown) => (value === undefined || value === null ? '(none)' : String(value));

function checkCase(compiled: CompiledPolicy, test: RuleTestCase, context: EvaluationContext): RuleTestResult {
  const decisions = compiled.decide(test.facts ?? {}, context);
  const failures: RuleTestFailure[] = [];
  const expect = (what: string, expected: unknown, actual: unknown, decision: { rowKey?: string; trace?: string }) => {
    if (expected === undefined || expected === actual) return;
    failures.push({ what, expected: show(expected), actual: show(actual), rowKey: decision.rowKey, trace: decision.trace });
  };
  expect('valid', test.expect.valid, decisions.validity.valid, decisions.validity);
  expect('invalidReason', test.expect.invalidReason, decisions.validity.reason, decisions.validity);
  expect('severity', test.expect.severity, decisions.severity.level, decisions.severity);
  expect('department', test.expect.department, decisions.routing.department, decisions.routing);
  expect('slaPolicy', test.expect.slaPolicy, decisions.sla.policy, decisions.sla);
  return { key: test.key, ...(test.description ? { description: test.description } : {}), passed: failures.length === 0, failures, decisions };
}

/** Runs a policy's stored rule tests (or the given ones) against it. Pure: `now` is the evaluation instant. */
export function runRuleTests(compiled: CompiledPolicy, now: Date, tests: RuleTestCase[] = compiled.document.tests): RuleTestResult[] {
  const context: EvaluationContext = { now, timeZone: timeZoneOf(compiled) };
  return tests.map((test) => {
    try {
      return checkCase(compiled, test, context);
    } catch (error) {
      return { key: test.key, passed: false, failures: [], error: (error as Error).message };
    }
  });
}

/** "test t1: expected severity urgent, got normal (row sev-default)" — one line per failure. */
export function describeFailures(results: RuleTestResult[]): string[] {
  return results.flatMap((result) => [
    ...(result.error ? [`test ${result.key}: ${result.error}`] : []),
    ...result.failures.map((f) => `test ${result.key}: expected ${f.what} ${f.expected}, got ${f.actual} (${f.rowKey ? `row ${f.rowKey}` : 'no row matched, fallback'})`),
  ]);
}

export function timeZoneOf(compiled: CompiledPolicy): string {
  const document = compiled.document;
  return document.calendars.find((c) => c.key === document.settings.defaultCalendar)?.timeZone ?? 'Asia/Shanghai';
}
