import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  APPROVAL_SUBJECTS,
  FIELD_TYPES,
  FINDING_KINDS,
  MAX_RETENTION_MONTHS,
  NOTICE_CHANNELS,
  NOTICE_EVENTS,
  WORKFLOW_ACTION_TYPES,
  WORKFLOW_STATE_CATEGORIES,
  WORKFLOW_TRIGGERS,
} from '@redress/sdk';
import { JSONScalar } from './json.scalar';

/**
 * The policy document as GraphQL types. Each class is both the output type (`ComplaintType`) and the input of its
 * upsert (`ComplaintTypeInput`), so the two can never drift apart. JSON-logic rules and rule-table values travel as
 * the JSON scalar.
 */

/** Keys are stable identifiers: lower case, digits, `_`, `.`, `-`. */
export const KEY_PATTERN = /^[a-z0-9][a-z0-9_.-]*$/;
const KEY_MESSAGE = 'must be lower case letters, digits, "_", "." or "-" (e.g. service.attitude)';
const Key = () => (target: object, property: string) => {
  IsString()(target, property);
  MinLength(1)(target, property);
  MaxLength(120)(target, property);
  Matches(KEY_PATTERN, { message: `${property} ${KEY_MESSAGE}` })(target, property);
};
const OptionalKey = () => (target: object, property: string) => {
  IsOptional()(target, property);
  Key()(target, property);
};
const Nested = (type: () => Function) => (target: object, property: string) => {
  ValidateNested()(target, property);
  Type(type)(target, property);
};

export enum ComplaintKindEnum {
  complaint = 'complaint',
  suggestion = 'suggestion',
  consultation = 'consultation',
}
registerEnumType(ComplaintKindEnum, { name: 'ComplaintKind', description: '投诉 / 建议 / 咨询' });
export enum TemplateKindEnum {
  script = 'script',
  letter = 'letter',
  notice = 'notice',
}
registerEnumType(TemplateKindEnum, { name: 'TemplateKind', description: 'script = 话术, letter = 答复函, notice = 通知' });
export enum HitPolicyEnum {
  first = 'first',
  collect = 'collect',
  priority = 'priority',
}
registerEnumType(HitPolicyEnum, { name: 'HitPolicy' });

@ObjectType('LocalizedText')
@InputType('LocalizedTextInput')
export class LocalizedTextType {
  @Field() @IsString() @MinLength(1) @MaxLength(500) zh!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(500) en?: string;
}

@ObjectType('SeverityLevel')
@InputType('SeverityLevelInput')
export class SeverityLevelType {
  @Field() @Key() key!: string;
  @Field(() => LocalizedTextType) @Nested(() => LocalizedTextType) name!: LocalizedTextType;
  @Field(() => Int, { description: 'Higher is more severe.' }) @IsInt() @Min(0) rank!: number;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() requiresApproval?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(32) color?: string;
}

@ObjectType('FieldOption')
@InputType('FieldOptionInput')
export class FieldOptionType {
  @Field() @IsString() @MinLength(1) @MaxLength(120) value!: string;
  @Field(() => LocalizedTextType) @Nested(() => LocalizedTextType) label!: LocalizedTextType;
}

@ObjectType('FieldValidation')
@InputType('FieldValidationInput')
export class FieldValidationType {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(500) pattern?: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() min?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() max?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) minLength?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) maxLength?: number;
}

