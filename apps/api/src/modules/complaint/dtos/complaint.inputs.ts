import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import {
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { JSONScalar } from '../../policy/dtos/json.scalar';

@InputType({ description: 'Who complains. Personal fields are encrypted at rest and masked for roles that do not need them.' })
export class ComplainantInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(32) phone?: string;
  @Field({ nullable: true }) @IsOptional() @IsEmail() email?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(32) idNumber?: string;
  @Field({ nullable: true, description: 'Customer or account reference in the company’s own systems.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  customerReference?: string;
}

@InputType()
export class SubmitComplaintInput {
  @Field({ nullable: true, description: 'The same key returns the same complaint, never a second one (retries).' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  idempotencyKey?: string;
  @Field() @IsString() @Length(1, 64) channel!: string;
  @Field({ description: 'Complaint type key from the published policy.' }) @IsString() @Length(1, 128) type!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(300) title?: string;
  @Field() @IsString() @Length(1, 20000) text!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) requestedRemedy?: string;
  @Field({ nullable: true, description: 'Order / reference number the complaint is about.' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  reference?: string;
  @Field({ nullable: true }) @IsOptional() occurredAt?: Date;
  @Field(() => ComplainantInput) @ValidateNested() @Type(() => ComplainantInput) complainant!: ComplainantInput;
  @Field(() => JSONScalar, { nullable: true, description: 'Form values by field key.' }) @IsOptional() form?: Record<string, unknown>;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @IsString({ each: true }) attachments?: string[];
}

export enum ComplaintOrder {
  RESOLUTION_DUE_ASC = 'RESOLUTION_DUE_ASC',
  RECEIVED_DESC = 'RECEIVED_DESC',
  RECEIVED_ASC = 'RECEIVED_ASC',
}
registerEnumType(ComplaintOrder, { name: 'ComplaintOrder' });

@InputType()
export class ComplaintFilter {
  @Field(() => [String], { nullable: true }) state?: string[];
  @Field({ nullable: true, description: 'A complaint type key: matches the type and its whole subtree.' }) type?: string;
  @Field(() => [String], { nullable: true }) severity?: string[];
  @Field({ nullable: true }) department?: string;
  @Field(() => ID, { nullable: true }) assigneeId?: string;
  @Field({ nullable: true }) channel?: string;
  @Field({ nullable: true }) receivedFrom?: Date;
  @Field({ nullable: true }) receivedTo?: Date;
  @Field(() => [String], { nullable: true, description: 'on_time | at_risk | breached | met' }) slaStatus?: string[];
  @Field({ nullable: true, description: 'Searches number, title and text.' }) text?: string;
  @Field({ nullable: true, description: 'Only open (not closed) complaints.' }) open?: boolean;
  @Field(() => ID, { nullable: true, description: "One customer's complaints (their history)." }) customerId?: string;
}

@InputType()
export class AssignInput {
  @Field(() => ID) complaintId!: string;
  @Field({ nullable: true }) department?: string;
  @Field(() => ID, { nullable: true }) assigneeId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

@InputType()
export class ReplyInput {
  @Field(() => ID) complaintId!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() templateKey?: string;
  @Field({ nullable: true, description: 'Text to send; when a template is given it is rendered and this is ignored.' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  body?: string;
  @Field({ nullable: true, description: 'Channel to answer by (default: the complaint’s channel).' })
  @IsOptional()
  @IsString()
  channel?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) solution?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(5000) rootCause?: string;
}

@InputType()
export class FollowUpInput {
  @Field(() => ID) complaintId!: string;
  @Field() @IsBoolean() satisfied!: boolean;
  @Field(() => Int) @IsInt() @Min(1) @Max(5) score!: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) comment?: string;
  @Field({ nullable: true, description: 'How the follow-up happened (phone, sms …).' })
  @IsOptional()
  @IsIn(['phone', 'sms', 'email', 'visit', 'app'])
  method?: string;
}

@InputType()
export class TaskInput {
  @Field(() => ID) complaintId!: string;
  @Field() @IsString() @Length(1, 128) department!: string;
  @Field() @IsString() @Length(1, 300) title!: string;
  @Field(() => ID, { nullable: true }) assigneeId?: string;
}
