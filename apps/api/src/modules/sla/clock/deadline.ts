/**
 * Pure SLA deadline arithmetic and the SLA clock state machine.
 *
 * Everything here is a pure function of its inputs (no `Date.now()`); states are plain
 * JSON-serialisable objects (instants as ISO-8601 UTC strings) and are never mutated —
 * every transition returns a new state.
 */
import type { BusinessCalendar } from '../calendar/business-calendar';
import { addLocalDays, localMinuteOfDay, zonedTimeToInstant } from '../calendar/zoned-time';

export type DurationKind = 'natural_minutes' | 'natural_hours' | 'natural_days' | 'working_minutes' | 'working_hours' | 'working_days';

export interface DurationSpec {
  amount: number;
  kind: DurationKind;
}

/**
 * What to do when a computed deadline falls on a NON-WORKING DAY (weekend, holiday,
 * closure). Deadlines on a working day outside working hours (e.g. 22:00) are never moved.
 *  - `roll_forward_end_of_next_working_day`: end of working hours of the next working day
 *    (民法典 第203条: a period whose last day is a holiday ends on the day after the holiday);
 *  - `roll_forward_start_of_next_working_day`: start of working hours of the next working day;
 *  - `keep`: leave the deadline where it is.
 */
export type NonWorkingDayRule = 'roll_forward_end_of_next_working_day' | 'roll_forward_start_of_next_working_day' | 'keep';

const MS_PER_MINUTE = 60_000;

// ------------------------------------------------------------------ errors

export type SlaClockErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_TRANSITION'
  | 'TIME_TRAVEL'
  | 'KIND_MISMATCH'
  | 'EXTENSION_LIMIT'
  | 'EXTENSION_NOT_LONGER'
  | 'EXTENSION_AFTER_DUE';

