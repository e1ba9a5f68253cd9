/** One thing wrong with a policy, located by a readable path such as `complaintTypes[service.attitude].defaultDepartment`. */
export interface PolicyProblem {
  path: string;
  code: string;
  message: string;
  suggestion?: string;
}

/** `rules.routing` + an engine path (`$.rows[0].when`, `rows[0].when`) → `rules.routing.rows[0].when`. */
export function joinPath(prefix: string, enginePath: string | undefined): string {
  const rest = (enginePath ?? '').replace(/^\$/, '');
  if (!rest) return prefix;
  return rest.startsWith('[') || rest.startsWith('.') ? `${prefix}${rest}` : `${prefix}.${rest}`;
}

/** Engine paths of a table name rows by index; ours name them by key (`$.rows[2].when` → `rows[sev-media].when`). */
export function tablePath(prefix: string, enginePath: string | undefined, rows: { key: string }[]): string {
  const byKey = (enginePath ?? '').replace(/^\$\.rows\[(\d+)\]/, (match, index: string) => {
    const key = rows[Number(index)]?.key;
    return key ? `rows[${key}]` : match.slice(2);
  });
  return joinPath(prefix, byKey);
}

/** An empty table is legitimate in a policy: the fallbacks (type defaults, table default) decide. */
export function isEmptyTableProblem(problem: { path: string; code: string }, rows: unknown[]): boolean {
  return rows.length === 0 && problem.path === '$.rows' && problem.code === 'INVALID_TABLE';
}
