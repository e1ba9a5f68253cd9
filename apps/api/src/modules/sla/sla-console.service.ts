import { Injectable } from '@nestjs/common';
import { SlaService } from './sla.service';
import { SlaCalendars } from './sla-calendars.service';
import { SlaErrors } from './sla.exception';
import { addLocalDays, diffLocalDays } from './calendar';
import type { BusinessCalendarView, CalendarPreview } from './dtos/sla.types';

const MAX_PREVIEW_DAYS = 366;

/** The console's calendar views (list, preview) over the current policy's calendars. */
@Injectable()
export class SlaCalendarsResolverService {
  constructor(
    private readonly sla: SlaService,
    private readonly calendars: SlaCalendars,
  ) {}

  async businessCalendars(tenantId: string): Promise<BusinessCalendarView[]> {
    const policy = await this.sla.currentPolicy(tenantId);
    const defaultKey = this.calendars.defaultKey(policy);
    return this.calendars.definitions(policy).map((c) => ({
      key: c.key,
      nameZh: c.name.zh,
      nameEn: c.name.en ?? null,
      timeZone: c.timeZone,
      workingHours: c.workingHours,
      weekendDays: c.weekendDays,
      useChineseHolidays: c.useChineseHolidays,
      closures: c.closures ?? [],
      extraWorkingDays: c.extraWorkingDays ?? [],
      isDefault: c.key === defaultKey,
      fault: this.calendars.fault(tenantId, policy, c.key),
    }));
  }

  async calendarPreview(tenantId: string, calendarKey: string, from: Date, workingDays: number): Promise<CalendarPreview> {
    if (!Number.isInteger(workingDays) || workingDays < 0 || workingDays > MAX_PREVIEW_DAYS)
      throw SlaErrors.create('PREVIEW_TOO_LONG', { field: 'workingDays' });
    const policy = await this.sla.currentPolicy(tenantId);
    const calendar = this.calendars.named(tenantId, policy, calendarKey);
    const due = calendar.addWorkingDays(from, workingDays);
    const first = calendar.localDate(from);
    const last = calendar.localDate(due);
    const days = [];
    for (let d = first; diffLocalDays(d, last) >= 0; d = addLocalDays(d, 1)) {
      const info = calendar.dayInfo(d);
      days.push({ date: info.date, working: info.working, reason: info.reason, name: info.name ?? null });
    }
    return {
      calendarKey,
      timeZone: calendar.timeZone,
      from,
      workingDays,
      due,
      days,
      fault: this.calendars.fault(tenantId, policy, calendarKey),
    };
  }
}
