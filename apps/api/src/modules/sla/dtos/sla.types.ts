import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum SlaKpiGroupBy {
  department = 'department',
  type = 'type',
  target = 'target',
}
registerEnumType(SlaKpiGroupBy, { name: 'SlaKpiGroupBy', description: 'How SLA KPIs are grouped.' });

@ObjectType({ description: 'A duration of an SLA target, e.g. 3 working_days.' })
export class SlaDurationView {
  @Field(() => Float) amount!: number;
  @Field({ description: 'natural_minutes | natural_hours | natural_days | working_minutes | working_hours | working_days' }) kind!: string;
}

@ObjectType({ description: 'A granted deadline extension.' })
export class SlaExtensionView {
  @Field(() => Int, { description: '1 = first extension.' }) stage!: number;
  @Field() reason!: string;
  @Field(() => String, { nullable: true }) approvedBy?: string | null;
  @Field() at!: Date;
  @Field() newDueAt!: Date;
}

@ObjectType({ description: 'A deadline extension waiting for (or decided by) a user of the approving role.' })
export class SlaExtensionRequestView {
  @Field(() => ID) id!: string;
  @Field(() => ID) complaintId!: string;
  @Field() target!: string;
  @Field(() => Int) stage!: number;
  @Field() reason!: string;
  @Field() approvalRole!: string;
  @Field({ description: 'requested | approved | rejected' }) status!: string;
  @Field(() => String, { nullable: true }) requestedBy?: string | null;
  @Field() requestedAt!: Date;
  @Field(() => String, { nullable: true }) decidedBy?: string | null;
  @Field(() => Date, { nullable: true }) decidedAt?: Date | null;
}

@ObjectType({ description: 'One thing wrong with a calendar value.' })
export class CalendarProblemView {
  @Field({ description: 'Member of the calendar, e.g. timeZone or workingHours[0].end.' }) path!: string;
  @Field() code!: string;
  @Field() message!: string;
}

@ObjectType({ description: 'A calendar of a published version that cannot be used: the built-in calendar stands in for it.' })
export class CalendarFaultView {
  @Field() calendarKey!: string;
  @Field(() => Int) policyVersion!: number;
  @Field({ description: 'built_in_default: the built-in Chinese working week (Asia/Shanghai, 09:00–12:00, 13:00–18:00).' })
  fallback!: string;
  @Field(() => [CalendarProblemView]) problems!: CalendarProblemView[];
}

@ObjectType({ description: 'One SLA target of a complaint, computed from the complaint’s pinned policy version.' })
export class SlaClockView {
  @Field(() => ID) id!: string;
  @Field() target!: string;
  @Field(() => Int, {
    description:
      'Handling round: 1 from intake, +1 each time the complaint is handled again after an unsatisfied follow-up (earlier rounds are history).',
  })
  round!: number;
  @Field() slaPolicy!: string;
  @Field(() => Int) policyVersion!: number;
  @Field({ description: 'running | paused | met | breached | cancelled' }) state!: string;
  @Field({ description: 'on_time | at_risk | breached | met | paused | cancelled (now)' }) status!: string;
  @Field() startedAt!: Date;
  @Field() dueAt!: Date;
  @Field(() => Date, { nullable: true }) warnAt?: Date | null;
  @Field(() => Int, { description: 'Working minutes until the due time (negative when overdue); frozen while paused or stopped.' })
  remainingWorkingMinutes!: number;
  @Field(() => Float, { description: 'Paused time so far, in the unit of the duration (working minutes for working_* targets).' })
  pausedMinutes!: number;
  @Field(() => Date, { nullable: true }) pausedAt?: Date | null;
  @Field(() => SlaDurationView) duration!: SlaDurationView;
  @Field() calendar!: string;
  @Field(() => [SlaExtensionView]) extensions!: SlaExtensionView[];
  @Field(() => SlaExtensionRequestView, { nullable: true }) pendingExtension?: SlaExtensionRequestView | null;
  @Field(() => Date, { nullable: true }) warnedAt?: Date | null;
  @Field(() => Date, { nullable: true }) breachedAt?: Date | null;
  @Field(() => Date, { nullable: true }) stoppedAt?: Date | null;
  @Field(() => Int, { description: 'Recurring targets: cycles completed.' }) recurringCount!: number;
  @Field(() => Int, { description: 'Recurring targets: cycles missed.' }) breachCount!: number;
  @Field(() => CalendarFaultView, { nullable: true, description: 'Set when the clock’s calendar is faulty and the built-in one was used.' })
  calendarFault?: CalendarFaultView | null;
  @Field(() => [Int], {
    description: 'Years this deadline crosses whose official holidays the calendar does not know: the due time may be wrong (flag it).',
  })
  holidayDataMissingYears!: number[];
}

