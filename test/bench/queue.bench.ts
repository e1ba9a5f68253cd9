import { cpus, loadavg } from 'node:os';
import { ManualClock } from '../../apps/api/src/common/clock';
import { Role } from '../../apps/api/src/common/auth/roles';
import { ComplaintService } from '../../apps/api/src/modules/complaint/complaint.service';
import { ComplaintOrder } from '../../apps/api/src/modules/complaint/dtos/complaint.inputs';
import { createTestApp, type TestApp, type TestDb } from '../support/test-app';

/**
 * The department work queue over 1,000,000 complaints of one tenant: `complaints(filter: { department, open: true },
 * orderBy: RESOLUTION_DUE_ASC, first: 20)`, the first page and its total, through the service and over GraphQL/HTTP.
 * Rows are generated in SQL (80% closed, four departments, 20% open with a deadline or, one in fifty, none), then
 * analysed (PostgreSQL also vacuumed, as autovacuum would leave it). The plan must read ix_complaint_work_queue.
 */
const ROWS = Number(process.env.QUEUE_ROWS ?? 1_000_000);
const RUNS = 200;
const DEPARTMENTS = ['customer_service', 'quality', 'finance', 'operations'];
const START = new Date('2025-12-31T16:00:00Z');
const END = new Date('2026-12-31T16:00:00Z');

process.env.REDRESS_WORKERS = '0';

