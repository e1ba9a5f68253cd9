import { MAX_PAGE_SIZE } from '../../common/page-size.pipe';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import type { AuthContext } from '../../common/auth/auth-context';
import { Role } from '../../common/auth/roles';
import { DEFAULT_KPI_TARGETS, type KpiTargets } from '@redress/sdk';
import { SlaService } from '../sla/sla.service';
import { PolicyService } from '../policy/policy.service';
import { WeeklyReport } from './analytics.entity';
import { AnalyticsErrors } from './analytics.exception';
import { ComplaintStatsService, type StatsDimension, type StatsRow } from './complaint-stats.service';
import { addDays, localDate, mondayOf, startOfLocalDay } from './time-buckets';

/** The dimensions of the Monday meeting's 投诉统计表. */
export const REPORT_DIMENSIONS: StatsDimension[] = ['type', 'cause', 'department', 'channel', 'severity'];
type KpiKey = keyof typeof DEFAULT_KPI_TARGETS;
const KPI_NAMES: Record<KpiKey, string> = { onTimeRate: '处理及时率', satisfactionRate: '满意率', effectiveResolutionRate: '有效解决率' };
/** The report of the past week is due on Monday at this local hour. */
export const REPORT_HOUR = 8;

export interface WeekFigures {
  received: number;
  valid: number;
  closed: number;
  open: number;
  satisfactionRate: number | null;
  effectiveResolutionRate: number | null;
}
export interface DeltaLine {
  key: string | null;
  name: string | null;
  current: number;
  previous: number;
  delta: number;
}
export interface KpiLine {
  key: string;
  name: string;
  target: number;
  current: number | null;
  previous: number | null;
  delta: number | null;
  met: boolean | null;
}
export interface WeeklyReportContent {
  weekStart: string;
  weekEnd: string;
  previousWeekStart: string;
  current: WeekFigures;
  previous: WeekFigures;
  byDimension: Record<string, DeltaLine[]>;
  kpis: KpiLine[];
  /** On-time per deadline type, each against its own target (the policy's `onTimeByTarget`, else `onTimeRate`). */
  onTimeByTarget: { target: string; stopped: number; met: number; rate: number | null; targetRate: number; onTarget: boolean | null }[];
  /** The policy version whose KPI targets decided the verdicts (null: none published, defaults used). */
  kpiTargetsPolicyVersion: number | null;
}

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
/** Rates are compared to targets with a tolerance: 19/20 is 0.95 even when the division says 0.9499999. */
const verdict = (value: number | null, target: number) => (value === null ? null : value >= target - 1e-9);

/** A policy's KPI targets with the defaults filled in. */
export function kpiTargetsOf(configured: KpiTargets | undefined): Record<KpiKey, number> & { byTarget: Map<string, number> } {
  return {
    onTimeRate: configured?.onTimeRate ?? DEFAULT_KPI_TARGETS.onTimeRate,
    satisfactionRate: configured?.satisfactionRate ?? DEFAULT_KPI_TARGETS.satisfactionRate,
    effectiveResolutionRate: configured?.effectiveResolutionRate ?? DEFAULT_KPI_TARGETS.effectiveResolutionRate,
    byTarget: new Map((configured?.onTimeByTarget ?? []).map((entry) => [entry.target, entry.rate])),
  };
}

