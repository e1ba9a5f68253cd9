import { exportLocaleOf } from './export-labels';
import { Args, ID, Info, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Auth, Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/roles';
import type { AuthContext } from '../../common/auth/auth-context';
import { ComplaintFilter } from '../complaint/dtos/complaint.inputs';
import type { AnalyticsAlert, ExportJob, WeeklyReport } from './analytics.entity';
import { ComplaintStatsService, type StatsDimension } from './complaint-stats.service';
import { ExportService } from './export.service';
import { EarlyWarningService } from './early-warning.service';
import { WeeklyReportService, type WeeklyReportContent } from './weekly-report.service';
import { selectedFieldNames } from './selection';
import { PageSizePipe } from '../../common/page-size.pipe';
import {
  AlertStatusEnum,
  AnalyticsAlertView,
  ComplaintStats,
  ExportFormatEnum,
  ExportJobView,
  PeriodInput,
  StatsDimensionEnum,
  WeeklyReportView,
} from './dtos/analytics.types';

/** Statistics, reports and alerts: managers and the AAP model's analysts (ADMIN / ANALYST / PRODUCER) and auditors. */
export const ANALYTICS_ROLES = [Role.admin, Role.manager, Role.analyst, Role.expert, Role.auditor];
export const REPORT_ROLES = [Role.admin, Role.manager, Role.analyst];
/** Complaint lists may be exported by whoever reads them at work (complainant columns only for admin / manager). */
export const EXPORT_LIST_ROLES = [Role.admin, Role.manager, Role.handler, Role.analyst, Role.auditor];
export const EXPORT_ROLES = [...new Set([...ANALYTICS_ROLES, ...EXPORT_LIST_ROLES])];

@Resolver()
export class AnalyticsResolver {
  constructor(
    private readonly stats: ComplaintStatsService,
    private readonly exportJobs: ExportService,
    private readonly reports: WeeklyReportService,
    private readonly warnings: EarlyWarningService,
  ) {}

  @Roles(...ANALYTICS_ROLES)
  @Query(() => ComplaintStats, {
    description:
      '投诉统计: complaints received in the period, grouped; expensive measures (working time, effective resolution, on-time) only when selected.',
  })
  complaintStats(
    @Auth() auth: AuthContext,
    @Info() info: GraphQLResolveInfo,
    @Args('period') period: PeriodInput,
    @Args('groupBy', { type: () => [StatsDimensionEnum], nullable: true }) groupBy?: StatsDimensionEnum[],
    @Args('filter', { nullable: true }) filter?: ComplaintFilter,
    @Args('fresh', {
      nullable: true,
      description: 'Read the complaints themselves instead of the daily rollup, which lags by a few seconds (periods up to 92 days).',
    })
    fresh?: boolean,
  ) {
    const selected = selectedFieldNames(info);
    return this.stats.stats(
      auth,
      { from: period.from, to: period.to, groupBy: (groupBy ?? []) as StatsDimension[], filter: filter ?? {} },
      {
        onTime: selected.has('onTime'),
        effectiveResolution: selected.has('effectivelyResolved') || selected.has('effectiveResolutionRate'),
        workingTime: selected.has('averageWorkingMinutes') || selected.has('responded'),
      },
      { fresh: fresh ?? false },
    );
  }

  @Roles(...ANALYTICS_ROLES)
  @Mutation(() => ExportJobView, {
    description: 'Writes a statistics table (all measures and a totals row) as CSV or XLSX; download from `url`.',
  })
  async exportComplaintStats(
    @Auth() auth: AuthContext,
    @Args('period') period: PeriodInput,
    @Args('format', { type: () => ExportFormatEnum }) format: ExportFormatEnum,
    @Args('groupBy', { type: () => [StatsDimensionEnum], nullable: true }) groupBy?: StatsDimensionEnum[],
    @Args('filter', { nullable: true }) filter?: ComplaintFilter,
  ): Promise<ExportJobView> {
    const result = await this.stats.stats(auth, {
      from: period.from,
      to: period.to,
      groupBy: (groupBy ?? []) as StatsDimension[],
      filter: filter ?? {},
    });
    return toExportView(await this.exportJobs.exportStats(auth, result, format));
  }

  @Roles(...EXPORT_LIST_ROLES)
  @Mutation(() => ExportJobView, {
    description: 'Writes the complaints matching the `complaints` filter as CSV or XLSX; more than 5,000 rows run in the background.',
  })
  async exportComplaints(
    @Auth() auth: AuthContext,
    @Args('format', { type: () => ExportFormatEnum }) format: ExportFormatEnum,
    @Args('filter', { nullable: true }) filter?: ComplaintFilter,
    @Args('locale', {
      nullable: true,
      description: 'Language of the headers and values: zh-CN (default) or en — the console sends its own.',
    })
    locale?: string,
  ): Promise<ExportJobView> {
    return toExportView(await this.exportJobs.exportComplaints(auth, filter ?? {}, format, exportLocaleOf(locale)));
  }

  @Roles(...EXPORT_ROLES)
  @Query(() => ExportJobView)
  async exportJob(@Auth() auth: AuthContext, @Args('id', { type: () => ID }) id: string): Promise<ExportJobView> {
    return toExportView(await this.exportJobs.get(auth, id));
  }

  @Roles(...REPORT_ROLES)
  @Query(() => [WeeklyReportView], { description: 'Weekly reports, newest first.' })
  async weeklyReports(
    @Auth() auth: AuthContext,
    @Args('first', { type: () => Int, nullable: true }, PageSizePipe) first?: number,
  ): Promise<WeeklyReportView[]> {
    return (await this.reports.list(auth.tenantId, first ?? 20)).map(toReportView);
  }

  @Roles(...REPORT_ROLES)
  @Query(() => WeeklyReportView, { description: 'The report of the week starting on this local Monday (YYYY-MM-DD).' })
  async weeklyReport(@Auth() auth: AuthContext, @Args('week') week: string): Promise<WeeklyReportView> {
    return toReportView(await this.reports.get(auth.tenantId, week));
  }

  @Roles(...REPORT_ROLES)
  @Mutation(() => WeeklyReportView, { description: 'Generates (or regenerates) the report of the week starting on this local Monday.' })
  async generateWeeklyReport(@Auth() auth: AuthContext, @Args('weekStart') weekStart: string): Promise<WeeklyReportView> {
    return toReportView(await this.reports.generate(auth.tenantId, weekStart));
  }

  @Roles(...ANALYTICS_ROLES)
  @Query(() => [AnalyticsAlertView], { description: '预警, newest first.' })
  async analyticsAlerts(
    @Auth() auth: AuthContext,
    @Args('status', { type: () => AlertStatusEnum, nullable: true }) status?: AlertStatusEnum,
    @Args('first', { type: () => Int, nullable: true }, PageSizePipe) first?: number,
  ): Promise<AnalyticsAlertView[]> {
    return (await this.warnings.list(auth.tenantId, status ?? null, first ?? 50)).map(toAlertView);
  }

  @Roles(...REPORT_ROLES)
  @Mutation(() => AnalyticsAlertView)
  async acknowledgeAlert(@Auth() auth: AuthContext, @Args('id', { type: () => ID }) id: string): Promise<AnalyticsAlertView> {
    return toAlertView(await this.warnings.acknowledge(auth.tenantId, id, auth.userId ?? auth.tokenId ?? null));
  }
}

function toExportView(job: ExportJob): ExportJobView {
  return {
    id: job.id,
    status: job.status,
    progress: job.progress,
    rowCount: job.rowCount ?? null,
    format: job.format as ExportFormatEnum,
    source: job.source,
    url: `/exports/${job.id}`,
    fileName: job.fileName ?? null,
    error: job.error ?? null,
    expiresAt: job.expiresAt,
  };
}

function toReportView(report: WeeklyReport): WeeklyReportView {
  const content = report.content as unknown as WeeklyReportContent;
  return {
    id: report.id,
    weekStart: report.weekStart,
    weekEnd: content.weekEnd,
    timeZone: report.timeZone,
    generatedAt: report.generatedAt,
    received: content.current.received,
    previousReceived: content.previous.received,
    receivedDelta: content.current.received - content.previous.received,
    kpis: content.kpis,
    content: report.content,
  };
}

function toAlertView(alert: AnalyticsAlert): AnalyticsAlertView {
  const e = alert.evidence;
  return {
    id: alert.id,
    kind: alert.kind,
    dimension: alert.dimension,
    key: alert.key,
    day: alert.day,
    status: alert.status as AlertStatusEnum,
    message: alert.message,
    observed: e.observed,
    baselineMean: e.baselineMean,
    pValue: e.pValue,
    windowDays: e.windowDays,
    complaintIds: e.complaintIds,
    raisedAt: alert.raisedAt,
    acknowledgedAt: alert.acknowledgedAt ?? null,
  };
}
