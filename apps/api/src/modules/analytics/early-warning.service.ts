import { MAX_PAGE_SIZE } from '../../common/page-size.pipe';
import { Injectable } from '@nestjs/common';
import { DataSource, MoreThanOrEqual } from 'typeorm';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import { Complaint } from '../complaint/complaint.entity';
import { OutboxService } from '../outbox/outbox.service';
import { PolicyService } from '../policy/policy.service';
import { AnalyticsAlert, type AlertEvidence, type AlertStatus } from './analytics.entity';
import { AnalyticsErrors } from './analytics.exception';
import { ComplaintStatsService, displayName, type StatsDimension } from './complaint-stats.service';
import { DEFAULT_SPIKE_THRESHOLDS, judgeSpike } from './poisson';
import { addDays, bucketSql, localDate, startOfLocalDay, zoneOffsetMinutes } from './time-buckets';

/** Days of the baseline before the observed day. */
export const BASELINE_DAYS = 28;
/** Repeat complainant: the same customer with at least this many complaints within the window. */
export const REPEAT_COMPLAINTS = 3;
export const REPEAT_WINDOW_DAYS = 30;
const SPIKE_DIMENSIONS: StatsDimension[] = ['cause', 'type', 'region'];
const MAX_EVIDENCE_IDS = 200;

const DIMENSION_ZH: Record<string, string> = { cause: '投诉原因', type: '投诉类型', region: '区域' };

/**
 * 预警: spikes of a cause, type or region against its own recent baseline, and repeat complainants. Each alert is
 * stored once per (dimension, key, local day) and leaves through the outbox as an `analytics.alert` event, so
 * escalation rules and plugins can act on it.
 */
