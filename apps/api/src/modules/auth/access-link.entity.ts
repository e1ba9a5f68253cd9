import { Column, Entity } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, TenantColumn } from '../../common/db/columns';

export type AccessLinkPurpose = 'invitation' | 'password_reset';

/**
 * A single-use link that lets a person set a password: an invitation (also the first admin of a new tenant) or
 * an admin-triggered reset. Only the SHA-256 of the secret is stored; `used_at` is set by the same statement that
 * checks it is still null, so a link works once even when two requests race.
 */
@Entity('access_link')
export class AccessLink {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  @Column({ type: 'varchar', length: 32 }) purpose!: AccessLinkPurpose;
  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true }) tokenHash!: string;
  @DateTimeColumn({ name: 'expires_at' }) expiresAt!: Date;
  @DateTimeColumn({ name: 'used_at', nullable: true }) usedAt!: Date | null;
  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true }) createdBy!: string | null;
  @CreatedAtColumn() createdAt!: Date;
}
