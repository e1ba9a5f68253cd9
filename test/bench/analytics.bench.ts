import { cpus } from 'node:os';
import { ManualClock } from '../../apps/api/src/common/clock';
import { Role } from '../../apps/api/src/common/auth/roles';
import { ComplaintStatsService } from '../../apps/api/src/modules/analytics/complaint-stats.service';
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
      await t.dataSource.query(`
        INSERT INTO complaint (id, tenant_id, number, channel, type_key, kind, text, received_at, form, attachments, customer_id, state, valid,
          severity, department, policy_version, facts, cause, satisfaction, sla_status, created_at, updated_at, responded_at, closed_at, version)
        SELECT md5('c' || g)::uuid::text, $1, 'B-' || g,
          (ARRAY['phone','email','web','app','visit'])[1 + g % 5],
          (ARRAY['service.attitude','service.efficiency','product.defect','billing','environment','consultation'])[1 + (g / 7) % 6], 'complaint', 'x',
          $2::timestamptz + ((g - 1)::double precision / $3) * ($4::timestamptz - $2::timestamptz), '{}', '[]', md5('cust' || (g % 200000))::uuid::text,
          CASE WHEN g % 10 < 7 THEN 'closed' WHEN g % 10 = 7 THEN 'invalid_closed' ELSE 'in_progress' END, g % 10 <> 7,
          (ARRAY['normal','normal','normal','urgent','major'])[1 + g % 5], (ARRAY['customer_service','quality','finance','operations'])[1 + g % 4], 1, '{}',
          (ARRAY['staff','process','product',NULL])[1 + g % 4], CASE WHEN g % 10 < 6 THEN 'satisfied' WHEN g % 10 = 6 THEN 'unsatisfied' END, 'met',
          now(), now(),
          CASE WHEN g % 10 < 7 THEN $2::timestamptz + ((g - 1)::double precision / $3) * ($4::timestamptz - $2::timestamptz) + interval '20 hours' END,
          CASE WHEN g % 10 < 8 THEN $2::timestamptz + ((g - 1)::double precision / $3) * ($4::timestamptz - $2::timestamptz) + interval '2 days' END, 1
        FROM generate_series(1, $3::int) g`, [tenantId, YEAR_START.toISOString(), ROWS, YEAR_END.toISOString()]);
      await t.dataSource.query('VACUUM ANALYZE complaint');
      console.log(`fill: ${ROWS.toLocaleString('en')} rows in ${((performance.now() - fillStarted) / 1000).toFixed(1)} s`);

      const stats = t.app.get(ComplaintStatsService);
      const auth = { tenantId, role: Role.analyst };
      const query = { from: YEAR_START, to: YEAR_END, groupBy: ['week', 'type'] as const };
      const time = async (label: string, measures: { onTime: boolean; effectiveResolution: boolean; workingTime: boolean }, runs: number) => {
        const times: number[] = [];
        let result;
        for (let i = 0; i < runs; i++) {
          const started = performance.now();
          result = await stats.stats(auth, { ...query, groupBy: [...query.groupBy] }, measures);
          times.push(performance.now() - started);
        }
        times.sort((a, b) => a - b);
        console.log(`${label}: median ${times[Math.floor(times.length / 2)].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times.at(-1)!.toFixed(0)}, ${runs} runs, ${result!.rows.length} rows)`);
        return result!;
      };
      const counts = await time('counts + satisfaction + on-time (week × type)', { onTime: true, effectiveResolution: false, workingTime: false }, 7);
      expect(counts.totals.received).toBe(ROWS);
      expect(counts.rows.length).toBeGreaterThanOrEqual(52 * 6);
      const plan = await t.dataSource.query(`EXPLAIN (ANALYZE, BUFFERS) SELECT to_char(date_trunc('week', c.received_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD'), c.type_key, COUNT(*)
        FROM complaint c WHERE c.tenant_id = $1 AND c.received_at >= $2 AND c.received_at < $3 GROUP BY 1, 2`, [tenantId, YEAR_START, YEAR_END]);
      console.log(plan.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
      const effective = await time('… + effective resolution (repeat lookup per closed complaint)', { onTime: true, effectiveResolution: true, workingTime: false }, 3);
      expect(effective.totals.effectivelyResolved).toBeLessThanOrEqual(effective.totals.resolved!);
      const all = await time('… + average working time (JS, business calendar, 700k resolved)', { onTime: true, effectiveResolution: true, workingTime: true }, 1);
      expect(all.totals.responded).toBe(700_000);
    } finally {
      await t.close();
    }
  });
});
