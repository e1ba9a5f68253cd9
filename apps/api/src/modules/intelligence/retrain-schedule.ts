import { localDateOf, zonedTimeToInstant } from '../sla/calendar/zoned-time';

/** Scheduled retraining: nightly at 02:00 tenant time, when enough people have confirmed causes since the last model. */
export const RETRAIN_MINUTE_OF_DAY = 2 * 60;
/**
 * The night's slot stays open until 08:00, so an instance that was down at 02:00 still retrains that night, but a
 * (CPU-heavy) retrain never starts during office hours.
 */
export const RETRAIN_WINDOW_MS = 6 * 3600_000;
export const MIN_NEW_CONFIRMATIONS = 20;

export interface RetrainCheck {
  now: Date;
  timeZone: string;
  /** When the tenant's latest model (whatever its status) was started; null when none exists. */
  lastStartedAt: Date | null;
  /** Causes confirmed (or corrected) by people since the latest ready model was trained. */
  newConfirmations: number;
}

/** Today's 02:00 in the tenant's time zone, as an instant. */
export function retrainSlot(now: Date, timeZone: string): Date {
  return zonedTimeToInstant(localDateOf(now, timeZone), RETRAIN_MINUTE_OF_DAY, timeZone);
}

/** Whether the nightly retrain should start now. One attempt per night: a model started since the slot closes it. */
export function isRetrainDue(check: RetrainCheck): boolean {
  if (check.newConfirmations < MIN_NEW_CONFIRMATIONS) return false;
  const slot = retrainSlot(check.now, check.timeZone).getTime();
  const now = check.now.getTime();
  if (now < slot || now >= slot + RETRAIN_WINDOW_MS) return false;
  return !check.lastStartedAt || check.lastStartedAt.getTime() < slot;
}
