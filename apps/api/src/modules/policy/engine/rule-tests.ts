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

/**
 * The instant a sample (rule test, simulated complaint) is decided at: the `now` of its facts when it has one — a
 * test about "a bill from last month" fixes the month it was written in, and a stored complaint's facts carry the
 * moment it was received — else `fallback` (the service clock). Throws when the facts' `now` is not a time.
 */
export function sampleInstant(facts: Record<string, unknown> | undefined, fallback: Date): Date {
  const given = facts?.now;
  if (given === undefined || given === null) return fallback;
  const instant = typeof given === 'string' || typeof given === 'number' ? new Date(given) : undefined;
  if (!instant || Number.isNaN(instant.getTime())) throw new InvalidSampleInstant(given);
  return instant;
}

export class InvalidSampleInstant extends Error {
  constructor(readonly value: unknown) {
    super(`facts.now is not a time: ${JSON.stringify(value)}`);
  }
}

/** The sample's facts with `now` filled in, and the context evaluating them at that same instant. */
export function sampleEvaluation(
  facts: Record<string, unknown> | undefined,
  fallback: Date,
  timeZone: string,
): { facts: Record<string, unknown>; context: EvaluationContext } {
  const now = sampleInstant(facts, fallback);
  return { facts: { ...facts, now: facts?.now ?? now.toISOString() }, context: { now, timeZone } };
}

function checkCase(compiled: CompiledPolicy, test: RuleTestCase, fallbackNow: Date): RuleTestResult {
  const { facts, context } = sampleEvaluation(test.facts, fallbackNow, timeZoneOf(compiled));
  const decisions = compiled.decide(facts, context);
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
  return {
    key: test.key,
    ...(test.description ? { description: test.description } : {}),
    passed: failures.length === 0,
    failures,
    decisions,
  };
}

/**
 * Runs a policy's stored rule tests (or the given ones) against it. Pure: each test is evaluated at the `now` of its
 * facts, `now` is the instant for tests without one.
 */
export function runRuleTests(compiled: CompiledPolicy, now: Date, tests: RuleTestCase[] = compiled.document.tests): RuleTestResult[] {
  return tests.map((test) => {
    try {
      return checkCase(compiled, test, now);
    } catch (error) {
      return { key: test.key, passed: false, failures: [], error: (error as Error).message };
    }
  });
}

/** "test t1: expected severity urgent, got normal (row sev-default)" — one line per failure, with the test it belongs to. */
export function failureLines(results: RuleTestResult[]): { key: string; message: string }[] {
  return results.flatMap((result) => [
    ...(result.error ? [{ key: result.key, message: `test ${result.key}: ${result.error}` }] : []),
    ...result.failures.map((f) => ({
      key: result.key,
      message: `test ${result.key}: expected ${f.what} ${f.expected}, got ${f.actual} (${f.rowKey ? `row ${f.rowKey}` : 'no row matched, fallback'})`,
    })),
  ]);
}

export function describeFailures(results: RuleTestResult[]): string[] {
  return failureLines(results).map((line) => line.message);
}

export function timeZoneOf(compiled: CompiledPolicy): string {
  const document = compiled.document;
  return document.calendars.find((c) => c.key === document.settings.defaultCalendar)?.timeZone ?? 'Asia/Shanghai';
}
