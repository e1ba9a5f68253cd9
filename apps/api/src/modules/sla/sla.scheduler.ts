import { Injectable, Logger } from '@nestjs/common';
import { PeriodicWorker } from '../../common/periodic-worker';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { Complaint } from '../complaint/complaint.entity';
import type { CompiledPolicy } from '../policy/engine/compiled-policy';
import { SlaClock } from './sla-clock.entity';
import { nextFireAt } from './sla-clock-state';
import { SlaService } from './sla.service';
import { EscalationService } from './escalation/escalation.service';
import { OutboxService } from '../outbox/outbox.service';
import { complaintSnapshot } from '../complaint/plugin-hooks';

/**
 * Rows claimed per transaction: small, so a claim is held briefly and other instances can take the rest.
 * Firing one clock costs a couple of dozen statements (timeline, escalation, outbox, complaint), so
 * throughput comes from several claims in parallel on PostgreSQL rather than from large batches.
 */
const BATCH = 20;
const PARALLEL_CLAIMS_PG = 4;
/** A clock whose firing failed is retried after this delay (it must not block the others). */
const RETRY_MS = 60_000;
/** Upper bound of batches per tick, so one tick cannot run forever. */
const MAX_BATCHES = 500;

/**
 * Fires SLA warnings and breaches: every second it claims the clocks whose `next_fire_at` has come and marks
 * them fired in the same transaction as the timeline events, escalations and outbox rows they cause.
 *
 * Exactly once across API instances: on PostgreSQL the rows are claimed with `FOR UPDATE SKIP LOCKED`, so two
 * instances never hold the same clock; the claim and the `warned_at` / `breached_at` marks commit together.
 * After a restart nothing is lost: everything with `next_fire_at <= now` is simply still there.
 */
