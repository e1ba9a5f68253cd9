import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import { Role } from '../../common/auth/roles';
import { Complaint } from '../complaint/complaint.entity';
import { SlaClock } from '../sla/sla-clock.entity';
import { TenantService } from '../tenant/tenant.service';
import { ComplaintDailyOnTime, ComplaintDailyStats, StatsRollupState } from './analytics.entity';
import { CAUSE_SQL, ComplaintStatsService, StatsAccumulators } from './complaint-stats.service';
import { addDays, bucketSql, startOfLocalDay, zoneOffsetMinutes } from './time-buckets';

export const ROLLUP_REFRESH_MS = 5_000;
/**
 * Changes are read from `watermark − overlap`: a transaction that stamped `updated_at` before the last refresh
 * started but committed after it read is still seen. Recomputing a day twice is harmless (idempotent).
 */
export const ROLLUP_OVERLAP_MS = 5 * 60_000;
/** Days recomputed per statement batch (bounds memory on a first build of a large tenant). */
const DAYS_PER_BATCH = 31;
const INSERT_BATCH = 500;

export interface RollupRefreshResult {
  tenants: number;
  /** Local days recomputed, over all tenants. */
  days: number;
}

/**
 * Keeps `complaint_daily_stats` / `complaint_daily_on_time` (see analytics.entity.ts) up to date from a watermark:
 * every few seconds, per tenant, the local days of complaints (or their SLA clocks) whose `updated_at` moved since
 * the last run are recomputed from scratch with the same code as the direct statistics, and replaced in one
 * transaction. Intake and handling never touch the rollup, so they neither slow down nor contend on hot counter
 * rows; statistics read from it lag by up to one refresh interval (`complaintStats(fresh: true)` does not).
 */
