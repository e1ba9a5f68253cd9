import { Column, Entity, Index } from 'typeorm';
import type { ApprovalProgress, PolicyDocument } from '@redress/sdk';
import { DateTimeColumn, IdColumn, JsonColumn, TenantColumn } from '../../common/db/columns';

export type PolicyVersionStatus = 'pending_approval' | 'published' | 'rejected';

/**
 * An immutable, numbered snapshot of a tenant's policy. Only the status (pending → published/rejected) and the
 * approval columns ever change; the document never does. The current policy is the highest published version.
 */
@Entity('policy_version')
@Index('uq_policy_version', ['tenantId', 'version'], { unique: true })
export class PolicyVersion {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ type: 'integer' }) version!: number;
  @JsonColumn() document!: PolicyDocument;
  @Column({ type: 'varchar', length: 32 }) status!: PolicyVersionStatus;
  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true }) createdBy!: string | null;
  @Column({ name: 'approved_by', type: 'varchar', length: 36, nullable: true }) approvedBy!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @DateTimeColumn({ name: 'created_at' }) createdAt!: Date;
  @DateTimeColumn({ name: 'published_at', nullable: true }) publishedAt!: Date | null;
  /** SHA-256 of the canonical JSON of the document. */
  @Column({ name: 'content_hash', type: 'varchar', length: 64 }) contentHash!: string;
  /** Set when a version is a rollback: the version whose document it republishes. */
  @Column({ name: 'rolled_back_from', type: 'integer', nullable: true }) rolledBackFrom!: number | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote!: string | null;
  /** Signatures so far in the publishing chain of the policy in force (migration 1765001800001). */
  @JsonColumn({ nullable: true }) approval!: ApprovalProgress | null;
}
