import { Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
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
import { assertTimeZone, bucketSql, zoneOffsetMinutes, type SqlDialect } from './time-buckets';

export const STATS_DIMENSIONS = ['type', 'cause', 'department', 'channel', 'severity', 'region', 'week', 'month'] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

export const DEFAULT_REPEAT_WINDOW_DAYS = 30;
const MAX_PERIOD_DAYS = 3 * 366;
const MAX_GROUPS = 4;
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

interface Accumulator {
  keys: (string | null)[];
  received: number; valid: number; closed: number; followedUp: number; satisfied: number; resolved: number; effective: number;
  responded: number; workingMinutes: number;
  onTime: Map<string, { stopped: number; met: number }>;
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

  async stats(auth: AuthContext, query: StatsQuery, measures: StatsMeasures = ALL_MEASURES): Promise<StatsResult> {
    const { from, to } = query;
    if (!(from < to) || to.getTime() - from.getTime() > MAX_PERIOD_DAYS * 86_400_000) {
      throw AnalyticsErrors.create('INVALID_PERIOD', { field: 'period', params: { maxDays: MAX_PERIOD_DAYS } });
    }
    const groupBy = [...new Set(query.groupBy)];
    if (groupBy.length > MAX_GROUPS) throw AnalyticsErrors.create('TOO_MANY_GROUPS', { field: 'groupBy', params: { max: MAX_GROUPS } });
    const policy = await this.policies.getCurrent(auth.tenantId);
    if (!policy) throw AnalyticsErrors.create('NO_POLICY');
    const timeZone = await this.timeZoneOf(auth.tenantId);
    const repeatWindowDays = Math.max(1, Math.round(policy.document.settings?.repeatWindowDays ?? DEFAULT_REPEAT_WINDOW_DAYS));
    const groupSql = groupBy.map((d) => this.dimensionSql(d, policy, timeZone, from));

    const groups = new Map<string, Accumulator>();
    const accumulator = (keys: (string | null)[]) => {
      const id = JSON.stringify(keys);
      let entry = groups.get(id);
      if (!entry) {
        entry = { keys, received: 0, valid: 0, closed: 0, followedUp: 0, satisfied: 0, resolved: 0, effective: 0, responded: 0, workingMinutes: 0, onTime: new Map() };
        groups.set(id, entry);
      }
      return entry;
    };
    const keysOf = (raw: Record<string, unknown>) => groupSql.map((_, i) => text(raw[`g${i}`]));

    // 1. Counts, satisfaction, effective resolution: one grouped scan of the period.
    const counts = await this.cohort(auth, query);
    groupSql.forEach((sql, i) => counts.addSelect(sql, `g${i}`));
    counts
      .addSelect('COUNT(*)', 'received')
      .addSelect('SUM(CASE WHEN c.valid THEN 1 ELSE 0 END)', 'valid')
      .addSelect("SUM(CASE WHEN c.state IN ('closed', 'invalid_closed') THEN 1 ELSE 0 END)", 'closed')
      .addSelect('SUM(CASE WHEN c.satisfaction IS NOT NULL THEN 1 ELSE 0 END)', 'followed_up')
      .addSelect("SUM(CASE WHEN c.satisfaction = 'satisfied' THEN 1 ELSE 0 END)", 'satisfied')
      .addSelect("SUM(CASE WHEN c.state = 'closed' THEN 1 ELSE 0 END)", 'resolved');
    if (measures.effectiveResolution) {
      counts.addSelect(`SUM(CASE WHEN c.state = 'closed' AND NOT EXISTS (${this.repeatSql(repeatWindowDays)}) THEN 1 ELSE 0 END)`, 'effective');
    }
    groupSql.forEach((sql) => counts.addGroupBy(sql));
    for (const raw of await counts.getRawMany<Record<string, unknown>>()) {
      const entry = accumulator(keysOf(raw));
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
      const clocks = await this.cohort(auth, query);
      clocks.innerJoin(SlaClock, 'k', 'k.complaint_id = c.id AND k.tenant_id = c.tenant_id')
        .andWhere('k.state IN (:...stoppedStates)', { stoppedStates: STOPPED_CLOCK_STATES });
      groupSql.forEach((sql, i) => clocks.addSelect(sql, `g${i}`));
      clocks.addSelect('k.target', 'target').addSelect('COUNT(*)', 'stopped').addSelect("SUM(CASE WHEN k.state = 'met' THEN 1 ELSE 0 END)", 'met');
      groupSql.forEach((sql) => clocks.addGroupBy(sql));
      clocks.addGroupBy('k.target');
      for (const raw of await clocks.getRawMany<Record<string, unknown>>()) {
        const entry = accumulator(keysOf(raw));
        const target = String(raw.target);
        const onTime = entry.onTime.get(target) ?? { stopped: 0, met: 0 };
        onTime.stopped += num(raw.stopped);
        onTime.met += num(raw.met);
        entry.onTime.set(target, onTime);
      }
    }

    // 3. Working time received → responded for resolved complaints, on the calendar of each complaint's pinned version.
    if (measures.workingTime) {
      const resolved = await this.cohort(auth, query);
      groupSql.forEach((sql, i) => resolved.addSelect(sql, `g${i}`));
      resolved.addSelect('c.received_at', 'received_at').addSelect('c.responded_at', 'responded_at').addSelect('c.policy_version', 'policy_version')
        .andWhere("c.state = 'closed'").andWhere('c.responded_at IS NOT NULL');
      const versions = new Map<number, CompiledPolicy>();
      for (const raw of await resolved.getRawMany<Record<string, unknown>>()) {
        const version = num(raw.policy_version);
        let pinned = versions.get(version);
        if (!pinned) versions.set(version, (pinned = await this.policies.getVersion(auth.tenantId, version)));
        const calendar = this.calendars.calendar(auth.tenantId, pinned);
        const entry = accumulator(keysOf(raw));
        entry.responded += 1;
        entry.workingMinutes += Math.max(0, calendar.workingMinutesBetween(asDate(raw.received_at), asDate(raw.responded_at)));
      }
    }

    const rows = [...groups.values()]
      .sort((a, b) => compareKeys(a.keys, b.keys))
      .map((entry) => this.toRow(entry, groupBy, policy, measures));
    const total = [...groups.values()].reduce<Accumulator>((sum, e) => {
      for (const field of ['received', 'valid', 'closed', 'followedUp', 'satisfied', 'resolved', 'effective', 'responded', 'workingMinutes'] as const) sum[field] += e[field];
      for (const [target, v] of e.onTime) {
        const t = sum.onTime.get(target) ?? { stopped: 0, met: 0 };
        sum.onTime.set(target, { stopped: t.stopped + v.stopped, met: t.met + v.met });
      }
      return sum;
    }, { keys: [], received: 0, valid: 0, closed: 0, followedUp: 0, satisfied: 0, resolved: 0, effective: 0, responded: 0, workingMinutes: 0, onTime: new Map() });
    return { from, to, groupBy, timeZone, repeatWindowDays, rows, totals: this.toRow(total, [], policy, measures) };
  }

  /** Complaints of the tenant received in the period, through the complaint module's own filter. */
  private async cohort(auth: AuthContext, query: StatsQuery): Promise<SelectQueryBuilder<Complaint>> {
    const qb = this.dataSource.getRepository(Complaint).createQueryBuilder('c').select([])
      .where('c.tenant_id = :tenantId', { tenantId: auth.tenantId })
      .andWhere('c.received_at >= :periodFrom AND c.received_at < :periodTo', { periodFrom: query.from, periodTo: query.to });
    await this.complaints.applyFilter(auth, qb, query.filter ?? {});
    return qb;
  }

  /** A later complaint of the same customer on the same type, received before `closed_at + N days`. */
  private repeatSql(days: number): string {
    const windowEnd = this.dialect === 'postgres'
      ? `c.closed_at + interval '${days} days'`
      : `strftime('%Y-%m-%d %H:%M:%f', c.closed_at, '+${days} days')`;
    return `SELECT 1 FROM complaint r WHERE r.tenant_id = c.tenant_id AND r.customer_id = c.customer_id AND r.type_key = c.type_key
      AND r.received_at > c.received_at AND r.received_at <= ${windowEnd} AND r.id <> c.id`;
  }

  /** The SQL expression of a group key. Region comes from the policy's departments (a CASE over department keys). */
  dimensionSql(dimension: StatsDimension, policy: CompiledPolicy, timeZone: string, at: Date): string {
    switch (dimension) {
      case 'type': return 'c.type_key';
      case 'cause': return 'COALESCE(c.cause, c.predicted_cause)';
      case 'department': return 'c.department';
      case 'channel': return 'c.channel';
      case 'severity': return 'c.severity';
      case 'region': {
        const regional = policy.document.departments.filter((d) => d.region);
        if (!regional.length) return 'CAST(NULL AS VARCHAR(128))';
        const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
        return `CASE c.department ${regional.map((d) => `WHEN ${quote(d.key)} THEN ${quote(d.region!)}`).join(' ')} ELSE NULL END`;
      }
      case 'week':
      case 'month':
        return bucketSql(this.dialect, dimension, 'c.received_at', timeZone, zoneOffsetMinutes(timeZone, at));
    }
  }

  private toRow(entry: Accumulator, groupBy: StatsDimension[], policy: CompiledPolicy, measures: StatsMeasures): StatsRow {
    return {
      keys: groupBy.map((dimension, i) => ({ dimension, key: entry.keys[i], name: displayName(dimension, entry.keys[i], policy) })),
      received: entry.received, valid: entry.valid, closed: entry.closed, open: entry.received - entry.closed,
      followedUp: entry.followedUp, satisfied: entry.satisfied, satisfactionRate: rate(entry.satisfied, entry.followedUp),
      resolved: entry.resolved,
      effectivelyResolved: measures.effectiveResolution ? entry.effective : null,
      effectiveResolutionRate: measures.effectiveResolution ? rate(entry.effective, entry.resolved) : null,
      responded: measures.workingTime ? entry.responded : null,
      averageWorkingMinutes: measures.workingTime && entry.responded ? Math.round(entry.workingMinutes / entry.responded) : null,
      onTime: [...entry.onTime.entries()].sort(([a], [b]) => a.localeCompare(b))
        .map(([target, v]) => ({ target, stopped: v.stopped, met: v.met, rate: rate(v.met, v.stopped) })),
    };
  }
}

/** zh display name of a group key from the policy (weeks and months are labelled, causes have no catalogue). */
export function displayName(dimension: StatsDimension, key: string | null, policy: CompiledPolicy): string | null {
  if (key === null) return dimension === 'cause' ? '未确定' : null;
  const doc = policy.document;
  switch (dimension) {
    case 'type': return doc.complaintTypes.find((t) => t.key === key)?.name.zh ?? key;
    case 'department': return doc.departments.find((d) => d.key === key)?.name.zh ?? key;
    case 'channel': return doc.channels.find((c) => c.key === key)?.name.zh ?? key;
    case 'severity': return policy.severityLevel(key)?.name.zh ?? key;
    case 'week': return `${key} 当周`;
    case 'month': return `${key.slice(0, 4)}年${Number(key.slice(5, 7))}月`;
    default: return key;
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
