import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { createDataSource, pendingMigrations } from '../database/data-source';

/** Runs `work` on the configured database, refusing a schema with pending migrations; closes the connection after. */
export async function withCurrentDatabase<T>(config: AppConfig, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = createDataSource(config.database);
  await dataSource.initialize();
  try {
    const pending = await pendingMigrations(dataSource);
    if (pending.length)
      throw new Error(`The database schema is not current (${pending.length} migration(s) pending): run \`npm run migrate\` first.`);
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
