import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';

export enum IncidentStateEnum {
  open = 'open',
  resolved = 'resolved',
  closed = 'closed',
  merged = 'merged',
}
registerEnumType(IncidentStateEnum, {
  name: 'IncidentState',
  description: 'open → resolved (answered) → closed; merged into another incident',
});

export enum IncidentCloseModeEnum {
  close_members = 'close_members',
  release_members = 'release_members',
}
registerEnumType(IncidentCloseModeEnum, {
  name: 'IncidentCloseMode',
  description: 'Close the member complaints with the reason, or release them to go on alone.',
});

@ObjectType('IncidentMember')
export class IncidentMemberView {
  @Field(() => ID) complaintId!: string;
  @Field({ nullable: true }) number?: string;
  @Field({ nullable: true }) state?: string;
  @Field({ nullable: true }) severity?: string;
  @Field({ nullable: true }) typeKey?: string;
  @Field({ nullable: true }) slaStatus?: string;
  @Field({ nullable: true }) resolutionDueAt?: Date;
  @Field() receivedAt!: Date;
  @Field({ description: 'rule | manual' }) joinedBy!: string;
  @Field() joinedAt!: Date;
  @Field({ nullable: true, description: 'Set when the complaint was taken out of the incident.' }) releasedAt?: Date;
}

@ObjectType('Incident', { description: '批量事件: one cause behind many complaints.' })
export class IncidentView {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field({ nullable: true, description: 'The incident rule that formed it; null when grouped by hand.' }) ruleKey?: string;
  @Field({ nullable: true }) groupKey?: string;
  @Field(() => IncidentStateEnum) state!: IncidentStateEnum;
  @Field({ nullable: true }) department?: string;
  @Field(() => ID, { nullable: true }) ownerId?: string;
  @Field() firstAt!: Date;
  @Field() lastAt!: Date;
  @Field({ nullable: true, description: 'The earliest resolution deadline among the open members.' }) dueAt?: Date;
  @Field(() => ID, { nullable: true }) mergedInto?: string;
  @Field({ nullable: true }) resolution?: string;
  @Field() createdAt!: Date;
  @Field({ nullable: true }) closedAt?: Date;
}

@ObjectType('IncidentMemberOutcome')
export class MemberOutcomeView {
  @Field(() => ID) complaintId!: string;
  @Field({ nullable: true }) number?: string;
  @Field() ok!: boolean;
  @Field({ nullable: true }) reason?: string;
  @Field({ nullable: true }) message?: string;
}

@ObjectType('IncidentCloseResult')
export class IncidentCloseResult {
  @Field(() => IncidentView) incident!: IncidentView;
  @Field(() => [MemberOutcomeView]) outcomes!: MemberOutcomeView[];
}

@ObjectType('IncidentStats', { description: 'Incidents and their member complaints counted apart.' })
export class IncidentStatsView {
  @Field(() => Int) incidents!: number;
  @Field(() => Int) open!: number;
  @Field(() => Int) closed!: number;
  @Field(() => Int) members!: number;
  @Field(() => Int) largest!: number;
}

@InputType()
export class IncidentReplyInput {
  @Field({ nullable: true }) @IsOptional() @IsString() templateKey?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(20000) body?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) solution?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) rootCause?: string;
}

export const complaintIdsField = () => (target: object, property: string) => {
  Field(() => [ID])(target, property);
  IsArray()(target, property);
  ArrayMinSize(1)(target, property);
  ArrayMaxSize(500)(target, property);
};

@InputType()
export class CreateIncidentInput {
  @Field() @IsString() @MaxLength(300) title!: string;
  @complaintIdsField() complaintIds!: string[];
  @Field(() => ID, { nullable: true }) @IsOptional() ownerId?: string;
}
