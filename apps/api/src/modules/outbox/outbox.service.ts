import { failureLog } from '../../common/errors/failures';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationShutdown,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { OutboxMessage } from './outbox.entity';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import { fastInsert } from '../../database/fast-insert';

export interface EnqueueInput {
  tenantId: string;
  kind: string;
  topic: string;
  payload: Record<string, unknown>;
  complaintId?: string | null;
  dedupeKey?: string | null;
  notBefore?: Date;
}

/**
 * Delivers one message; throws to have it retried. Registered per `kind`; several adapters may consume one kind
 * (domain events feed plugins, webhooks and notices), so each must be idempotent: a retry after one adapter failed
 * runs the others again.
 */
export interface OutboxAdapter {
  kind: string;
  deliver(message: OutboxMessage): Promise<void>;
}

export const OUTBOX_ADAPTERS = Symbol('OUTBOX_ADAPTERS');
export const MAX_ATTEMPTS = 8;

/** Exponential backoff: 5 s, 10 s, 20 s … capped at 30 minutes. */
export const retryDelayMs = (attempts: number) => Math.min(5_000 * 2 ** (attempts - 1), 30 * 60_000);

@Injectable()
export class OutboxService implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private timer?: NodeJS.Timeout;
  private running = false;
  private inFlight: Promise<number> = Promise.resolve(0);
  private readonly adapters = new Map<string, OutboxAdapter[]>();

  constructor(
    @InjectRepository(OutboxMessage) private readonly messages: Repository<OutboxMessage>,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Optional() @Inject(OUTBOX_ADAPTERS) adapters?: OutboxAdapter[],
  ) {
    for (const adapter of adapters ?? []) this.registerAdapter(adapter);
  }

  registerAdapter(adapter: OutboxAdapter): void {
    this.adapters.set(adapter.kind, [...(this.adapters.get(adapter.kind) ?? []), adapter]);
  }

  /** Kinds some adapter of this instance delivers. */
  deliverableKinds(): string[] {
    return [...this.adapters.keys()];
  }

  /**
   * Queues a message inside the caller's transaction (pass its manager). With a dedupe key, a message already
   * queued under that key is not queued again: returns false.
   */
  async enqueue(manager: EntityManager, input: EnqueueInput): Promise<boolean> {
    if (input.dedupeKey) {
      const exists = await manager.exists(OutboxMessage, { where: { tenantId: input.tenantId, dedupeKey: input.dedupeKey } });
      if (exists) return false;
    }
    // With a dedupe key the insert ignores a conflict on (tenant_id, dedupe_key): two transactions queuing the same
    // notice at the same moment must not abort each other (a unique violation would roll back the whole change).
    await fastInsert(manager, OutboxMessage, [this.row(manager, input)], { orIgnore: Boolean(input.dedupeKey) });
    return true;
  }

  /**
   * Queues several messages inside the caller's transaction in one multi-row insert (one statement, where `enqueue`
   * per message is one each — on PostgreSQL a round trip each). Messages with a dedupe key go through `enqueue`.
   */
  async enqueueMany(manager: EntityManager, inputs: EnqueueInput[]): Promise<void> {
    for (const input of inputs) if (input.dedupeKey) await this.enqueue(manager, input);
    await fastInsert(
      manager,
      OutboxMessage,
      inputs.filter((input) => !input.dedupeKey).map((input) => this.row(manager, input)),
    );
  }

  /** The row of a queued message. Nothing reads it back after the insert: the reload of its defaults cost a query per message. */
  private row(manager: EntityManager, input: EnqueueInput): OutboxMessage {
    return manager.create(OutboxMessage, {
      id: newId(),
      tenantId: input.tenantId,
      kind: input.kind,
      topic: input.topic,
      payload: input.payload as never,
      complaintId: input.complaintId ?? null,
      dedupeKey: input.dedupeKey ?? null,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: input.notBefore ?? this.clock.now(),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // Adapters register in onModuleInit; messages that waited for one of them go back to the queue.
    await this.resumeWaiting();
    if (process.env.REDRESS_WORKERS === '0') return;
    this.timer = setInterval(() => {
      this.inFlight = this.drain().catch((e) => {
        failureLog.error(this.logger, `Outbox delivery pass failed: ${(e as Error).message}`, (e as Error).stack);
        return 0;
      });
    }, 1_000);
    this.timer.unref();
  }

  /** Stops polling and lets a delivery in progress finish before the connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * Delivers due messages. On PostgreSQL rows are claimed with FOR UPDATE SKIP LOCKED so several API
   * instances share the work without delivering twice.
   */
  async drain(limit = 50): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const now = this.clock.now();
      const pg = this.dataSource.options.type === 'postgres';
      const claimed = await this.dataSource.transaction(async (manager) => {
        const qb = manager
          .getRepository(OutboxMessage)
          .createQueryBuilder('m')
          .where('m.status = :status', { status: 'pending' })
          .andWhere('m.next_attempt_at <= :now', { now })
          .orderBy('m.next_attempt_at', 'ASC')
          .limit(limit);
        if (pg) qb.setLock('pessimistic_write').setOnLocked('skip_locked');
        const rows = await qb.getMany();
        // Claim: push the next attempt out so another worker does not pick them while we deliver.
        if (rows.length) {
          await manager
            .getRepository(OutboxMessage)
            .createQueryBuilder()
            .update()
            .set({ nextAttemptAt: new Date(now.getTime() + 60_000) })
            .whereInIds(rows.map((r) => r.id))
            .execute();
        }
        return rows;
      });
      for (const message of claimed) await this.deliverOne(message);
      return claimed.length;
    } finally {
      this.running = false;
    }
  }

  /** Puts messages that waited for an adapter this instance has back in the queue. */
  async resumeWaiting(): Promise<number> {
    const kinds = this.deliverableKinds();
    if (!kinds.length) return 0;
    const result = await this.messages
      .createQueryBuilder()
      .update()
      .set({ status: 'pending', nextAttemptAt: this.clock.now() })
      .where('status = :waiting AND kind IN (:...kinds)', { waiting: 'waiting', kinds })
      .execute();
    return result.affected ?? 0;
  }

  private async deliverOne(message: OutboxMessage): Promise<void> {
    const adapters = this.adapters.get(message.kind) ?? [];
    if (!adapters.length) {
      // Nothing here can deliver it: it waits, visibly, instead of pretending it left.
      await this.messages.update(
        { id: message.id },
        { status: 'waiting', lastError: `NO_ADAPTER: no adapter delivers kind "${message.kind}"` },
      );
      return;
    }
    const attempts = message.attempts + 1;
    try {
      for (const adapter of adapters) await adapter.deliver(message);
      await this.messages.update({ id: message.id }, { status: 'delivered', attempts, deliveredAt: this.clock.now(), lastError: null });
    } catch (error) {
      const dead = attempts >= MAX_ATTEMPTS;
      await this.messages.update(
        { id: message.id },
        {
          status: dead ? 'dead' : 'pending',
          attempts,
          lastError: String((error as Error)?.message ?? error).slice(0, 2000),
          nextAttemptAt: new Date(this.clock.now().getTime() + retryDelayMs(attempts)),
        },
      );
      if (dead) this.logger.warn(`Message ${message.id} (${message.kind}/${message.topic}) gave up after ${attempts} attempts`);
    }
  }

  list(tenantId: string, filter: { complaintId?: string; kind?: string; status?: OutboxMessage['status'] } = {}): Promise<OutboxMessage[]> {
    return this.messages.find({ where: { tenantId, ...filter }, order: { createdAt: 'ASC' } });
  }

  /** Messages of all tenants in each of these statuses (the metrics gauge: pending is the backlog, dead the dead letters). */
  async countByStatus(statuses: readonly OutboxMessage['status'][]): Promise<Map<OutboxMessage['status'], number>> {
    const counts = new Map(statuses.map((status) => [status, 0]));
    if (!statuses.length) return counts;
    const rows: { status: OutboxMessage['status']; count: string | number }[] = await this.messages
      .createQueryBuilder('m')
      .select('m.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('m.status IN (:...s)', { s: [...statuses] })
      .groupBy('m.status')
      .getRawMany();
    for (const row of rows) counts.set(row.status, Number(row.count));
    return counts;
  }
}
