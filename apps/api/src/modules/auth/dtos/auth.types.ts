import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Role } from '../../../common/auth/roles';
import { User } from '../user.entity';
import { ApiToken } from '../api-token.entity';
import { Tenant } from '../../tenant/tenant.entity';
import { JSONScalar } from '../../policy/dtos/json.scalar';

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Bearer token for the Authorization header.' }) token!: string;
  @Field() expiresAt!: Date;
  @Field(() => User) user!: User;
}

@ObjectType('TenantChoice', { description: 'A tenant the person is a member of, with their role there.' })
export class TenantChoice {
  @Field(() => ID) tenantId!: string;
  @Field() slug!: string;
  @Field() name!: string;
  @Field(() => Role) role!: Role;
  @Field({ description: 'The tenant of the current session.' }) current!: boolean;
}

@ObjectType('PlatformAuditEntry', {
  description: 'A platform-level audit entry: a failed sign-in or lockout that concerned no tenant’s member.',
})
export class PlatformAuditEntry {
  @Field(() => ID) id!: string;
  @Field() action!: string;
  @Field() entity!: string;
  @Field(() => String, { nullable: true }) entityKey!: string | null;
  @Field(() => JSONScalar, { nullable: true }) after!: unknown;
  @Field(() => String, { nullable: true }) ip!: string | null;
  @Field() createdAt!: Date;
}

@ObjectType()
export class ApiTokenPayload {
  @Field({ description: 'The full secret. Shown once; store it now.' }) secret!: string;
  @Field(() => ApiToken) token!: ApiToken;
}

@ObjectType('AssignableUser', { description: 'A user complaints can be assigned to: who they are, nothing of their account.' })
export class AssignableUser {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field(() => Role) role!: Role;
  @Field(() => String, { nullable: true }) departmentId!: string | null;
}

@ObjectType({ description: 'A single-use link (invitation or password reset) for one person.' })
export class AccessLinkPayload {
  @Field(() => User) user!: User;
  @Field({ description: 'True when the link was e-mailed to the person.' }) delivered!: boolean;
  @Field(() => String, { nullable: true, description: 'The link, when it was not e-mailed: pass it on to the person. Shown once.' })
  link!: string | null;
  @Field() expiresAt!: Date;
}

@InputType()
export class UserProfileInput {
  @Field() @IsString() @MinLength(1) @MaxLength(200) displayName!: string;
  @Field(() => Role) @IsEnum(Role) role!: Role;
  @Field(() => [String], { nullable: true, description: 'Team keys of the tenant policy.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  teams?: string[];
  @Field(() => String, { nullable: true, description: 'Department key of the tenant policy.' })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  departmentId?: string | null;
}

@InputType()
export class InviteUserInput extends UserProfileInput {
  @Field() @IsEmail() @MaxLength(254) email!: string;
}

@InputType()
export class CreateUserInput extends InviteUserInput {
  @Field({ description: 'Subject to the password policy (length and a common-password check).' })
  @IsString()
  @MaxLength(200)
  password!: string;
}

@InputType()
export class UpdateUserInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(200) displayName?: string;
  @Field(() => Role, { nullable: true }) @IsOptional() @IsEnum(Role) role?: Role;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) teams?: string[];
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(36) departmentId?: string | null;
}

@InputType()
export class UserFilterInput {
  @Field({ nullable: true, description: 'Part of the e-mail or name.' }) @IsOptional() @IsString() @MaxLength(200) search?: string;
  @Field(() => Role, { nullable: true }) @IsOptional() @IsEnum(Role) role?: Role;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(64) team?: string;
}

@InputType()
export class TenantSettingsInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) name?: string;
  @Field({ nullable: true, description: 'IANA time zone, e.g. Asia/Shanghai.' }) @IsOptional() @IsString() @MaxLength(64) timeZone?: string;
  @Field({ nullable: true, description: 'zh-CN or en.' }) @IsOptional() @IsString() @MaxLength(16) locale?: string;
  @Field({ nullable: true, description: 'Complaint number pattern; tokens {YY} {MM} {YYYY} {SEQ:n}.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  numberPattern?: string;
}

@InputType()
export class CreateTenantInput {
  @Field() @IsString() @MaxLength(200) name!: string;
  @Field() @IsString() @MaxLength(64) slug!: string;
  @Field() @IsEmail() @MaxLength(254) adminEmail!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) adminName?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(64) timeZone?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(16) locale?: string;
}

@ObjectType()
export class TenantSetupPayload {
  @Field(() => Tenant) tenant!: Tenant;
  @Field(() => ID) adminUserId!: string;
  @Field({ description: 'One-time link for the first admin to set a password. Shown once.' }) setupLink!: string;
  @Field() expiresAt!: Date;
}

@ObjectType({ description: 'Second-factor enrolment: add the secret to an authenticator app, then confirm with a code.' })
export class SecondFactorSetup {
  @Field({ description: 'Base32 secret, for typing into the app.' }) secret!: string;
  @Field({ description: 'otpauth:// URI, for a QR code.' }) uri!: string;
}
