import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, JsonColumn, TenantColumn } from '../../common/db/columns';

export type DeliveryChannel = 'email' | 'sms' | 'webhook' | 'in_app';
/**
 * pending: waiting for its next attempt (or, with `last_error`, for what it needs: settings, quiet hours' end, a
 * re-enabled subscription); failed: the last attempt failed and another follows; sent: the provider accepted it;
 * dead: given up (attempts exhausted, invalid address, internal template for a customer) — an admin may retry it.
 */
export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'dead';
/** Whom a delivery goes to; the address itself is looked up (and a customer's decrypted) only when it is sent. */
export type RecipientKind = 'customer' | 'user' | 'email' | 'webhook';

/** One message on one channel to one recipient: what left Redress, when, and what the provider said. */
@Entity('delivery')
@Index('ux_delivery_idempotency', ['tenantId', 'idempotencyKey'], { unique: true })
@Index('ix_delivery_due', ['status', 'nextAttemptAt'])
@Index('ix_delivery_complaint', ['tenantId', 'complaintId'])
@Index('ix_delivery_created', ['tenantId', 'createdAt'])
export class Delivery {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ name: 'complaint_id', type: 'varchar', length: 36, nullable: true }) complaintId?: string | null;
  /** The outbox message it came from. */
  @Column({ name: 'source_id', type: 'varchar', length: 36, nullable: true }) sourceId?: string | null;
  /** What it is about: `complaint.submitted`, `complaint.replied`, `sla.extended`, `escalation.breach` … */
  @Column({ type: 'varchar', length: 128 }) topic!: string;
  /** The notice rule (policy) that asked for it, when one did. */
  @Column({ name: 'notice_key', type: 'varchar', length: 120, nullable: true }) noticeKey?: string | null;
  @Column({ type: 'varchar', length: 16 }) channel!: DeliveryChannel;
  @Column({ name: 'recipient_kind', type: 'varchar', length: 16 }) recipientKind!: RecipientKind;
  /** customer id, user id, e-mail address of a staff member, or webhook subscription id. */
  @Column({ name: 'recipient_ref', type: 'varchar', length: 254 }) recipientRef!: string;
  /** The address it went to, masked for customers (filled when sent). */
  @Column({ type: 'varchar', length: 254, nullable: true }) recipient?: string | null;
  @Column({ name: 'template_key', type: 'varchar', length: 120, nullable: true }) templateKey?: string | null;
  @Column({ type: 'text', nullable: true }) subject?: string | null;
  @Column({ type: 'text' }) body!: string;
  /** Sent even in the quiet hours. */
  @Column({ type: 'boolean', default: false }) urgent!: boolean;
  @Column({ type: 'varchar', length: 16, default: 'pending' }) status!: DeliveryStatus;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ name: 'provider_message_id', type: 'varchar', length: 255, nullable: true }) providerMessageId?: string | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError?: string | null;
  /** Sent as the `Idempotency-Key` header (webhooks) / Message-ID seed: the same delivery is the same message. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 255 }) idempotencyKey!: string;
  @DateTimeColumn({ name: 'next_attempt_at' }) nextAttemptAt!: Date;
  @DateTimeColumn({ name: 'sent_at', nullable: true }) sentAt?: Date | null;
  @CreatedAtColumn() createdAt!: Date;
  @DateTimeColumn({ name: 'updated_at' }) updatedAt!: Date;
}

/** A tenant's settings for one channel (`email`, `sms`); the secret (SMTP password, SMS key) is encrypted. */
@Entity('channel_setting')
@Index('ux_channel_setting', ['tenantId', 'channel'], { unique: true })
export class ChannelSetting {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ type: 'varchar', length: 16 }) channel!: string;
  @Column({ type: 'boolean', default: true }) enabled!: boolean;
  @JsonColumn() config!: Record<string, unknown>;
  @Column({ name: 'secret_enc', type: 'text', nullable: true }) secretEnc?: string | null;
  @DateTimeColumn({ name: 'updated_at' }) updatedAt!: Date;
}

/** A tenant's webhook: domain events of the listed types are POSTed to `url`, signed with the subscription's secret. */
@Entity('webhook_subscription')
@Index('ix_webhook_subscription', ['tenantId'])
export class WebhookSubscription {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ type: 'varchar', length: 2000 }) url!: string;
  /** Event types (`complaint.submitted` …); `*` for all. */
  @JsonColumn() events!: string[];
  @Column({ name: 'secret_enc', type: 'text' }) secretEnc!: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  /** Failed attempts in a row (any delivery); reset by a success. */
  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 }) consecutiveFailures!: number;
  @Column({ name: 'disabled_reason', type: 'text', nullable: true }) disabledReason?: string | null;
  @DateTimeColumn({ name: 'disabled_at', nullable: true }) disabledAt?: Date | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) description?: string | null;
  @CreatedAtColumn() createdAt!: Date;
}

/** An in-app notice for one staff member (the console's bell). */
@Entity('staff_notification')
@Index('ix_staff_notification_user', ['tenantId', 'userId', 'readAt'])
export class StaffNotification {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  /** assigned | approval | warning | breach | mention | webhook_disabled | notice */
  @Column({ type: 'varchar', length: 32 }) kind!: string;
  /** Title and body are stored encrypted (ops/privacy/free-text-at-rest.ts): they quote notices rendered with personal data. */
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', nullable: true }) body?: string | null;
  @Column({ name: 'complaint_id', type: 'varchar', length: 36, nullable: true }) complaintId?: string | null;
  @Column({ name: 'delivery_id', type: 'varchar', length: 36, nullable: true }) deliveryId?: string | null;
  @DateTimeColumn({ name: 'read_at', nullable: true }) readAt?: Date | null;
  @CreatedAtColumn() createdAt!: Date;
}
