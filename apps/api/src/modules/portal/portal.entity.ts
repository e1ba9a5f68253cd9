import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, TenantColumn } from '../../common/db/columns';

/** The complainant's private access code of a complaint submitted on the portal (scrypt hash, never the code). */
@Entity('portal_access')
@Index('uq_portal_access', ['tenantId', 'number'], { unique: true })
export class PortalAccess {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ name: 'complaint_id', type: 'varchar', length: 36 }) complaintId!: string;
  @Column({ type: 'varchar', length: 32 }) number!: string;
  @Column({ name: 'code_hash', type: 'varchar', length: 128 }) codeHash!: string;
  @CreatedAtColumn() createdAt!: Date;
}

/** A one-time code sent to the phone or e-mail on file (scrypt hash), good once and for 10 minutes. */
@Entity('portal_code')
@Index('ix_portal_code', ['tenantId', 'complaintId'])
export class PortalCode {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ name: 'complaint_id', type: 'varchar', length: 36 }) complaintId!: string;
  @Column({ name: 'code_hash', type: 'varchar', length: 128 }) codeHash!: string;
  @DateTimeColumn({ name: 'expires_at' }) expiresAt!: Date;
  @CreatedAtColumn() createdAt!: Date;
}

/** Fixed-window request counters of the portal (per address, per tenant, failed codes), shared by every instance. */
@Entity('portal_rate')
export class PortalRate {
  @PrimaryColumn({ type: 'varchar', length: 200 }) key!: string;
  @Column({ name: 'window_started_ms', type: 'bigint' }) windowStartedMs!: string;
  @Column({ type: 'integer' }) hits!: number;
}
