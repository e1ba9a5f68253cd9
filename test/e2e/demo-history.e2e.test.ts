import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { ManualClock } from '../../apps/api/src/common/clock';
import { planDemoComplaints } from '../../apps/api/src/modules/complaint/demo/demo-complaints';

/**
 * Issue 20 "a live demo": the demo tenant comes with ~300 complaints over the last 90 days, made through the real
 * services (decisions, clocks, escalations), in every state and SLA status, with replies, follow-ups and
 * returning customers — so the dashboard and queues show something at first sign-in.
 */
const NOW = new Date('2026-11-30T06:00:00Z'); // a Monday, 14:00 in Shanghai
const DAY = 86_400_000;

describe('demo plan', () => {
  it('is deterministic for a clock and spreads over 90 days without reaching the future', () => {
    const a = planDemoComplaints(300, NOW);
    expect(planDemoComplaints(300, NOW)).toEqual(a);
    const submits = a.filter((s) => s.step.kind === 'submit');
    expect(submits).toHaveLength(300);
    expect(Math.min(...a.map((s) => s.at.getTime()))).toBeGreaterThanOrEqual(NOW.getTime() - 91 * DAY);
    expect(Math.max(...a.map((s) => s.at.getTime()))).toBeLessThan(NOW.getTime());
  });
});

