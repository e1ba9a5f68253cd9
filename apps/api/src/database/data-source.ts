import { DataSource, DataSourceOptions, type EntitySchema, type MixedList } from 'typeorm';
import type { DatabaseConfig } from '../config/config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { serializeSqliteTransactions } from './sqlite-serial';

/**
 * SQLite runs in WAL mode with synchronous=FULL: an acknowledged complaint survives a power cut, and WAL keeps
 * fsyncs off the readers' path (the default rollback journal measured p99 ~750 ms under load).
 */
export function dataSourceOptions(database: DatabaseConfig, plugins: PluginTables = {}): DataSourceOptions {
  const common = {
    entities: [...ENTITIES, ...(plugins.entities ?? [])] as MixedList<Function | EntitySchema>,
    migrations: [...MIGRATIONS, ...(plugins.migrations ?? [])] as MixedList<Function>,
    synchronize: false as const,
    migrationsRun: false,
    // REDRESS_SQL_LOG=1 prints every statement (diagnosing slow requests).
    logging: process.env.REDRESS_SQL_LOG === '1' ? (['query'] as 'query'[]) : false,
  };
  if (database.type === 'postgres') {
    return { ...common, type: 'postgres', url: database.url, extra: { max: 20, connectionTimeoutMillis: 5_000 } };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.path,
    timeout: 10_000,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 10000');
    },
  };
}

/**
 * Installed plugins' own tables (their EntitySchemas and migrations, validated at load): the same data source, so
 * `npm run migrate` and the start-up check treat a plugin's pending migration like the API's own.
 */
export interface PluginTables {
  entities?: readonly unknown[];
  migrations?: readonly unknown[];
}

export function createDataSource(database: DatabaseConfig, plugins: PluginTables = {}): DataSource {
  const dataSource = new DataSource(dataSourceOptions(database, plugins));
  // One connection, one transaction at a time (sqlite-serial.ts): TypeORM's driver would interleave them.
  if (database.type !== 'postgres') serializeSqliteTransactions(dataSource);
  return dataSource;
}

/** The tables of a list of loaded plugins. */
export function pluginTables(plugins: readonly { entities: readonly unknown[]; migrations: readonly unknown[] }[]): PluginTables {
  return { entities: plugins.flatMap((p) => p.entities), migrations: plugins.flatMap((p) => p.migrations) };
}

export class UnmigratedDatabaseError extends Error {
  constructor(pending: string[]) {
    super(
      `The database schema is not current: ${pending.length} migration(s) pending (${pending.join(', ')}). ` +
        'Run `npm run migrate` (or start with REDRESS_AUTO_MIGRATE=1) before starting the API.',
    );
  }
}

/** Names of migrations not yet applied. */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = new Set<string>();
  const runner = dataSource.createQueryRunner();
  try {
    const hasTable = await runner.hasTable('migrations');
    if (hasTable) {
      const rows: { name: string }[] = await runner.query('SELECT name FROM migrations');
      rows.forEach((r) => applied.add(r.name));
    }
  } finally {
    await runner.release();
  }
  return dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !applied.has(name));
}
