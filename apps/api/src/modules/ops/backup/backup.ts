import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DatabaseConfig } from '../../../config/config';

export class BackupError extends Error {}

/** A file name that sorts by time: redress-20261130T104500Z.sqlite. */
export function defaultBackupFile(dataDir: string, database: DatabaseConfig, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return join(dataDir, 'backups', `redress-${stamp}.${database.type === 'sqlite' ? 'sqlite' : 'dump'}`);
}

function prepareTarget(target: string): void {
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  if (existsSync(target)) throw new BackupError(`${target} exists already; choose another file`);
}

/**
 * SQLite's online backup API through better-sqlite3 (`db.backup`) from a second, read-only connection: one consistent
 * snapshot while the API keeps serving (WAL mode: the copy reads a snapshot, the writer goes on). Written next to the target and renamed,
 * so a half-written file never carries the final name.
 */
export async function backupSqlite(source: string, target: string): Promise<{ pages: number }> {
  if (!existsSync(source)) throw new BackupError(`No SQLite database at ${source}`);
  prepareTarget(target);
  const partial = `${target}.partial`;
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    // After the first cycle, copy every remaining page in one step: a step holds a read snapshot, so the copy is
    // consistent and cannot be restarted forever by a steady stream of writes (100-page cycles were, under load).
    const result = await db.backup(partial, { progress: ({ remainingPages }) => Math.max(remainingPages, 1) * 2 + 100 });
    chmodSync(partial, 0o600);
    const check = new Database(partial, { readonly: true });
    try {
      const verdict = check.pragma('integrity_check', { simple: true });
      if (verdict !== 'ok') throw new BackupError(`The backup failed its integrity check: ${verdict}`);
    } finally {
      check.close();
    }
    renameSync(partial, target);
    return { pages: result.totalPages };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place of the database file. The API must be stopped: the live file, its WAL and shared-memory
 * files are replaced. The backup is checked before anything is touched; the old file is kept as `<file>.before-restore`.
 */
export function restoreSqlite(backup: string, target: string): void {
  if (!existsSync(backup)) throw new BackupError(`No backup at ${backup}`);
  const check = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    const verdict = check.pragma('integrity_check', { simple: true });
    if (verdict !== 'ok') throw new BackupError(`${backup} failed its integrity check: ${verdict}`);
  } finally {
    check.close();
  }
  mkdirSync(dirname(target), { recursive: true });
  if (existsSync(target)) renameSync(target, `${target}.before-restore`);
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  copyFileSync(backup, target);
  chmodSync(target, 0o600);
}

/** The PostgreSQL client tools (pg_dump/pg_restore) from PATH, or from the server's installation. */
function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  try {
    execFileSync(name, ['--version'], { stdio: 'ignore' });
    return name;
  } catch {
    const root = '/usr/lib/postgresql';
    const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
    for (const v of versions) if (existsSync(join(root, v, 'bin', name))) return join(root, v, 'bin', name);
    throw new BackupError(`${name} not found: install the PostgreSQL client tools (apt-get install postgresql-client)`);
  }
}

/** pg_dump in the custom format (compressed, restorable table by table); consistent by PostgreSQL's snapshot. */
export function backupPostgres(url: string, target: string): void {
  prepareTarget(target);
  execFileSync(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--file', target, '--dbname', url], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  chmodSync(target, 0o600);
}

/** pg_restore into the configured database, replacing the objects the dump contains. */
export function restorePostgres(backup: string, url: string): void {
  if (!existsSync(backup)) throw new BackupError(`No backup at ${backup}`);
  execFileSync(pgTool('pg_restore'), ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--dbname', url, backup], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