@Injectable()
export class StatsRollup implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('StatsRollup');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tenants: TenantService,
    private readonly clock: Clock,
    private readonly stats: ComplaintStatsService,
  ) {}

  onApplicationBootstrap(): void {
    if (process.env.REDRESS_WORKERS === '0') return;
    this.timer = setInterval(() => {
      if (!this.running) void this.refresh().catch((error) => this.logger.error(error));
    }, ROLLUP_REFRESH_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /**
   * Brings the rollup of every tenant (or one) up to date with everything committed before this call: runs are
   * serialized, so a call made while the timer's run is under way gets a run of its own after it.
   */
  refresh(tenantId?: string): Promise<RollupRefreshResult> {
    const run = (this.running ?? Promise.resolve()).catch(() => undefined).then(() => this.sweep(tenantId));
    const tracked: Promise<unknown> = run.finally(() => {
      if (this.running === tracked) this.running = undefined;
    });
    tracked.catch(() => undefined);
    this.running = tracked;
    return run;
  }

  /**
   * Forgets the tenant's rollup and builds it again from its complaints. For history written with a moved clock (the
   * demo seeder): a refresh that ran meanwhile may hold a watermark from another point in time than the rows it missed.
   */
  async rebuild(tenantId: string): Promise<RollupRefreshResult> {
    await (this.running ?? Promise.resolve()).catch(() => undefined);
    await this.dataSource.getRepository(StatsRollupState).update({ tenantId }, { watermark: null });
    return this.refresh(tenantId);
  }

  private async sweep(only?: string): Promise<RollupRefreshResult> {
    const result: RollupRefreshResult = { tenants: 0, days: 0 };
    const tenants = only ? [{ id: only }] : await this.tenants.listForSweep();
    for (const { id } of tenants) {
      try {
        const days = await this.refreshTenant(id);
        if (days !== null) {
          result.tenants += 1;
          result.days += days;
        }
      } catch (error) {
        this.logger.error(`Statistics rollup for tenant ${id} failed: ${(error as Error).message}`);
        if (only) throw error;
      }
    }
    return result;
  }

  /** Recomputes the tenant's changed days; null when another instance is refreshing it right now. */
  private async refreshTenant(tenantId: string): Promise<number | null> {
    const timeZone = await this.stats.timeZoneOf(tenantId);
    const repeatWindowDays = await this.stats.repeatWindowDaysOf(tenantId);
    const startedAt = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const state = await this.lockState(manager, tenantId, timeZone);
      if (!state) return null;
      // No rollup yet, the tenant moved to another time zone or its policy to another repeat window: every day is rebuilt.
      const rebuild = !state.watermark || state.timeZone !== timeZone || state.repeatWindowDays !== repeatWindowDays;
      const since = rebuild ? null : new Date(state.watermark!.getTime() - ROLLUP_OVERLAP_MS);
      const dayOf = bucketSql(this.stats.dialect, 'day', 'c.received_at', timeZone, zoneOffsetMinutes(timeZone, startedAt));
      if (rebuild) {
        await manager.delete(ComplaintDailyStats, { tenantId });
        await manager.delete(ComplaintDailyOnTime, { tenantId });
      }
      const days = await this.changedDays(manager, tenantId, dayOf, since, repeatWindowDays);
      for (let i = 0; i < days.length; i += DAYS_PER_BATCH) {
        await this.recompute(manager, tenantId, timeZone, repeatWindowDays, dayOf, days.slice(i, i + DAYS_PER_BATCH), !rebuild);
      }
      await manager.update(
        StatsRollupState,
        { tenantId },
        { timeZone, repeatWindowDays, watermark: startedAt, refreshedAt: this.clock.now() },
      );
      return days.length;
    });
  }

  /**
   * The tenant's state row, locked for this refresh. On PostgreSQL `SKIP LOCKED` lets another API instance that is
   * already refreshing this tenant finish alone (null here); SQLite has a single writer anyway.
   */
  private async lockState(manager: EntityManager, tenantId: string, timeZone: string): Promise<StatsRollupState | null> {
    const repository = manager.getRepository(StatsRollupState);
    if (this.stats.dialect === 'postgres') {
      await manager.query(
        `INSERT INTO complaint_stats_rollup_state (tenant_id, time_zone) VALUES ($1, $2) ON CONFLICT (tenant_id) DO NOTHING`,
        [tenantId, timeZone],
      );
      return repository
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where('s.tenant_id = :tenantId', { tenantId })
        .getOne();
    }
    const existing = await repository.findOne({ where: { tenantId } });
    if (existing) return existing;
    await repository.insert({ tenantId, timeZone, watermark: null, refreshedAt: null });
    return repository.findOneOrFail({ where: { tenantId } });
  }

  /**
   * Local days of complaints received, or changed (the complaint or one of its SLA clocks) since `since`, and of the
   * earlier complaints a changed complaint repeats: a repeat arriving (or being changed) takes the effective
   * resolution from a complaint on another day.
   */
  private async changedDays(
    manager: EntityManager,
    tenantId: string,
    dayOf: string,
    since: Date | null,
    repeatWindowDays: number,
  ): Promise<string[]> {
    const days = new Set<string>();
    const changed = manager
      .getRepository(Complaint)
      .createQueryBuilder('c')
      .select(`DISTINCT ${dayOf}`, 'day')
      .where('c.tenant_id = :tenantId', { tenantId });
    if (since) changed.andWhere('c.updated_at >= :since', { since });
    for (const row of await changed.getRawMany<{ day: string }>()) days.add(String(row.day));
    if (since) {
      const clocks = await manager
        .getRepository(Complaint)
        .createQueryBuilder('c')
        .select(`DISTINCT ${dayOf}`, 'day')
        .innerJoin(SlaClock, 'k', 'k.complaint_id = c.id AND k.tenant_id = c.tenant_id')
        .where('k.tenant_id = :tenantId AND k.updated_at >= :since', { tenantId, since })
        .andWhere('c.tenant_id = :tenantId')
        .getRawMany<{ day: string }>();
      for (const row of clocks) days.add(String(row.day));
      // Driven by the changed complaints r (ix_complaint_updated), each joined to its customer's earlier complaints c
      // (ix_complaint_customer): the same predicate as the direct count's repeat lookup.
      const repeated = await manager
        .getRepository(Complaint)
        .createQueryBuilder('r')
        .select(`DISTINCT ${dayOf}`, 'day')
        .innerJoin(Complaint, 'c', this.stats.repeatPredicate(repeatWindowDays))
        .where('r.tenant_id = :tenantId AND r.updated_at >= :since', { tenantId, since })
        .andWhere("c.tenant_id = :tenantId AND c.state = 'closed'")
        .getRawMany<{ day: string }>();
      for (const row of repeated) days.add(String(row.day));
    }
    return [...days].sort();
  }

  /** Replaces the rollup rows of these local days with a recomputation from the complaints. */
  private async recompute(
    manager: EntityManager,
    tenantId: string,
    timeZone: string,
    repeatWindowDays: number,
    dayOf: string,
    days: string[],
    replace: boolean,
  ): Promise<void> {
    // A range a day wider on each side keeps the index on received_at in use; the day expression decides exactly.
    const range = { from: startOfLocalDay(addDays(days[0], -1), timeZone), to: startOfLocalDay(addDays(days.at(-1)!, 2), timeZone) };
    const groups = new StatsAccumulators();
    const groupSql = [dayOf, 'c.type_key', CAUSE_SQL, 'c.department', 'c.channel', 'c.severity'];
    // The same definition as the direct statistics (one code path), read inside this transaction.
    await this.stats.collectDirect(
      { tenantId, role: Role.admin },
      range,
      {},
      groupSql,
      { onTime: true, effectiveResolution: true, workingTime: true },
      repeatWindowDays,
      groups,
      { manager, where: { sql: `${dayOf} IN (:...rollupDays)`, params: { rollupDays: days } } },
    );
    if (replace) {
      await manager
        .createQueryBuilder()
        .delete()
        .from(ComplaintDailyStats)
        .where('tenant_id = :tenantId AND day IN (:...days)', { tenantId, days })
        .execute();
      await manager
        .createQueryBuilder()
        .delete()
        .from(ComplaintDailyOnTime)
        .where('tenant_id = :tenantId AND day IN (:...days)', { tenantId, days })
        .execute();
    }
    const stats: Partial<ComplaintDailyStats>[] = [];
    const onTime: Partial<ComplaintDailyOnTime>[] = [];
    for (const group of groups.values()) {
      const [day, typeKey, cause, department, channel, severity] = group.keys;
      const keys = { tenantId, day: day!, typeKey: typeKey!, cause, department, channel: channel!, severity: severity! };
      if (group.received) {
        stats.push({
          id: newId(),
          ...keys,
          received: group.received,
          valid: group.valid,
          closed: group.closed,
          followedUp: group.followedUp,
          satisfied: group.satisfied,
          resolved: group.resolved,
          effectivelyResolved: group.effective,
          responded: group.responded,
          workingMinutes: group.workingMinutes,
        });
      }
      for (const [target, v] of group.onTime) onTime.push({ id: newId(), ...keys, target, stopped: v.stopped, met: v.met });
    }
    for (let i = 0; i < stats.length; i += INSERT_BATCH) await manager.insert(ComplaintDailyStats, stats.slice(i, i + INSERT_BATCH));
    for (let i = 0; i < onTime.length; i += INSERT_BATCH) await manager.insert(ComplaintDailyOnTime, onTime.slice(i, i + INSERT_BATCH));
  }
}
