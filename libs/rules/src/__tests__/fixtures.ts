import * as path from 'node:path';
import type { WorkingCalendar } from '../types';

/** `<repo>/../shared/data` – CI always checks `shared/` out beside the repository. */
export const SHARED_DATA = path.resolve(__dirname, '../../../../../shared/data');
export const JSONLOGIC_DATA = path.join(SHARED_DATA, 'jsonlogic');

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;

/** Local (Asia/Shanghai) calendar date of an instant, as YYYY-MM-DD. */
export function shanghaiDate(d: Date): string {
  return new Date(d.getTime() + SHANGHAI).toISOString().slice(0, 10);
}

/**
 * Tiny working calendar for tests: Mon–Fri, with 2025 National Day (Oct 1–8 off) and its
 * make-up working days (Sun Sep 28 and Sat Oct 11), evaluated in Asia/Shanghai.
 */
export function chinaCalendar2025(): WorkingCalendar {
  const holidays = new Set([
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
    '2025-10-04',
    '2025-10-05',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
  ]);
  const makeUp = new Set(['2025-09-28', '2025-10-11']);
  const isWorkingDay = (d: Date): boolean => {
    const key = shanghaiDate(d);
    if (holidays.has(key)) return false;
    if (makeUp.has(key)) return true;
    const wd = new Date(d.getTime() + SHANGHAI).getUTCDay();
    return wd !== 0 && wd !== 6;
  };
  return {
    isWorkingDay,
    addWorkingDays(from: Date, days: number): Date {
      let t = from.getTime();
      let left = Math.abs(days);
      const step = days >= 0 ? DAY : -DAY;
      while (left > 0) {
        t += step;
        if (isWorkingDay(new Date(t))) left--;
      }
      return new Date(t);
    },
    workingDaysBetween(from: Date, to: Date): number {
      // Working days after `from`'s day up to and including `to`'s day.
      const sign = to.getTime() >= from.getTime() ? 1 : -1;
      const [start, b] = sign > 0 ? [from.getTime(), to.getTime()] : [to.getTime(), from.getTime()];
      let a = start;
      let n = 0;
      const end = shanghaiDate(new Date(b));
      while (shanghaiDate(new Date(a)) < end) {
        a += DAY;
        if (isWorkingDay(new Date(a))) n++;
      }
      return sign * n;
    },
  };
}