describe.each(testDatabases())('demo tenant history on %s', (db) => {
  let t: TestApp;
  let manager: string;
  let seedMs = 0;
  beforeAll(async () => {
    t = await createTestApp({ db, clock: new ManualClock(NOW), config: { demoComplaints: 300 } });
    const started = Date.now();
    await t.seedDemo();
    seedMs = Date.now() - started;
    manager = await t.login('manager@demo.local');
  }, 600_000);
  afterAll(async () => t?.close());

  const count = async (sql: string) => Number((await t.dataSource.query(sql))[0].n);
  const grouped = async (column: string) =>
    Object.fromEntries(
      (
        (await t.dataSource.query(`SELECT ${column} AS k, COUNT(*) AS n FROM complaint GROUP BY ${column}`)) as { k: string; n: string }[]
      ).map((r) => [r.k, Number(r.n)]),
    );

  it('has 300 complaints in every state over the last 90 days, seeded in reasonable time', async () => {
    console.log(`demo history on ${db}: ${seedMs} ms`);
    const data = await t.gqlOk<{ complaints: { totalCount: number } }>('{ complaints(first: 1) { totalCount } }', undefined, manager);
    expect(data.complaints.totalCount).toBe(300);
    const states = await grouped('state');
    for (const state of [
      'dispatched',
      'in_progress',
      'waiting_customer',
      'awaiting_approval',
      'responded',
      'follow_up',
      'closed',
      'invalid_closed',
      'reopened',
    ]) {
      expect(states[state] ?? 0, `state ${state} in ${JSON.stringify(states)}`).toBeGreaterThan(0);
    }
    const oldest = new Date((await t.dataSource.query('SELECT MIN(received_at) AS m FROM complaint'))[0].m);
    expect(NOW.getTime() - new Date(oldest).getTime()).toBeGreaterThan(60 * DAY);
  });

  it('covers every SLA status: on time, due soon, overdue, met and paused clocks', async () => {
    const open = await t.gqlOk<{ a: { totalCount: number }; b: { totalCount: number }; c: { totalCount: number } }>(
      `{ a: complaints(first: 1, filter: { slaStatus: ["on_time"], open: true }) { totalCount }
         b: complaints(first: 1, filter: { slaStatus: ["at_risk"] }) { totalCount }
         c: complaints(first: 1, filter: { slaStatus: ["breached"] }) { totalCount } }`,
      undefined,
      manager,
    );
    expect(open.a.totalCount).toBeGreaterThan(0);
    expect(open.b.totalCount).toBeGreaterThan(0);
    expect(open.c.totalCount).toBeGreaterThan(0);
    expect((await grouped('sla_status')).met).toBeGreaterThan(0);
    expect(await count(`SELECT COUNT(*) AS n FROM sla_clock WHERE state = 'paused'`)).toBeGreaterThan(0);
    // The breaches were fired by the SLA scheduler on the simulated days, not all at once at the end.
    const breaches = (await t.dataSource.query(`SELECT occurred_at AS at FROM complaint_event WHERE type = 'sla.breached'`)) as {
      at: string;
    }[];
    expect(breaches.length).toBeGreaterThan(0);
    expect(breaches.some((b) => NOW.getTime() - new Date(b.at).getTime() > 10 * DAY)).toBe(true);
  });

  it('has replies, follow-ups, internal notes, approvals and returning customers', async () => {
    expect(await count('SELECT COUNT(*) AS n FROM complaint_reply')).toBeGreaterThan(50);
    expect(await count(`SELECT COUNT(*) AS n FROM complaint_event WHERE type = 'followed_up'`)).toBeGreaterThan(30);
    expect(await count(`SELECT COUNT(*) AS n FROM complaint_event WHERE type = 'internal_note'`)).toBeGreaterThan(10);
    expect(await count(`SELECT COUNT(*) AS n FROM complaint_event WHERE type = 'approval.approved'`)).toBeGreaterThan(0);
    expect(await count(`SELECT COUNT(*) AS n FROM complaint WHERE satisfaction = 'unsatisfied' OR unsatisfied_count > 0`)).toBeGreaterThan(
      0,
    );
    expect(
      await count('SELECT COUNT(*) AS n FROM (SELECT customer_id FROM complaint GROUP BY customer_id HAVING COUNT(*) > 1) x'),
    ).toBeGreaterThan(10);
    // Decided by the rules like any complaint: repeat customers and threats raise severity, regulator referrals are major.
    const severities = await grouped('severity');
    expect(Object.keys(severities).sort()).toEqual(['major', 'normal', 'urgent']);
  });

  it('shows on the dashboard: statistics over the 90 days', async () => {
    const stats = await t.gqlOk<{ complaintStats: { totals: { received: number; closed: number } } }>(
      'query($p: PeriodInput!) { complaintStats(period: $p) { totals { received closed } } }',
      { p: { from: new Date(NOW.getTime() - 91 * DAY).toISOString(), to: NOW.toISOString() } },
      manager,
    );
    expect(stats.complaintStats.totals.received).toBe(300);
    expect(stats.complaintStats.totals.closed).toBeGreaterThan(50);
  });

  it('explains decisions with a structured trace naming the keyword that matched', async () => {
    // The text is encrypted at rest: find it the way a handler does, by the API's text search.
    const found = await t.gqlOk<{ complaints: { edges: { node: { id: string; number: string } }[] } }>(
      'query { complaints(first: 100, filter: { text: "曝光" }) { edges { node { id number } } } }',
      {},
      manager,
    );
    const [{ id }] = found.complaints.edges.map((e) => e.node).sort((a, b) => a.number.localeCompare(b.number));
    const data = await t.gqlOk<{
      complaint: { decisions: { kind: string; rowKey: string; trace: { op: string; args?: { op: string; matched?: string[] }[] } }[] };
    }>('query($id: ID!) { complaint(id: $id) { decisions { kind rowKey trace } } }', { id }, manager);
    const severity = data.complaint.decisions.find((d) => d.kind === 'severity')!;
    expect(severity.rowKey).toBe('sev-media-lawsuit');
    expect(severity.trace.op).toBe('contains_any');
    expect((severity.trace as { matched?: string[] }).matched).toEqual(expect.arrayContaining(['媒体', '曝光']));
  });

  it("lists one customer's history (complaints filter by customerId)", async () => {
    const [{ customer_id: customerId, n }] = await t.dataSource.query(
      'SELECT customer_id, COUNT(*) AS n FROM complaint GROUP BY customer_id ORDER BY COUNT(*) DESC, customer_id LIMIT 1',
    );
    const data = await t.gqlOk<{ complaints: { totalCount: number; edges: { node: { complainant: { customerId: string } } }[] } }>(
      'query($c: ID) { complaints(first: 50, filter: { customerId: $c }) { totalCount edges { node { complainant { customerId } } } } }',
      { c: customerId },
      manager,
    );
    expect(data.complaints.totalCount).toBe(Number(n));
    expect(Number(n)).toBeGreaterThan(1);
    expect(data.complaints.edges.every((e) => e.node.complainant.customerId === customerId)).toBe(true);
  });
});
