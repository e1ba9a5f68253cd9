import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, type ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AuthContext } from '../../common/auth/auth-context';
import { Complaint } from '../complaint/complaint.entity';
import { ComplaintService } from '../complaint/complaint.service';
import type { ComplaintFilter } from '../complaint/dtos/complaint.inputs';
import { PolicyService } from '../policy/policy.service';
import type { CompiledPolicy } from '../policy/engine/compiled-policy';
import { TenantService } from '../tenant/tenant.service';
import { SlaCalendars } from '../sla/sla-calendars.service';
import { SlaClock } from '../sla/sla-clock.entity';
import { AnalyticsErrors } from './analytics.exception';
import { ComplaintDailyOnTime, ComplaintDailyStats, StatsRollupState } from './analytics.entity';
import {
  addDays,
  assertTimeZone,
  bucketSql,
  dayBucketSql,
  localDate,
  startOfLocalDay,
  zoneOffsetMinutes,
  type SqlDialect,
} from './time-buckets';

export const STATS_DIMENSIONS = ['type', 'cause', 'department', 'channel', 'severity', 'region', 'week', 'month'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

export const DEFAULT_REPEAT_WINDOW_DAYS = 30;
const MAX_PERIOD_DAYS = 3 * 366;
const MAX_GROUPS = 4;
/** `fresh: true` reads the complaints themselves: allowed for short periods only (a quarter). */
export const MAX_FRESH_DAYS = 92;
/** The CAUSE group key: the confirmed cause, else the classifier's. */
export const CAUSE_SQL = 'COALESCE(c.cause, c.predicted_cause)';
/** Clock states that count for on-time rates: stopped before (met) or after (breached) the due time. Cancelled clocks do not count. */
const STOPPED_CLOCK_STATES = ['met', 'breached'];

/** Which measures to compute; the expensive ones only when asked (the resolver derives this from the selection). */
export interface StatsMeasures {
  onTime: boolean;
  effectiveResolution: boolean;
  workingTime: boolean;
}
export const ALL_MEASURES: StatsMeasures = { onTime: true, effectiveResolution: true, workingTime: true };

export interface StatsQuery {
  from: Date;
  to: Date;
  groupBy: StatsDimension[];
  filter?: ComplaintFilter;
}

export interface StatsKey {
  dimension: StatsDimension;
  key: string | null;
  name: string | null;
}

export interface OnTimeRate {
  target: string;
  stopped: number;
  met: number;
  rate: number | null;
}

export interface StatsRow {
  keys: StatsKey[];
  received: number;
  valid: number;
  closed: number;
  open: number;
  followedUp: number;
  satisfied: number;
  satisfactionRate: number | null;
  /** Closed as resolved (state `closed`, not `invalid_closed`). */
  resolved: number | null;
  effectivelyResolved: number | null;
  effectiveResolutionRate: number | null;
  /** Resolved complaints with a response time (the base of the average). */
  responded: number | null;
  averageWorkingMinutes: number | null;
  onTime: OnTimeRate[];
}

export interface StatsResult {
  from: Date;
  to: Date;
  groupBy: StatsDimension[];
  timeZone: string;
  repeatWindowDays: number;
  rows: StatsRow[];
  totals: StatsRow;
}

export interface Accumulator {
  keys: (string | null)[];
  received: number;
  valid: number;
  closed: number;
  followedUp: number;
  satisfied: number;
  resolved: number;
  effective: number;
  responded: number;
  workingMinutes: number;
  onTime: Map<string, { stopped: number; met: number }>;
}

const emptyAccumulator = (keys: (string | null)[]): Accumulator => ({
  keys,
  received: 0,
  valid: 0,
  closed: 0,
  followedUp: 0,
  satisfied: 0,
  resolved: 0,
  effective: 0,
  responded: 0,
  workingMinutes: 0,
  onTime: new Map(),
});

/** Measures summed per group key, from any number of sources (rollup days, edge periods, complaint rows). */
export class StatsAccumulators {
  private readonly groups = new Map<string, Accumulator>();

  get(keys: (string | null)[]): Accumulator {
    const id = JSON.stringify(keys);
    let entry = this.groups.get(id);
    if (!entry) this.groups.set(id, (entry = emptyAccumulator(keys)));
    return entry;
  }

  addOnTime(keys: (string | null)[], target: string, stopped: number, met: number): void {
    const onTime = this.get(keys).onTime;
    const sum = onTime.get(target) ?? { stopped: 0, met: 0 };
    onTime.set(target, { stopped: sum.stopped + stopped, met: sum.met + met });
  }

  values(): Accumulator[] {
    return [...this.groups.values()];
  }

  total(): Accumulator {
    const sum = emptyAccumulator([]);
    for (const e of this.groups.values()) {
      for (const field of [
        'received',
        'valid',
        'closed',
        'followedUp',
        'satisfied',
        'resolved',
        'effective',
        'responded',
        'workingMinutes',
      ] as const)
        sum[field] += e[field];
      for (const [target, v] of e.onTime) {
        const t = sum.onTime.get(target) ?? { stopped: 0, met: 0 };
        sum.onTime.set(target, { stopped: t.stopped + v.stopped, met: t.met + v.met });
      }
    }
    return sum;
  }
}

/** The filters the rollup can apply itself: on its stored dimensions. Any other (state, text, assignee …) needs the complaints. */
const ROLLUP_FILTERS = new Set(['type', 'severity', 'department', 'channel']);
export function rollupAnswers(filter: ComplaintFilter): boolean {
  return Object.entries(filter).every(
    ([key, value]) =>
      ROLLUP_FILTERS.has(key) ||
      value === undefined ||
      value === null ||
      value === false ||
      (Array.isArray(value) && value.length === 0) ||
      value === '',
  );
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const num = (value: unknown) => Number(value ?? 0) || 0;
const text = (value: unknown) => (value === null || value === undefined || value === '' ? null : String(value));

/**
 * 投诉统计: complaints RECEIVED in [from, to) (a cohort), grouped by up to four dimensions. Counts, satisfaction
 * and effective resolution are SQL aggregates; on-time rates come from the complaints' SLA clocks (same
 * definition as `SlaService.slaKpis`: met / stopped), per target; working time to respond is the one measure
 * computed in JS (the business calendar has holidays and 调休 that SQL cannot see), only for the resolved
 * complaints of the period, and only when asked.
 */
@Injectable()
export class ComplaintStatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintService,
    private readonly policies: PolicyService,
    private readonly tenants: TenantService,
    private readonly calendars: SlaCalendars,
  ) {}

  get dialect(): SqlDialect {
    return this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  async timeZoneOf(tenantId: string): Promise<string> {
    const tenant = await this.tenants.get(tenantId);
    return assertTimeZone(tenant.timeZone || 'Asia/Shanghai');
  }

  async stats(
    auth: AuthContext,
    query: StatsQuery,
    measures: StatsMeasures = ALL_MEASURES,
    options: { fresh?: boolean } = {},
  ): Promise<StatsResult> {
    const { from, to } = query;
    if (!(from < to) || to.getTime() - from.getTime() > MAX_PERIOD_DAYS * 86_400_000) {
      throw AnalyticsErrors.create('INVALID_PERIOD', { field: 'period', params: { maxDays: MAX_PERIOD_DAYS } });
    }
    if (options.fresh && to.getTime() - from.getTime() > MAX_FRESH_DAYS * 86_400_000) {
      throw AnalyticsErrors.create('FRESH_PERIOD_TOO_LONG', { field: 'fresh', params: { maxDays: MAX_FRESH_DAYS } });
    }
    const groupBy = [...new Set(query.groupBy)];
    if (groupBy.length > MAX_GROUPS) throw AnalyticsErrors.create('TOO_MANY_GROUPS', { field: 'groupBy', params: { max: MAX_GROUPS } });
    const policy = await this.policies.getCurrent(auth.tenantId);
    if (!policy) throw AnalyticsErrors.create('NO_POLICY');
    const timeZone = await this.timeZoneOf(auth.tenantId);
    const repeatWindowDays = repeatWindowOf(policy);
    const filter = query.filter ?? {};
    const groups = new StatsAccumulators();

    // Whole local days come from the daily rollup when it can answer (see docs/analytics.md); the partial days at
    // the period's edges, and everything the rollup cannot answer, from the complaints themselves.
    const rollupDays =
      options.fresh || !rollupAnswers(filter)
        ? null
        : await this.rollupDays(auth.tenantId, timeZone, from, to, measures.effectiveResolution ? repeatWindowDays : null);
    if (rollupDays) {
      const groupSql = groupBy.map((d) => this.dimensionSql(d, policy, timeZone, from, 'rollup'));
      await this.collectRollup(auth, rollupDays.days, filter, groupSql, measures, groups);
      for (const edge of rollupDays.edges) {
        const edgeSql = groupBy.map((d) => this.dimensionSql(d, policy, timeZone, from));
        await this.collectDirect(auth, edge, filter, edgeSql, measures, repeatWindowDays, groups);
      }
    } else {
      const groupSql = groupBy.map((d) => this.dimensionSql(d, policy, timeZone, from));
      await this.collectDirect(auth, { from, to }, filter, groupSql, measures, repeatWindowDays, groups);
    }

    const rows = groups
      .values()
      .sort((a, b) => compareKeys(a.keys, b.keys))
      .map((entry) => this.toRow(entry, groupBy, policy, measures));
    return { from, to, groupBy, timeZone, repeatWindowDays, rows, totals: this.toRow(groups.total(), [], policy, measures) };
  }

  /**
   * The whole local days of [from, to) the rollup has (it is built, in the tenant's current time zone), and the
   * partial days at the edges left to the direct query; null when the rollup cannot be used. Effective resolution
   * (`repeatWindowDays` given) needs a rollup counted with the policy's current repeat window.
   */
  private async rollupDays(
    tenantId: string,
    timeZone: string,
    from: Date,
    to: Date,
    repeatWindowDays: number | null,
  ): Promise<{ days: [string, string]; edges: { from: Date; to: Date }[] } | null> {
    const state = await this.dataSource.getRepository(StatsRollupState).findOne({ where: { tenantId } });
    if (!state?.watermark || state.timeZone !== timeZone) return null;
    if (repeatWindowDays !== null && state.repeatWindowDays !== repeatWindowDays) return null;
    const firstDay =
      startOfLocalDay(localDate(from, timeZone), timeZone).getTime() === from.getTime()
        ? localDate(from, timeZone)
        : addDays(localDate(from, timeZone), 1);
    const endDay = localDate(to, timeZone);
    const wholeFrom = startOfLocalDay(firstDay, timeZone);
    const wholeTo = startOfLocalDay(endDay, timeZone);
    if (!(wholeFrom < wholeTo)) return null;
    const edges = [
      { from, to: wholeFrom },
      { from: wholeTo, to },
    ].filter((edge) => edge.from < edge.to);
    return { days: [firstDay, endDay], edges };
  }

  /** Adds the rollup rows of local days [days[0], days[1]) to the groups. */
  private async collectRollup(
    auth: AuthContext,
    days: [string, string],
    filter: ComplaintFilter,
    groupSql: string[],
    measures: StatsMeasures,
    groups: StatsAccumulators,
  ): Promise<void> {
    const keysOf = (raw: Record<string, unknown>) => groupSql.map((_, i) => text(raw[`g${i}`]));
    const scope = async <T extends ObjectLiteral>(entity: new () => T) => {
      // Alias `c` and the complaint's column names, so the complaint module's own filter applies unchanged.
      const qb = this.dataSource
        .getRepository(entity)
        .createQueryBuilder('c')
        .select([])
        .where('c.tenant_id = :tenantId', { tenantId: auth.tenantId })
        .andWhere('c.day >= :firstDay AND c.day < :endDay', { firstDay: days[0], endDay: days[1] });
      await this.complaints.applyFilter(auth, qb as unknown as SelectQueryBuilder<Complaint>, filter);
      groupSql.forEach((sql, i) => qb.addSelect(sql, `g${i}`));
      groupSql.forEach((sql) => qb.addGroupBy(sql));
      return qb;
    };
    const counts = await scope(ComplaintDailyStats);
    for (const measure of [
      'received',
      'valid',
      'closed',
      'followed_up',
      'satisfied',
      'resolved',
      'effectively_resolved',
      'responded',
      'working_minutes',
    ]) {
      counts.addSelect(`SUM(c.${measure})`, measure);
    }
    for (const raw of await counts.getRawMany<Record<string, unknown>>()) {
      const entry = groups.get(keysOf(raw));
      entry.received += num(raw.received);
      entry.valid += num(raw.valid);
      entry.closed += num(raw.closed);
      entry.followedUp += num(raw.followed_up);
      entry.satisfied += num(raw.satisfied);
      entry.resolved += num(raw.resolved);
      if (measures.effectiveResolution) entry.effective += num(raw.effectively_resolved);
      if (measures.workingTime) {
        entry.responded += num(raw.responded);
        entry.workingMinutes += num(raw.working_minutes);
      }
    }
    if (measures.onTime) {
      const clocks = await scope(ComplaintDailyOnTime);
      clocks.addSelect('c.target', 'target').addSelect('SUM(c.stopped)', 'stopped').addSelect('SUM(c.met)', 'met').addGroupBy('c.target');
      for (const raw of await clocks.getRawMany<Record<string, unknown>>())
        groups.addOnTime(keysOf(raw), String(raw.target), num(raw.stopped), num(raw.met));
    }
  }

  /**
   * Adds the complaints received in [range.from, range.to) to the groups, straight from the complaint table (and the
   * SLA clocks). Also what the rollup refresh computes each day's rows with, so both paths share one definition.
   */
  async collectDirect(
    auth: AuthContext,
    range: { from: Date; to: Date },
    filter: ComplaintFilter,
    groupSql: string[],
    measures: StatsMeasures,
    repeatWindowDays: number,
    groups: StatsAccumulators,
    options: { manager?: EntityManager; where?: { sql: string; params: ObjectLiteral } } = {},
  ): Promise<void> {
    const keysOf = (raw: Record<string, unknown>) => groupSql.map((_, i) => text(raw[`g${i}`]));
    const cohort = async () => {
      const qb = await this.cohort(auth, range, filter, options.manager ?? this.dataSource.manager);
      if (options.where) qb.andWhere(options.where.sql, options.where.params);
      return qb;
    };

    // 1. Counts, satisfaction, effective resolution: one grouped scan of the period.
    const counts = await cohort();
    groupSql.forEach((sql, i) => counts.addSelect(sql, `g${i}`));
    counts
      .addSelect('COUNT(*)', 'received')
      .addSelect('SUM(CASE WHEN c.valid THEN 1 ELSE 0 END)', 'valid')
      .addSelect("SUM(CASE WHEN c.state IN ('closed', 'invalid_closed') THEN 1 ELSE 0 END)", 'closed')
      .addSelect('SUM(CASE WHEN c.satisfaction IS NOT NULL THEN 1 ELSE 0 END)', 'followed_up')
      .addSelect("SUM(CASE WHEN c.satisfaction = 'satisfied' THEN 1 ELSE 0 END)", 'satisfied')
      .addSelect("SUM(CASE WHEN c.state = 'closed' THEN 1 ELSE 0 END)", 'resolved');
    if (measures.effectiveResolution) {
      counts.addSelect(
        `SUM(CASE WHEN c.state = 'closed' AND NOT EXISTS (${this.repeatSql(repeatWindowDays)}) THEN 1 ELSE 0 END)`,
        'effective',
      );
    }
    groupSql.forEach((sql) => counts.addGroupBy(sql));
    for (const raw of await counts.getRawMany<Record<string, unknown>>()) {
      const entry = groups.get(keysOf(raw));
      entry.received += num(raw.received);
      entry.valid += num(raw.valid);
      entry.closed += num(raw.closed);
      entry.followedUp += num(raw.followed_up);
      entry.satisfied += num(raw.satisfied);
      entry.resolved += num(raw.resolved);
      entry.effective += num(raw.effective);
    }

    // 2. On-time per SLA target, from the clocks of the same complaints.
    if (measures.onTime) {
      const clocks = await cohort();
      clocks
        .innerJoin(SlaClock, 'k', 'k.complaint_id = c.id AND k.tenant_id = c.tenant_id')
        .andWhere('k.state IN (:...stoppedStates)', { stoppedStates: STOPPED_CLOCK_STATES });
      groupSql.forEach((sql, i) => clocks.addSelect(sql, `g${i}`));
      clocks
        .addSelect('k.target', 'target')
        .addSelect('COUNT(*)', 'stopped')
        .addSelect("SUM(CASE WHEN k.state = 'met' THEN 1 ELSE 0 END)", 'met');
      groupSql.forEach((sql) => clocks.addGroupBy(sql));
      clocks.addGroupBy('k.target');
      for (const raw of await clocks.getRawMany<Record<string, unknown>>())
        groups.addOnTime(keysOf(raw), String(raw.target), num(raw.stopped), num(raw.met));
    }

    // 3. Working time received → responded for resolved complaints, on the calendar of each complaint's pinned version.
    if (measures.workingTime) {
      const resolved = await cohort();
      groupSql.forEach((sql, i) => resolved.addSelect(sql, `g${i}`));
      resolved
        .addSelect('c.received_at', 'received_at')
        .addSelect('c.responded_at', 'responded_at')
        .addSelect('c.policy_version', 'policy_version')
        .andWhere("c.state = 'closed'")
        .andWhere('c.responded_at IS NOT NULL');
      const versions = new Map<number, CompiledPolicy>();
      for (const raw of await resolved.getRawMany<Record<string, unknown>>()) {
        const version = num(raw.policy_version);
        let pinned = versions.get(version);
        if (!pinned) versions.set(version, (pinned = await this.policies.getVersion(auth.tenantId, version)));
        const calendar = this.calendars.calendar(auth.tenantId, pinned);
        const entry = groups.get(keysOf(raw));
        entry.responded += 1;
        entry.workingMinutes += Math.max(0, calendar.workingMinutesBetween(asDate(raw.received_at), asDate(raw.responded_at)));
      }
    }
  }

  /** Complaints of the tenant received in the period, through the complaint module's own filter. */
  private async cohort(
    auth: AuthContext,
    range: { from: Date; to: Date },
    filter: ComplaintFilter,
    manager: EntityManager,
  ): Promise<SelectQueryBuilder<Complaint>> {
    const qb = manager
      .getRepository(Complaint)
      .createQueryBuilder('c')
      .select([])
      .where('c.tenant_id = :tenantId', { tenantId: auth.tenantId })
      .andWhere('c.received_at >= :periodFrom AND c.received_at < :periodTo', { periodFrom: range.from, periodTo: range.to });
    await this.complaints.applyFilter(auth, qb, filter);
    return qb;
  }

  /** A later complaint of the same customer on the same type, received before `closed_at + N days`. */
  private repeatSql(days: number): string {
    return `SELECT 1 FROM complaint r WHERE ${this.repeatPredicate(days)}`;
  }

  /**
   * `r` (alias) repeats `c`: the one definition of a repeat, for the direct count and for the rollup refresh, which
   * finds the earlier complaints a changed complaint repeats.
   */
  repeatPredicate(days: number): string {
    const windowEnd =
      this.dialect === 'postgres' ? `c.closed_at + interval '${days} days'` : `strftime('%Y-%m-%d %H:%M:%f', c.closed_at, '+${days} days')`;
    return `r.tenant_id = c.tenant_id AND r.customer_id = c.customer_id AND r.type_key = c.type_key
      AND r.received_at > c.received_at AND r.received_at <= ${windowEnd} AND r.id <> c.id`;
  }

  /** The policy's repeat window in whole days (at least one). */
  async repeatWindowDaysOf(tenantId: string): Promise<number> {
    return repeatWindowOf(await this.policies.getCurrent(tenantId));
  }

  /**
   * The SQL expression of a group key over the complaint table (`source: 'complaint'`) or the daily rollup, which
   * has the same column names and a local `day` instead of `received_at`. Region comes from the policy's
   * departments (a CASE over department keys), so a region change applies to the rollup too.
   */
  dimensionSql(
    dimension: StatsDimension,
    policy: CompiledPolicy,
    timeZone: string,
    at: Date,
    source: 'complaint' | 'rollup' = 'complaint',
  ): string {
    switch (dimension) {
      case 'type':
        return 'c.type_key';
      case 'cause':
        return source === 'rollup' ? 'c.cause' : CAUSE_SQL;
      case 'department':
        return 'c.department';
      case 'channel':
        return 'c.channel';
      case 'severity':
        return 'c.severity';
      case 'region': {
        const regional = policy.document.departments.filter((d) => d.region);
        if (!regional.length) return 'CAST(NULL AS VARCHAR(128))';
        const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
        return `CASE c.department ${regional.map((d) => `WHEN ${quote(d.key)} THEN ${quote(d.region!)}`).join(' ')} ELSE NULL END`;
      }
      case 'week':
      case 'month':
        if (source === 'rollup') return dayBucketSql(this.dialect, dimension, 'c.day');
        return bucketSql(this.dialect, dimension, 'c.received_at', timeZone, zoneOffsetMinutes(timeZone, at));
    }
  }

  private toRow(entry: Accumulator, groupBy: StatsDimension[], policy: CompiledPolicy, measures: StatsMeasures): StatsRow {
    return {
      keys: groupBy.map((dimension, i) => ({ dimension, key: entry.keys[i], name: displayName(dimension, entry.keys[i], policy) })),
      received: entry.received,
      valid: entry.valid,
      closed: entry.closed,
      open: entry.received - entry.closed,
      followedUp: entry.followedUp,
      satisfied: entry.satisfied,
      satisfactionRate: rate(entry.satisfied, entry.followedUp),
      resolved: entry.resolved,
      effectivelyResolved: measures.effectiveResolution ? entry.effective : null,
      effectiveResolutionRate: measures.effectiveResolution ? rate(entry.effective, entry.resolved) : null,
      responded: measures.workingTime ? entry.responded : null,
      averageWorkingMinutes: measures.workingTime && entry.responded ? Math.round(entry.workingMinutes / entry.responded) : null,
      onTime: [...entry.onTime.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([target, v]) => ({ target, stopped: v.stopped, met: v.met, rate: rate(v.met, v.stopped) })),
    };
  }
}

function repeatWindowOf(policy: CompiledPolicy | null | undefined): number {
  return Math.max(1, Math.round(policy?.document.settings?.repeatWindowDays ?? DEFAULT_REPEAT_WINDOW_DAYS));
}

/** zh display name of a group key from the policy (weeks and months are labelled, causes have no catalogue). */
export function displayName(dimension: StatsDimension, key: string | null, policy: CompiledPolicy): string | null {
  if (key === null) return dimension === 'cause' ? '未确定' : null;
  const doc = policy.document;
  switch (dimension) {
    case 'type':
      return doc.complaintTypes.find((t) => t.key === key)?.name.zh ?? key;
    case 'department':
      return doc.departments.find((d) => d.key === key)?.name.zh ?? key;
    case 'channel':
      return doc.channels.find((c) => c.key === key)?.name.zh ?? key;
    case 'severity':
      return policy.severityLevel(key)?.name.zh ?? key;
    case 'week':
      return `${key} 当周`;
    case 'month':
      return `${key.slice(0, 4)}年${Number(key.slice(5, 7))}月`;
    default:
      return key;
  }
}

function compareKeys(a: (string | null)[], b: (string | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (a[i] === null) return 1;
    if (b[i] === null) return -1;
    return a[i]!.localeCompare(b[i]!);
  }
  return 0;
}

export function asDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const raw = String(value);
  // SQLite returns 'YYYY-MM-DD HH:MM:SS.SSS' in UTC.
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw.replace(' ', 'T')}Z`);
}
