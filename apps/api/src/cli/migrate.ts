import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { createDataSource, pendingMigrations, pluginTables } from '../database/data-source';
import { INSTALLED_PLUGINS } from '../plugins.config';
import { hostVersion, loadPlugins, selectPlugins } from '../modules/plugin-host/plugin-loading';

/** `npm run migrate`: applies pending migrations (the API's and the installed plugins') to the configured database. */
async function main() {
  const config = loadConfig();
  const plugins = loadPlugins(selectPlugins(INSTALLED_PLUGINS, process.env.REDRESS_PLUGINS), hostVersion());
  const dataSource = createDataSource(config.database, pluginTables(plugins));
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
