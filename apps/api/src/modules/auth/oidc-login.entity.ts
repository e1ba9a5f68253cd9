import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, TenantColumn } from '../../common/db/columns';

/** One OpenID Connect sign-in between the redirect to the provider and the callback. Used once. */
@Entity('oidc_login')
export class OidcLogin {
  @PrimaryColumn({ type: 'varchar', length: 64 }) state!: string;
  @TenantColumn() tenantId!: string;
  @Column({ type: 'varchar', length: 64 }) nonce!: string;
  @Column({ name: 'code_verifier', type: 'varchar', length: 128 }) codeVerifier!: string;
  @DateTimeColumn({ name: 'expires_at' }) expiresAt!: Date;
  @DateTimeColumn({ name: 'used_at', nullable: true }) usedAt!: Date | null;
  @CreatedAtColumn() createdAt!: Date;
}
