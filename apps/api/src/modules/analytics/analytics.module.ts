import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnalyticsAlert, ComplaintDailyOnTime, ComplaintDailyStats, ExportJob, StatsRollupState, WeeklyReport } from './analytics.entity';
import { StatsRollup } from './stats-rollup.service';
import { ComplaintStatsService } from './complaint-stats.service';
import { ExportService } from './export.service';
import { ExportController } from './export.controller';
import { WeeklyReportService } from './weekly-report.service';
import { EarlyWarningService } from './early-warning.service';
import { AnalyticsScheduler } from './analytics.scheduler';
import { AnalyticsResolver } from './analytics.resolver';
import { CustomerModule } from '../customer/customer.module';

/** Statistics (投诉统计表), exports, the Monday weekly report and early warning (预警). */
@Module({
  imports: [
    TypeOrmModule.forFeature([AnalyticsAlert, WeeklyReport, ExportJob, ComplaintDailyStats, ComplaintDailyOnTime, StatsRollupState]),
    CustomerModule,
  ],
  controllers: [ExportController],
  providers: [
    ComplaintStatsService,
    StatsRollup,
    ExportService,
    WeeklyReportService,
    EarlyWarningService,
    AnalyticsScheduler,
    AnalyticsResolver,
  ],
  exports: [ComplaintStatsService, StatsRollup, EarlyWarningService, WeeklyReportService, AnalyticsScheduler],
})
export class AnalyticsModule {}
