import { Column, Entity, Index } from 'typeorm';
import { DateTimeColumn, IdColumn, JsonColumn } from '../../common/db/columns';

/**
 * What happened at the platform's door rather than inside a tenant: failed sign-ins and lockouts of e-mails that are no
 * member of any tenant (the sign-in named no tenant, so no tenant's log can hold them). The one table without a
 * tenant: it belongs to the platform operator, who reads it with the platform credential. Append-only.
 */
@Entity('platform_audit_log')
@Index('ix_platform_audit_log_created', ['createdAt'])
export class PlatformAuditLog {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 64 }) action!: string;
  @Column({ type: 'varchar', length: 64 }) entity!: string;
  @Column({ name: 'entity_key', type: 'varchar', length: 200, nullable: true }) entityKey!: string | null;
  @JsonColumn({ nullable: true }) after!: unknown;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip!: string | null;
  @DateTimeColumn({ name: 'created_at' }) createdAt!: Date;
}