/** 投诉统计表: the past week (Monday 00:00 to Monday 00:00, tenant time) against the week before. */
@Injectable()
export class WeeklyReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly stats: ComplaintStatsService,
    private readonly sla: SlaService,
    private readonly policies: PolicyService,
  ) {}

  list(tenantId: string, first = 20): Promise<WeeklyReport[]> {
    return this.dataSource
      .getRepository(WeeklyReport)
      .find({ where: { tenantId }, order: { weekStart: 'DESC' }, take: Math.min(Math.max(first, 1), MAX_PAGE_SIZE) });
  }

  async get(tenantId: string, weekStart: string): Promise<WeeklyReport> {
    const report = await this.dataSource.getRepository(WeeklyReport).findOne({ where: { tenantId, weekStart: this.monday(weekStart) } });
    if (!report) throw AnalyticsErrors.create('REPORT_NOT_FOUND', { field: 'week', params: { week: weekStart } });
    return report;
  }

  private monday(weekStart: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(weekStart) || Number.isNaN(Date.parse(weekStart)) || mondayOf(weekStart) !== weekStart) {
      throw AnalyticsErrors.create('INVALID_WEEK', { field: 'weekStart' });
    }
    return weekStart;
  }

  /** The Monday of the week whose report is due at `now` (the week before the current one, once Monday 08:00 has passed). */
  static dueWeek(now: Date, timeZone: string): string {
    let monday = mondayOf(localDate(now, timeZone));
    if (now.getTime() < startOfLocalDay(monday, timeZone).getTime() + REPORT_HOUR * 3600_000) monday = addDays(monday, -7);
    return addDays(monday, -7);
  }

  /** Generates (or regenerates) the report of the week starting on the local Monday `weekStart`. */
  async generate(tenantId: string, weekStart: string): Promise<WeeklyReport> {
    const monday = this.monday(weekStart);
    const auth: AuthContext = { tenantId, role: Role.admin };
    const timeZone = await this.stats.timeZoneOf(tenantId);
    const week = (start: string) => ({ from: startOfLocalDay(start, timeZone), to: startOfLocalDay(addDays(start, 7), timeZone) });
    const current = week(monday);
    const previous = week(addDays(monday, -7));
    const measures = { onTime: false, effectiveResolution: true, workingTime: false };
    const [nowTotals, beforeTotals] = await Promise.all(
      [current, previous].map((p) => this.stats.stats(auth, { ...p, groupBy: [] }, measures)),
    );
    const byDimension: Record<string, DeltaLine[]> = {};
    for (const dimension of REPORT_DIMENSIONS) {
      const [a, b] = await Promise.all(
        [current, previous].map((p) => this.stats.stats(auth, { ...p, groupBy: [dimension] }, { ...measures, effectiveResolution: false })),
      );
      const lines = new Map<string, DeltaLine>();
      for (const [rows, field] of [
        [a.rows, 'current'],
        [b.rows, 'previous'],
      ] as const) {
        for (const row of rows) {
          const k = row.keys[0];
          const id = k.key ?? '\u0000';
          const line = lines.get(id) ?? { key: k.key, name: k.name, current: 0, previous: 0, delta: 0 };
          line[field] = row.received;
          lines.set(id, line);
        }
      }
      byDimension[dimension] = [...lines.values()]
        .map((l) => ({ ...l, delta: l.current - l.previous }))
        .sort((x, y) => y.current - x.current || (x.key ?? '').localeCompare(y.key ?? ''));
    }
    // On-time: the SLA module's own KPI (clocks that stopped during the week: met / stopped).
    const [slaNow, slaBefore] = await Promise.all([current, previous].map((p) => this.sla.slaKpis(tenantId, p.from, p.to, 'target')));
    const onTime = (rows: typeof slaNow) => {
      const stopped = rows.reduce((s, r) => s + r.stopped, 0);
      return stopped ? rows.reduce((s, r) => s + r.met, 0) / stopped : null;
    };
    const figures = (row: StatsRow): WeekFigures => ({
      received: row.received,
      valid: row.valid,
      closed: row.closed,
      open: row.open,
      satisfactionRate: row.satisfactionRate,
      effectiveResolutionRate: row.effectiveResolutionRate,
    });
    // The targets are policy data: the current version's settings when the report is generated.
    const policy = await this.policies.getCurrent(tenantId);
    const targets = kpiTargetsOf(policy?.document.settings.kpiTargets);
    const kpi = (key: KpiKey, currentValue: number | null, previousValue: number | null): KpiLine => ({
      key,
      name: KPI_NAMES[key],
      target: targets[key],
      current: currentValue,
      previous: previousValue,
      delta: diff(currentValue, previousValue),
      met: verdict(currentValue, targets[key]),
    });
    const content: WeeklyReportContent = {
      weekStart: monday,
      weekEnd: addDays(monday, 6),
      previousWeekStart: addDays(monday, -7),
      current: figures(nowTotals.totals),
      previous: figures(beforeTotals.totals),
      byDimension,
      kpis: [
        kpi('onTimeRate', onTime(slaNow), onTime(slaBefore)),
        kpi('satisfactionRate', nowTotals.totals.satisfactionRate, beforeTotals.totals.satisfactionRate),
        kpi('effectiveResolutionRate', nowTotals.totals.effectiveResolutionRate, beforeTotals.totals.effectiveResolutionRate),
      ],
      onTimeByTarget: slaNow.map((r) => {
        const targetRate = targets.byTarget.get(r.target) ?? targets.onTimeRate;
        return {
          target: r.target,
          stopped: r.stopped,
          met: r.met,
          rate: r.onTimeRate,
          targetRate,
          onTarget: verdict(r.onTimeRate, targetRate),
        };
      }),
      kpiTargetsPolicyVersion: policy?.version ?? null,
    };
    const repo = this.dataSource.getRepository(WeeklyReport);
    const existing = await repo.findOne({ where: { tenantId, weekStart: monday } });
    const generatedAt = this.clock.now();
    if (existing) {
      await repo.update({ id: existing.id }, { content: content as never, generatedAt, timeZone });
      return repo.findOneByOrFail({ id: existing.id });
    }
    const report = repo.create({ id: newId(), tenantId, weekStart: monday, timeZone, content: content as never, generatedAt });
    await repo.insert(report as never);
    return report;
  }

  /** Scheduler: the due week's report when it does not exist yet (catch-up after downtime: only the latest week). */
  async generateDue(tenantId: string): Promise<WeeklyReport | null> {
    // A tenant without a published policy (a new tenant, or the demo while it seeds) has nothing to report yet: not
    // an error to log every five minutes. The report comes due at the first sweep after its first publish.
    if (!(await this.policies.getCurrent(tenantId))) return null;
    const week = WeeklyReportService.dueWeek(this.clock.now(), await this.stats.timeZoneOf(tenantId));
    if (await this.dataSource.getRepository(WeeklyReport).exists({ where: { tenantId, weekStart: week } })) return null;
    try {
      return await this.generate(tenantId, week);
    } catch (error) {
      // Another instance generated it at the same moment (unique index): fine.
      if (await this.dataSource.getRepository(WeeklyReport).exists({ where: { tenantId, weekStart: week } })) return null;
      throw error;
    }
  }
}
