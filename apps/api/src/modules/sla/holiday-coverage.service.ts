import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import chineseDaysPackage from 'chinese-days/package.json';
import { Clock } from '../../common/clock';
import { TenantService } from '../tenant/tenant.service';
import { PolicyService } from '../policy/policy.service';
import { CHINESE_HOLIDAY_DATA_COVERAGE, localDateOf } from './calendar';
import { SlaCalendars } from './sla-calendars.service';

export interface HolidayCoverageReport {
  /** The bundled data: `chinese-days` and the years it knows. */
  bundled: { package: string; version: string; firstYear: number; lastYear: number };
  currentYear: number;
  /**
   * The last year up to which every tenant's Chinese-holiday calendars know the holidays without a gap from the
   * current year (bundled data plus the schedules entered in each tenant's current policy).
   */
  lastCoveredYear: number;
  nextYearCovered: boolean;
  /** Tenants whose current policy does not know next year's holidays yet. */
  tenantsWithoutNextYear: number;
}

const CACHE_MS = 60_000;

/** How far the holiday data reaches, for `/health` and operators: the State Council publishes next year's in Oct–Dec. */
@Injectable()
export class HolidayCoverageService {
  private cached?: { at: number; report: HolidayCoverageReport };

  constructor(
    private readonly tenants: TenantService,
    private readonly moduleRef: ModuleRef,
    private readonly calendars: SlaCalendars,
    private readonly clock: Clock,
  ) {}

  async report(): Promise<HolidayCoverageReport> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.report;
    const currentYear = Number(localDateOf(this.clock.now(), 'Asia/Shanghai').slice(0, 4));
    const bundled = { package: 'chinese-days', version: String(chineseDaysPackage.version), ...CHINESE_HOLIDAY_DATA_COVERAGE };
    const perTenant: number[] = [];
    for (const tenant of await this.tenants.listForSweep()) {
      const policy = await this.moduleRef.get(PolicyService, { strict: false }).getCurrent(tenant.id);
      if (!policy) continue;
      const chinese = this.calendars
        .definitions(policy)
        .filter((c) => c.useChineseHolidays)
        .map((c) => this.calendars.calendar(tenant.id, policy, c.key));
      if (chinese.length) perTenant.push(lastContiguous(currentYear, (year) => chinese.every((calendar) => calendar.coversYear(year))));
    }
    const lastCoveredYear = perTenant.length
      ? Math.min(...perTenant)
      : lastContiguous(currentYear, (year) => year >= bundled.firstYear && year <= bundled.lastYear);
    const tenantsWithoutNextYear = perTenant.filter((last) => last <= currentYear).length;
    const report = { bundled, currentYear, lastCoveredYear, nextYearCovered: lastCoveredYear > currentYear, tenantsWithoutNextYear };
    this.cached = { at: Date.now(), report };
    return report;
  }
}

/** The last year from `from` on that is covered with no gap (`from - 1` when `from` itself is not). */
function lastContiguous(from: number, covered: (year: number) => boolean): number {
  let year = from - 1;
  while (covered(year + 1) && year < from + 50) year += 1;
  return year;
}
