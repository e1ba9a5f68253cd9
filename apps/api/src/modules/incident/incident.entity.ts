import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, TenantColumn } from '../../common/db/columns';

export type IncidentState = 'open' | 'resolved' | 'closed' | 'merged';
export const OPEN_INCIDENT_STATES: IncidentState[] = ['open', 'resolved'];

/**
 * 批量事件: one cause behind many complaints (an outage, a water cut). It has its own owner, state and deadline (the
 * earliest resolution deadline among its members); its members keep their own life cycle and legal clocks.
 */
@Entity('incident')
@Index('ix_incident_group', ['tenantId', 'ruleKey', 'groupKey', 'state'])
@Index('ix_incident_state', ['tenantId', 'state', 'createdAt'])
export class Incident {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ type: 'varchar', length: 300 }) title!: string;
  /** The incident rule that formed it; null when staff grouped the complaints by hand. */
  @Column({ name: 'rule_key', type: 'varchar', length: 128, nullable: true }) ruleKey?: string | null;
  /** The group-by values joined (e.g. `telecom_network|SZ-NS-0231`); new complaints with the same key join it. */
  @Column({ name: 'group_key', type: 'varchar', length: 500, nullable: true }) groupKey?: string | null;
  @Column({ type: 'varchar', length: 16 }) state!: IncidentState;
  @Column({ type: 'varchar', length: 128, nullable: true }) department?: string | null;
  @Column({ name: 'owner_id', type: 'varchar', length: 36, nullable: true }) ownerId?: string | null;
  @DateTimeColumn({ name: 'first_at' }) firstAt!: Date;
  @DateTimeColumn({ name: 'last_at' }) lastAt!: Date;
  @DateTimeColumn({ name: 'due_at', nullable: true }) dueAt?: Date | null;
  /** Where the members went when this incident was merged into another. */
  @Column({ name: 'merged_into', type: 'varchar', length: 36, nullable: true }) mergedInto?: string | null;
  @Column({ name: 'resolution', type: 'text', nullable: true }) resolution?: string | null;
  @CreatedAtColumn() createdAt!: Date;
  @DateTimeColumn({ name: 'updated_at' }) updatedAt!: Date;
  @DateTimeColumn({ name: 'closed_at', nullable: true }) closedAt?: Date | null;
}

/**
 * A complaint's place in an incident. One row per complaint (unique), moved on merge / split; a released member keeps
 * its row with `released_at`, so the grouping sweep never pulls it back in.
 */
@Entity('incident_member')
@Index('uq_incident_member', ['tenantId', 'complaintId'], { unique: true })
@Index('ix_incident_member_incident', ['tenantId', 'incidentId'])
export class IncidentMember {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ name: 'incident_id', type: 'varchar', length: 36 }) incidentId!: string;
  @Column({ name: 'complaint_id', type: 'varchar', length: 36 }) complaintId!: string;
  @Column({ name: 'joined_by', type: 'varchar', length: 16 }) joinedBy!: 'rule' | 'manual';
  @DateTimeColumn({ name: 'received_at' }) receivedAt!: Date;
  @DateTimeColumn({ name: 'joined_at' }) joinedAt!: Date;
  @DateTimeColumn({ name: 'released_at', nullable: true }) releasedAt?: Date | null;
}
