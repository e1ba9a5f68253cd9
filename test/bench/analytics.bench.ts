import { cpus } from 'node:os';
import { ManualClock } from '../../apps/api/src/common/clock';
import { Role } from '../../apps/api/src/common/auth/roles';
import { ComplaintStatsService } from '../../apps/api/src/modules/analytics/complaint-stats.service';
import { StatsRollup } from '../../apps/api/src/modules/analytics/stats-rollup.service';
import { createTestApp } from '../support/test-app';

/**
 * `complaintStats` over 1,000,000 complaints of one tenant in PostgreSQL: a year grouped by week and type.
 * Rows are generated in SQL (generate_series), vacuumed and analysed as autovacuum would leave them.
 */
const ROWS = 1_000_000;
const YEAR_START = new Date('2025-12-31T16:00:00Z'); // 1 Jan 2026, Shanghai
const YEAR_END = new Date('2026-12-31T16:00:00Z');

process.env.REDRESS_WORKERS = '0';

describe('analytics statistics', () => {
  it(`a year of ${ROWS.toLocaleString('en')} complaints grouped by week and type`, async () => {
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`);
    const t = await createTestApp({ db: 'postgres', clock: new ManualClock(new Date('2027-01-05T02:00:00Z')) });
    try {
      const tenantId = await t.seedDemo();
      const fillStarted = performance.now();
      await t.dataSource.query(
        `
        INSERT INTO complaint (id, tenant_id, number, channel, type_key, kind, text, received_at, form, attachments, customer_id, state, valid,
          severity, department, policy_version, facts, cause, satisfaction, sla_status, created_at, updated_at, responded_at, closed_at, version)
        SELECT md5('c' || g)::uuid::text, $1, 'B-' || g,
          (ARRAY['phone','email','web','app','visit'])[1 + g % 5],
          (ARRAY['service.attitude','service.efficiency','product.defect','billing','environment','consultation'])[1 + (g / 7) % 6], 'complaint', 'x',
          $2::timestamptz + ((g - 1)::double precision / $3) * ($4::timestamptz - $2::timestamptz), '{}', '[]',
          -- A third of the complaints come from customers who complain again on the same type 15 days later (42,000 rows on,
          -- a multiple of 42 keeps the type): repeats inside the 30-day window, so effective resolution has something to count.
          md5('cust' || CASE WHEN g % 3 = 0 THEN g % 42000 ELSE 100000 + g % 200000 END)::uuid::text,
          CASE WHEN g % 10 < 7 THEN 'closed' WHEN g % 10 = 7 THEN 'invalid_closed' ELSE 'in_progress' END, g % 10 <> 7,
          (ARRAY['normal','normal','normal','urgent','major'])[1 + g % 5], (ARRAY['customer_service','quality','finance','operations'])[1 + g % 4], 1, '{}',
          (ARRAY['staff','process','product',NULL])[1 + g % 4], CASE WHEN g % 10 < 6 THEN 'satisfied' WHEN g % 10 = 6 THEN 'unsatisfied' END, 'met',
          now(), now(),
          CASE WHEN g % 10 < 7 THEN $2::timestamptz + ((g - 1)::double precision / $3) * ($4::timestamptz - $2::timestamptz) + interval '20 hours' END,
          CASE WHEN g % 10 < 8 THEN $2::timestamptz + ((g - 1)::double precision / $3) * ($4::timestamptz - $2::timestamptz) + interval '2 days' END, 1
        FROM generate_series(1, $3::int) g`,
        [tenantId, YEAR_START.toISOString(), ROWS, YEAR_END.toISOString()],
      );
      await t.dataSource.query('VACUUM ANALYZE complaint');
      console.log(`fill: ${ROWS.toLocaleString('en')} rows in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`);

      const stats = t.app.get(ComplaintStatsService);
      const auth = { tenantId, role: Role.analyst };
      const query = { from: YEAR_START, to: YEAR_END, groupBy: ['week', 'type'] as const };
      const time = async (
        label: string,
        measures: { onTime: boolean; effectiveResolution: boolean; workingTime: boolean },
        runs: number,
      ) => {
        const times: number[] = [];
        let result;
        for (let i = 0; i < runs; i++) {
          const started = performance.now();
          result = await stats.stats(auth, { ...query, groupBy: [...query.groupBy] }, measures);
          times.push(performance.now() - started);
        }
        times.sort((a, b) => a - b);
        console.log(
          `${label}: median ${times[Math.floor(times.length / 2)].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times.at(-1)!.toFixed(0)}, ${runs} runs, ${result!.rows.length} rows)`,
        );
        return result!;
      };
      // 1. The direct query (no rollup built yet, so complaintStats reads the complaints).
      const direct = await time(
        'direct: counts + satisfaction + on-time (week × type)',
        { onTime: true, effectiveResolution: false, workingTime: false },
        3,
      );
      // Effective resolution straight from the complaints (a repeat lookup per resolved complaint): once, it is slow.
      const directEffective = await time(
        'direct: … + effective resolution (repeat lookup per closed complaint)',
        { onTime: true, effectiveResolution: true, workingTime: false },
        1,
      );
      expect(directEffective.totals.effectivelyResolved).toBeLessThan(directEffective.totals.resolved!);
      expect(directEffective.totals.effectivelyResolved).toBeGreaterThan(0);
      expect(direct.totals.received).toBe(ROWS);
      expect(direct.rows.length).toBeGreaterThanOrEqual(52 * 6);
      const bare = `SELECT to_char(date_trunc('week', c.received_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD'), c.type_key, COUNT(*)
        FROM complaint c WHERE c.tenant_id = $1 AND c.received_at >= $2 AND c.received_at < $3 GROUP BY 1, 2`;
      const explain = async (label: string, setup: string[]) => {
        const runner = t.dataSource.createQueryRunner();
        try {
          for (const sql of setup) await runner.query(sql);
          const plan: string[] = (await runner.query(`EXPLAIN (ANALYZE, BUFFERS) ${bare}`, [tenantId, YEAR_START, YEAR_END])).map(
            (r: Record<string, string>) => r['QUERY PLAN'],
          );
          console.log(
            `${label}: ${plan.find((l) => l.startsWith('Execution Time'))} | ${plan
              .filter((l) => /Scan|Gather|Heap Fetches|Workers/.test(l))
              .map((l) => l.trim())
              .join(' | ')}`,
          );
        } finally {
          await runner.query('RESET ALL').catch(() => undefined);
          await runner.release();
        }
      };
      await explain('bare grouped COUNT(*), planner default', []);
      await explain('… seq and bitmap scans disabled (index-only scan)', ['SET enable_seqscan = off', 'SET enable_bitmapscan = off']);
      await explain('… max_parallel_workers_per_gather = 0', ['SET max_parallel_workers_per_gather = 0']);
      await explain('… max_parallel_workers_per_gather = 4', ['SET max_parallel_workers_per_gather = 4']);

      // 2. Build the daily rollup from nothing (what the first refresh after deployment does), then read it.
      const rollup = t.app.get(StatsRollup);
      const buildStarted = performance.now();
      const built = await rollup.refresh(tenantId);
      const [{ rows: rollupRows }] = await t.dataSource.query('SELECT COUNT(*) AS rows FROM complaint_daily_stats WHERE tenant_id = $1', [
        tenantId,
      ]);
      console.log(
        `rollup first build: ${built.days} days, ${Number(rollupRows).toLocaleString('en')} rows in ${((performance.now() - buildStarted) / 1000).toFixed(1)} s (incl. working minutes of 700k resolved complaints in JS and their repeat lookups)`,
      );
      const rolled = await time(
        'rollup: counts + satisfaction + on-time (week × type)',
        { onTime: true, effectiveResolution: false, workingTime: false },
        7,
      );
      expect(rolled.totals).toEqual(direct.totals);
      expect(rolled.rows).toEqual(direct.rows);
      const withTime = await time('rollup: … + average working time', { onTime: true, effectiveResolution: false, workingTime: true }, 7);
      expect(withTime.totals.responded).toBe(700_000);

      // 3. A steady-state refresh: 1,000 complaints of the last days handled since the last run, and 10 old ones reopened.
      await t.dataSource.query(
        `UPDATE complaint SET updated_at = $2, satisfaction = 'satisfied' WHERE tenant_id = $1 AND number IN (
        SELECT 'B-' || g FROM generate_series(990001, 1000000) g WHERE g % 10 = 8 UNION ALL SELECT 'B-' || (g * 90000 - 2) FROM generate_series(1, 10) g)`,
        [tenantId, new Date('2027-01-05T02:00:00Z')],
      );
      const incrementalStarted = performance.now();
      const incremental = await rollup.refresh(tenantId);
      console.log(
        `rollup refresh after 1,010 changed complaints (1,000 of the last 4 days, 10 older): ${incremental.days} days recomputed in ${((performance.now() - incrementalStarted) / 1000).toFixed(1)} s`,
      );
      const after = await time('rollup after the refresh', { onTime: true, effectiveResolution: false, workingTime: false }, 3);
      const afterDirect = await stats.stats(
        auth,
        { ...query, groupBy: [...query.groupBy], to: new Date(YEAR_START.getTime() + 92 * 86_400_000) },
        { onTime: true, effectiveResolution: false, workingTime: false },
        { fresh: true },
      );
      const afterRolled = await stats.stats(
        auth,
        { ...query, groupBy: [...query.groupBy], to: new Date(YEAR_START.getTime() + 92 * 86_400_000) },
        { onTime: true, effectiveResolution: false, workingTime: false },
      );
      expect(afterRolled.rows).toEqual(afterDirect.rows);
      expect(after.totals.satisfied).toBeGreaterThan(rolled.totals.satisfied);

      // 4. Effective resolution from the rollup: the same counts as the direct repeat lookup (the refresh above changed
      // satisfaction only, not what was resolved or repeated).
      const effective = await time('rollup: … + effective resolution', { onTime: true, effectiveResolution: true, workingTime: false }, 7);
      const resolution = (result: typeof effective) =>
        [result.totals, ...result.rows].map((row) => [
          row.keys.map((k) => k.key).join('|'),
          row.resolved,
          row.effectivelyResolved,
          row.effectiveResolutionRate,
        ]);
      expect(resolution(effective)).toEqual(resolution(directEffective));
    } finally {
      await t.close();
    }
  });
});