@Injectable()
export class SlaScheduler extends PeriodicWorker<number> {
  protected readonly logger = new Logger('SlaScheduler');

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly sla: SlaService,
    private readonly escalation: EscalationService,
    private readonly outbox: OutboxService,
  ) {
    super(1_000);
  }

  /** Fires everything due at the clock's now; returns how many clocks fired (0 when it joins a sweep under way). */
  override tick(): Promise<number> {
    return this.busy ? super.tick().then(() => 0) : super.tick();
  }

  protected async sweep(): Promise<number> {
    const now = this.clock.now();
    let batches = 0;
    // SQLite has one writer: one claim loop. PostgreSQL: parallel loops, disjoint thanks to SKIP LOCKED.
    const loop = async (): Promise<number> => {
      let fired = 0;
      while (batches++ < MAX_BATCHES) {
        const { claimed, done } = await this.dataSource.transaction((manager) => this.sweepBatch(manager, now));
        fired += done;
        if (claimed < BATCH) break;
      }
      return fired;
    };
    const loops = this.isPostgres() ? PARALLEL_CLAIMS_PG : 1;
    const counts = await Promise.all(Array.from({ length: loops }, loop));
    return counts.reduce((a, b) => a + b, 0);
  }

  private async sweepBatch(manager: EntityManager, now: Date): Promise<{ claimed: number; done: number }> {
    const qb = manager
      .getRepository(SlaClock)
      .createQueryBuilder('k')
      .where('k.next_fire_at <= :now', { now })
      .orderBy('k.next_fire_at', 'ASC')
      .limit(BATCH);
    if (this.isPostgres()) qb.setLock('pessimistic_write').setOnLocked('skip_locked');
    const rows = await qb.getMany();
    let done = 0;
    const policies = new Map<string, CompiledPolicy>();
    for (const row of rows) {
      try {
        // A savepoint per clock: one broken clock (or policy) must not hold back the rest of the batch.
        const fired = await manager.transaction((inner) => this.fire(inner, row, now, policies));
        if (fired) done += 1;
      } catch (error) {
        this.logger.error(`Clock ${row.id} (${row.target} of complaint ${row.complaintId}) failed to fire: ${(error as Error).message}`);
        await manager.update(SlaClock, { id: row.id }, { nextFireAt: new Date(now.getTime() + RETRY_MS) });
      }
    }
    return { claimed: rows.length, done };
  }

  /** Fires the warning and/or breach of one claimed clock. False when the complaint is busy (retried next tick). */
  private async fire(manager: EntityManager, claimed: SlaClock, now: Date, policies: Map<string, CompiledPolicy>): Promise<boolean> {
    // Re-read: firing an earlier clock of the same complaint in this batch may have changed this one.
    const row = await manager.findOne(SlaClock, { where: { id: claimed.id } });
    if (!row?.nextFireAt || row.nextFireAt.getTime() > now.getTime()) return false;
    const complaint = await this.lockComplaint(manager, row);
    if (complaint === 'busy') return false;
    if (!complaint) {
      await manager.update(SlaClock, { id: row.id }, { nextFireAt: null });
      return false;
    }
    const policyKey = `${row.tenantId}:${row.policyVersion}`;
    let policy = policies.get(policyKey);
    if (!policy) {
      policy = await this.sla.policies().getVersion(row.tenantId, row.policyVersion);
      policies.set(policyKey, policy);
    }
    const breach = !row.breachedAt && row.dueAt.getTime() <= now.getTime();
    const warning = !breach && !row.warnedAt && !!row.warnAt && row.warnAt.getTime() <= now.getTime();
    if (!breach && !warning) {
      row.nextFireAt = nextFireAt(row);
      await manager.update(SlaClock, { id: row.id }, { nextFireAt: row.nextFireAt });
      return false;
    }
    const trigger = breach ? 'breach' : 'warning';
    const dueAt = row.dueAt.toISOString();
    const data = {
      target: row.target,
      slaPolicy: row.slaPolicy,
      dueAt,
      warnAt: row.warnAt?.toISOString() ?? null,
      policyVersion: row.policyVersion,
      duration: row.duration,
      cycle: row.recurringCount + 1,
      round: row.round ?? 1,
      firedAt: now.toISOString(),
      explanation: breach
        ? `${row.target} was due ${dueAt} (${row.duration.amount} ${row.duration.kind}, policy v${row.policyVersion}) and is not done`
        : `${row.target} reached ${row.warnPercent}% of its time; due ${dueAt} (${row.duration.amount} ${row.duration.kind}, policy v${row.policyVersion})`,
    };
    if (breach) {
      // A warning that falls due together with its breach (e.g. after downtime) is superseded: one notice, not two.
      row.warnedAt ??= now;
      row.breachedAt = now;
    } else row.warnedAt = now;
    await this.sla.port().appendEvent(manager, complaint, breach ? 'sla.breached' : 'sla.warning', data, { role: 'system' });
    // The domain event for plugins' after-handlers and webhooks (kind `event`, like every complaint change).
    const topic = breach ? 'sla.breached' : 'sla.warning';
    await this.outbox.enqueue(manager, {
      tenantId: row.tenantId,
      kind: 'event',
      topic,
      complaintId: row.complaintId,
      notBefore: now,
      payload: {
        type: topic,
        at: now.toISOString(),
        complaint: complaintSnapshot(complaint),
        target: row.target,
        dueAt,
        ...(breach
          ? { overdueMinutes: Math.max(0, Math.floor((now.getTime() - row.dueAt.getTime()) / 60_000)) }
          : { elapsedPercent: row.warnPercent }),
      },
    });

    const target = policy.slaPolicy(row.slaPolicy)?.targets.find((t) => t.key === row.target);
    if (breach && target?.recurring) {
      // The missed cycle is recorded; the next one starts now (not at the old due, so downtime does not cascade).
      row.breachCount += 1;
      this.sla.rearm(row, now, this.sla.calendarOfRow(row, policy), target);
    }
    row.nextFireAt = nextFireAt(row);
    row.updatedAt = now;
    await manager.save(SlaClock, row);

    const outcomes = await this.escalation.run(manager, trigger, complaint, policy, {
      target: row.target,
      round: row.round ?? 1,
      at: now,
      details: { dueAt },
    });
    if (outcomes.some((o) => o.applied && o.action.type !== 'notify')) {
      // Escalation changed the complaint (severity, department): its clocks follow, as after any other change.
      await this.sla.onComplaintChanged(manager, complaint, policy, now);
    } else {
      const all = await manager.find(SlaClock, { where: { tenantId: row.tenantId, complaintId: row.complaintId } });
      await this.sla.refreshComplaint(manager, complaint, all, now);
    }
    return true;
  }

  /**
   * Locks the complaint without waiting: a user request holding it would otherwise wait for our clock lock in
   * its own transaction (deadlock). A busy complaint is simply tried again on the next tick, a second later.
   */
  private async lockComplaint(manager: EntityManager, row: SlaClock): Promise<Complaint | null | 'busy'> {
    const qb = manager
      .getRepository(Complaint)
      .createQueryBuilder('c')
      .where('c.id = :id AND c.tenant_id = :tenantId', { id: row.complaintId, tenantId: row.tenantId });
    if (!this.isPostgres()) return qb.getOne();
    const locked = await qb.setLock('pessimistic_write').setOnLocked('skip_locked').getOne();
    if (locked) return locked;
    const exists = await manager.exists(Complaint, { where: { id: row.complaintId, tenantId: row.tenantId } });
    return exists ? 'busy' : null;
  }

  private isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }
}
