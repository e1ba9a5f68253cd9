import { Injectable, Logger } from '@nestjs/common';
import type { CalendarDefinition } from '@redress/sdk';
import { BusinessCalendar, CalendarConfigError, DEFAULT_CALENDAR_CONFIG, type CalendarConfig } from './calendar';
import type { CalendarProblem } from './calendar/calendar-problems';
import type { CompiledPolicy } from '../policy/engine/compiled-policy';
import { SlaErrors } from './sla.exception';

const MAX_CACHED = 500;

/** The policy's key for a calendar that is not configured: the built-in Chinese working week. */
export const BUILT_IN_CALENDAR_KEY = 'default';

export function builtInCalendarDefinition(key = BUILT_IN_CALENDAR_KEY): CalendarDefinition {
  return {
    key,
    name: { zh: '默认工作日历（中国法定节假日）', en: 'Default (Chinese public holidays)' },
    timeZone: DEFAULT_CALENDAR_CONFIG.timeZone,
    workingHours: DEFAULT_CALENDAR_CONFIG.workingHours.map((h) => ({ ...h })),
    weekendDays: [...DEFAULT_CALENDAR_CONFIG.weekendDays],
    useChineseHolidays: true,
  };
}

/** A calendar of a published version that cannot be built: intake and clocks use the built-in calendar instead. */
export interface CalendarFault {
  calendarKey: string;
  policyVersion: number;
  problems: CalendarProblem[];
  /** What is used instead. */
  fallback: 'built_in_default';
}

interface Built {
  calendar: BusinessCalendar;
  fault: CalendarFault | null;
}

/**
 * Business calendars from a policy version's `calendars`, built once per (tenant, version, key): a version never
 * changes, so neither does its calendar, and BusinessCalendar keeps a per-day cache worth keeping.
 *
 * A calendar value the calendar refuses (a version published before calendars were validated, or a time zone the
 * runtime's tz data no longer knows) must not stop intake or the scheduler: such a calendar is replaced by the
 * built-in one, the same way every time for that version, and `fault` says so (intake writes it on the timeline).
 */
@Injectable()
export class SlaCalendars {
  private readonly logger = new Logger('SlaCalendars');
  private readonly cache = new Map<string, Built>();

  /** Calendar definitions of a policy (the built-in one when the policy configures none under the default key). */
  definitions(policy: CompiledPolicy): CalendarDefinition[] {
    const defined = policy.document.calendars ?? [];
    const defaultKey = this.defaultKey(policy);
    return defined.some((c) => c.key === defaultKey) ? defined : [...defined, builtInCalendarDefinition(defaultKey)];
  }

  defaultKey(policy: CompiledPolicy): string {
    return policy.document.settings?.defaultCalendar || BUILT_IN_CALENDAR_KEY;
  }

  /** The calendar of `key` (default: the policy's default calendar). Unknown keys fall back to the default one. Never throws for a policy fault. */
  calendar(tenantId: string, policy: CompiledPolicy, key?: string | null): BusinessCalendar {
    return this.built(tenantId, policy, key).calendar;
  }

  /** Why the calendar of `key` is the built-in fallback, or null when the policy's own calendar is used. */
  fault(tenantId: string, policy: CompiledPolicy, key?: string | null): CalendarFault | null {
    return this.built(tenantId, policy, key).fault;
  }

  private built(tenantId: string, policy: CompiledPolicy, key?: string | null): Built {
    const wanted = key || this.defaultKey(policy);
    const cacheKey = `${tenantId}:${policy.version}:${wanted}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const definitions = this.definitions(policy);
    const definition = definitions.find((c) => c.key === wanted) ?? definitions.find((c) => c.key === this.defaultKey(policy))!;
    let built: Built;
    try {
      built = { calendar: new BusinessCalendar(configOf(definition, policy)), fault: null };
    } catch (error) {
      if (!(error instanceof CalendarConfigError)) throw error;
      const fault: CalendarFault = {
        calendarKey: definition.key,
        policyVersion: policy.version,
        problems: error.problems,
        fallback: 'built_in_default',
      };
      this.logger.error(
        `tenant ${tenantId} policy v${policy.version}: calendar "${definition.key}" is invalid (${error.message}); using the built-in calendar`,
      );
      built = { calendar: fallbackCalendar(definition.key, policy), fault };
    }
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(cacheKey, built);
    return built;
  }

  /** Like `calendar` but an unknown key is an error (the console asked for it by name). */
  named(tenantId: string, policy: CompiledPolicy, key: string): BusinessCalendar {
    if (!this.definitions(policy).some((c) => c.key === key))
      throw SlaErrors.create('CALENDAR_NOT_FOUND', { field: 'calendarKey', params: { key } });
    return this.calendar(tenantId, policy, key);
  }
}

/** The built-in calendar, with the policy's holiday schedules unless they are what is broken. */
function fallbackCalendar(key: string, policy: CompiledPolicy): BusinessCalendar {
  try {
    return new BusinessCalendar(configOf(builtInCalendarDefinition(key), policy));
  } catch {
    return new BusinessCalendar({ ...configOf(builtInCalendarDefinition(key), policy), holidaySchedules: [] });
  }
}

/** A calendar of a policy follows the policy's entered holiday schedules (for the years they cover). */
function configOf(definition: CalendarDefinition, policy: CompiledPolicy): Partial<CalendarConfig> {
  return {
    holidaySchedules: policy.document.holidaySchedules ?? [],
    timeZone: definition.timeZone,
    workingHours: definition.workingHours,
    weekendDays: definition.weekendDays,
    useChineseHolidays: definition.useChineseHolidays,
    closures: definition.closures,
    extraWorkingDays: definition.extraWorkingDays,
  };
}
