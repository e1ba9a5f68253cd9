import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { JSONScalar } from '../../policy/dtos/json.scalar';

export enum StatsDimensionEnum {
  TYPE = 'type',
  CAUSE = 'cause',
  DEPARTMENT = 'department',
  CHANNEL = 'channel',
  SEVERITY = 'severity',
  REGION = 'region',
  WEEK = 'week',
  MONTH = 'month',
}
registerEnumType(StatsDimensionEnum, {
  name: 'StatsDimension',
  description: 'A grouping of complaint statistics. WEEK (Monday start) and MONTH are in the tenant’s time zone.',
});

export enum ExportFormatEnum {
  CSV = 'csv',
  XLSX = 'xlsx',
}
registerEnumType(ExportFormatEnum, { name: 'ExportFormat' });

export enum AlertStatusEnum {
  OPEN = 'open',
  ACKNOWLEDGED = 'acknowledged',
}
registerEnumType(AlertStatusEnum, { name: 'AlertStatus' });

@InputType({ description: 'Complaints received in [from, to).' })
export class PeriodInput {
  @Field() from!: Date;
  @Field() to!: Date;
}

@ObjectType()
export class StatsKeyView {
  @Field(() => StatsDimensionEnum) dimension!: StatsDimensionEnum;
  @Field(() => String, { nullable: true, description: 'The key (type key, department key, Monday YYYY-MM-DD, YYYY-MM …); null = none.' })
  key!: string | null;
  @Field(() => String, { nullable: true, description: 'Display name (zh) from the policy.' }) name!: string | null;
}

@ObjectType({ description: 'On-time rate of one SLA target: clocks met before due / clocks stopped (met or breached).' })
export class OnTimeRateView {
  @Field() target!: string;
  @Field(() => Int) stopped!: number;
  @Field(() => Int) met!: number;
  @Field(() => Float, { nullable: true }) rate!: number | null;
}

@ObjectType()
export class ComplaintStatsRow {
  @Field(() => [StatsKeyView]) keys!: StatsKeyView[];
  @Field(() => Int) received!: number;
  @Field(() => Int) valid!: number;
  @Field(() => Int, { description: 'Closed or closed as invalid.' }) closed!: number;
  @Field(() => Int) open!: number;
  @Field(() => Int, { description: 'With a follow-up (回访) result.' }) followedUp!: number;
  @Field(() => Int) satisfied!: number;
  @Field(() => Float, { nullable: true, description: 'satisfied / followedUp' }) satisfactionRate!: number | null;
  @Field(() => Int, { nullable: true, description: 'Closed as resolved (not invalid).' }) resolved!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Resolved with no repeat complaint of the same customer on the same type within repeatWindowDays of closure.',
  })
  effectivelyResolved!: number | null;
  @Field(() => Float, { nullable: true, description: 'effectivelyResolved / resolved' }) effectiveResolutionRate!: number | null;
  @Field(() => Int, { nullable: true, description: 'Resolved complaints with a response time (base of the average).' }) responded!:
    number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Average working minutes from received to responded (business calendar of the pinned policy version).',
  })
  averageWorkingMinutes!: number | null;
  @Field(() => [OnTimeRateView]) onTime!: OnTimeRateView[];
}

@ObjectType()
export class ComplaintStats {
  @Field() from!: Date;
  @Field() to!: Date;
  @Field(() => [StatsDimensionEnum]) groupBy!: StatsDimensionEnum[];
  @Field() timeZone!: string;
  @Field(() => Int) repeatWindowDays!: number;
  @Field(() => [ComplaintStatsRow]) rows!: ComplaintStatsRow[];
  @Field(() => ComplaintStatsRow) totals!: ComplaintStatsRow;
}

@ObjectType({ description: 'An export file being written; large exports run in the background (poll exportJob).' })
export class ExportJobView {
  @Field(() => ID) id!: string;
  @Field({ description: 'pending | running | done | failed' }) status!: string;
  @Field(() => Float, { description: '0..1' }) progress!: number;
  @Field(() => Int, { nullable: true }) rowCount!: number | null;
  @Field(() => ExportFormatEnum) format!: ExportFormatEnum;
  @Field({ description: 'complaint_stats | complaints' }) source!: string;
  @Field({ description: 'GET with the same bearer credential.' }) url!: string;
  @Field(() => String, { nullable: true }) fileName!: string | null;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field() expiresAt!: Date;
}

@ObjectType()
export class WeeklyKpiView {
  @Field() key!: string;
  @Field() name!: string;
  @Field(() => Float) target!: number;
  @Field(() => Float, { nullable: true }) current!: number | null;
  @Field(() => Float, { nullable: true }) previous!: number | null;
  @Field(() => Float, { nullable: true }) delta!: number | null;
  @Field(() => Boolean, { nullable: true }) met!: boolean | null;
}

@ObjectType({ description: '投诉统计表 of one week (Monday start, tenant time) against the week before.' })
export class WeeklyReportView {
  @Field(() => ID) id!: string;
  @Field({ description: 'Local Monday YYYY-MM-DD.' }) weekStart!: string;
  @Field() weekEnd!: string;
  @Field() timeZone!: string;
  @Field() generatedAt!: Date;
  @Field(() => Int) received!: number;
  @Field(() => Int) previousReceived!: number;
  @Field(() => Int) receivedDelta!: number;
  @Field(() => [WeeklyKpiView]) kpis!: WeeklyKpiView[];
  @Field(() => JSONScalar, {
    description:
      'The whole table: current/previous figures, byDimension (type, cause, department, channel, severity) with deltas, KPIs, on-time per target.',
  })
  content!: Record<string, unknown>;
}

@ObjectType({ description: '预警: a spike or a repeat complainant, with its evidence.' })
export class AnalyticsAlertView {
  @Field(() => ID) id!: string;
  @Field({ description: 'spike | repeat_complainant' }) kind!: string;
  @Field({ description: 'cause | type | region | customer' }) dimension!: string;
  @Field() key!: string;
  @Field({ description: 'Local day YYYY-MM-DD.' }) day!: string;
  @Field(() => AlertStatusEnum) status!: AlertStatusEnum;
  @Field() message!: string;
  @Field(() => Int) observed!: number;
  @Field(() => Float) baselineMean!: number;
  @Field(() => Float, { nullable: true }) pValue!: number | null;
  @Field(() => Int) windowDays!: number;
  @Field(() => [ID]) complaintIds!: string[];
  @Field() raisedAt!: Date;
  @Field(() => Date, { nullable: true }) acknowledgedAt!: Date | null;
}
