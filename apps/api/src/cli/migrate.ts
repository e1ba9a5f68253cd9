import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { createDataSource, pendingMigrations } from '../database/data-source';

/** `npm run migrate`: applies pending migrations to the configured database. */
async function main() {
  const config = loadConfig();
  const dataSource = createDataSource(config.database);
  await dataSource.initialize();
  const before = await pendingMigrations(dataSource);
  await dataSource.runMigrations({ transaction: 'each' });
  console.log(before.length ? `Applied ${before.length} migration(s): ${before.join(', ')}` : 'Database schema is current.');
  await dataSource.destroy();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