export class SlaClockError extends Error {
  override readonly name: string = 'SlaClockError';
  constructor(
    readonly code: SlaClockErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Thrown by `extendClock` when the clock is already at the last extension stage. */
export class ExtensionLimitError extends SlaClockError {
  override readonly name = 'ExtensionLimitError';
  constructor(
    readonly currentStage: number,
    readonly maxStage: number,
  ) {
    super('EXTENSION_LIMIT', `Cannot extend beyond stage ${maxStage} (current stage ${currentStage})`);
  }
}

// ------------------------------------------------------------------ durations

/** `true` for `working_*` kinds (measured in working time of the calendar). */
export function isWorkingKind(kind: DurationKind): boolean {
  return kind.startsWith('working_');
}

/**
 * Default `NonWorkingDayRule` used by `computeDue` when none is given:
 * `natural_days` → `roll_forward_end_of_next_working_day` (statutory reading of "N日内");
 * everything else → `keep` (natural minutes/hours are round-the-clock targets; working
 * kinds always end on a working day anyway).
 */
export function defaultNonWorkingDayRule(kind: DurationKind): NonWorkingDayRule {
  return kind === 'natural_days' ? 'roll_forward_end_of_next_working_day' : 'keep';
}

function assertDuration(d: DurationSpec): void {
  if (!Number.isFinite(d.amount) || d.amount < 0) {
    throw new SlaClockError('INVALID_ARGUMENT', `Duration amount must be a non-negative number, got ${d.amount}`);
  }
  if ((d.kind === 'natural_days' || d.kind === 'working_days') && !Number.isInteger(d.amount)) {
    throw new SlaClockError('INVALID_ARGUMENT', `${d.kind} amount must be an integer, got ${d.amount}`);
  }
}

function assertDate(d: Date, what: string): void {
  if (!(d instanceof Date) || !Number.isFinite(d.getTime())) {
    throw new SlaClockError('INVALID_ARGUMENT', `${what} must be a valid Date`);
  }
}

/** Unrolled due date (before applying the non-working-day rule). */
function rawDue(start: Date, duration: DurationSpec, calendar: BusinessCalendar): Date {
  const { amount, kind } = duration;
  switch (kind) {
    case 'natural_minutes':
      return new Date(start.getTime() + Math.round(amount * MS_PER_MINUTE));
    case 'natural_hours':
      return new Date(start.getTime() + Math.round(amount * 60 * MS_PER_MINUTE));
    case 'natural_days': {
      // Same local wall-clock time `amount` calendar days later (DST-safe). This is
      // stricter than 民法典 "ends at 24:00 of the last day", i.e. never late.
      const tz = calendar.timeZone;
      const day = addLocalDays(calendar.localDate(start), amount);
      return zonedTimeToInstant(day, localMinuteOfDay(start, tz), tz);
    }
    case 'working_minutes':
      return calendar.addWorkingMinutes(start, amount);
    case 'working_hours':
      return calendar.addWorkingHours(start, amount);
    case 'working_days':
      return calendar.addWorkingDays(start, amount);
  }
}

/** Applies a `NonWorkingDayRule` to an instant. */
export function applyNonWorkingDayRule(due: Date, calendar: BusinessCalendar, rule: NonWorkingDayRule): Date {
  if (rule === 'keep' || calendar.isWorkingDay(due)) return due;
  return rule === 'roll_forward_end_of_next_working_day' ? calendar.nextWorkingDayEnd(due) : calendar.nextWorkingDayStart(due);
}

/**
 * Due instant of an SLA target started at `start`.
 *  - `natural_minutes` / `natural_hours`: plain elapsed time;
 *  - `natural_days`: same local wall-clock time N calendar days later (in the calendar zone);
 *  - `working_minutes` / `working_hours`: `calendar.addWorkingMinutes` (counting starts at
 *    the next working time if `start` is outside working hours);
 *  - `working_days`: `calendar.addWorkingDays` → END of working hours of the N-th working
 *    day after the day of `start` (day of receipt not counted unless `countStartDay`).
 * Then `onNonWorkingDay` (default: `defaultNonWorkingDayRule(kind)`) is applied when the
 * result falls on a non-working day.
 */
export function computeDue(start: Date, duration: DurationSpec, calendar: BusinessCalendar, onNonWorkingDay?: NonWorkingDayRule): Date {
  assertDate(start, 'start');
  assertDuration(duration);
  const rule = onNonWorkingDay ?? defaultNonWorkingDayRule(duration.kind);
  return applyNonWorkingDayRule(rawDue(start, duration, calendar), calendar, rule);
}

/**
 * The instant at which `thresholdPercent` % of the time between `start` and `due` has
 * elapsed — working time for `working_*` kinds, elapsed time for natural kinds.
 * E.g. 80 → "at risk" warning. The result is not moved into working hours; use
 * `calendar.nextWorkingTime()` when scheduling a human-facing reminder.
 */
export function warningAt(start: Date, due: Date, thresholdPercent: number, calendar: BusinessCalendar, kind: DurationKind): Date {
  assertDate(start, 'start');
  assertDate(due, 'due');
  if (!Number.isFinite(thresholdPercent) || thresholdPercent < 0 || thresholdPercent > 100) {
    throw new SlaClockError('INVALID_ARGUMENT', `thresholdPercent must be within 0..100, got ${thresholdPercent}`);
  }
  if (due.getTime() <= start.getTime()) return new Date(due.getTime());
  const f = thresholdPercent / 100;
  if (isWorkingKind(kind)) {
    const total = calendar.workingMinutesBetween(start, due);
    if (f === 1) return new Date(due.getTime());
    return calendar.addWorkingMinutes(start, total * f);
  }
  return new Date(start.getTime() + Math.round((due.getTime() - start.getTime()) * f));
}

// ------------------------------------------------------------------ clock state

export type ClockStatus = 'running' | 'paused' | 'met' | 'breached' | 'cancelled';

export interface ClockExtension {
  /** Index into the `stages` array passed to `extendClock` (1 = first extension). */
  stage: number;
  reason: string;
  approvedBy?: string;
  at: string;
  newDueAt: string;
}

export interface ClockState {
  startedAt: string;
  dueAt: string;
  warnAt?: string;
  /** Set while paused. */
  pausedAt?: string | null;
  /**
   * Total duration of completed pauses, in the unit of the clock's kind: WORKING minutes
   * for `working_*` targets, elapsed minutes for natural targets.
   */
  pausedMinutes: number;
  /** `met` / `breached` are terminal: the clock was stopped on time / late. */
  state: ClockStatus;
  extensions: ClockExtension[];
  // --- optional bookkeeping written by startClock (older/foreign states may lack it) ---
  /** Current target: the initial duration or the latest extension stage. */
  duration?: DurationSpec;
  warnPercent?: number;
  onNonWorkingDay?: NonWorkingDayRule;
  /** Completed pause intervals (ISO instants). */
  pauses?: { from: string; to: string }[];
  /** When the clock was stopped or cancelled. */
  stoppedAt?: string | null;
}

export interface StartClockOptions {
  /** Percent of the (working) time after which the clock is `at_risk`. Default 80. */
  warnPercent?: number;
  /** Default: `defaultNonWorkingDayRule(duration.kind)`. */
  onNonWorkingDay?: NonWorkingDayRule;
}

function iso(d: Date): string {
  return d.toISOString();
}

/** Paused amount between two instants in the unit of `kind`. */
function pausedAmount(from: Date, to: Date, kind: DurationKind, calendar: BusinessCalendar): number {
  return isWorkingKind(kind) ? calendar.workingMinutesBetween(from, to) : (to.getTime() - from.getTime()) / MS_PER_MINUTE;
}

function shift(instant: Date, minutes: number, kind: DurationKind, calendar: BusinessCalendar): Date {
  if (minutes <= 0) return instant;
  return isWorkingKind(kind)
    ? calendar.addWorkingMinutes(instant, minutes)
    : new Date(instant.getTime() + Math.round(minutes * MS_PER_MINUTE));
}

/** Due and warning instants for a target, pushed forward by `pausedMinutes` (unit of the kind). */
function schedule(
  start: Date,
  duration: DurationSpec,
  calendar: BusinessCalendar,
  rule: NonWorkingDayRule,
  warnPercent: number,
  pausedMinutes: number,
): { due: Date; warn: Date } {
  const baseDue = computeDue(start, duration, calendar, rule);
  const baseWarn = warningAt(start, baseDue, warnPercent, calendar, duration.kind);
  let due: Date;
  if (isWorkingKind(duration.kind)) {
    due = shift(baseDue, pausedMinutes, duration.kind, calendar);
  } else {
    // Push the unrolled natural deadline, then roll it (a roll-forward is not extended twice).
    due = applyNonWorkingDayRule(shift(rawDue(start, duration, calendar), pausedMinutes, duration.kind, calendar), calendar, rule);
  }
  return { due, warn: shift(baseWarn, pausedMinutes, duration.kind, calendar) };
}

function requireState(state: ClockState, allowed: ClockStatus[], action: string): void {
  if (!allowed.includes(state.state)) {
    throw new SlaClockError('INVALID_TRANSITION', `Cannot ${action} a clock in state '${state.state}'`);
  }
}

function requireNotBefore(at: Date, ref: string | null | undefined, what: string): void {
  assertDate(at, 'at');
  if (ref && at.getTime() < Date.parse(ref)) {
    throw new SlaClockError('TIME_TRAVEL', `${at.toISOString()} is before ${what} ${ref}`);
  }
}

/** Starts a clock: computes `dueAt` and `warnAt` (default 80 %). */
export function startClock(start: Date, duration: DurationSpec, calendar: BusinessCalendar, options: StartClockOptions = {}): ClockState {
  const warnPercent = options.warnPercent ?? 80;
  const rule = options.onNonWorkingDay ?? defaultNonWorkingDayRule(duration.kind);
  const { due, warn } = schedule(start, duration, calendar, rule, warnPercent, 0);
  return {
    startedAt: iso(start),
    dueAt: iso(due),
    warnAt: iso(warn),
    pausedAt: null,
    pausedMinutes: 0,
    state: 'running',
    extensions: [],
    duration: { ...duration },
    warnPercent,
    onNonWorkingDay: rule,
    pauses: [],
    stoppedAt: null,
  };
}

/** running → paused (e.g. waiting for the customer). */
export function pauseClock(state: ClockState, at: Date): ClockState {
  requireState(state, ['running'], 'pause');
  requireNotBefore(at, state.startedAt, 'start');
  const lastPause = state.pauses?.[state.pauses.length - 1];
  requireNotBefore(at, lastPause?.to, 'last resume');
  return { ...state, state: 'paused', pausedAt: iso(at) };
}

/**
 * paused → running. The paused time (WORKING minutes between `pausedAt` and `at` for
 * working kinds, elapsed minutes for natural kinds) is added to `pausedMinutes` and
 * `dueAt`/`warnAt` are pushed forward by it. `kind` defaults to the clock's own kind.
 */
export function resumeClock(state: ClockState, at: Date, calendar: BusinessCalendar, kind?: DurationKind): ClockState {
  requireState(state, ['paused'], 'resume');
  if (!state.pausedAt) throw new SlaClockError('INVALID_TRANSITION', 'Paused clock has no pausedAt');
  requireNotBefore(at, state.pausedAt, 'pausedAt');
  const k = kind ?? state.duration?.kind;
  if (!k) throw new SlaClockError('INVALID_ARGUMENT', 'Duration kind unknown: pass `kind`');
  if (state.duration && state.duration.kind !== k) {
    throw new SlaClockError('KIND_MISMATCH', `Clock kind is ${state.duration.kind}, got ${k}`);
  }
  const pausedAt = new Date(state.pausedAt);
  const delta = pausedAmount(pausedAt, at, k, calendar);
  const pausedMinutes = state.pausedMinutes + delta;
  const pauses = [...(state.pauses ?? []), { from: state.pausedAt, to: iso(at) }];

  let dueAt: string;
  let warnAt: string | undefined;
  if (state.duration) {
    const rule = state.onNonWorkingDay ?? defaultNonWorkingDayRule(k);
    const { due, warn } = schedule(new Date(state.startedAt), state.duration, calendar, rule, state.warnPercent ?? 80, pausedMinutes);
    dueAt = iso(due);
    warnAt = state.warnAt === undefined ? undefined : iso(warn);
  } else {
    // Foreign state without bookkeeping: push incrementally.
    dueAt = iso(shift(new Date(state.dueAt), delta, k, calendar));
    warnAt = state.warnAt === undefined ? undefined : iso(shift(new Date(state.warnAt), delta, k, calendar));
  }
  return { ...state, state: 'running', pausedAt: null, pausedMinutes, pauses, dueAt, warnAt };
}

/**
 * Stops the clock (complaint resolved): → `met` when stopped at or before `dueAt`,
 * otherwise → `breached`. A paused clock is judged at its `pausedAt` (time does not run
 * while paused) and its open pause is simply closed without moving `dueAt`.
 */
export function stopClock(state: ClockState, at: Date): ClockState {
  requireState(state, ['running', 'paused'], 'stop');
  requireNotBefore(at, state.pausedAt ?? state.startedAt, state.pausedAt ? 'pausedAt' : 'start');
  const effective = state.state === 'paused' && state.pausedAt ? Date.parse(state.pausedAt) : at.getTime();
  return {
    ...state,
    state: effective <= Date.parse(state.dueAt) ? 'met' : 'breached',
    pausedAt: null,
    stoppedAt: iso(at),
  };
}

/** running/paused → cancelled (e.g. complaint withdrawn or duplicate). */
export function cancelClock(state: ClockState, at: Date): ClockState {
  requireState(state, ['running', 'paused'], 'cancel');
  requireNotBefore(at, state.startedAt, 'start');
  return { ...state, state: 'cancelled', pausedAt: null, stoppedAt: iso(at) };
}

export interface ExtendClockOptions {
  approvedBy?: string;
  /** Allow an extension once `dueAt` has passed (default false: a breach is not erased). */
  allowAfterDue?: boolean;
}

/**
 * Moves the clock to the NEXT extension stage (stage n → n+1 only).
 *
 * `stages` lists the whole ladder, INCLUDING the initial target at index 0, each measured
 * from `startedAt` — e.g. `[15, 30, 60]` natural days (银保监 投诉处理: 15日, 复杂的延长至30日,
 * 最长60日). The first extension is stage 1. The new due is
 * `computeDue(startedAt, stages[n+1])` pushed by the pauses so far (re-measured in the
 * new stage's kind). Throws `ExtensionLimitError` past the last stage, and
 * `SlaClockError('EXTENSION_NOT_LONGER')` if the stage would not move the due later.
 */
export function extendClock(
  state: ClockState,
  stages: DurationSpec[],
  reason: string,
  at: Date,
  calendar: BusinessCalendar,
  options: ExtendClockOptions | string = {},
): ClockState {
  const opts: ExtendClockOptions = typeof options === 'string' ? { approvedBy: options } : options;
  requireState(state, ['running', 'paused'], 'extend');
  requireNotBefore(at, state.startedAt, 'start');
  if (!reason || !reason.trim()) throw new SlaClockError('INVALID_ARGUMENT', 'An extension needs a reason');
  if (!opts.allowAfterDue && at.getTime() > Date.parse(state.dueAt)) {
    throw new SlaClockError('EXTENSION_AFTER_DUE', `Clock was already due at ${state.dueAt}`);
  }
  const current = state.extensions.length;
  const next = current + 1;
  if (next >= stages.length) throw new ExtensionLimitError(current, Math.max(stages.length - 1, 0));
  const duration = stages[next];
  assertDuration(duration);

  const prevKind = state.duration?.kind;
  let pausedMinutes: number;
  if (prevKind === duration.kind) pausedMinutes = state.pausedMinutes;
  else if (state.pauses) {
    pausedMinutes = state.pauses.reduce((sum, p) => sum + pausedAmount(new Date(p.from), new Date(p.to), duration.kind, calendar), 0);
  } else if (state.pausedMinutes === 0) pausedMinutes = 0;
  else {
    throw new SlaClockError('KIND_MISMATCH', 'Cannot convert paused time to a different duration kind');
  }

  const rule = state.onNonWorkingDay ?? defaultNonWorkingDayRule(duration.kind);
  const { due, warn } = schedule(new Date(state.startedAt), duration, calendar, rule, state.warnPercent ?? 80, pausedMinutes);
  if (due.getTime() <= Date.parse(state.dueAt)) {
    throw new SlaClockError('EXTENSION_NOT_LONGER', `Stage ${next} due ${iso(due)} is not after ${state.dueAt}`);
  }
  const extension: ClockExtension = { stage: next, reason, at: iso(at), newDueAt: iso(due) };
  if (opts.approvedBy !== undefined) extension.approvedBy = opts.approvedBy;
  return {
    ...state,
    duration: { ...duration },
    pausedMinutes,
    dueAt: iso(due),
    warnAt: state.warnAt === undefined ? undefined : iso(warn),
    extensions: [...state.extensions, extension],
  };
}

/** The instant the clock's time is frozen at, or `at` when it is running. */
function referenceInstant(state: ClockState, at: Date): Date {
  if (state.state === 'paused' && state.pausedAt) return new Date(state.pausedAt);
  if (state.state !== 'running' && state.stoppedAt) return new Date(state.stoppedAt);
  return at;
}

/**
 * Working minutes left until `dueAt` (negative when overdue), measured from `at` — or
 * from `pausedAt` while paused, from `stoppedAt` once stopped/cancelled.
 */
export function remainingWorkingMinutes(state: ClockState, at: Date, calendar: BusinessCalendar): number {
  return calendar.workingMinutesBetween(referenceInstant(state, at), new Date(state.dueAt));
}

export type SlaStatus = 'on_time' | 'at_risk' | 'breached' | 'met' | 'paused' | 'cancelled';

/**
 * Status at `at`: terminal states map to `met` / `breached` / `cancelled`; a paused clock
 * is `paused` unless it was already overdue when paused (`breached`); a running clock is
 * `breached` after `dueAt`, `at_risk` from `warnAt`, else `on_time`.
 */
export function slaStatus(state: ClockState, at: Date): SlaStatus {
  switch (state.state) {
    case 'met':
    case 'breached':
    case 'cancelled':
      return state.state;
    case 'paused':
      return state.pausedAt && Date.parse(state.pausedAt) > Date.parse(state.dueAt) ? 'breached' : 'paused';
    case 'running': {
      const t = at.getTime();
      if (t > Date.parse(state.dueAt)) return 'breached';
      if (state.warnAt && t >= Date.parse(state.warnAt)) return 'at_risk';
      return 'on_time';
    }
  }
}
