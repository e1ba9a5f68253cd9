import { Column, Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, JsonColumn, TenantColumn } from '../../common/db/columns';

/** Who changed which configuration, when, and what it looked like before and after. Append-only. */
@Entity('audit_log')
@Index('ix_audit_log_tenant_created', ['tenantId', 'createdAt'])
export class AuditLog {
  /** Time-ordered (UUIDv7-like), so entries written in the same millisecond still list in order. */
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true }) actorId!: string | null;
  @Column({ name: 'actor_role', type: 'varchar', length: 32 }) actorRole!: string;
  @Column({ type: 'varchar', length: 64 }) action!: string;
  @Column({ type: 'varchar', length: 64 }) entity!: string;
  @Column({ name: 'entity_key', type: 'varchar', length: 200, nullable: true }) entityKey!: string | null;
  @JsonColumn({ nullable: true }) before!: unknown;
  @JsonColumn({ nullable: true }) after!: unknown;
  /** The client address the change came from (sign-ins, user and token changes); null for the system. */
  @Column({ type: 'varchar', length: 64, nullable: true }) ip!: string | null;
  @DateTimeColumn({ name: 'created_at' }) createdAt!: Date;
}