@ObjectType('FieldDefinition')
@InputType('FieldDefinitionInput')
export class FieldDefinitionType {
  @Field() @Key() key!: string;
  @Field(() => LocalizedTextType) @Nested(() => LocalizedTextType) label!: LocalizedTextType;
  @Field({ description: `One of ${FIELD_TYPES.join(', ')}.` }) @IsIn(FIELD_TYPES as unknown as string[]) type!: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() required?: boolean;
  @Field(() => [FieldOptionType], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Nested(() => FieldOptionType)
  options?: FieldOptionType[];
  @Field(() => JSONScalar, { nullable: true, description: 'JSON-logic: the field shows only when true.' })
  @IsOptional()
  visibleWhen?: unknown;
  @Field(() => JSONScalar, { nullable: true, description: 'JSON-logic: the field is required when true.' })
  @IsOptional()
  requiredWhen?: unknown;
  @Field(() => FieldValidationType, { nullable: true }) @IsOptional() @Nested(() => FieldValidationType) validation?: FieldValidationType;
  @Field({ nullable: true, description: 'Personal data: encrypted at rest, masked by role.' })
  @IsOptional()
  @IsBoolean()
  personal?: boolean;
  @Field(() => LocalizedTextType, { nullable: true }) @IsOptional() @Nested(() => LocalizedTextType) help?: LocalizedTextType;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(120) source?: string;
}

@ObjectType('ComplaintType')
@InputType('ComplaintTypeInput')
export class ComplaintTypeType {
  @Field() @Key() key!: string;
  @Field(() => String, { nullable: true }) @OptionalKey() parentKey?: string | null;
  @Field(() => LocalizedTextType) @Nested(() => LocalizedTextType) name!: LocalizedTextType;
  @Field(() => ComplaintKindEnum) @IsIn(Object.values(ComplaintKindEnum)) kind!: ComplaintKindEnum;
  @Field(() => [String], { description: 'Field keys in order; a child inherits its parent’s fields first.' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  fields!: string[];
  @Field({ nullable: true }) @OptionalKey() defaultSeverity?: string;
  @Field({ nullable: true }) @OptionalKey() defaultDepartment?: string;
  @Field(() => Int, {
    nullable: true,
    description:
      'Retention: months after closure before a closed complaint of this type and its personal data are purged (60 = five years); inherited from the parent type; none = kept.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_RETENTION_MONTHS)
  retentionMonths?: number | null;
  @Field({ nullable: true, description: 'The workflow its complaints follow (inherited from the parent type; else `default`).' })
  @OptionalKey()
  workflow?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(120) source?: string;
}

@ObjectType('Channel')
@InputType('ChannelInput')
export class ChannelType {
  @Field() @Key() key!: string;
  @Field(() => LocalizedTextType) @Nested(() => LocalizedTextType) name!: LocalizedTextType;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() realtime?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(120) source?: string;
}

@ObjectType('Department')
@InputType('DepartmentInput')
export class DepartmentType {
  @Field() @Key() key!: string;
  @Field(() => LocalizedTextType) @Nested(() => LocalizedTextType) name!: LocalizedTextType;
  @Field(() => String, { nullable: true }) @OptionalKey() parentKey?: string | null;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(120) region?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(254) managerEmail?: string;
}

@ObjectType('Team')
@InputType('TeamInput')
export class TeamType {
  @Field() @Key() key!: string;
  @Field() @Key() departmentKey!: string;
  @Field(() => LocalizedTextType) @Nested(() => LocalizedTextType) name!: LocalizedTextType;
  @Field(() => [String], { description: 'E-mails of the handlers in this team.' })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  members!: string[];
}

@ObjectType('TimeRange')
@InputType('TimeRangeInput')
export class TimeRangeType {
  @Field() @Matches(/^\d{2}:\d{2}$/, { message: 'start must be HH:MM' }) start!: string;
  @Field() @Matches(/^\d{2}:\d{2}$/, { message: 'end must be HH:MM' }) end!: string;
}

@ObjectType('Calendar')
@InputType('CalendarInput')
export class CalendarType {
  @Field() @Key() key!: string;
  @Field(() => LocalizedTextType) @Nested(() => LocalizedTextType) name!: LocalizedTextType;
  @Field() @IsString() @MaxLength(64) timeZone!: string;
  @Field(() => [TimeRangeType]) @IsArray() @Nested(() => TimeRangeType) workingHours!: TimeRangeType[];
  @Field(() => [Int], { description: '0 = Sunday … 6 = Saturday.' }) @IsArray() @IsInt({ each: true }) weekendDays!: number[];
  @Field({ description: 'Follow China’s public holidays and make-up working days (调休).' }) @IsBoolean() useChineseHolidays!: boolean;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @IsString({ each: true }) closures?: string[];
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @IsString({ each: true }) extraWorkingDays?: string[];
}

@ObjectType('HolidayPeriod', { description: 'Days off (放假) of one holiday, an inclusive range of local dates.' })
@InputType('HolidayPeriodInput')
export class HolidayPeriodType {
  @Field({ description: '元旦, 春节 …' }) @IsString() @MinLength(1) @MaxLength(40) name!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsString() @MaxLength(10) start!: string;
  @Field({ description: 'YYYY-MM-DD (inclusive)' }) @IsString() @MaxLength(10) end!: string;
  @Field(() => Int, { nullable: true, description: 'The notice’s 共N天, checked against the range.' }) @IsOptional() @IsInt() days?: number;
}

@ObjectType('MakeupWorkday', { description: 'A weekend day that is a working day (调休上班).' })
@InputType('MakeupWorkdayInput')
export class MakeupWorkdayType {
  @Field({ description: 'YYYY-MM-DD' }) @IsString() @MaxLength(10) date!: string;
  @Field({ description: 'The holiday it belongs to.' }) @IsString() @MinLength(1) @MaxLength(40) name!: string;
}

@ObjectType('HolidaySchedule', { description: 'The official holiday and 调休 schedule of one year (State Council notice).' })
@InputType('HolidayScheduleInput')
export class HolidayScheduleType {
  @Field({ description: 'The year as text, e.g. "2027".' }) @Key() key!: string;
  @Field(() => Int) @IsInt() year!: number;
  @Field({ nullable: true, description: 'The notice, e.g. 国办发明电〔2026〕7号.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  source?: string;
  @Field(() => [HolidayPeriodType]) @IsArray() @ArrayMaxSize(40) @Nested(() => HolidayPeriodType) holidays!: HolidayPeriodType[];
  @Field(() => [MakeupWorkdayType]) @IsArray() @ArrayMaxSize(40) @Nested(() => MakeupWorkdayType) makeupWorkdays!: MakeupWorkdayType[];
}

@ObjectType('FindingCode', {
  description: 'A coded finding after investigation (调查结论): validity criterion, root cause, responsibility or confirmed cause.',
})
@InputType('FindingCodeInput')
export class FindingCodeType {
  @Field() @Key() key!: string;
  @Field({ description: FINDING_KINDS.join(' | ') }) @IsIn([...FINDING_KINDS]) kind!: string;
  @Field(() => LocalizedTextType) @Nested(() => LocalizedTextType) name!: LocalizedTextType;
  @Field(() => [String], { nullable: true, description: 'Roles that may record it (default handler, manager, admin).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsIn(['admin', 'manager', 'handler', 'agent', 'expert'], { each: true })
  roles?: string[];
}

const DURATION_KINDS = ['natural_minutes', 'natural_hours', 'natural_days', 'working_minutes', 'working_hours', 'working_days'];

@ObjectType('Duration')
@InputType('DurationInput')
export class DurationType {
  @Field(() => Float) @IsNumber() @Min(0) amount!: number;
  @Field({ description: DURATION_KINDS.join(' | ') }) @IsIn(DURATION_KINDS) kind!: string;
}

@ObjectType('SlaTarget')
@InputType('SlaTargetInput')
export class SlaTargetType {
  @Field({ description: 'acknowledge | dispatch | first_response | progress_update | resolution | follow_up | regulatory_answer | …' })
  @Key()
  key!: string;
  @Field(() => LocalizedTextType, { nullable: true }) @IsOptional() @Nested(() => LocalizedTextType) name?: LocalizedTextType;
  @Field(() => DurationType) @Nested(() => DurationType) duration!: DurationType;
  @Field({ nullable: true }) @OptionalKey() calendar?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) warnAtPercent?: number;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() recurring?: boolean;
  @Field(() => JSONScalar, { nullable: true }) @IsOptional() startWhen?: unknown;
  @Field(() => JSONScalar, { nullable: true }) @IsOptional() pauseWhen?: unknown;
  @Field(() => JSONScalar, { nullable: true }) @IsOptional() stopWhen?: unknown;
  @Field(() => [DurationType], { nullable: true }) @IsOptional() @IsArray() @Nested(() => DurationType) extensions?: DurationType[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(32) extensionApprovalRole?: string;
  @Field({ nullable: true })
  @IsOptional()
  @IsIn(['roll_forward_end_of_next_working_day', 'roll_forward_start_of_next_working_day', 'keep'])
  onNonWorkingDay?: string;
}

@ObjectType('SlaPolicy')
@InputType('SlaPolicyInput')
export class SlaPolicyType {
  @Field() @Key() key!: string;
  @Field(() => LocalizedTextType) @Nested(() => LocalizedTextType) name!: LocalizedTextType;
  @Field(() => [SlaTargetType]) @IsArray() @Nested(() => SlaTargetType) targets!: SlaTargetType[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(120) source?: string;
}

@ObjectType('EscalationAction', { description: 'raise_severity {to} | reassign {department?, assignee?} | notify {to, template?}' })
@InputType('EscalationActionInput')
export class EscalationActionType {
  @Field() @IsIn(['raise_severity', 'reassign', 'notify']) type!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(254) to?: string;
  @Field({ nullable: true }) @OptionalKey() department?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(254) assignee?: string;
  @Field({ nullable: true }) @OptionalKey() template?: string;
}

@ObjectType('EscalationRule')
@InputType('EscalationRuleInput')
export class EscalationRuleType {
  @Field() @Key() key!: string;
  @Field(() => LocalizedTextType) @Nested(() => LocalizedTextType) name!: LocalizedTextType;
  @Field({ description: 'warning | breach | unsatisfied | aggregate | cross_department' })
  @IsIn(['warning', 'breach', 'unsatisfied', 'aggregate', 'cross_department'])
  trigger!: string;
  @Field({ nullable: true, description: 'For warning/breach: the SLA target key watched.' }) @OptionalKey() target?: string;
  @Field(() => JSONScalar, { nullable: true }) @IsOptional() when?: unknown;
  @Field(() => [EscalationActionType]) @IsArray() @Nested(() => EscalationActionType) actions!: EscalationActionType[];
}

@ObjectType('IncidentRule', {
  description: '批量事件: complaints equal on groupBy within windowMinutes become one incident once threshold is reached.',
})
@InputType('IncidentRuleInput')
export class IncidentRuleType {
  @Field() @Key() key!: string;
  @Field(() => LocalizedTextType) @Nested(() => LocalizedTextType) name!: LocalizedTextType;
  @Field(() => JSONScalar, { nullable: true, description: 'Which complaints may be grouped (JSON-logic); all when absent.' })
  @IsOptional()
  when?: unknown;
  @Field(() => [String], { description: 'Fact paths that must be equal, e.g. complaint.type and complaint.form.cell_area.' })
  @IsArray()
  @ArrayMaxSize(8)
  @IsString({ each: true })
  groupBy!: string[];
  @Field(() => Int) @IsInt() @Min(1) windowMinutes!: number;
  @Field(() => Int) @IsInt() @Min(2) threshold!: number;
  @Field({ nullable: true }) @OptionalKey() department?: string;
}

@ObjectType('ReplyTemplate')
@InputType('ReplyTemplateInput')
export class ReplyTemplateType {
  @Field() @Key() key!: string;
  @Field(() => LocalizedTextType) @Nested(() => LocalizedTextType) name!: LocalizedTextType;
  @Field(() => TemplateKindEnum) @IsIn(Object.values(TemplateKindEnum)) kind!: TemplateKindEnum;
  @Field({ nullable: true }) @OptionalKey() channel?: string;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @IsString({ each: true }) typeKeys?: string[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(500) subject?: string;
  @Field({ description: 'Text with {{customer.name}}, {{complaint.number}} … (see TEMPLATE_VARIABLES).' })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  body!: string;
  @Field({ nullable: true, description: 'For staff only (公司机密): never sent to a customer.' })
  @IsOptional()
  @IsBoolean()
  internal?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(120) source?: string;
}

@ObjectType('NoticeRule', {
  description: 'What is sent when: on `event`, `template` to `to` over `channels`, for the complaints matching the filters.',
})
@InputType('NoticeRuleInput')
export class NoticeRuleType {
  @Field() @Key() key!: string;
  @Field(() => LocalizedTextType) @Nested(() => LocalizedTextType) name!: LocalizedTextType;
  @Field({ description: NOTICE_EVENTS.join(' | ') }) @IsIn(NOTICE_EVENTS as unknown as string[]) event!: string;
  @Field({ description: 'customer | assignee | manager | department | a role | an e-mail address' })
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  to!: string;
  @Field(() => [String], { description: NOTICE_CHANNELS.join(' | ') })
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(NOTICE_CHANNELS as unknown as string[], { each: true })
  channels!: string[];
  @Field({ nullable: true }) @OptionalKey() template?: string;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @IsString({ each: true }) slaPolicies?: string[];
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @IsString({ each: true }) typeKeys?: string[];
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @IsString({ each: true }) complaintChannels?: string[];
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @IsString({ each: true }) severities?: string[];
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @IsString({ each: true }) states?: string[];
  @Field(() => [String], { nullable: true, description: 'For sla.* events: only these SLA targets (progress_update …).' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  targets?: string[];
  @Field({ nullable: true, description: 'Sent even in the quiet hours.' }) @IsOptional() @IsBoolean() urgent?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
}

@ObjectType('RuleTestExpectation')
@InputType('RuleTestExpectationInput')
export class RuleTestExpectationType {
  @Field({ nullable: true }) @IsOptional() @IsBoolean() valid?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsString() invalidReason?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() severity?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() department?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() slaPolicy?: string;
}

@ObjectType('RuleTestCase')
@InputType('RuleTestCaseInput')
export class RuleTestCaseType {
  @Field() @Key() key!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(1000) description?: string;
  @Field(() => JSONScalar, { description: 'Sample complaint facts (see policyFactSchema).' }) facts!: Record<string, unknown>;
  @Field(() => RuleTestExpectationType) @Nested(() => RuleTestExpectationType) expect!: RuleTestExpectationType;
}

@ObjectType('TargetRate', { description: 'An on-time target for one deadline type.' })
@InputType('TargetRateInput')
export class TargetRateType {
  @Field({ description: 'SLA target key: dispatch, first_response, resolution, follow_up, regulatory_answer …' }) @Key() target!: string;
  @Field(() => Float, { description: 'Share 0–1, e.g. 0.95.' }) @IsNumber() @Min(0.01) @Max(1) rate!: number;
}

@ObjectType('KpiTargets', { description: 'KPI targets (shares 0–1); an absent one keeps its default (0.95 / 0.95 / 0.9).' })
@InputType('KpiTargetsInput')
export class KpiTargetsType {
  @Field(() => Float, { nullable: true, description: '处理及时率 over all deadlines.' })
  @IsOptional()
  @IsNumber()
  @Min(0.01)
  @Max(1)
  onTimeRate?: number;
  @Field(() => Float, { nullable: true, description: '满意率.' }) @IsOptional() @IsNumber() @Min(0.01) @Max(1) satisfactionRate?: number;
  @Field(() => Float, { nullable: true, description: '有效解决率.' })
  @IsOptional()
  @IsNumber()
  @Min(0.01)
  @Max(1)
  effectiveResolutionRate?: number;
  @Field(() => [TargetRateType], { nullable: true, description: 'Per deadline type; others use onTimeRate.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Nested(() => TargetRateType)
  onTimeByTarget?: TargetRateType[];
}

@ObjectType('AttachmentSettings', {
  description: 'Attachment limits; an absent one keeps its default (10 MB a file, 10 files, common photo/document/audio types).',
})
@InputType('AttachmentSettingsInput')
export class AttachmentSettingsType {
  @Field(() => Int, { nullable: true, description: 'Largest file in bytes (at most 50 MB).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50 * 1024 * 1024)
  maxFileBytes?: number;
  @Field(() => Int, { nullable: true, description: 'Files per complaint.' }) @IsOptional() @IsInt() @Min(1) @Max(50) maxFiles?: number;
  @Field(() => [String], { nullable: true, description: 'Content types detected from the bytes, e.g. image/jpeg.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  allowedTypes?: string[];
}

@ObjectType('PolicySettings')
export class PolicySettingsType {
  @Field() defaultCalendar!: string;
  @Field() defaultSeverity!: string;
  @Field({ nullable: true, description: 'Publishing needs a second person’s approval (maker-checker).' }) requirePublishApproval?: boolean;
  @Field(() => Int, { nullable: true }) repeatWindowDays?: number;
  @Field({ nullable: true, description: 'Complaint numbers, e.g. {YY}{MM}-{SEQ:4} (default); tokens {YYYY} {YY} {MM} {SEQ:n}.' })
  numberPattern?: string;
  @Field(() => KpiTargetsType, { nullable: true }) kpiTargets?: KpiTargetsType;
  @Field(() => AttachmentSettingsType, { nullable: true }) attachments?: AttachmentSettingsType;
}

@InputType('PolicySettingsInput', { description: 'Only the given settings change.' })
export class PolicySettingsInput {
  @Field({ nullable: true }) @OptionalKey() defaultCalendar?: string;
  @Field({ nullable: true }) @OptionalKey() defaultSeverity?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() requirePublishApproval?: boolean;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) repeatWindowDays?: number;
  @Field({ nullable: true, description: 'Checked at once: a serial {SEQ:n}, the year and the month are required.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  numberPattern?: string;
  @Field(() => KpiTargetsType, { nullable: true, description: 'Replaces the KPI targets as a whole.' })
  @IsOptional()
  @Nested(() => KpiTargetsType)
  kpiTargets?: KpiTargetsType;
  @Field(() => AttachmentSettingsType, { nullable: true, description: 'Replaces the attachment limits as a whole.' })
  @IsOptional()
  @Nested(() => AttachmentSettingsType)
  attachments?: AttachmentSettingsType;
}

@ObjectType('DecisionRow')
export class DecisionRowType {
  @Field() key!: string;
  @Field(() => JSONScalar, { nullable: true }) when?: unknown;
  @Field(() => JSONScalar, { nullable: true }) then?: unknown;
  @Field(() => Int, { nullable: true }) priority?: number;
  @Field({ nullable: true }) description?: string;
}

@ObjectType('DecisionTable')
export class DecisionTableType {
  @Field() key!: string;
  @Field(() => HitPolicyEnum) hitPolicy!: HitPolicyEnum;
  @Field(() => [DecisionRowType]) rows!: DecisionRowType[];
  @Field(() => JSONScalar, { nullable: true, name: 'default' }) default?: unknown;
}

@ObjectType('PolicyRuleSets')
export class PolicyRuleSetsType {
  @Field(() => DecisionTableType) validity!: DecisionTableType;
  @Field(() => DecisionTableType) severity!: DecisionTableType;
  @Field(() => DecisionTableType) routing!: DecisionTableType;
  @Field(() => DecisionTableType) sla!: DecisionTableType;
}

@ObjectType('WorkflowPosition', { description: 'Where the designer draws a state.' })
@InputType('WorkflowPositionInput')
export class WorkflowPositionType {
  @Field(() => Float) @IsNumber() @Min(-100000) @Max(100000) x!: number;
  @Field(() => Float) @IsNumber() @Min(-100000) @Max(100000) y!: number;
}

@ObjectType('WorkflowState')
@InputType('WorkflowStateInput')
export class WorkflowStateType {
  @Field() @Key() key!: string;
  @Field(() => LocalizedTextType) @Nested(() => LocalizedTextType) name!: LocalizedTextType;
  @Field({ description: `${WORKFLOW_STATE_CATEGORIES.join(' | ')}: waiting pauses the clocks; closed only for closed and invalid_closed.` })
  @IsIn([...WORKFLOW_STATE_CATEGORIES])
  category!: string;
  @Field(() => WorkflowPositionType, { nullable: true }) @IsOptional() @Nested(() => WorkflowPositionType) position?: WorkflowPositionType;
}

@ObjectType('WorkflowAction', { description: 'What happens when a transition is taken.' })
@InputType('WorkflowActionInput')
export class WorkflowActionType {
  @Field({ description: WORKFLOW_ACTION_TYPES.join(' | ') }) @IsIn([...WORKFLOW_ACTION_TYPES]) type!: string;
  @Field({ nullable: true, description: 'notify: customer | assignee | manager | department | a role | an e-mail address.' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  to?: string;
  @Field({ nullable: true, description: 'notify: the template sent.' }) @OptionalKey() template?: string;
  @Field({ nullable: true, description: 'create_task: the department.' }) @OptionalKey() department?: string;
  @Field({ nullable: true, description: 'create_task: the title; restart_clocks: the reason.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  title?: string;
  @Field({ nullable: true, description: 'raise_severity: the level (one up when absent).' }) @OptionalKey() severity?: string;
}

@ObjectType('WorkflowTransition')
@InputType('WorkflowTransitionInput')
export class WorkflowTransitionType {
  @Field() @Key() key!: string;
  @Field(() => LocalizedTextType) @Nested(() => LocalizedTextType) name!: LocalizedTextType;
  @Field(() => [String]) @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) from!: string[];
  @Field() @Key() to!: string;
  @Field({ nullable: true, description: `${WORKFLOW_TRIGGERS.join(' | ')} (default manual).` })
  @IsOptional()
  @IsIn([...WORKFLOW_TRIGGERS])
  trigger?: string;
  @Field(() => [String], { nullable: true, description: 'Roles that may take it (any staff role when absent).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  roles?: string[];
  @Field(() => JSONScalar, { nullable: true, description: 'Guard: JSON-logic over the complaint facts.' }) @IsOptional() when?: unknown;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() requiresComment?: boolean;
  @Field(() => [String], { nullable: true, description: 'Form fields that must have a value.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  requiredFields?: string[];
  @Field({ nullable: true, description: 'Open tasks must be finished first.' }) @IsOptional() @IsBoolean() requiresTasksDone?: boolean;
  @Field(() => [WorkflowActionType], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Nested(() => WorkflowActionType)
  actions?: WorkflowActionType[];
}

@ObjectType('Workflow', { description: 'A life cycle: states, transitions with guards, actions on transition.' })
@InputType('WorkflowInput')
export class WorkflowType {
  @Field() @Key() key!: string;
  @Field(() => LocalizedTextType) @Nested(() => LocalizedTextType) name!: LocalizedTextType;
  @Field(() => [WorkflowStateType]) @IsArray() @ArrayMaxSize(100) @Nested(() => WorkflowStateType) states!: WorkflowStateType[];
  @Field(() => [WorkflowTransitionType])
  @IsArray()
  @ArrayMaxSize(300)
  @Nested(() => WorkflowTransitionType)
  transitions!: WorkflowTransitionType[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(120) source?: string;
}

@ObjectType('ApprovalApprover', {
  description: 'Who may sign: every given member must match (a role, a department of the user, a named person).',
})
@InputType('ApprovalApproverInput')
export class ApprovalApproverType {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(32) role?: string;
  @Field({ nullable: true, description: 'The department key of the signer’s user account.' }) @OptionalKey() department?: string;
  @Field({ nullable: true, description: 'A named person’s e-mail.' }) @IsOptional() @IsString() @MaxLength(254) user?: string;
}

@ObjectType('ApprovalStep')
@InputType('ApprovalStepInput')
export class ApprovalStepType {
  @Field() @Key() key!: string;
  @Field(() => LocalizedTextType) @Nested(() => LocalizedTextType) name!: LocalizedTextType;
  @Field(() => [ApprovalApproverType]) @IsArray() @ArrayMaxSize(20) @Nested(() => ApprovalApproverType) approvers!: ApprovalApproverType[];
  @Field(() => Int, { nullable: true, description: 'Signatures of different people the step needs (default 1).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  signatures?: number;
}

@ObjectType('ApprovalChain', { description: 'Who signs, step by step, before a reply is sent or a policy version is published.' })
@InputType('ApprovalChainInput')
export class ApprovalChainType {
  @Field() @Key() key!: string;
  @Field(() => LocalizedTextType) @Nested(() => LocalizedTextType) name!: LocalizedTextType;
  @Field({ description: APPROVAL_SUBJECTS.join(' | ') }) @IsIn([...APPROVAL_SUBJECTS]) subject!: string;
  @Field(() => JSONScalar, {
    nullable: true,
    description: 'reply: JSON-logic over the complaint facts; the first chain that holds applies.',
  })
  @IsOptional()
  when?: unknown;
  @Field(() => [ApprovalStepType]) @IsArray() @ArrayMaxSize(10) @Nested(() => ApprovalStepType) steps!: ApprovalStepType[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(120) source?: string;
}

@ObjectType('PolicyDocument', { description: 'A whole policy: what decides how complaints are handled.' })
export class PolicyDocumentType {
  @Field(() => Int) schemaVersion!: number;
  @Field(() => PolicySettingsType) settings!: PolicySettingsType;
  @Field(() => [SeverityLevelType]) severityLevels!: SeverityLevelType[];
  @Field(() => [ComplaintTypeType]) complaintTypes!: ComplaintTypeType[];
  @Field(() => [FieldDefinitionType]) fields!: FieldDefinitionType[];
  @Field(() => [ChannelType]) channels!: ChannelType[];
  @Field(() => [DepartmentType]) departments!: DepartmentType[];
  @Field(() => [TeamType]) teams!: TeamType[];
  @Field(() => [CalendarType]) calendars!: CalendarType[];
  @Field(() => [HolidayScheduleType]) holidaySchedules!: HolidayScheduleType[];
  @Field(() => [SlaPolicyType]) slaPolicies!: SlaPolicyType[];
  @Field(() => PolicyRuleSetsType) rules!: PolicyRuleSetsType;
  @Field(() => [EscalationRuleType]) escalations!: EscalationRuleType[];
  @Field(() => [ReplyTemplateType]) templates!: ReplyTemplateType[];
  @Field(() => [NoticeRuleType]) notices!: NoticeRuleType[];
  @Field(() => [RuleTestCaseType]) tests!: RuleTestCaseType[];
  @Field(() => [IncidentRuleType]) incidentRules!: IncidentRuleType[];
  @Field(() => [FindingCodeType]) findingCodes!: FindingCodeType[];
  @Field(() => [WorkflowType], { description: 'The workflows in effect: the built-in default is listed when the policy has no `default`.' })
  workflows!: WorkflowType[];
  @Field(() => [ApprovalChainType]) approvalChains!: ApprovalChainType[];
}
