import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, JsonColumn, TenantColumn } from '../../common/db/columns';

/** Default life cycle (REQUIREMENTS §2). */
export const COMPLAINT_STATES = [
  'received',
  'assessed',
  'dispatched',
  'in_progress',
  'waiting_customer',
  'awaiting_approval',
  'responded',
  'follow_up',
  'closed',
  'invalid_closed',
  'reopened',
] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];
export const CLOSED_STATES: ComplaintState[] = ['closed', 'invalid_closed'];

@Entity('complaint')
@Index('uq_complaint_number', ['tenantId', 'number'], { unique: true })
@Index('uq_complaint_idempotency', ['tenantId', 'idempotencyKey'], { unique: true })
@Index('ix_complaint_queue', ['tenantId', 'state', 'resolutionDueAt'])
@Index('ix_complaint_customer', ['tenantId', 'customerId', 'receivedAt'])
@Index('ix_complaint_type', ['tenantId', 'typeKey', 'receivedAt'])
@Index('ix_complaint_department', ['tenantId', 'department', 'state'])
@Index('ix_complaint_assignee', ['tenantId', 'assigneeId', 'state'])
@Index('ix_complaint_received', ['tenantId', 'receivedAt'])
@Index('ix_complaint_cause', ['tenantId', 'cause', 'receivedAt'])
@Index('ix_complaint_predicted_cause', ['tenantId', 'predictedCause', 'receivedAt'])
export class Complaint {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  /** `YYMM-NNNN`: serial restarting each month, unique per tenant. */
  @Column({ type: 'varchar', length: 32 }) number!: string;
  @Column({ name: 'idempotency_key', type: 'varchar', length: 128, nullable: true }) idempotencyKey?: string | null;
  /** SHA-256 of the submitted input (requestFingerprint): a reused idempotency key with other content is refused. NULL before it existed. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64, nullable: true }) requestHash?: string | null;
  @Column({ type: 'varchar', length: 64 }) channel!: string;
  @Column({ name: 'type_key', type: 'varchar', length: 128 }) typeKey!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: string;
  /** Title, text and remedy are stored encrypted (ops/privacy/free-text-at-rest.ts); entities carry them plain. */
  @Column({ type: 'text', nullable: true }) title?: string | null;
  @Column({ type: 'text' }) text!: string;
  @Column({ name: 'requested_remedy', type: 'text', nullable: true }) requestedRemedy?: string | null;
  @Column({ type: 'varchar', length: 128, nullable: true }) reference?: string | null;
  @DateTimeColumn({ name: 'occurred_at', nullable: true }) occurredAt?: Date | null;
  @DateTimeColumn({ name: 'received_at' }) receivedAt!: Date;
  /** Form values by field key; personal fields hold ciphertext. */
  @JsonColumn() form!: Record<string, unknown>;
  @JsonColumn() attachments!: string[];
  @Column({ name: 'customer_id', type: 'varchar', length: 36 }) customerId!: string;
  @Column({ type: 'varchar', length: 32 }) state!: string;
  @Column({ type: 'boolean', default: true }) valid!: boolean;
  @Column({ name: 'invalid_reason', type: 'varchar', length: 128, nullable: true }) invalidReason?: string | null;
  @Column({ type: 'varchar', length: 64 }) severity!: string;
  @Column({ type: 'varchar', length: 128, nullable: true }) department?: string | null;
  @Column({ type: 'varchar', length: 128, nullable: true }) team?: string | null;
  @Column({ name: 'assignee_id', type: 'varchar', length: 36, nullable: true }) assigneeId?: string | null;
  /** 首问负责人: whoever first received the complaint. */
  @Column({ name: 'first_contact_id', type: 'varchar', length: 36, nullable: true }) firstContactId?: string | null;
  @Column({ name: 'sla_policy', type: 'varchar', length: 128, nullable: true }) slaPolicy?: string | null;
  /** The policy version that decided this complaint; its deadlines stay pinned to it. */
  @Column({ name: 'policy_version', type: 'integer' }) policyVersion!: number;
  /** The decision facts (without personal data), kept for explanation, simulation and replays. */
  @JsonColumn() facts!: Record<string, unknown>;
  @Column({ type: 'varchar', length: 128, nullable: true }) cause?: string | null;
  @Column({ name: 'predicted_cause', type: 'varchar', length: 128, nullable: true }) predictedCause?: string | null;
  @Column({ name: 'predicted_confidence', type: 'real', nullable: true }) predictedConfidence?: number | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) satisfaction?: string | null;
  @Column({ name: 'satisfaction_score', type: 'integer', nullable: true }) satisfactionScore?: number | null;
  @Column({ name: 'unsatisfied_count', type: 'integer', default: 0 }) unsatisfiedCount!: number;
  @Column({ name: 'reopen_count', type: 'integer', default: 0 }) reopenCount!: number;
  /** Denormalised from the resolution clock for work-queue ordering and filters. */
  @DateTimeColumn({ name: 'resolution_due_at', nullable: true }) resolutionDueAt?: Date | null;
  /** on_time | at_risk | breached | met (worst of the running clocks), kept by the SLA module. */
  @Column({ name: 'sla_status', type: 'varchar', length: 16, default: 'on_time' }) slaStatus!: string;
  @Column({ name: 'approval_status', type: 'varchar', length: 16, nullable: true }) approvalStatus?: string | null;
  @Column({ name: 'pending_reply', type: 'simple-json', nullable: true }) pendingReply?: Record<string, unknown> | null;
  /** A closure waiting for the `closure` approval chain's signatures (migration 1765001800003). */
  @Column({ name: 'pending_closure', type: 'simple-json', nullable: true }) pendingClosure?: Record<string, unknown> | null;
  @CreatedAtColumn() createdAt!: Date;
  @DateTimeColumn({ name: 'updated_at' }) updatedAt!: Date;
  @DateTimeColumn({ name: 'responded_at', nullable: true }) respondedAt?: Date | null;
  @DateTimeColumn({ name: 'closed_at', nullable: true }) closedAt?: Date | null;
  @VersionColumn() version!: number;
}

