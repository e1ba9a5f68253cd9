import { Column, Entity } from 'typeorm';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CreatedAtColumn, DateTimeColumn, IdColumn, TenantColumn } from '../../common/db/columns';
import { Role } from '../../common/auth/roles';

@ObjectType({ description: 'A long-lived credential for an API client, scoped to one tenant and role. The secret is shown once.' })
@Entity('api_token')
export class ApiToken {
  @Field(() => ID) @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Field() @Column({ type: 'varchar', length: 200 }) name!: string;
  @Field(() => Role) @Column({ type: 'varchar', length: 32 }) role!: Role;
  /** SHA-256 of the secret; the secret itself is never stored. */
  @Column({ name: 'secret_hash', type: 'varchar', length: 64 }) secretHash!: string;
  /** The user who created it; the token never holds a role above theirs and dies with their account. */
  @Field(() => String, { nullable: true }) @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true }) createdBy?:
    string | null;
  @Field() @CreatedAtColumn() createdAt!: Date;
  @Field(() => Date, { nullable: true }) @DateTimeColumn({ name: 'revoked_at', nullable: true }) revokedAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Updated at most once a minute.' })
  @DateTimeColumn({ name: 'last_used_at', nullable: true })
  lastUsedAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Refused from this instant on; null never expires.' })
  @DateTimeColumn({ name: 'expires_at', nullable: true })
  expiresAt?: Date | null;
}