@ObjectType()
export class SlaExtensionResult {
  @Field({ description: 'extended (granted now) | requested (waits for approveDeadlineExtension)' }) status!: string;
  @Field(() => SlaClockView) clock!: SlaClockView;
  @Field(() => SlaExtensionRequestView, { nullable: true }) request?: SlaExtensionRequestView | null;
}

@ObjectType()
export class WorkingHoursView {
  @Field() start!: string;
  @Field() end!: string;
}

@ObjectType({ description: 'A business calendar of the current policy.' })
export class BusinessCalendarView {
  @Field() key!: string;
  @Field() nameZh!: string;
  @Field(() => String, { nullable: true }) nameEn?: string | null;
  @Field() timeZone!: string;
  @Field(() => [WorkingHoursView]) workingHours!: WorkingHoursView[];
  @Field(() => [Int]) weekendDays!: number[];
  @Field() useChineseHolidays!: boolean;
  @Field(() => [String]) closures!: string[];
  @Field(() => [String]) extraWorkingDays!: string[];
  @Field({ description: 'The policy’s default calendar.' }) isDefault!: boolean;
  @Field(() => CalendarFaultView, { nullable: true, description: 'Set when the calendar cannot be used; the built-in one stands in.' })
  fault?: CalendarFaultView | null;
}

@ObjectType()
export class CalendarDayView {
  @Field({ description: 'Local date YYYY-MM-DD.' }) date!: string;
  @Field() working!: boolean;
  @Field({ description: 'weekday | weekend | statutory_holiday | makeup_workday | closure | extra_working_day' }) reason!: string;
  @Field(() => String, { nullable: true, description: 'Holiday name, e.g. 国庆节.' }) name?: string | null;
}

@ObjectType({ description: 'Where N working days from an instant end, and the days in between.' })
export class CalendarPreview {
  @Field() calendarKey!: string;
  @Field() timeZone!: string;
  @Field() from!: Date;
  @Field(() => Int) workingDays!: number;
  @Field({ description: 'End of working hours of the N-th working day after the day of `from`.' }) due!: Date;
  @Field(() => [CalendarDayView]) days!: CalendarDayView[];
  @Field(() => CalendarFaultView, {
    nullable: true,
    description: 'Set when the calendar cannot be used; the preview is of the built-in one.',
  })
  fault?: CalendarFaultView | null;
}

@ObjectType({ description: 'On-time performance of one SLA target in one group.' })
export class SlaKpi {
  @Field() group!: string;
  @Field() target!: string;
  @Field(() => Int, { description: 'Clocks stopped in the period (met + breached).' }) stopped!: number;
  @Field(() => Int) met!: number;
  @Field(() => Int) breached!: number;
  @Field(() => Float, { nullable: true, description: 'met / stopped.' }) onTimeRate?: number | null;
  @Field(() => Int, { nullable: true, description: 'Average working minutes from start to stop (pauses excluded).' })
  averageWorkingMinutes?: number | null;
}

@ObjectType({ description: 'What re-applying the current policy would do (or did) to one open clock.' })
export class SlaReapplyChange {
  @Field(() => ID) complaintId!: string;
  @Field(() => ID) clockId!: string;
  @Field() target!: string;
  @Field(() => Int) fromVersion!: number;
  @Field(() => Int) toVersion!: number;
  @Field() oldDueAt!: Date;
  @Field(() => Date, { nullable: true }) newDueAt?: Date | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class ReapplyPolicyInput {
  @Field(() => [ID], { nullable: true, description: 'Only these complaints; omitted: every open clock pinned to an older version.' })
  complaintIds?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'At most this many clocks (default 500).' }) limit?: number | null;
}
