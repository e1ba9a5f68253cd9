import { Injectable, Logger } from '@nestjs/common';
import { PeriodicWorker } from '../../common/periodic-worker';
import { TenantService } from '../tenant/tenant.service';
import { EarlyWarningService } from './early-warning.service';
import { ExportService } from './export.service';
import { WeeklyReportService } from './weekly-report.service';

export const ANALYTICS_TICK_MS = 5 * 60_000;

export interface TickResult {
  reports: number;
  alerts: number;
  expiredExports: number;
}

/**
 * Every five minutes: the weekly report that has come due (Monday 08:00 tenant time, or the first tick after),
 * the early-warning detectors, and removal of expired export files. Reports and alerts are unique per
 * tenant and week / key and day in the database, so several API instances never double them.
 */
@Injectable()
export class AnalyticsScheduler extends PeriodicWorker<TickResult> {
  protected readonly logger = new Logger('AnalyticsScheduler');

  constructor(
    private readonly tenants: TenantService,
    private readonly reports: WeeklyReportService,
    private readonly warnings: EarlyWarningService,
    private readonly exportJobs: ExportService,
  ) {
    super(ANALYTICS_TICK_MS);
  }

  protected override settle(): Promise<void> {
    return this.exportJobs.settle();
  }

  /** One pass over all tenants at the clock's now (tests call `tick()` instead of waiting five minutes). */
  protected async sweep(): Promise<TickResult> {
    const result: TickResult = { reports: 0, alerts: 0, expiredExports: 0 };
    const tenants = await this.tenants.listForSweep();
    for (const { id } of tenants) {
      try {
        if (await this.reports.generateDue(id)) result.reports += 1;
        result.alerts += (await this.warnings.detect(id)).length;
      } catch (error) {
        // One tenant's broken data must not stop the others.
        this.logger.error(`Analytics for tenant ${id} failed: ${(error as Error).message}`);
      }
    }
    result.expiredExports = await this.exportJobs.removeExpired();
    return result;
  }
}
