import { cpus, loadavg } from 'node:os';
import { createTestApp, type TestApp } from '../support/test-app';
import { startBareApp } from './bare-app';
import { driveGraphQL, failures, printTable, type HttpFigures } from './http';

/**
 * `me` (credential check + the caller's row) next to the bare NestJS + Apollo + Fastify ceiling: what the credential
 * cache (modules/auth/credential-cache.ts) buys. On SQLite the check reads no row unless something was written
 * since; on PostgreSQL it reads the row once per request (immediate revocation across instances) and `me` reuses it.
 * The shared machine's load swings within seconds, so the three servers are measured in alternation, ROUNDS times,
 * and each round's ratio to the ceiling is reported with the median.
 */
// The load is generated in this process (alternation needs the three servers side by side); `npm run bench`'s api
// part measures `me` with the load generator in a process of its own.
process.env.REDRESS_WORKERS = '0';
const ROUNDS = 3;
const SECONDS = 3;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

describe('me against the ceiling', () => {
  it('`me` on SQLite and PostgreSQL vs bare `{ ping }`, alternated', async () => {
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}, load average ${load()}`);
    const bare = await startBareApp('fastify');
    const apps: { db: string; t: TestApp; token: string }[] = [];
    try {
      for (const db of ['sqlite', 'postgres'] as const) {
        const t = await createTestApp({ db });
        await t.seedDemo();
        apps.push({ db, t, token: await t.login('admin@demo.local') });
      }
      await driveGraphQL('warm-up', [{ url: bare.url, connections: 32 }], { query: '{ ping }' }, { duration: 1 });
      for (const app of apps)
        await driveGraphQL('warm-up', [{ url: app.t.url, connections: 32 }], { query: '{ me { id } }' }, { token: app.token, duration: 1 });
      const ratios = new Map<string, number[]>();
      for (let round = 1; round <= ROUNDS; round++) {
        const baseline = await driveGraphQL(
          `round ${round}: bare \`{ ping }\` on Fastify (ceiling)`,
          [{ url: bare.url, connections: 32 }],
          { query: '{ ping }' },
          { duration: SECONDS },
        );
        const rows: HttpFigures[] = [baseline];
        for (const app of apps) {
          const me = await driveGraphQL(
            `round ${round}: \`me\` on ${app.db}`,
            [{ url: app.t.url, connections: 32 }],
            { query: '{ me { id email role } }' },
            { token: app.token, duration: SECONDS },
          );
          rows.push(me);
          ratios.set(app.db, [...(ratios.get(app.db) ?? []), me.requestsPerSecond / baseline.requestsPerSecond]);
        }
        printTable(`round ${round} (load average ${load()})`, rows, baseline);
        for (const row of rows) expect(failures(row)).toBe(0);
      }
      for (const [db, values] of ratios) {
        const sorted = [...values].sort((a, b) => a - b);
        console.log(
          `\`me\` on ${db} / ceiling: median ${sorted[Math.floor(sorted.length / 2)].toFixed(3)} (rounds: ${values.map((v) => v.toFixed(3)).join(', ')})`,
        );
      }
    } finally {
      await bare.close();
      for (const app of apps) await app.t.close();
    }
  });
});
