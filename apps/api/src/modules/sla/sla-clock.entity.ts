import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, JsonColumn, TenantColumn } from '../../common/db/columns';
import type { ClockExtension, ClockStatus, DurationSpec, NonWorkingDayRule } from './clock';
import type { ApprovalProgress } from '@redress/sdk';

/**
 * One SLA target of one complaint (acknowledge, resolution, …), computed from the complaint's PINNED policy
 * version. The instants mirror the pure `ClockState` of `./clock`; `next_fire_at` is what the scheduler scans.
 */
@Entity('sla_clock')
@Index('ix_sla_clock_complaint', ['tenantId', 'complaintId'])
@Index('ix_sla_clock_next_fire', ['nextFireAt'])
@Index('ix_sla_clock_kpi', ['tenantId', 'stoppedAt'])
export class SlaClock {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ name: 'complaint_id', type: 'varchar', length: 36 }) complaintId!: string;
  @Column({ name: 'policy_version', type: 'integer' }) policyVersion!: number;
  @Column({ name: 'sla_policy', type: 'varchar', length: 128 }) slaPolicy!: string;
  /** The SLA target key (acknowledge, dispatch, first_response, progress_update, resolution, follow_up, …). */
  @Column({ type: 'varchar', length: 64 }) target!: string;
  /** Handling round: 1 from intake, +1 each time the complaint is handled again after an unsatisfied follow-up. */
  @Column({ type: 'integer', default: 1 }) round!: number;
  @Column({ type: 'varchar', length: 16 }) state!: ClockStatus;
  @DateTimeColumn({ name: 'started_at' }) startedAt!: Date;
  @DateTimeColumn({ name: 'due_at' }) dueAt!: Date;
  @DateTimeColumn({ name: 'warn_at', nullable: true }) warnAt?: Date | null;
  @DateTimeColumn({ name: 'paused_at', nullable: true }) pausedAt?: Date | null;
  /** Completed pauses, in the unit of the duration's kind (working minutes for working_* targets). */
  @Column({ name: 'paused_minutes', type: 'real', default: 0 }) pausedMinutes!: number;
  @JsonColumn({ nullable: true }) pauses?: { from: string; to: string }[] | null;
  /** The current target: the initial duration, or the latest extension stage. */
  @JsonColumn() duration!: DurationSpec;
  @Column({ name: 'warn_percent', type: 'integer', default: 80 }) warnPercent!: number;
  @Column({ name: 'on_non_working_day', type: 'varchar', length: 48 }) onNonWorkingDay!: NonWorkingDayRule;
  @Column({ type: 'varchar', length: 64 }) calendar!: string;
  @JsonColumn() extensions!: ClockExtension[];
  /** When the warning fired (NULL: not yet). */
  @DateTimeColumn({ name: 'warned_at', nullable: true }) warnedAt?: Date | null;
  /** When the breach fired (NULL: not yet). The clock keeps running after a breach until the work is done. */
  @DateTimeColumn({ name: 'breached_at', nullable: true }) breachedAt?: Date | null;
  @DateTimeColumn({ name: 'met_at', nullable: true }) metAt?: Date | null;
  /** When the clock stopped (met, breached or cancelled). */
  @DateTimeColumn({ name: 'stopped_at', nullable: true }) stoppedAt?: Date | null;
  /** Recurring targets: how many cycles have been completed (re-armed) so far. */
  @Column({ name: 'recurring_count', type: 'integer', default: 0 }) recurringCount!: number;
  /** Recurring targets: how many cycles were missed. */
  @Column({ name: 'breach_count', type: 'integer', default: 0 }) breachCount!: number;
  /** The earliest unfired warn/due instant; NULL when nothing is left to fire (paused, stopped, all fired). */
  @DateTimeColumn({ name: 'next_fire_at', nullable: true }) nextFireAt?: Date | null;
  @CreatedAtColumn() createdAt!: Date;
  @DateTimeColumn({ name: 'updated_at' }) updatedAt!: Date;
}

export type ExtensionRequestStatus = 'requested' | 'approved' | 'rejected';

/** A deadline extension asked for by someone who may not approve it; waits for a user of the approving role. */
@Entity('sla_extension_request')
@Index('ix_sla_extension_request', ['tenantId', 'complaintId'])
export class SlaExtensionRequest {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ name: 'complaint_id', type: 'varchar', length: 36 }) complaintId!: string;
  @Column({ name: 'clock_id', type: 'varchar', length: 36 }) clockId!: string;
  @Column({ type: 'varchar', length: 64 }) target!: string;
  /** The extension stage asked for (1 = first extension). */
  @Column({ type: 'integer' }) stage!: number;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'approval_role', type: 'varchar', length: 32 }) approvalRole!: string;
  @Column({ type: 'varchar', length: 16 }) status!: ExtensionRequestStatus;
  @Column({ name: 'requested_by', type: 'varchar', length: 36, nullable: true }) requestedBy?: string | null;
  @Column({ name: 'decided_by', type: 'varchar', length: 36, nullable: true }) decidedBy?: string | null;
  @DateTimeColumn({ name: 'requested_at' }) requestedAt!: Date;
  @DateTimeColumn({ name: 'decided_at', nullable: true }) decidedAt?: Date | null;
  /** Progress in the policy's `extension` approval chain (migration 1765001800002); null when the approval role decides alone. */
  @JsonColumn({ nullable: true }) approval?: ApprovalProgress | null;
}
