import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export type DatabaseConfig =
  | { type: 'sqlite'; path: string }
  | { type: 'postgres'; url: string };

export interface AppConfig {
  port: number;
  host: string;
  production: boolean;
  dataDir: string;
  database: DatabaseConfig;
  jwtSecret: string;
  /** 32-byte key (base64) for AES-256-GCM encryption of personal data at rest. */
  encryptionKey: string;
  jwtTtlSeconds: number;
  /** Create the demo tenant on an empty database (never in production). */
  seedDemo: boolean;
  /** Directory with the built admin console, served at `/`. */
  adminDir?: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** Where people open the console; invitation and password-reset links start with it. */
  publicUrl: string;
  /**
   * The platform operator's credential for creating tenants over GraphQL: REDRESS_PLATFORM_TOKEN, either the
   * secret itself or `sha256:<hex>` of it (so the deployment need not hold the secret). Unset: no operator API.
   */
  platformToken?: string;
}

export class ConfigError extends Error {}

/** Parses DATABASE_URL: unset → SQLite in the data folder, `sqlite:/file` → that file, `postgres://…` → PostgreSQL. */
export function parseDatabaseUrl(url: string | undefined, dataDir: string): DatabaseConfig {
  if (!url || url.trim() === '') return { type: 'sqlite', path: join(dataDir, 'redress.sqlite') };
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { type: 'postgres', url };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!path) throw new ConfigError('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:/var/lib/redress/redress.sqlite');
    return { type: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  throw new ConfigError(`DATABASE_URL must start with postgres://, postgresql:// or sqlite: (got "${url.split(':')[0]}:…")`);
}

/**
 * A secret from the environment, or one generated once into the data folder (mode 0600) so
 * restarts keep the same keys. Never committed: the data folder is git-ignored.
 */
function secret(env: string | undefined, dataDir: string, file: string, bytes: number, production: boolean): string {
  if (env && env.trim()) return env.trim();
  const path = join(dataDir, file);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  if (production) throw new ConfigError(`${file.replace('.key', '').toUpperCase()} must be set in production (no generated secrets)`);
  mkdirSync(dirname(path), { recursive: true });
  const value = randomBytes(bytes).toString('base64');
  writeFileSync(path, value + '\n', { mode: 0o600 });
  chmodSync(path, 0o600);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(env.REDRESS_DATA_DIR ?? 'data');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  const database = overrides.database ?? parseDatabaseUrl(env.DATABASE_URL, dataDir);
  const encryptionKey = overrides.encryptionKey ?? secret(env.ENCRYPTION_KEY, dataDir, 'encryption.key', 32, production);
  if (Buffer.from(encryptionKey, 'base64').length !== 32) throw new ConfigError('ENCRYPTION_KEY must be 32 bytes, base64-encoded');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    production,
    dataDir,
    database,
    jwtSecret: overrides.jwtSecret ?? secret(env.JWT_SECRET, dataDir, 'jwt.key', 48, production),
    encryptionKey,
    jwtTtlSeconds: Number(env.JWT_TTL_SECONDS ?? 12 * 3600),
    seedDemo: !production && env.REDRESS_DEMO !== '0',
    adminDir: env.REDRESS_ADMIN_DIR,
    logLevel: (env.LOG_LEVEL as AppConfig['logLevel']) ?? 'log',
    publicUrl: (env.REDRESS_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    platformToken: env.REDRESS_PLATFORM_TOKEN?.trim() || undefined,
    ...overrides,
  };
}