/** Append-only timeline of everything that happened to a complaint. Never updated or deleted. */
@Entity('complaint_event')
@Index('ix_complaint_event', ['complaintId', 'seq'])
export class ComplaintEvent {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ name: 'complaint_id', type: 'varchar', length: 36 }) complaintId!: string;
  @Column({ type: 'integer' }) seq!: number;
  /** received, decision.validity, decision.severity, decision.routing, decision.sla, transitioned, assigned, … */
  @Column({ type: 'varchar', length: 64 }) type!: string;
  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true }) actorId?: string | null;
  @Column({ name: 'actor_role', type: 'varchar', length: 32, nullable: true }) actorRole?: string | null;
  @JsonColumn() data!: Record<string, unknown>;
  @CreatedAtColumn() createdAt!: Date;
  @DateTimeColumn({ name: 'occurred_at' }) occurredAt!: Date;
}

/** Cross-department work on one complaint, in parallel, each with its own owner. */
@Entity('complaint_task')
@Index('ix_complaint_task', ['tenantId', 'complaintId'])
export class ComplaintTask {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ name: 'complaint_id', type: 'varchar', length: 36 }) complaintId!: string;
  @Column({ type: 'varchar', length: 128 }) department!: string;
  @Column({ name: 'assignee_id', type: 'varchar', length: 36, nullable: true }) assigneeId?: string | null;
  @Column({ type: 'varchar', length: 300 }) title!: string;
  @Column({ type: 'varchar', length: 16, default: 'open' }) state!: string;
  @Column({ type: 'text', nullable: true }) result?: string | null;
  @CreatedAtColumn() createdAt!: Date;
  @DateTimeColumn({ name: 'completed_at', nullable: true }) completedAt?: Date | null;
}

/** A reply sent to the complainant (rendered from a template), with the channel it went out by. */
@Entity('complaint_reply')
@Index('ix_complaint_reply', ['tenantId', 'complaintId'])
export class ComplaintReply {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ name: 'complaint_id', type: 'varchar', length: 36 }) complaintId!: string;
  @Column({ name: 'template_key', type: 'varchar', length: 128, nullable: true }) templateKey?: string | null;
  @Column({ type: 'varchar', length: 64 }) channel!: string;
  @Column({ type: 'text', nullable: true }) subject?: string | null;
  @Column({ type: 'text' }) body!: string;
  @Column({ name: 'sent_by', type: 'varchar', length: 36, nullable: true }) sentBy?: string | null;
  @Column({ name: 'approved_by', type: 'varchar', length: 36, nullable: true }) approvedBy?: string | null;
  @CreatedAtColumn() createdAt!: Date;
}

/** Monthly serial per tenant; incremented atomically with an upsert so concurrent intakes never share a number. */
@Entity('complaint_counter')
export class ComplaintCounter {
  @Column({ name: 'tenant_id', type: 'varchar', length: 36, primary: true }) tenantId!: string;
  @Column({ type: 'varchar', length: 16, primary: true }) period!: string;
  @Column({ name: 'last_value', type: 'integer' }) lastValue!: number;
}
