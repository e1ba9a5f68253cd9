import { createTestApp, type CreateTestAppOptions, type TestApp } from '../support/test-app';
import { startBareApp } from './bare-app';
import { serveParent } from './child';

/**
 * One API instance in a process of its own (a child of the benchmark): the real app as the e2e tests build it
 * (`createTestApp`), or the bare framework app. The parent reads this process's CPU time around each window.
 */
// Request-path figures: the background workers (outbox, SLA scheduler, analytics rollup, classifier) are off so
// their periodic sweeps do not land inside the measurement windows; they are measured by their own benches.
process.env.REDRESS_WORKERS = '0';

let app: TestApp | undefined;
let bare: { close: () => Promise<void> } | undefined;

const running = () => {
  if (!app) throw new Error('start the API first');
  return app;
};

serveParent({
  async start(options: Pick<CreateTestAppOptions, 'db' | 'databaseUrl' | 'config'>) {
    app = await createTestApp(options);
    const { database, encryptionKey, jwtSecret } = app.config;
    return { url: app.url, database, encryptionKey, jwtSecret };
  },
  async startBare() {
    const started = await startBareApp('fastify');
    bare = started;
    return { url: started.url };
  },
  seedDemo: () => running().seedDemo(),
  login: (email: string) => running().login(email),
  query: (sql: string, parameters?: unknown[]) => running().dataSource.query(sql, parameters),
  cpu: () => process.cpuUsage(),
  async close() {
    await app?.close();
    await bare?.close();
  },
});