@Injectable()
export class EarlyWarningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly stats: ComplaintStatsService,
    private readonly policies: PolicyService,
    private readonly outbox: OutboxService,
  ) {}

  list(tenantId: string, status?: AlertStatus | null, first = 50): Promise<AnalyticsAlert[]> {
    return this.dataSource.getRepository(AnalyticsAlert).find({
      where: { tenantId, ...(status ? { status } : {}) },
      order: { raisedAt: 'DESC', id: 'ASC' },
      take: Math.min(Math.max(first, 1), MAX_PAGE_SIZE),
    });
  }

  async acknowledge(tenantId: string, id: string, userId: string | null): Promise<AnalyticsAlert> {
    const repo = this.dataSource.getRepository(AnalyticsAlert);
    const alert = await repo.findOne({ where: { tenantId, id } });
    if (!alert) throw AnalyticsErrors.create('ALERT_NOT_FOUND', { field: 'id' });
    if (alert.status !== 'acknowledged') {
      await repo.update({ id }, { status: 'acknowledged', acknowledgedBy: userId, acknowledgedAt: this.clock.now() });
    }
    return repo.findOneByOrFail({ id });
  }

  /** Runs every detector for one tenant at the clock's now; returns the alerts raised. */
  async detect(tenantId: string): Promise<AnalyticsAlert[]> {
    const policy = await this.policies.getCurrent(tenantId);
    if (!policy) return [];
    const now = this.clock.now();
    const timeZone = await this.stats.timeZoneOf(tenantId);
    const today = localDate(now, timeZone);
    const windowFrom = addDays(today, -BASELINE_DAYS);
    const from = startOfLocalDay(windowFrom, timeZone);
    const dialect = this.stats.dialect;
    const daySql = bucketSql(dialect, 'day', 'c.received_at', timeZone, zoneOffsetMinutes(timeZone, now));
    const raised: AnalyticsAlert[] = [];

    for (const dimension of SPIKE_DIMENSIONS) {
      const keySql = this.stats.dimensionSql(dimension, policy, timeZone, now);
      const counts = await this.dataSource
        .getRepository(Complaint)
        .createQueryBuilder('c')
        .select([])
        .addSelect(keySql, 'k')
        .addSelect(daySql, 'd')
        .addSelect('COUNT(*)', 'n')
        .where('c.tenant_id = :tenantId', { tenantId })
        .andWhere('c.valid = :valid', { valid: true })
        .andWhere('c.received_at >= :from AND c.received_at <= :now', { from, now })
        .groupBy(keySql)
        .addGroupBy(daySql)
        .getRawMany<{ k: string | null; d: string; n: string | number }>();
      const byKey = new Map<string, { today: number; baseline: number[] }>();
      for (const row of counts) {
        if (row.k === null || row.k === undefined) continue;
        const entry = byKey.get(row.k) ?? { today: 0, baseline: [] };
        if (row.d === today) entry.today += Number(row.n);
        else entry.baseline.push(Number(row.n));
        byKey.set(row.k, entry);
      }
      for (const [key, entry] of byKey) {
        if (entry.today < DEFAULT_SPIKE_THRESHOLDS.minObserved) continue;
        const verdict = judgeSpike(entry.today, entry.baseline, BASELINE_DAYS);
        if (!verdict.alert) continue;
        const ids = await this.dataSource
          .getRepository(Complaint)
          .createQueryBuilder('c')
          .select('c.id', 'id')
          .where('c.tenant_id = :tenantId', { tenantId })
          .andWhere('c.valid = :valid', { valid: true })
          .andWhere('c.received_at >= :dayStart AND c.received_at <= :now', { dayStart: startOfLocalDay(today, timeZone), now })
          .andWhere(`${keySql} = :key`, { key })
          .orderBy('c.received_at', 'ASC')
          .limit(MAX_EVIDENCE_IDS)
          .getRawMany<{ id: string }>();
        const name = displayName(dimension, key, policy) ?? key;
        const message =
          `${DIMENSION_ZH[dimension]}「${name}」今日已有 ${entry.today} 件投诉，过去 ${BASELINE_DAYS} 天日均 ${verdict.baselineMean.toFixed(2)} 件` +
          `（泊松检验 P(X≥${entry.today}) = ${verdict.pValue.toExponential(2)}）`;
        const alert = await this.raise(tenantId, 'spike', dimension, key, today, message, {
          observed: entry.today,
          baselineMean: verdict.baselineMean,
          pValue: verdict.pValue,
          day: today,
          windowDays: BASELINE_DAYS,
          windowFrom,
          windowTo: addDays(today, -1),
          complaintIds: ids.map((r) => r.id),
        });
        if (alert) raised.push(alert);
      }
    }

    // Repeat complainants: ≥ 3 complaints of one customer within the last 30 days; once per customer per window.
    const repeatFrom = new Date(now.getTime() - REPEAT_WINDOW_DAYS * 86_400_000);
    const repeaters = await this.dataSource
      .getRepository(Complaint)
      .createQueryBuilder('c')
      .select('c.customer_id', 'customer')
      .addSelect('COUNT(*)', 'n')
      .where('c.tenant_id = :tenantId', { tenantId })
      .andWhere('c.received_at >= :repeatFrom AND c.received_at <= :now', { repeatFrom, now })
      .groupBy('c.customer_id')
      .having('COUNT(*) >= :min', { min: REPEAT_COMPLAINTS })
      .getRawMany<{ customer: string; n: string | number }>();
    for (const { customer, n } of repeaters) {
      const recent = await this.dataSource.getRepository(AnalyticsAlert).exists({
        where: { tenantId, dimension: 'customer', key: customer, day: MoreThanOrEqual(localDate(repeatFrom, timeZone)) },
      });
      if (recent) continue;
      const complaints = await this.dataSource.getRepository(Complaint).find({
        select: { id: true, number: true },
        where: { tenantId, customerId: customer, receivedAt: MoreThanOrEqual(repeatFrom) },
        order: { receivedAt: 'ASC' },
      });
      const message = `同一客户 ${REPEAT_WINDOW_DAYS} 天内投诉 ${Number(n)} 次（${complaints.map((c) => c.number).join('、')}），请关注重复投诉`;
      const alert = await this.raise(tenantId, 'repeat_complainant', 'customer', customer, today, message, {
        observed: Number(n),
        baselineMean: 0,
        pValue: null,
        day: today,
        windowDays: REPEAT_WINDOW_DAYS,
        windowFrom: localDate(repeatFrom, timeZone),
        windowTo: today,
        complaintIds: complaints.map((c) => c.id),
      });
      if (alert) raised.push(alert);
    }
    return raised;
  }

  /** Stores the alert and queues its event in one transaction; null when it was already raised (dedupe). */
  private async raise(
    tenantId: string,
    kind: AnalyticsAlert['kind'],
    dimension: string,
    key: string,
    day: string,
    message: string,
    evidence: AlertEvidence,
  ): Promise<AnalyticsAlert | null> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (await manager.exists(AnalyticsAlert, { where: { tenantId, dimension, key, day } })) return null;
        const now = this.clock.now();
        const alert = manager.create(AnalyticsAlert, {
          id: newId(),
          tenantId,
          kind,
          dimension,
          key,
          day,
          status: 'open',
          message,
          evidence,
          raisedAt: now,
        });
        await manager.insert(AnalyticsAlert, alert);
        const { complaintIds, ...metrics } = evidence;
        await this.outbox.enqueue(manager, {
          tenantId,
          kind: 'event',
          topic: 'analytics.alert',
          dedupeKey: `analytics.alert:${dimension}:${key}:${day}`,
          payload: { type: 'analytics.alert', alert: { id: alert.id, kind, dimension, key, day }, message, metrics, complaintIds },
        });
        return alert;
      });
    } catch (error) {
      // Another instance raised the same alert at the same moment (unique index): not a second alert.
      if (await this.dataSource.getRepository(AnalyticsAlert).exists({ where: { tenantId, dimension, key, day } })) return null;
      throw error;
    }
  }
}
