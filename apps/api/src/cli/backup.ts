import { loadConfig } from '../config/config';
import { backupPostgres, backupSqlite, defaultBackupFile } from '../modules/ops/backup/backup';

/**
 * `npm run backup [-- --out FILE]`: a consistent copy of the configured database while the API keeps serving
 * (SQLite online backup; PostgreSQL pg_dump). The encryption key is NOT in the backup: keep ENCRYPTION_KEY (or
 * data/encryption.key) safe separately — without it the personal data in a backup cannot be read.
 */
async function main() {
  const config = loadConfig();
  const at = process.argv.indexOf('--out');
  const target = at > 0 && process.argv[at + 1] ? process.argv[at + 1] : defaultBackupFile(config.dataDir, config.database);
  const started = Date.now();
  if (config.database.type === 'sqlite') {
    const { pages } = await backupSqlite(config.database.path, target);
    console.log(`Backed up ${config.database.path} (${pages} pages) to ${target} in ${Date.now() - started} ms`);
  } else {
    backupPostgres(config.database.url, target);
    console.log(`Backed up PostgreSQL to ${target} (pg_dump custom format) in ${Date.now() - started} ms`);
  }
}

main().catch((error) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
