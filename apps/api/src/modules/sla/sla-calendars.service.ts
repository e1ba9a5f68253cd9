import { Injectable } from '@nestjs/common';
import type { CalendarDefinition } from '@redress/sdk';
import { BusinessCalendar, DEFAULT_CALENDAR_CONFIG } from './calendar';
import type { CompiledPolicy } from '../policy/engine/compiled-policy';
import { SlaErrors } from './sla.exception';

const MAX_CACHED = 500;

/** The policy's key for a calendar that is not configured: the built-in Chinese working week. */
export const BUILT_IN_CALENDAR_KEY = 'default';

export function builtInCalendarDefinition(key = BUILT_IN_CALENDAR_KEY): CalendarDefinition {
  return {
    key, name: { zh: '默认工作日历（中国法定节假日）', en: 'Default (Chinese public holidays)' }, timeZone: DEFAULT_CALENDAR_CONFIG.timeZone,
    workingHours: DEFAULT_CALENDAR_CONFIG.workingHours.map((h) => ({ ...h })), weekendDays: [...DEFAULT_CALENDAR_CONFIG.weekendDays],
    useChineseHolidays: true,
  };
}

/**
 * Business calendars from a policy version's `calendars`, built once per (tenant, version, key): a version never
 * changes, so neither does its calendar, and BusinessCalendar keeps a per-day cache worth keeping.
 */
@Injectable()
export class SlaCalendars {
  private readonly cache = new Map<string, BusinessCalendar>();

  /** Calendar definitions of a policy (the built-in one when the policy configures none under the default key). */
  definitions(policy: CompiledPolicy): CalendarDefinition[] {
    const defined = policy.document.calendars ?? [];
    const defaultKey = this.defaultKey(policy);
    return defined.some((c) => c.key === defaultKey) ? defined : [...defined, builtInCalendarDefinition(defaultKey)];
  }

  defaultKey(policy: CompiledPolicy): string {
    return policy.document.settings?.defaultCalendar || BUILT_IN_CALENDAR_KEY;
  }

  /** The calendar of `key` (default: the policy's default calendar). Unknown keys fall back to the default one. */
  calendar(tenantId: string, policy: CompiledPolicy, key?: string | null): BusinessCalendar {
    const wanted = key || this.defaultKey(policy);
    const cacheKey = `${tenantId}:${policy.version}:${wanted}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const definitions = this.definitions(policy);
    const definition = definitions.find((c) => c.key === wanted) ?? definitions.find((c) => c.key === this.defaultKey(policy))!;
    const calendar = new BusinessCalendar({
      timeZone: definition.timeZone, workingHours: definition.workingHours, weekendDays: definition.weekendDays,
      useChineseHolidays: definition.useChineseHolidays, closures: definition.closures, extraWorkingDays: definition.extraWorkingDays,
    });
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(cacheKey, calendar);
    return calendar;
  }

  /** Like `calendar` but an unknown key is an error (the console asked for it by name). */
  named(tenantId: string, policy: CompiledPolicy, key: string): BusinessCalendar {
    if (!this.definitions(policy).some((c) => c.key === key)) throw SlaErrors.create('CALENDAR_NOT_FOUND', { field: 'calendarKey', params: { key } });
    return this.calendar(tenantId, policy, key);
  }
}
