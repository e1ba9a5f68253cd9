import { cpus } from 'node:os';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../support/test-app';
import { startBareApp } from './bare-app';
import { benchGraphQL, printTable, type HttpFigures } from './http';

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

async function intake(db: 'sqlite' | 'postgres'): Promise<{ me: HttpFigures; submit: HttpFigures; t: TestApp }> {
  const t = await createTestApp({ db });
  await t.seedDemo();
  const admin = await t.login('admin@demo.local');
  const agent = await t.login('agent@demo.local');
  await benchGraphQL('warm-up', t.url, { query: '{ me { id } }' }, { token: admin, duration: 1 });
  const me = await benchGraphQL(`\`me\` on ${db}`, t.url, { query: '{ me { id email role } }' }, { token: admin });
  await benchGraphQL('warm-up', t.url, intakeBody, { token: agent, amount: 100, connections: 8 });
  const submit = await benchGraphQL(`\`submitComplaint\` on ${db} (full pipeline)`, t.url, intakeBody, { token: agent, connections: 16, duration: 8 });
  return { me, submit, t };
}

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
      const { me, submit, t } = await intake(db);
      rows.push(me, submit);
      const stored = await t.dataSource.query('SELECT COUNT(*) AS n FROM complaint');
      console.log(`${db}: ${stored[0].n} complaints stored during the run`);
      expect(submit.errors + submit.non2xx).toBe(0);
      expect(Number(stored[0].n)).toBeGreaterThan(0);
      await t.close();
    }
    printTable('GraphQL throughput (autocannon; me: 32 connections 5 s; submitComplaint: 16 connections 8 s)', rows, baseline);
  });
});