async function fill(t: TestApp, tenantId: string): Promise<void> {
  if (t.db === 'postgres') {
    await t.dataSource.query(
      `
      INSERT INTO complaint (id, tenant_id, number, channel, type_key, kind, text, received_at, form, attachments, customer_id, state, valid,
        severity, department, policy_version, facts, sla_status, created_at, updated_at, closed_at, resolution_due_at, version)
      SELECT md5('q' || g)::uuid::text, $1, 'Q-' || g, 'phone', 'service.attitude', 'complaint', 'x',
        $2::timestamptz + ((g - 1)::double precision / $3) * ($4::timestamptz - $2::timestamptz), '{}', '[]', md5('cust' || (g % 200000))::uuid::text,
        CASE WHEN g % 10 < 7 THEN 'closed' WHEN g % 10 = 7 THEN 'invalid_closed' ELSE 'in_progress' END, g % 10 <> 7,
        'normal', (ARRAY['customer_service','quality','finance','operations'])[1 + g % 4], 1, '{}', 'met', now(), now(),
        CASE WHEN g % 10 < 8 THEN $2::timestamptz + ((g - 1)::double precision / $3) * ($4::timestamptz - $2::timestamptz) + interval '2 days' END,
        CASE WHEN g % 50 <> 9 THEN $2::timestamptz + ((g - 1)::double precision / $3) * ($4::timestamptz - $2::timestamptz) + ((g::bigint * 7919) % 1000) * interval '1 hour' END, 1
      FROM generate_series(1, $3::int) g`,
      [tenantId, START.toISOString(), ROWS, END.toISOString()],
    );
    await t.dataSource.query('VACUUM ANALYZE complaint');
    return;
  }
  // SQLite: the same rows from a recursive counter; times in the stored 'YYYY-MM-DD HH:MM:SS.SSS' UTC form.
  const span = (END.getTime() - START.getTime()) / 86_400_000;
  await t.dataSource.query(
    `
    WITH RECURSIVE n(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM n WHERE g < ${ROWS}),
    r AS (SELECT g, julianday('${START.toISOString().slice(0, 19)}') + (g - 1) * ${span} / ${ROWS} AS at FROM n)
    INSERT INTO complaint (id, tenant_id, number, channel, type_key, kind, text, received_at, form, attachments, customer_id, state, valid,
      severity, department, policy_version, facts, sla_status, created_at, updated_at, closed_at, resolution_due_at, version)
    SELECT printf('%08x-0000-4000-8000-%012x', g, g), ?, 'Q-' || g, 'phone', 'service.attitude', 'complaint', 'x',
      strftime('%Y-%m-%d %H:%M:%f', at), '{}', '[]', printf('cust-%06d', g % 200000),
      CASE WHEN g % 10 < 7 THEN 'closed' WHEN g % 10 = 7 THEN 'invalid_closed' ELSE 'in_progress' END, g % 10 <> 7,
      'normal', CASE g % 4 WHEN 0 THEN 'customer_service' WHEN 1 THEN 'quality' WHEN 2 THEN 'finance' ELSE 'operations' END, 1, '{}', 'met',
      strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now'),
      CASE WHEN g % 10 < 8 THEN strftime('%Y-%m-%d %H:%M:%f', at + 2) END,
      CASE WHEN g % 50 <> 9 THEN strftime('%Y-%m-%d %H:%M:%f', at + ((g * 7919) % 1000) / 24.0) END, 1
    FROM r`,
    [tenantId],
  );
  await t.dataSource.query('ANALYZE');
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 0.5).toFixed(2)} ms, p95 ${percentile(sorted, 0.95).toFixed(2)} ms, max ${sorted.at(-1)!.toFixed(2)} ms (${times.length} runs)`;
};

async function measure(db: TestDb): Promise<void> {
  const t = await createTestApp({ db, clock: new ManualClock(new Date('2026-07-01T02:00:00Z')) });
  try {
    const tenantId = await t.seedDemo();
    const started = performance.now();
    await fill(t, tenantId);
    console.log(`[${db}] fill: ${ROWS.toLocaleString('en')} complaints in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const service = t.app.get(ComplaintService);
    const auth = { tenantId, role: Role.handler, userId: undefined };
    const department = 'quality';
    // Capture the SQL the service sends, to show its plans.
    const sent: { sql: string; params: unknown[] }[] = [];
    const logger = t.dataSource.logger;
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (sql, params, runner) => {
      sent.push({ sql, params: params ?? [] });
      return original(sql, params, runner);
    };
    const first = await service.list(auth, { department, open: true }, ComplaintOrder.RESOLUTION_DUE_ASC, 20);
    logger.logQuery = original;

    // The page is right: open complaints of the department, soonest deadline first.
    const expectedOpen = Array.from({ length: ROWS }, (_, i) => i + 1).filter(
      (g) => g % 10 >= 8 && DEPARTMENTS[g % 4] === department,
    ).length;
    expect(first.connection.totalCount).toBe(expectedOpen);
    expect(first.rows).toHaveLength(20);
    const dues = first.rows.map((r) => r.resolutionDueAt!.getTime());
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    for (const row of first.rows) expect(row).toMatchObject({ department, state: 'in_progress' });

    for (const { sql, params } of sent.filter((q) => /FROM "complaint"/.test(q.sql))) {
      const plan: string[] =
        db === 'postgres'
          ? (await t.dataSource.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).map((r: Record<string, string>) => r['QUERY PLAN'])
          : (await t.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, params)).map((r: Record<string, string>) => r.detail);
      console.log(
        `[${db}] plan of ${/COUNT\(\*\)/.test(sql) ? 'the total' : 'the page'}: ${plan
          .map((l) => l.trim())
          .filter((l) => !/^(Planning|Buffers)/.test(l))
          .join(' | ')}`,
      );
      expect(plan.join('\n')).toContain('ix_complaint_work_queue');
    }

    for (const count of [true, false]) {
      const serviceTimes: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const at = performance.now();
        await service.list(auth, { department: DEPARTMENTS[i % 4], open: true }, ComplaintOrder.RESOLUTION_DUE_ASC, 20, null, { count });
        serviceTimes.push(performance.now() - at);
      }
      console.log(
        `[${db}] service list (first page of 20${count ? ` + total of ${expectedOpen.toLocaleString('en')} open` : ', no total'}): ${summary(serviceTimes)}`,
      );
    }

    const token = await t.login('handler@demo.local');
    for (const total of ['totalCount', '']) {
      const query = `query($f: ComplaintFilter) { complaints(filter: $f, orderBy: RESOLUTION_DUE_ASC, first: 20) {
        ${total} pageInfo { hasNextPage endCursor } edges { node { id number state department severity resolutionDueAt slaStatus } } } }`;
      const httpTimes: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const at = performance.now();
        const data = await t.gqlOk<{ complaints: { totalCount?: number; edges: unknown[] } }>(
          query,
          { f: { department: DEPARTMENTS[i % 4], open: true } },
          token,
        );
        httpTimes.push(performance.now() - at);
        expect(data.complaints.edges).toHaveLength(20);
        if (total) expect(data.complaints.totalCount).toBe(expectedOpen);
      }
      console.log(
        `[${db}] GraphQL over HTTP (same page, 20 nodes${total ? ' + totalCount' : ', no totalCount'}): ${summary(httpTimes)}; load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
      );
    }
  } finally {
    await t.close();
  }
}

describe('work queue', () => {
  it(`one department's open complaints by deadline over ${ROWS.toLocaleString('en')} complaints`, async () => {
    console.log(
      `machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    for (const db of (process.env.QUEUE_DBS ?? 'postgres,sqlite').split(',') as TestDb[]) await measure(db);
  });
});
