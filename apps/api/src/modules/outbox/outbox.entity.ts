import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, JsonColumn, TenantColumn } from '../../common/db/columns';

/**
 * `waiting`: no adapter in this build delivers the message's kind — it is kept, with the reason in `last_error`, and
 * goes back to `pending` when an instance that has such an adapter starts. Never `delivered` without a delivery.
 */
export type OutboxStatus = 'pending' | 'waiting' | 'delivered' | 'dead';

/**
 * A side effect waiting to leave the system (notification, webhook, plugin after-handler), written in the same
 * transaction as the change that caused it and delivered by the worker with retries.
 */
@Entity('outbox_message')
@Index('ix_outbox_due', ['status', 'nextAttemptAt'])
export class OutboxMessage {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  /** Delivery channel: `notification`, `webhook`, `plugin_event`, `regulator_report`, `work_order` … */
  @Column({ type: 'varchar', length: 64 }) kind!: string;
  /** What it is about, e.g. `complaint.submitted`, `sla.breached`. */
  @Column({ type: 'varchar', length: 128 }) topic!: string;
  @JsonColumn() payload!: Record<string, unknown>;
  @Column({ name: 'complaint_id', type: 'varchar', length: 36, nullable: true }) complaintId?: string | null;
  /** Unique per tenant: the same notice is never queued twice. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 255, nullable: true }) dedupeKey?: string | null;
  @Column({ type: 'varchar', length: 16, default: 'pending' }) status!: OutboxStatus;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  /** Not before this instant (working-hours delivery for people: no 3 a.m. reminders). */
  @DateTimeColumn({ name: 'next_attempt_at' }) nextAttemptAt!: Date;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError?: string | null;
  @CreatedAtColumn() createdAt!: Date;
  @DateTimeColumn({ name: 'delivered_at', nullable: true }) deliveredAt?: Date | null;
}
