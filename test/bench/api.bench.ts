import { cpus } from 'node:os';
import { createTestApp } from '../support/test-app';
import { startBareApp } from './bare-app';
import { benchGraphQL, printTable } from './http';

/**
 * `me` (JWT check + one indexed row read) against the bare framework ceiling, in the same run so the ratio
 * is meaningful on a noisy machine.
 */
describe('API throughput', () => {
  it('me vs the bare NestJS GraphQL ceiling', async () => {
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);
    const bare = await startBareApp();
    const t = await createTestApp({ db: 'sqlite' });
    try {
      await t.seedDemo();
      const token = await t.login('admin@demo.local');
      // Warm up both servers (JIT, connection pools).
      await benchGraphQL('warm-up', bare.url, { query: '{ ping }' }, { duration: 1 });
      await benchGraphQL('warm-up', t.url, { query: '{ me { id } }' }, { token, duration: 1 });
      const baseline = await benchGraphQL('bare `{ ping }` (ceiling)', bare.url, { query: '{ ping }' });
      const me = await benchGraphQL('`me` on SQLite (JWT + user row)', t.url, { query: '{ me { id email role } }' }, { token });
      printTable('GraphQL throughput (autocannon, 32 connections, 5 s each)', [baseline, me], baseline);
      expect(me.errors + me.non2xx).toBe(0);
      expect(me.requestsPerSecond).toBeGreaterThan(0);
    } finally {
      await t.close();
      await bare.close();
    }
  });
});
