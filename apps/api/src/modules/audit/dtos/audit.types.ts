import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { JSONScalar } from '../../policy/dtos/json.scalar';

@ObjectType('AuditEntry', { description: 'One configuration change: who, what, and the object before and after.' })
export class AuditEntry {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'User or API token id; null for the system (seeders, plugin installation).' })
  actorId!: string | null;
  @Field(() => String, { nullable: true, description: 'The acting user’s e-mail; null for an API token or the system.' })
  actorEmail?: string | null;
  @Field(() => String, { nullable: true, description: 'The acting user’s display name or the API token’s name; null for the system.' })
  actorName?: string | null;
  @Field() actorRole!: string;
  @Field({
    description:
      'e.g. upsert, delete, set_rule_set, update_settings, publish, approve, reject, rollback, import, discard_draft; access: sign_in, sign_in_failed, lockout, create, invite, update, deactivate, reactivate, password_change, password_reset_requested, password_reset, invitation_accepted, create_token, revoke_token, update_tenant, create_tenant.',
  })
  action!: string;
  @Field({ description: 'What was changed, e.g. complaintTypes, ruleSets, policyVersion.' }) entity!: string;
  @Field(() => String, { nullable: true }) entityKey!: string | null;
  @Field(() => JSONScalar, { nullable: true }) before!: unknown;
  @Field(() => JSONScalar, { nullable: true }) after!: unknown;
  @Field(() => String, { nullable: true, description: 'Client address of the request (sign-ins, user and token changes).' }) ip!:
    string | null;
  @Field() createdAt!: Date;
}

@ObjectType()
export class AuditPageInfo {
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}

@ObjectType('AuditConnection')
export class AuditConnection {
  @Field(() => [AuditEntry]) nodes!: AuditEntry[];
  @Field(() => AuditPageInfo) pageInfo!: AuditPageInfo;
}

@InputType()
export class AuditFilterInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(64) action?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(64) entity?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) entityKey?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(36) actorId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(64) ip?: string;
  @Field({ nullable: true }) @IsOptional() since?: Date;
  @Field({ nullable: true }) @IsOptional() until?: Date;
}

export const AUDIT_PAGE_DEFAULT = 50;
