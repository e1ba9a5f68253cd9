import { cpus } from 'node:os';
import { ManualClock } from '../../apps/api/src/common/clock';
import { SlaScheduler } from '../../apps/api/src/modules/sla/sla.scheduler';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The SLA scheduler's cost must follow the clocks falling due, not the clocks open: one index range scan on
 * `next_fire_at`. Open clocks are bulk-inserted in SQL (generate_series); a few hundred fall due within a
 * 5-second window and the scheduler is polled every second like the real interval (clock set to wall time).
 */
const DUE = 200;
const WINDOW_MS = 5_000;

process.env.REDRESS_WORKERS = '0';

async function fillOpenClocks(t: TestApp, tenantId: string, count: number): Promise<number> {
  const started = performance.now();
  await t.dataSource.query(
    `
    INSERT INTO sla_clock (id, tenant_id, complaint_id, policy_version, sla_policy, target, state, started_at, due_at, warn_at,
      paused_minutes, duration, warn_percent, on_non_working_day, calendar, extensions, recurring_count, breach_count, next_fire_at, updated_at)
    SELECT md5('open' || g)::uuid::text, $1, md5('complaint' || g)::uuid::text, 1, 'standard', 'resolution', 'running',
      now() - interval '1 day', now() + interval '3 days' + (g % 100000) * interval '1 second', now() + interval '2 days' + (g % 100000) * interval '1 second',
      0, '{"amount":3,"kind":"working_days"}', 80, 'keep', 'default', '[]', 0, 0, now() + interval '2 days' + (g % 100000) * interval '1 second', now()
    FROM generate_series(1, $2::int) g`,
    [tenantId, count],
  );
  await t.dataSource.query('ANALYZE sla_clock');
  return performance.now() - started;
}

