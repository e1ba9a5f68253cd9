import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export type DatabaseConfig = { type: 'sqlite'; path: string } | { type: 'postgres'; url: string };

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
  /** How many complaints of history the demo tenant gets (REDRESS_DEMO_COMPLAINTS, default 300; 0 = none). */
  demoComplaints: number;
  /** Directory with the built admin console, served at `/`. */
  adminDir?: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Limits every GraphQL request is held to (see docs/operations.md). */
  graphql: GraphQLLimits;
  /**
   * On SIGTERM the instance first reports not-ready and refuses new requests (UNAVAILABLE, 503) for this long, so a
   * load balancer stops sending before the connections close; requests in flight finish.
   */
  shutdownGraceMs: number;
  /** When set, `/metrics` wants `Authorization: Bearer <token>` (REDRESS_METRICS_TOKEN). */
  metricsToken?: string;
  /** Where people open the console; invitation and password-reset links start with it. */
  publicUrl: string;
  /**
   * The platform operator's credential for creating tenants over GraphQL: REDRESS_PLATFORM_TOKEN, either the
   * secret itself or `sha256:<hex>` of it (so the deployment need not hold the secret). Unset: no operator API.
   */
  platformToken?: string;
  /**
   * Which peers may tell the client's address in X-Forwarded-For (Fastify `trustProxy`). Sign-in throttling and the
   * audit log key on that address, so trusting every peer would let a caller pick a fresh address per attempt.
   * REDRESS_TRUST_PROXY: unset = `loopback` (a proxy on this host), `0` = nobody, a hop count, or a comma list of
   * addresses, CIDR ranges and the names loopback / linklocal / uniquelocal.
   */
  trustProxy: boolean | number | string[];
}

/**
 * `introspection`: `on` for everyone, `signed-in` for callers with a valid credential (the console discovers the
 * API by introspection), `off` for nobody. Field suggestions ("Did you mean …") follow: only with `on`.
 */
export interface GraphQLLimits {
  introspection: 'on' | 'signed-in' | 'off';
  maxDepth: number;
  maxAliases: number;
  /** Estimated fields resolved: each field counts 1, a paginated field multiplies its selection by `first`. */
  maxCost: number;
  /** Largest `first` a paginated field accepts. */
  maxPageSize: number;
  /** Wall time after which a request's remaining fields fail instead of running on. */
  timeBudgetMs: number;
}

export class ConfigError extends Error {}

/** Log levels, least verbose first (LOG_LEVEL picks the most verbose one shown). */
export const LOG_LEVELS = ['error', 'warn', 'log', 'debug'] as const;

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
function secret(env: NodeJS.ProcessEnv, name: string, dataDir: string, file: string, bytes: number, production: boolean): string {
  const value = env[name];
  if (value && value.trim()) return value.trim();
  const path = join(dataDir, file);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  // Name the variable the operator must set, not the file it would have been generated into.
  if (production) throw new ConfigError(`${name} must be set in production (no generated secrets)`);
  mkdirSync(dirname(path), { recursive: true });
  const generated = randomBytes(bytes).toString('base64');
  writeFileSync(path, generated + '\n', { mode: 0o600 });
  chmodSync(path, 0o600);
  return generated;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function nonNegativeInt(env: NodeJS.ProcessEnv, name: string): number {
  const value = Number(env[name]);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a whole number of milliseconds, got "${env[name]}"`);
  return value;
}

/** Production hides the schema from anonymous callers unless REDRESS_INTROSPECTION=1 opens it (0 closes it for all). */
export function graphqlLimits(env: NodeJS.ProcessEnv, production: boolean): GraphQLLimits {
  const flag = env.REDRESS_INTROSPECTION;
  if (flag !== undefined && !['0', '1', ''].includes(flag)) throw new ConfigError(`REDRESS_INTROSPECTION must be 0 or 1, got "${flag}"`);
  return {
    introspection: flag === '1' ? 'on' : flag === '0' ? 'off' : production ? 'signed-in' : 'on',
    maxDepth: positiveInt(env, 'REDRESS_GQL_MAX_DEPTH', 10),
    maxAliases: positiveInt(env, 'REDRESS_GQL_MAX_ALIASES', 15),
    maxCost: positiveInt(env, 'REDRESS_GQL_MAX_COST', 20_000),
    maxPageSize: positiveInt(env, 'REDRESS_GQL_MAX_PAGE', 500),
    timeBudgetMs: positiveInt(env, 'REDRESS_GQL_TIME_BUDGET_MS', 10_000),
  };
}

const TRUSTED_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

export function trustProxyFrom(value: string | undefined): AppConfig['trustProxy'] {
  const text = value?.trim();
  if (text === undefined || text === '') return ['loopback'];
  if (text === '0' || text === 'false') return false;
  if (/^[1-9][0-9]?$/.test(text)) return Number(text);
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    // An address or a CIDR range (v4 or v6), or one of proxy-addr's names; anything else is a typo that would trust nobody.
    if (!TRUSTED_NAMES.has(entry) && !/^[0-9a-fA-F:.]+(\/[0-9]{1,3})?$/.test(entry)) {
      throw new ConfigError(
        `REDRESS_TRUST_PROXY: "${entry}" is not an address, a CIDR range, a hop count or one of ${[...TRUSTED_NAMES].join(', ')}`,
      );
    }
  }
  return entries;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(env.REDRESS_DATA_DIR ?? 'data');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  const database = overrides.database ?? parseDatabaseUrl(env.DATABASE_URL, dataDir);
  const encryptionKey = overrides.encryptionKey ?? secret(env, 'ENCRYPTION_KEY', dataDir, 'encryption.key', 32, production);
  if (Buffer.from(encryptionKey, 'base64').length !== 32) throw new ConfigError('ENCRYPTION_KEY must be 32 bytes, base64-encoded');
  const logLevel = (env.LOG_LEVEL ?? 'log') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    production,
    dataDir,
    database,
    jwtSecret: overrides.jwtSecret ?? secret(env, 'JWT_SECRET', dataDir, 'jwt.key', 48, production),
    encryptionKey,
    jwtTtlSeconds: Number(env.JWT_TTL_SECONDS ?? 12 * 3600),
    seedDemo: !production && env.REDRESS_DEMO !== '0',
    demoComplaints: env.REDRESS_DEMO_COMPLAINTS === undefined ? 300 : nonNegativeInt(env, 'REDRESS_DEMO_COMPLAINTS'),
    adminDir: env.REDRESS_ADMIN_DIR,
    logLevel,
    graphql: graphqlLimits(env, production),
    metricsToken: env.REDRESS_METRICS_TOKEN?.trim() || undefined,
    shutdownGraceMs:
      env.REDRESS_SHUTDOWN_GRACE_MS === undefined ? (production ? 5000 : 0) : nonNegativeInt(env, 'REDRESS_SHUTDOWN_GRACE_MS'),
    publicUrl: (env.REDRESS_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    platformToken: env.REDRESS_PLATFORM_TOKEN?.trim() || undefined,
    trustProxy: trustProxyFrom(env.REDRESS_TRUST_PROXY),
    ...overrides,
  };
}
