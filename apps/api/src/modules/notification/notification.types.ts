import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';

@ObjectType('Delivery', { description: 'One message on one channel to one recipient: status, attempts, what the provider said.' })
export class DeliveryView {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) complaintId?: string | null;
  @Field() topic!: string;
  @Field(() => String, { nullable: true, description: 'The notice rule that asked for it.' }) noticeKey?: string | null;
  @Field({ description: 'email | sms | webhook | in_app' }) channel!: string;
  @Field({ description: 'customer | user | email | webhook' }) recipientKind!: string;
  @Field(() => String, { nullable: true, description: 'Where it went, masked for customers (set when sent).' }) recipient?: string | null;
  @Field(() => String, { nullable: true }) templateKey?: string | null;
  @Field(() => String, { nullable: true }) subject?: string | null;
  @Field() body!: string;
  @Field() urgent!: boolean;
  @Field({ description: 'pending | sent | failed | dead' }) status!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true }) providerMessageId?: string | null;
  @Field(() => String, { nullable: true, description: 'Why it failed or what it waits for (EMAIL_NOT_CONFIGURED, QUIET_HOURS, …).' })
  lastError?: string | null;
  @Field() idempotencyKey!: string;
  @Field() nextAttemptAt!: Date;
  @Field(() => Date, { nullable: true }) sentAt?: Date | null;
  @Field() createdAt!: Date;
}

@ObjectType()
export class DeliveryPage {
  @Field(() => [DeliveryView]) items!: DeliveryView[];
  @Field(() => Int) total!: number;
}

@InputType()
export class DeliveryFilterInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() complaintId?: string;
  @Field({ nullable: true }) @IsOptional() @IsIn(['email', 'sms', 'webhook', 'in_app']) channel?: string;
  @Field({ nullable: true }) @IsOptional() @IsIn(['pending', 'sent', 'failed', 'dead']) status?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(128) topic?: string;
  @Field({ nullable: true, description: 'A webhook subscription id, user id or customer id.' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  recipientRef?: string;
  @Field({ nullable: true }) @IsOptional() since?: Date;
  @Field({ nullable: true }) @IsOptional() until?: Date;
}

@InputType()
export class ReplayDeliveriesInput extends DeliveryFilterInput {
  @Field(() => [String], { nullable: true, description: 'Statuses to send again (default: dead).' })
  @IsOptional()
  @IsArray()
  @IsIn(['pending', 'sent', 'failed', 'dead'], { each: true })
  statuses?: ('pending' | 'sent' | 'failed' | 'dead')[];
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

@ObjectType('EmailSettings')
@InputType('EmailSettingsInput')
export class EmailSettingsType {
  @Field() @IsBoolean() enabled!: boolean;
  @Field() @IsString() @MaxLength(253) host!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(65535) port!: number;
  @Field({ description: 'Implicit TLS (465); otherwise STARTTLS when offered.' }) @IsBoolean() secure!: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() requireTls?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() allowSelfSigned?: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(254) user?: string | null;
  @Field() @IsString() @MaxLength(254) from!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) fromName?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Intake mailbox: Reply-To of outgoing mail (plus-addressed with the number) and where complaints arrive.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  intakeAddress?: string | null;
  @Field(() => String, { nullable: true, description: 'Complaint type given to e-mailed complaints (default consultation).' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  intakeType?: string | null;
}

@ObjectType('EmailSettingsView')
export class EmailSettingsView extends EmailSettingsType {
  @Field({ description: 'A password is stored (it is never returned).' }) hasPassword!: boolean;
}

@ObjectType('QuietHours')
@InputType('QuietHoursInput')
export class QuietHoursType {
  @Field() @Matches(CLOCK, { message: 'start must be HH:MM' }) start!: string;
  @Field() @Matches(CLOCK, { message: 'end must be HH:MM' }) end!: string;
}

@ObjectType('SmsSettings')
@InputType('SmsSettingsInput')
export class SmsSettingsType {
  @Field() @IsBoolean() enabled!: boolean;
  @Field() @IsString() @MaxLength(2000) endpoint!: string;
  @Field({ description: 'generic | aliyun | tencent (request shapes in docs/notifications.md)' })
  @IsIn(['generic', 'aliyun', 'tencent'])
  format!: 'generic' | 'aliyun' | 'tencent';
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) accessKeyId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(60) signName?: string | null;
  @Field({ description: 'concatenated | split' }) @IsIn(['concatenated', 'split']) longMessages!: 'concatenated' | 'split';
  @Field(() => QuietHoursType, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuietHoursType)
  quietHours?: QuietHoursType | null;
}

@ObjectType('SmsSettingsView')
export class SmsSettingsView extends SmsSettingsType {
  @Field() hasSecret!: boolean;
}

@ObjectType('WebhookSubscription')
export class WebhookSubscriptionView {
  @Field(() => ID) id!: string;
  @Field() url!: string;
  @Field(() => [String]) events!: string[];
  @Field() active!: boolean;
  @Field(() => Int) consecutiveFailures!: number;
  @Field(() => String, { nullable: true }) disabledReason?: string | null;
  @Field(() => Date, { nullable: true }) disabledAt?: Date | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field() createdAt!: Date;
}

@ObjectType()
export class CreatedWebhookSubscription {
  @Field(() => WebhookSubscriptionView) subscription!: WebhookSubscriptionView;
  @Field({ description: 'The signing secret, shown this once.' }) secret!: string;
}

@InputType()
export class WebhookSubscriptionInput {
  @Field() @IsString() @MaxLength(2000) url!: string;
  @Field(() => [String]) @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) events!: string[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(500) description?: string;
}

@InputType()
export class WebhookSubscriptionUpdate {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) url?: string;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) events?: string[];
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
}

@ObjectType('StaffNotification', { description: 'An in-app notice (the console bell).' })
export class StaffNotificationView {
  @Field(() => ID) id!: string;
  @Field({ description: 'assigned | approval | warning | breach | mention | webhook_disabled | notice' }) kind!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) body?: string | null;
  @Field(() => String, { nullable: true }) complaintId?: string | null;
  @Field(() => Date, { nullable: true }) readAt?: Date | null;
  @Field() createdAt!: Date;
}
