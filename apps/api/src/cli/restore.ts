import { loadConfig } from '../config/config';
import { restorePostgres, restoreSqlite } from '../modules/ops/backup/backup';

/**
 * `npm run restore -- --from FILE`: replaces the configured database with a backup. Stop the API first; start it
 * again with the same ENCRYPTION_KEY the backup was taken with.
 */
async function main() {
  const config = loadConfig();
  const at = process.argv.indexOf('--from');
  const source = at > 0 ? process.argv[at + 1] : undefined;
  if (!source) throw new Error('Name the backup: npm run restore -- --from data/backups/redress-….sqlite');
  if (config.database.type === 'sqlite') {
    restoreSqlite(source, config.database.path);
    console.log(`Restored ${source} to ${config.database.path} (the previous file is kept as ${config.database.path}.before-restore)`);
  } else {
    restorePostgres(source, config.database.url);
    console.log(`Restored ${source} into PostgreSQL`);
  }
}

main().catch((error) => {
  console.error(`Restore failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
