import { Column, Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CreatedAtColumn, DateTimeColumn, IdColumn, JsonColumn, TenantColumn } from '../../common/db/columns';
import { Role } from '../../common/auth/roles';
import { Tenant } from '../tenant/tenant.entity';

@ObjectType({ description: 'A person’s membership of one tenant: who signs in to Redress there, with which role.' })
@Entity('app_user')
@Index(['tenantId', 'role'])
@Index('uq_app_user_tenant_email', ['tenantId', 'email'], { unique: true })
export class User {
  @Field(() => ID) @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  /**
   * Unique per tenant. A row is one membership: the same person (e-mail) may hold a row in several tenants, each with
   * its own role, active flag, password and second factor (see docs/access.md, "One person, several tenants").
   */
  @Field() @Column({ type: 'varchar', length: 254 }) email!: string;
  @Column({ name: 'password_hash', type: 'varchar', length: 255 }) passwordHash!: string;
  @Field() @Column({ name: 'display_name', type: 'varchar', length: 200 }) displayName!: string;
  @Field(() => Role) @Column({ type: 'varchar', length: 32 }) role!: Role;
  @Field(() => String, { nullable: true }) @Column({ name: 'department_id', type: 'varchar', length: 36, nullable: true }) departmentId?:
    string | null;
  @Field() @Column({ type: 'boolean', default: true }) active!: boolean;
  @Field() @CreatedAtColumn() createdAt!: Date;
  @Field(() => Date, { nullable: true }) @DateTimeColumn({ name: 'last_login_at', nullable: true }) lastLoginAt?: Date | null;
  /** Team keys of the tenant's policy this person works in. */
  @JsonColumn({ nullable: true }) teams!: string[] | null;
  /**
   * Bumped when the person's sessions must end (deactivation, password change or reset). Every JWT carries the
   * version it was issued under and every request compares it with this row, so all API instances refuse at once.
   */
  @Column({ name: 'auth_version', type: 'integer', default: 0 }) authVersion!: number;
  /** TOTP secret, AES-GCM encrypted (PersonalDataCipher); set while enrolling, used once enabled. */
  @Column({ name: 'totp_secret', type: 'text', nullable: true }) totpSecret!: string | null;
  @Field({ description: 'Signs in with a TOTP code (or a recovery code) after the password.' })
  @Column({ name: 'totp_enabled', type: 'boolean', default: false })
  totpEnabled!: boolean;
  /** The last accepted TOTP time step: a code is accepted once. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true }) totpLastStep!: string | number | null;
  /** SHA-256 of the unused recovery codes. */
  @JsonColumn({ name: 'recovery_codes', nullable: true }) recoveryCodes!: string[] | null;
  @Field(() => Tenant) tenant?: Tenant;
}
