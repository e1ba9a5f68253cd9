import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import { PeriodicWorker } from '../../common/periodic-worker';
import { Complaint } from '../complaint/complaint.entity';
import { ComplaintTimeline } from '../complaint/complaint-timeline';
import { MAX_ATTEMPTS, retryDelayMs } from '../outbox/outbox.service';
import { Delivery, type DeliveryChannel, type DeliveryStatus } from './notification.entity';
import { DeliveryDeferred, DeliveryRejected, NotificationErrors } from './notification.exception';
import type { ChannelSender, SendResult } from './channels';

export const CHANNEL_SENDERS = Symbol('CHANNEL_SENDERS');

export interface DeliveryFilter {
  complaintId?: string | null;
  channel?: string | null;
  status?: string | null;
  topic?: string | null;
  recipientRef?: string | null;
  since?: Date | null;
  until?: Date | null;
}

/** How long a claimed delivery is held by the instance that claimed it before another may take it (a crash). */
const LEASE_MS = 5 * 60_000;

/**
 * Sends due deliveries. A sweep claims what it has room for and starts sending without waiting: each send has its own
 * time limit, so one slow SMTP server or webhook receiver holds one slot, never the worker or the other channels.
 * On PostgreSQL rows are claimed with FOR UPDATE SKIP LOCKED (several instances share the work).
 */
