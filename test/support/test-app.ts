import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { DynamicModule, LogLevel, Type } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig, type AppConfig } from '../../apps/api/src/config/config';
import { Clock, ManualClock } from '../../apps/api/src/common/clock';
import { DemoService } from '../../apps/api/src/modules/demo/demo.service';
import type { PluginInput } from '@redress/sdk';

export type TestDb = 'sqlite' | 'postgres';

/** The databases the end-to-end suites run on: both, unless REDRESS_TEST_DB names one. */
export function testDatabases(): TestDb[] {
  const only = process.env.REDRESS_TEST_DB as TestDb | undefined;
  return only ? [only] : ['sqlite', 'postgres'];
}

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  db: TestDb;
  config: AppConfig;
  clock: ManualClock;
  dataSource: DataSource;
  /** Sends a GraphQL operation over real HTTP. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** Like gql but throws on errors and returns data. */
  gqlOk<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  login(email: string, password?: string): Promise<string>;
  /** Creates the demo tenant (users with password demo1234 and, once modules seed it, its policy). */
  seedDemo(): Promise<string>;
  close(): Promise<void>;
}

export interface CreateTestAppOptions {
  db?: TestDb;
  clock?: ManualClock;
  extraModules?: Array<Type<unknown> | DynamicModule>;
  /** Reuse a database (e.g. a second API instance on the same PostgreSQL, or a restart). */
  databaseUrl?: string;
  autoMigrate?: boolean;
  /** Installed plugins (default: the API's INSTALLED_PLUGINS). */
  plugins?: PluginInput[];
  /** Configuration the test changes (production mode, GraphQL limits, a platform operator token …). */
  config?: Partial<AppConfig>;
  /** Log levels (default errors only) and where the JSON lines go (default standard output). */
  logger?: LogLevel[];
  logStream?: DestinationStream;
}

async function databaseFor(db: TestDb, cleanups: (() => void)[]): Promise<AppConfig['database']> {
  if (db === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'redress-test-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return { type: 'sqlite', path: join(dir, 'redress.sqlite') };
  }
  return { type: 'postgres', url: await newPostgresDatabase() };
}

/** A fresh, empty database on the suite's PostgreSQL server (its URL). */
export async function newPostgresDatabase(): Promise<string> {
  // Imported here, not at the top: the benchmark starts API instances with this module in plain Node processes.
  const { inject } = await import('vitest');
  const admin = inject('postgresAdminUrl');
  if (!admin) throw new Error('PostgreSQL tests need the e2e global setup (REDRESS_TEST_DB=sqlite disables them)');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const { Client } = await import('pg');
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  return admin.replace(/\/postgres$/, `/${name}`);
}

export async function createTestApp(options: CreateTestAppOptions = {}): Promise<TestApp> {
  const db = options.db ?? 'sqlite';
  const cleanups: (() => void)[] = [];
  const database = options.databaseUrl
    ? options.databaseUrl.startsWith('postgres')
      ? ({ type: 'postgres', url: options.databaseUrl } as const)
      : ({ type: 'sqlite', path: options.databaseUrl.replace(/^sqlite:/, '') } as const)
    : await databaseFor(db, cleanups);
  const dataDir = mkdtempSync(join(tmpdir(), 'redress-data-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const config = loadConfig({ NODE_ENV: 'test', REDRESS_DATA_DIR: dataDir, REDRESS_DEMO: '0' } as NodeJS.ProcessEnv, {
    database,
    jwtSecret: randomBytes(32).toString('base64'),
    encryptionKey: randomBytes(32).toString('base64'),
    seedDemo: false,
    // The demo tenant without its 300 complaints of history unless a test asks (they would slow every e2e file).
    demoComplaints: 0,
    port: 0,
    ...options.config,
  });
  const clock = options.clock ?? new ManualClock(new Date());
  const app = await createApp({
    config,
    clock: clock as Clock,
    autoMigrate: options.autoMigrate ?? true,
    logger: options.logger ?? ['error'],
    logStream: options.logStream,
    extraModules: options.extraModules,
    plugins: options.plugins,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;

  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
  const gqlOk = async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T> => {
    const result = await gql<T>(query, variables, token);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
    return result.data as T;
  };
  return {
    app,
    url,
    db,
    config,
    clock,
    dataSource: app.get(DataSource),
    gql,
    gqlOk,
    async login(email, password = 'demo1234') {
      const data = await gqlOk<{ login: { token: string } }>(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: email, p: password },
      );
      return data.login.token;
    },
    seedDemo: () => app.get(DemoService).seed(),
    async close() {
      await app.close();
      cleanups.reverse().forEach((fn) => fn());
    },
  };
}