/** DUE complaints cloned from a real one, each with a resolution clock due within the next WINDOW_MS. */
async function addDueClocks(t: TestApp, templateId: string, dueFrom: Date): Promise<void> {
  const columns: string[] = (
    await t.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'complaint' AND table_schema = current_schema() ORDER BY ordinal_position`,
    )
  ).map((r: { column_name: string }) => r.column_name);
  const values = columns.map((c) =>
    c === 'id' ? `md5('due' || g)::uuid::text` : c === 'number' ? `'B-' || g` : c === 'idempotency_key' ? 'NULL' : `c.${c}`,
  );
  await t.dataSource.query(
    `INSERT INTO complaint (${columns.join(', ')}) SELECT ${values.join(', ')} FROM complaint c, generate_series(1, $2::int) g WHERE c.id = $1`,
    [templateId, DUE],
  );
  await t.dataSource.query(
    `
    INSERT INTO sla_clock (id, tenant_id, complaint_id, policy_version, sla_policy, target, state, started_at, due_at, warn_at,
      paused_minutes, duration, warn_percent, on_non_working_day, calendar, extensions, recurring_count, breach_count, next_fire_at, updated_at)
    SELECT md5('dueclock' || g)::uuid::text, c.tenant_id, md5('due' || g)::uuid::text, 1, 'standard', 'resolution', 'running',
      $2::timestamptz - interval '3 days', $2::timestamptz + (g * $3::int / $4::int) * interval '1 millisecond', NULL,
      0, '{"amount":3,"kind":"working_days"}', 80, 'keep', 'default', '[]', 0, 0, $2::timestamptz + (g * $3::int / $4::int) * interval '1 millisecond', now()
    FROM complaint c, generate_series(1, $4::int) g WHERE c.id = $1`,
    [templateId, dueFrom.toISOString(), WINDOW_MS, DUE],
  );
  await t.dataSource.query('ANALYZE sla_clock');
}

interface Figures {
  open: number;
  fillMs: number;
  emptyTickMs: number;
  sweepMs: number;
  maxDelayMs: number;
  p50DelayMs: number;
  fired: number;
  plan: string;
  /** SQL statements and API-process CPU spent inside the ticks that fired, per fired clock. */
  statementsPerClock: number;
  cpuMsPerClock: number;
}

async function measure(open: number): Promise<Figures> {
  const clock = new ManualClock(new Date());
  const t = await createTestApp({ db: 'postgres', clock });
  try {
    const tenantId = await t.seedDemo();
    const token = await t.login('admin@demo.local');
    clock.set(new Date());
    const template = (
      await t.gqlOk(
        `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id } }`,
        {
          input: {
            channel: 'web',
            type: 'environment',
            text: '网点卫生间长期无法使用',
            complainant: { name: '王五', phone: '13900000000' },
          },
        },
        token,
      )
    ).submitComplaint.id as string;
    const fillMs = await fillOpenClocks(t, tenantId, open);
    const scheduler = t.app.get(SlaScheduler);

    // Nothing due: the cost of one poll with `open` clocks waiting.
    clock.set(new Date());
    await scheduler.tick();
    const emptyStarted = performance.now();
    for (let i = 0; i < 20; i++) await scheduler.tick();
    const emptyTickMs = (performance.now() - emptyStarted) / 20;
    const plan = (
      await t.dataSource.query(
        `EXPLAIN SELECT * FROM sla_clock WHERE next_fire_at <= now() ORDER BY next_fire_at LIMIT 200 FOR UPDATE SKIP LOCKED`,
      )
    )
      .map((r: Record<string, string>) => Object.values(r)[0])
      .join(' / ');

    // DUE clocks fall due over the next WINDOW_MS; poll every second on wall time, like the real interval.
    const dueFrom = new Date(Date.now() + 1_000);
    await addDueClocks(t, template, dueFrom);
    const delays: number[] = [];
    let sweepMs = 0;
    let fired = 0;
    let statements = 0;
    let cpuMicros = 0;
    let counting = false;
    const logger = t.dataSource.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (sql, params, runner) => {
      if (counting) statements += 1;
      return logQuery(sql, params, runner);
    };
    const until = dueFrom.getTime() + WINDOW_MS + 120_000;
    while (fired < DUE && Date.now() < until) {
      const tickStart = Date.now();
      clock.set(new Date(tickStart));
      const before = { statements, cpu: process.cpuUsage() };
      counting = true;
      const n = await scheduler.tick();
      counting = false;
      const tickEnd = Date.now();
      if (!n) statements = before.statements;
      if (n) {
        const cpu = process.cpuUsage(before.cpu);
        cpuMicros += cpu.user + cpu.system;
        sweepMs += tickEnd - tickStart;
        fired += n;
        const rows: { due_at: Date }[] = await t.dataSource.query(`SELECT due_at FROM sla_clock WHERE breached_at = $1`, [
          new Date(tickStart),
        ]);
        for (const row of rows) delays.push(tickEnd - new Date(row.due_at).getTime());
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1_000 - (Date.now() - tickStart))));
    }
    delays.sort((a, b) => a - b);
    const breachedEvents = await t.dataSource.query(`SELECT count(*)::int AS n FROM complaint_event WHERE type = 'sla.breached'`);
    expect(fired).toBe(DUE);
    expect(breachedEvents[0].n).toBe(DUE);
    // Exactly the due ones fired: none of the open clocks.
    const firedClocks = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM sla_clock WHERE breached_at IS NOT NULL OR warned_at IS NOT NULL`,
    );
    expect(firedClocks[0].n).toBe(DUE);
    logger.logQuery = logQuery;
    return {
      open,
      fillMs,
      emptyTickMs,
      sweepMs,
      fired,
      plan,
      statementsPerClock: statements / fired,
      cpuMsPerClock: cpuMicros / 1000 / fired,
      maxDelayMs: delays[delays.length - 1] ?? 0,
      p50DelayMs: delays[Math.floor(delays.length / 2)] ?? 0,
    };
  } finally {
    await t.close();
  }
}

describe('SLA scheduler', () => {
  it('sweeps what falls due in time, at a cost flat in the number of open clocks', async () => {
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);
    const results: Figures[] = [];
    // SLA_OPEN=10000 measures one size only (a quick look at the per-clock cost without the 1M insert).
    for (const open of process.env.SLA_OPEN ? [Number(process.env.SLA_OPEN)] : [10_000, 1_000_000]) results.push(await measure(open));
    console.log('\nSLA scheduler on PostgreSQL (poll every 1 s; %d clocks falling due over %d s)', DUE, WINDOW_MS / 1000);
    console.table(
      results.map((r) => ({
        'open clocks': r.open.toLocaleString('en'),
        'bulk insert (s)': (r.fillMs / 1000).toFixed(1),
        'empty tick (ms)': r.emptyTickMs.toFixed(2),
        fired: r.fired,
        'time firing (ms)': r.sweepMs,
        'per clock (ms)': (r.sweepMs / r.fired).toFixed(2),
        'API CPU per clock (ms)': r.cpuMsPerClock.toFixed(2),
        'statements per clock': r.statementsPerClock.toFixed(1),
        'delay p50 (ms)': r.p50DelayMs,
        'delay max (ms)': r.maxDelayMs,
      })),
    );
    console.log(`plan (${results.at(-1)!.open.toLocaleString('en')}): ${results.at(-1)!.plan}`);
    for (const r of results) expect(r.maxDelayMs).toBeGreaterThan(0);
  });
});