@Injectable()
export class DeliveryWorker extends PeriodicWorker<number> {
  protected readonly logger = new Logger('Deliveries');
  private readonly inFlight = new Set<Promise<void>>();
  private readonly senders: Map<string, ChannelSender>;
  /** Sends in flight per instance. */
  private readonly capacity = Number(process.env.REDRESS_DELIVERY_CONCURRENCY ?? 16);
  /** SQLite has one connection: this worker's transactions take turns (sends still overlap). */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly timeline: ComplaintTimeline,
    @Inject(CHANNEL_SENDERS) senders: ChannelSender[],
  ) {
    super(1_000);
    this.senders = new Map(senders.map((s) => [s.channel, s]));
  }

  protected async sweep(): Promise<number> {
    const room = this.capacity - this.inFlight.size;
    if (room <= 0) return 0;
    const claimed = await this.claim(room);
    for (const delivery of claimed) {
      const job: Promise<void> = this.process(delivery)
        .catch((error) => this.logger.error(error))
        .finally(() => this.inFlight.delete(job));
      this.inFlight.add(job);
    }
    return claimed.length;
  }

  protected override async settle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  /** Sends everything due now and waits for it (tests and the admin's "send now"). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.tick();
      await this.settle();
      total += n;
      if (!n) return total;
    }
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.dataSource.options.type === 'postgres') return work();
    const run = this.turn.then(work, work);
    this.turn = run.catch(() => undefined);
    return run;
  }

  private async claim(limit: number): Promise<Delivery[]> {
    const now = this.clock.now();
    return this.exclusive(() =>
      this.dataSource.transaction(async (manager) => {
        const qb = manager
          .getRepository(Delivery)
          .createQueryBuilder('d')
          .where('d.status IN (:...statuses)', { statuses: ['pending', 'failed'] })
          .andWhere('d.next_attempt_at <= :now', { now })
          .orderBy('d.next_attempt_at', 'ASC')
          .limit(limit);
        if (manager.connection.options.type === 'postgres') qb.setLock('pessimistic_write').setOnLocked('skip_locked');
        const rows = await qb.getMany();
        if (rows.length) {
          await manager
            .getRepository(Delivery)
            .createQueryBuilder()
            .update()
            .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
            .whereInIds(rows.map((r) => r.id))
            .execute();
        }
        return rows;
      }),
    );
  }

  private async process(delivery: Delivery): Promise<void> {
    const sender = this.senders.get(delivery.channel);
    const repo = this.dataSource.getRepository(Delivery);
    if (!sender) {
      await repo.update(
        { id: delivery.id },
        {
          status: 'pending',
          lastError: `NO_ADAPTER: no sender for channel "${delivery.channel}"`,
          nextAttemptAt: new Date(this.clock.now().getTime() + 60 * 60_000),
          updatedAt: this.clock.now(),
        },
      );
      return;
    }
    let result: SendResult;
    try {
      result = await sender.send(delivery);
    } catch (error) {
      const now = this.clock.now();
      if (error instanceof DeliveryDeferred) {
        await repo.update({ id: delivery.id }, { status: 'pending', lastError: error.reason, nextAttemptAt: error.until, updatedAt: now });
        return;
      }
      const attempts = delivery.attempts + 1;
      const message = String((error as Error)?.message ?? error).slice(0, 2000);
      const dead = error instanceof DeliveryRejected || attempts >= MAX_ATTEMPTS;
      await repo.update(
        { id: delivery.id },
        {
          status: dead ? 'dead' : 'failed',
          attempts,
          lastError: message,
          updatedAt: now,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
        },
      );
      if (dead) {
        this.logger.warn(`Delivery ${delivery.id} (${delivery.channel}/${delivery.topic}) dead after ${attempts} attempt(s): ${message}`);
        await this.record(delivery, 'delivery.dead', { error: message, attempts });
      }
      return;
    }
    const now = this.clock.now();
    await repo.update(
      { id: delivery.id },
      {
        status: 'sent',
        attempts: delivery.attempts + 1,
        sentAt: now,
        lastError: null,
        updatedAt: now,
        providerMessageId: result.providerMessageId ?? null,
        recipient: result.recipient ?? null,
      },
    );
    if (delivery.channel !== 'webhook')
      await this.record(delivery, 'delivery.sent', {
        recipient: result.recipient ?? null,
        providerMessageId: result.providerMessageId ?? null,
      });
  }

  /** The delivery's outcome on the complaint's timeline (no content, no clear address). */
  private async record(delivery: Delivery, type: string, data: Record<string, unknown>): Promise<void> {
    if (!delivery.complaintId) return;
    await this.exclusive(() =>
      this.dataSource.transaction(async (manager: EntityManager) => {
        const qb = manager
          .getRepository(Complaint)
          .createQueryBuilder('c')
          .select(['c.id', 'c.tenantId'])
          .where('c.id = :id AND c.tenant_id = :tenantId', { id: delivery.complaintId, tenantId: delivery.tenantId });
        // Same lock as a complaint change: timeline numbers stay in order.
        if (manager.connection.options.type === 'postgres') qb.setLock('pessimistic_write');
        const complaint = await qb.getOne();
        if (!complaint) return;
        await this.timeline.append(
          manager,
          complaint,
          type,
          {
            deliveryId: delivery.id,
            channel: delivery.channel,
            topic: delivery.topic,
            notice: delivery.noticeKey ?? null,
            ...data,
          },
          { role: 'system' },
          this.clock.now(),
        );
      }),
    );
  }
}

