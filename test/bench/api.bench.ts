import { cpus } from 'node:os';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../support/test-app';
import { startBareApp } from './bare-app';
import { benchGraphQL, failures, printTable, type HttpFigures } from './http';

/**
 * Throughput and tail latency of the API next to the bare framework ceiling, measured in the same run so the
 * ratios stay meaningful on a noisy machine: `me` (JWT + one row) and `submitComplaint` (the full intake pipeline:
 * form validation, facts with aggregates, four decision tables, number, timeline, SLA clocks, outbox — one
 * transaction) on SQLite and PostgreSQL.
 */
// Request-path figures: the background workers (outbox, SLA scheduler, analytics rollup, classifier) are off so
// their periodic sweeps do not land inside the measurement windows; they are measured by their own benches.
process.env.REDRESS_WORKERS = '0';

const SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id number } }`;
let serial = 0;
const intakeBody = () => {
  serial += 1;
  return {
    query: SUBMIT,
    variables: {
      input: {
        idempotencyKey: randomUUID(), channel: 'phone', type: 'service.efficiency',
        text: `压测投诉 ${serial}：营业厅排队时间过长，工作人员说要等到下午。`,
        complainant: { name: `客户${serial}`, phone: `139${String(10_000_000 + serial).slice(-8)}` },
        form: { order_no: `SO-${serial}` },
      },
    },
  };
};

const SUBMIT_CONNECTIONS = 16;

async function intake(db: 'sqlite' | 'postgres'): Promise<{ me: HttpFigures; warmUp: HttpFigures; submit: HttpFigures; t: TestApp }> {
  const t = await createTestApp({ db });
  await t.seedDemo();
  const admin = await t.login('admin@demo.local');
  const agent = await t.login('agent@demo.local');
  await benchGraphQL('warm-up', t.url, { query: '{ me { id } }' }, { token: admin, duration: 1 });
  const me = await benchGraphQL(`\`me\` on ${db}`, t.url, { query: '{ me { id email role } }' }, { token: admin });
  const warmUp = await benchGraphQL('warm-up', t.url, intakeBody, { token: agent, amount: 100, connections: 8, keepData: true });
  const submit = await benchGraphQL(`\`submitComplaint\` on ${db} (full pipeline)`, t.url, intakeBody, {
    token: agent, connections: SUBMIT_CONNECTIONS, duration: 8, keepData: true,
  });
  return { me, warmUp, submit, t };
}

/** The complaint ids the successful submissions returned. */
const createdIds = (run: HttpFigures) => run.data.map((d) => (d as { submitComplaint: { id: string } }).submitComplaint.id);

describe('API throughput', () => {
  it('me and submitComplaint vs the bare NestJS GraphQL ceiling', async () => {
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);
    const bare = await startBareApp('fastify');
    await benchGraphQL('warm-up', bare.url, { query: '{ ping }' }, { duration: 1 });
    const baseline = await benchGraphQL('bare `{ ping }` on Fastify (framework ceiling)', bare.url, { query: '{ ping }' });
    await bare.close();
    const express = await startBareApp('express');
    await benchGraphQL('warm-up', express.url, { query: '{ ping }' }, { duration: 1 });
    const onExpress = await benchGraphQL('bare `{ ping }` on Express (for the adapter choice)', express.url, { query: '{ ping }' });
    await express.close();
    const rows: HttpFigures[] = [baseline, onExpress];
    for (const db of ['sqlite', 'postgres'] as const) {
      const { me, warmUp, submit, t } = await intake(db);
      rows.push(me, submit);
      // Body-checked: no run may hide refusals behind HTTP 200.
      for (const run of [me, warmUp, submit]) expect(failures(run), `${run.name}: ${JSON.stringify(run.failuresByCode)}`).toBe(0);
      // Every success is a stored complaint. A request still in flight when the run stops may commit without its
      // answer being counted, so at most one per connection is stored beyond the successes.
      const ids = [...createdIds(warmUp), ...createdIds(submit)];
      expect(new Set(ids).size).toBe(ids.length);
      let found = 0;
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const [{ n }] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM complaint WHERE id IN (${chunk.map((id) => `'${id}'`).join(',')})`);
        found += Number(n);
      }
      const [{ n: stored }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM complaint');
      console.log(`${db}: ${submit.succeeded} successful submissions measured (+${warmUp.succeeded} warm-up), ${stored} complaints stored, ${found} of the ${ids.length} returned ids found`);
      expect(found).toBe(ids.length);
      expect(Number(stored) - ids.length).toBeGreaterThanOrEqual(0);
      expect(Number(stored) - ids.length).toBeLessThanOrEqual(SUBMIT_CONNECTIONS);
      await t.close();
    }
    printTable('GraphQL throughput (autocannon; me: 32 connections 5 s; submitComplaint: 16 connections 8 s)', rows, baseline);
  });
});
