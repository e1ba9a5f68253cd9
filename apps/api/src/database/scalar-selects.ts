import type { EntityManager } from 'typeorm';

/** A statement and its parameters, as `SelectQueryBuilder.getQueryAndParameters()` gives them. */
export type Statement = [sql: string, parameters: unknown[]];

/**
 * Several scalar sub-selects in ONE statement — `SELECT (q1) AS a, (q2) AS b` — and their values as numbers. Each
 * statement is a round trip to PostgreSQL (a socket write and a wait; the intake's counting facts were five of them);
 * on SQLite it saves the per-statement overhead. PostgreSQL's numbered placeholders are renumbered so the
 * parameters of all parts can be passed in order. Aliases are lower-case identifiers chosen by the caller.
 */
export async function selectScalars<K extends string>(manager: EntityManager, parts: Record<K, Statement>): Promise<Record<K, number>> {
  const aliases = Object.keys(parts) as K[];
  for (const alias of aliases)
    if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`selectScalars: alias ${alias} is not a lower-case identifier`);
  const [sqls, parameters] = merged(
    manager,
    aliases.map((alias) => parts[alias]),
  );
  const rows: Record<string, string | number | null>[] = await manager.query(
    `SELECT ${sqls.map((sql, i) => `(${sql}) AS ${aliases[i]}`).join(', ')}`,
    parameters,
  );
  return Object.fromEntries(aliases.map((alias) => [alias, Number(rows[0]?.[alias] ?? 0)])) as Record<K, number>;
}

/** The rows of several selects of the same columns in one statement (`UNION ALL`), each keeping its own ORDER/LIMIT. */
export async function selectUnionAll<T>(manager: EntityManager, statements: Statement[]): Promise<T[]> {
  if (!statements.length) return [];
  const [sqls, parameters] = merged(manager, statements);
  return manager.query(sqls.map((sql, i) => `SELECT * FROM (${sql}) part${i}`).join(' UNION ALL '), parameters);
}

/** The statements' SQL with PostgreSQL's numbered placeholders renumbered, and all parameters in order. */
function merged(manager: EntityManager, statements: Statement[]): [string[], unknown[]] {
  const postgres = manager.connection.options.type === 'postgres';
  const parameters: unknown[] = [];
  const sqls = statements.map(([sql, own]) => {
    const offset = parameters.length;
    parameters.push(...own);
    return postgres ? sql.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) + offset}`) : sql;
  });
  return [sqls, parameters];
}
