import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnalyticsAlert, ExportJob, WeeklyReport } from './analytics.entity';
import { ComplaintStatsService } from './complaint-stats.service';
import { ExportService } from './export.service';
import { ExportController } from './export.controller';
import { WeeklyReportService } from './weekly-report.service';
import { EarlyWarningService } from './early-warning.service';
import { AnalyticsScheduler } from './analytics.scheduler';
import { AnalyticsResolver } from './analytics.resolver';

/** Statistics (投诉统计表), exports, the Monday weekly report and early warning (预警). */
@Module({
  imports: [TypeOrmModule.forFeature([AnalyticsAlert, WeeklyReport, ExportJob])],
  controllers: [ExportController],
  providers: [ComplaintStatsService, ExportService, WeeklyReportService, EarlyWarningService, AnalyticsScheduler, AnalyticsResolver],
  exports: [ComplaintStatsService, EarlyWarningService, WeeklyReportService, AnalyticsScheduler],
})
export class AnalyticsModule {}
