import type { EntityManager } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';
import type { Statement } from './scalar-selects';

/** Stands in for a value while a statement is built: the parameter's name between two NUL characters. */
const MARK = '\u0000';
const slot = (name: string) => `${MARK}${name}${MARK}`;

interface Shape {
  sql: string;
  /** Per bound parameter: the name of the value it takes, or the constant the builder bound. */
  parameters: ({ name: string } | { constant: unknown })[];
}

const shapes = new Map<string, Shape>();

/**
 * A statement built with query builders ONCE per shape and database type, then bound to new values on each call —
 * for hot paths whose statements differ only in their values (the intake's counting facts and round-robin probe).
 * Building a select through TypeORM (expression map, property names replaced, parameters escaped) costs more CPU
 * than SQLite takes to run it.
 *
 * `build` receives a stand-in per value name and must pass it where the value goes (`where('c.x = :x', { x: slots.x })`);
 * the values are bound as TypeORM binds them (SQLite: booleans as 1/0, instants as UTC text). A value that changes
 * the SQL itself (a list for `IN (:...ids)`, a number TypeORM writes inline) must be part of `key` instead.
 */
export function cachedStatement(
  manager: EntityManager,
  key: string,
  build: (slots: Record<string, string>) => Statement,
  values: Record<string, unknown>,
): Statement {
  const sqlite = manager.connection.options.type !== 'postgres';
  const fullKey = `${sqlite ? 'sqlite' : 'postgres'}|${key}`;
  let shape = shapes.get(fullKey);
  if (!shape) {
    const slots = new Proxy({} as Record<string, string>, { get: (_, name) => slot(String(name)) });
    const [sql, bound] = build(slots);
    shape = {
      sql,
      parameters: bound.map((value) =>
        typeof value === 'string' && value.startsWith(MARK) && value.endsWith(MARK) ? { name: value.slice(1, -1) } : { constant: value },
      ),
    };
    for (const parameter of shape.parameters)
      if ('name' in parameter && !(parameter.name in values)) throw new Error(`cachedStatement ${key}: no value for ${parameter.name}`);
    shapes.set(fullKey, shape);
  }
  return [shape.sql, shape.parameters.map((p) => ('name' in p ? bind(values[p.name], sqlite) : p.constant))];
}

/** A value as TypeORM's driver binds it (AbstractSqliteDriver.escapeQueryWithParameters; PostgreSQL: as it is). */
function bind(value: unknown, sqlite: boolean): unknown {
  if (!sqlite) return value;
  if (typeof value === 'boolean') return +value;
  if (value instanceof Date) return DateUtils.mixedDateToUtcDatetimeString(value);
  return value;
}
