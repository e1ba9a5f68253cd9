import { callOperation } from '../graphql/schema';
import type { ApiProblem } from '../graphql/client';

/** Results vary in shape while the policy API settles: accept a list, `{problems}` or `{valid, problems}`. */
export function problemsOf(result: any): ApiProblem[] {
  const value = typeof result === 'string' ? JSON.parse(result) : result;
  if (Array.isArray(value)) return value;
  return value?.problems ?? [];
}

export async function validateDraft(): Promise<ApiProblem[]> {
  // Both are queries in the schema (apps/api/schema.graphql; graphql/operations.test.ts holds the console to it).
  return problemsOf(await callOperation('query', 'validatePolicyDraft'));
}

export interface TestOutcome {
  key: string;
  passed: boolean;
  failures: string[];
  actual?: unknown;
}

/** `runPolicyTests` → one outcome per test case. */
export async function runTests(): Promise<TestOutcome[]> {
  const raw = await callOperation<any>('query', 'runPolicyTests');
  const value = typeof raw === 'string' ? JSON.parse(raw) : raw;
  const list: any[] = Array.isArray(value) ? value : (value?.results ?? value?.tests ?? []);
  return list.map((r) => ({
    key: r.key ?? r.testKey ?? r.test,
    passed: r.passed ?? r.ok ?? r.success ?? false,
    failures: (r.failures ?? r.mismatches ?? r.problems ?? []).map((f: any) =>
      typeof f === 'string' ? f : (f.message ?? `${f.field ?? f.path}: ${JSON.stringify(f.expected)} ≠ ${JSON.stringify(f.actual)}`),
    ),
    actual: r.actual,
  }));
}
