import type { ApiProblem } from '../graphql/client';

export interface LocatedProblems {
  /** Problems of the table itself (hit policy, default, unknown rows). */
  table: string[];
  rows: Record<number, { row: string[]; when: string[]; then: string[] }>;
}

/**
 * Places the API's problems (`extensions.problems` of setRuleSet, or validatePolicyDraft's list) at the row and
 * part they concern. Paths arrive as `rules.routing.rows[0].when`, `$.rows[0].when` or `rows[0].then.department`.
 */
export function locateProblems(problems: ApiProblem[], tableKey: string, rowKeys: string[] = []): LocatedProblems {
  const located: LocatedProblems = { table: [], rows: {} };
  for (const problem of problems) {
    const path = (problem.path ?? problem.field ?? '').replace(/^input\./, '');
    if (/^rules\./.test(path) && !path.startsWith(`rules.${tableKey}`)) continue;
    const text = problem.suggestion ? `${problem.message}（${problem.suggestion}）` : problem.message;
    // A row is named by its index (`rows[0]`) or by its key (`rows[r1]`).
    const match = /rows\[([^\]]+)\](?:\.(when|then))?/.exec(path);
    const index = !match ? -1 : /^\d+$/.test(match[1]) ? Number(match[1]) : rowKeys.indexOf(match[1]);
    if (!match || index < 0) {
      located.table.push(text);
      continue;
    }
    const slot = (located.rows[index] ??= { row: [], when: [], then: [] });
    (match[2] === 'when' ? slot.when : match[2] === 'then' ? slot.then : slot.row).push(text);
  }
  return located;
}

/** Problems of the whole draft that belong to a rule table (for the tab badges). */
export function problemCountByTable(problems: ApiProblem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const problem of problems) {
    const match = /^rules\.(\w+)/.exec(problem.path ?? '');
    if (match) counts[match[1]] = (counts[match[1]] ?? 0) + 1;
  }
  return counts;
}
