import type { EntityManager } from 'typeorm';

/** A statement and its parameters, as `SelectQueryBuilder.getQueryAndParameters()` gives them. */
export type Statement = [sql: string, parameters: unknown[]];

/**
 * Several scalar sub-selects as ONE statement — `SELECT (q1) AS a, (q2) AS b` (read back with `readScalars`). Each
 * statement is a round trip to PostgreSQL (a socket write and a wait; the intake's counting facts were five of them);
 * on SQLite it saves the per-statement overhead. PostgreSQL's numbered placeholders are renumbered so the
 * parameters of all parts can be passed in order. Aliases are lower-case identifiers chosen by the caller.
 */
export function scalarsStatement<K extends string>(manager: EntityManager, parts: Record<K, Statement>): Statement {
  const aliases = Object.keys(parts) as K[];
  for (const alias of aliases)
    if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`scalarsStatement: alias ${alias} is not a lower-case identifier`);
  const [sqls, parameters] = merged(
    manager,
    aliases.map((alias) => parts[alias]),
  );
  return [`SELECT ${sqls.map((sql, i) => `(${sql}) AS ${aliases[i]}`).join(', ')}`, parameters];
}

/** The values of a `scalarsStatement`'s row, as numbers. */
export function readScalars<K extends string>(rows: Record<string, string | number | null>[], aliases: K[]): Record<K, number> {
  return Object.fromEntries(aliases.map((alias) => [alias, Number(rows[0]?.[alias] ?? 0)])) as Record<K, number>;
}

/** Several selects of the same columns as one statement (`UNION ALL`), each keeping its own ORDER/LIMIT. */
export function unionAllStatement(manager: EntityManager, statements: Statement[]): Statement {
  const [sqls, parameters] = merged(manager, statements);
  return [sqls.map((sql, i) => `SELECT * FROM (${sql}) part${i}`).join(' UNION ALL '), parameters];
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
