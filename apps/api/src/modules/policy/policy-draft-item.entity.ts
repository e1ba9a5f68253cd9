import { Column, Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, JsonColumn, TenantColumn } from '../../common/db/columns';

/**
 * One object of a tenant's policy draft: a complaint type, a field, an SLA policy, … (collection + key), a whole
 * rule table (collection `ruleSets`, key = table key) or the settings (collection `settings`, key `settings`).
 * Rows, not one JSON blob, so two administrators editing different objects never overwrite each other.
 */
@Entity('policy_draft_item')
@Index('uq_policy_draft_item', ['tenantId', 'collection', 'key'], { unique: true })
export class PolicyDraftItem {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ type: 'varchar', length: 32 }) collection!: string;
  @Column({ type: 'varchar', length: 128 }) key!: string;
  @JsonColumn() data!: unknown;
  @DateTimeColumn({ name: 'updated_at' }) updatedAt!: Date;
  @Column({ name: 'updated_by', type: 'varchar', length: 36, nullable: true }) updatedBy!: string | null;
}
