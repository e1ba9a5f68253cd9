/** SLA status of a complaint for the queue's colour: on time / at risk / breached. */
export type SlaStatus = 'on_time' | 'at_risk' | 'breached' | 'stopped';

export interface SlaClockLike {
  target?: string;
  key?: string;
  slaPolicy?: string;
  status?: string;
  state?: string;
  dueAt?: string | null;
  warnAt?: string | null;
  startedAt?: string | null;
  stoppedAt?: string | null;
  remainingWorkingMinutes?: number | null;
  /** Years the deadline crosses whose official holidays the calendar does not know (the due time may be wrong). */
  holidayDataMissingYears?: number[] | null;
}

const normalize = (status?: string): SlaStatus | undefined => {
  const s = status?.toLowerCase();
  if (!s) return undefined;
  if (s.includes('breach') || s.includes('overdue')) return 'breached';
  if (s.includes('warn') || s.includes('risk')) return 'at_risk';
  if (s.includes('stop') || s.includes('met') || s.includes('done') || s.includes('complete')) return 'stopped';
  if (s.includes('run') || s.includes('on_time') || s.includes('ok') || s.includes('pending')) return 'on_time';
  return undefined;
};

/** A clock's status: the API's word when it gives one, otherwise from its due and warning times. */
export function clockStatus(clock: SlaClockLike, now: Date): SlaStatus {
  const stated = normalize(clock.status ?? clock.state);
  if (stated) return stated;
  if (clock.stoppedAt) return 'stopped';
  if (clock.dueAt && new Date(clock.dueAt) <= now) return 'breached';
  if (clock.warnAt && new Date(clock.warnAt) <= now) return 'at_risk';
  return 'on_time';
}

const RANK: Record<SlaStatus, number> = { stopped: 0, on_time: 1, at_risk: 2, breached: 3 };

/** The clock that matters most: the worst running one, the earliest due among equals. */
export function worstClock(clocks: SlaClockLike[], now: Date): { clock: SlaClockLike; status: SlaStatus } | undefined {
  return clocks
    .map((clock) => ({ clock, status: clockStatus(clock, now) }))
    .sort((a, b) => RANK[b.status] - RANK[a.status] || String(a.clock.dueAt ?? '').localeCompare(String(b.clock.dueAt ?? '')))[0];
}

/** Remaining time as {days, hours, minutes}; working minutes from the API when given (8-hour working days). */
export function remaining(
  clock: SlaClockLike,
  now: Date,
): { working: boolean; negative: boolean; days: number; hours: number; minutes: number } | undefined {
  if (typeof clock.remainingWorkingMinutes === 'number') {
    const total = clock.remainingWorkingMinutes;
    const abs = Math.abs(total);
    return {
      working: true,
      negative: total < 0,
      days: Math.floor(abs / 480),
      hours: Math.floor((abs % 480) / 60),
      minutes: Math.round(abs % 60),
    };
  }
  if (!clock.dueAt) return undefined;
  const total = Math.round((new Date(clock.dueAt).getTime() - now.getTime()) / 60000);
  const abs = Math.abs(total);
  return { working: false, negative: total < 0, days: Math.floor(abs / 1440), hours: Math.floor((abs % 1440) / 60), minutes: abs % 60 };
}