/** Reading deliveries and the admin's retry / replay. */
@Injectable()
export class DeliveryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(tenantId: string, filter: DeliveryFilter, first = 50, offset = 0): Promise<{ items: Delivery[]; total: number }> {
    const qb = this.dataSource.getRepository(Delivery).createQueryBuilder('d').where('d.tenant_id = :tenantId', { tenantId });
    if (filter.complaintId) qb.andWhere('d.complaint_id = :complaintId', { complaintId: filter.complaintId });
    if (filter.channel) qb.andWhere('d.channel = :channel', { channel: filter.channel });
    if (filter.status) qb.andWhere('d.status = :status', { status: filter.status });
    if (filter.topic) qb.andWhere('d.topic = :topic', { topic: filter.topic });
    if (filter.recipientRef) qb.andWhere('d.recipient_ref = :ref', { ref: filter.recipientRef });
    if (filter.since) qb.andWhere('d.created_at >= :since', { since: filter.since });
    if (filter.until) qb.andWhere('d.created_at < :until', { until: filter.until });
    const [items, total] = await qb.orderBy('d.created_at', 'DESC').addOrderBy('d.id', 'ASC').skip(offset).take(first).getManyAndCount();
    return { items, total };
  }

  /**
   * One message to a complaint's customer outside the notice rules (the portal's one-time codes): a delivery row the
   * worker sends like any other (urgent: never held for quiet hours). The address is looked up only when it is sent.
   */
  async sendToCustomer(
    tenantId: string,
    message: {
      complaintId: string;
      customerId: string;
      channel: 'email' | 'sms';
      topic: string;
      subject: string | null;
      body: string;
      key: string;
    },
  ): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.getRepository(Delivery).insert({
      id: newId(),
      tenantId,
      complaintId: message.complaintId,
      sourceId: null,
      topic: message.topic,
      noticeKey: null,
      channel: message.channel,
      recipientKind: 'customer',
      recipientRef: message.customerId,
      recipient: null,
      templateKey: null,
      subject: message.subject,
      body: message.body,
      urgent: true,
      status: 'pending',
      attempts: 0,
      idempotencyKey: message.key,
      nextAttemptAt: now,
      updatedAt: now,
    });
  }

  /** A failed or dead delivery goes out again at once, with a fresh set of attempts. */
  async retry(tenantId: string, id: string): Promise<Delivery> {
    const repo = this.dataSource.getRepository(Delivery);
    const row = await repo.findOne({ where: { id, tenantId } });
    if (!row) throw NotificationErrors.create('DELIVERY_NOT_FOUND', { field: 'id' });
    if (!['failed', 'dead'].includes(row.status))
      throw NotificationErrors.create('NOT_RETRYABLE', { field: 'id', params: { status: row.status } });
    await repo.update({ id }, { status: 'pending', attempts: 0, nextAttemptAt: this.clock.now(), updatedAt: this.clock.now() });
    return (await repo.findOne({ where: { id } }))!;
  }

  /**
   * Sends the matching deliveries again (by default the dead ones): same idempotency keys, so a receiver that got one
   * before can drop the copy. Returns how many were queued.
   */
  async replay(tenantId: string, filter: DeliveryFilter & { statuses?: DeliveryStatus[] }): Promise<number> {
    const statuses = filter.statuses?.length ? filter.statuses : ['dead'];
    const qb = this.dataSource
      .getRepository(Delivery)
      .createQueryBuilder()
      .update()
      .set({ status: 'pending', attempts: 0, nextAttemptAt: this.clock.now(), updatedAt: this.clock.now() })
      .where('tenant_id = :tenantId AND status IN (:...statuses)', { tenantId, statuses });
    if (filter.channel) qb.andWhere('channel = :channel', { channel: filter.channel });
    if (filter.complaintId) qb.andWhere('complaint_id = :complaintId', { complaintId: filter.complaintId });
    if (filter.recipientRef) qb.andWhere('recipient_ref = :ref', { ref: filter.recipientRef });
    if (filter.since) qb.andWhere('created_at >= :since', { since: filter.since });
    if (filter.until) qb.andWhere('created_at < :until', { until: filter.until });
    return (await qb.execute()).affected ?? 0;
  }

  /** Deliveries that waited for something now present (settings saved, subscription enabled) go out now. */
  async wake(tenantId: string, where: { channel?: DeliveryChannel; recipientRef?: string }): Promise<void> {
    const qb = this.dataSource
      .getRepository(Delivery)
      .createQueryBuilder()
      .update()
      .set({ nextAttemptAt: this.clock.now() })
      .where('tenant_id = :tenantId AND status = :status', { tenantId, status: 'pending' });
    if (where.channel) qb.andWhere('channel = :channel', { channel: where.channel });
    if (where.recipientRef) qb.andWhere('recipient_ref = :ref', { ref: where.recipientRef });
    await qb.execute();
  }

  byIds(tenantId: string, ids: string[]): Promise<Delivery[]> {
    return ids.length ? this.dataSource.getRepository(Delivery).find({ where: { tenantId, id: In(ids) } }) : Promise.resolve([]);
  }
}
