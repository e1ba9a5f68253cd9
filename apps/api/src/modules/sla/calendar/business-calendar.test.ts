import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { BusinessCalendar, CalendarConfigError } from './business-calendar';
import { addLocalDays, weekdayOfLocalDate, zonedTimeToInstant } from './zoned-time';

/** Instant from Shanghai wall time 'YYYY-MM-DD HH:MM'. */
const sh = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const iso = (d: Date) => d.toISOString();

// __dirname = <repo>/apps/api/src/modules/sla/calendar → repo root is 6 levels up;
// the shared data sits beside the repo root.
const REPO_ROOT = path.resolve(__dirname, '../../../../../..');
const ORACLE_DIR = path.resolve(REPO_ROOT, '../shared/data/holidays-cn');

interface OracleFile {
  year: number;
  papers: string[];
  days: { name: string; date: string; isOffDay: boolean }[];
}

describe('BusinessCalendar: Chinese holidays vs oracle (NateScarlet/holiday-cn) 2021–2026', () => {
  const cal = new BusinessCalendar();
  const listed = new Map<string, { isOffDay: boolean; name: string; file: number }>();

  beforeAll(() => {
    expect(existsSync(ORACLE_DIR), `oracle dir ${ORACLE_DIR}`).toBe(true);
    for (let year = 2021; year <= 2026; year++) {
      const file = JSON.parse(readFileSync(path.join(ORACLE_DIR, `${year}.json`), 'utf8')) as OracleFile;
      expect(file.year).toBe(year);
      for (const d of file.days) {
        const prev = listed.get(d.date);
        if (prev) expect(prev.isOffDay, `conflicting oracle entries for ${d.date}`).toBe(d.isOffDay);
        listed.set(d.date, { isOffDay: d.isOffDay, name: d.name, file: year });
      }
    }
    expect(listed.size).toBeGreaterThan(200);
  });

  it('agrees with every listed date (incl. dates of a neighbouring year)', () => {
    const mismatches: string[] = [];
    for (const [date, o] of listed) {
      if (cal.isWorkingDayLocal(date) !== !o.isOffDay) mismatches.push(`${date} ${o.name} isOffDay=${o.isOffDay}`);
      const info = cal.dayInfo(date);
      const expectedReason = o.isOffDay ? 'statutory_holiday' : 'makeup_workday';
      // off days falling on a weekend may be reported as statutory_holiday (chinese-days lists them) — either is off
      if (!o.isOffDay && info.reason !== expectedReason) mismatches.push(`${date} reason ${info.reason}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('every unlisted day of 2021–2026 is a working day iff Mon–Fri', () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (let d = '2021-01-01'; d <= '2026-12-31'; d = addLocalDays(d, 1)) {
      if (listed.has(d)) continue;
      const wd = weekdayOfLocalDate(d);
      const expected = wd >= 1 && wd <= 5;
      if (cal.isWorkingDayLocal(d) !== expected) mismatches.push(d);
      checked++;
    }
    expect(checked).toBeGreaterThan(1900);
    expect(mismatches).toEqual([]);
  });

  it('reports its holiday data coverage', () => {
    expect(BusinessCalendar.chineseHolidayCoverage.firstYear).toBeLessThanOrEqual(2021);
    expect(BusinessCalendar.chineseHolidayCoverage.lastYear).toBeGreaterThanOrEqual(2026);
  });
});

describe('BusinessCalendar: working days around Spring Festival and National Day', () => {
  const cal = new BusinessCalendar();

  it('2025 National Day: 调休 Sunday 09-28 and Saturday 10-11 work, Oct 1–8 off', () => {
    expect(cal.isWorkingDayLocal('2025-09-28')).toBe(true);
    expect(cal.isWorkingDayLocal('2025-10-11')).toBe(true);
    for (let d = 1; d <= 8; d++) expect(cal.isWorkingDayLocal(`2025-10-0${d}`)).toBe(false);
    expect(cal.isWorkingDayLocal('2025-10-09')).toBe(true);
    expect(cal.isWorkingDayLocal('2025-10-12')).toBe(false);
    expect(cal.dayInfo('2025-10-11')).toMatchObject({ working: true, reason: 'makeup_workday' });
    expect(cal.dayInfo('2025-10-03').name).toContain('国庆');
  });

  it('complaint received 2025-09-30 17:00 with 3 working days is due at end of 2025-10-11', () => {
    const due = cal.addWorkingDays(sh('2025-09-30 17:00'), 3);
    expect(iso(due)).toBe(iso(sh('2025-10-11 18:00')));
    expect(cal.workingDaysBetween(sh('2025-09-30 17:00'), due)).toBe(3);
  });

  it.each([
    // 2024 Spring Festival: off Feb 10–17, make-up Sun Feb 4 and Sun Feb 18
    ['2024-02-02 10:00', 1, '2024-02-04 18:00'],
    ['2024-02-08 10:00', 2, '2024-02-18 18:00'],
    ['2024-02-08 10:00', 3, '2024-02-19 18:00'],
    // 2025 Spring Festival: make-up Sun Jan 26, off Jan 28–Feb 4, make-up Sat Feb 8
    ['2025-01-24 15:00', 1, '2025-01-26 18:00'],
    ['2025-01-24 15:00', 3, '2025-02-05 18:00'],
    ['2025-02-05 09:00', 3, '2025-02-08 18:00'],
    // 2026 Spring Festival: make-up Sat Feb 14, off Feb 15–23, make-up Sat Feb 28
    ['2026-02-13 11:00', 1, '2026-02-14 18:00'],
    ['2026-02-13 11:00', 2, '2026-02-24 18:00'],
    ['2026-02-26 11:00', 2, '2026-02-28 18:00'],
    // 2024 National Day: make-up Sun Sep 29, off Oct 1–7, make-up Sat Oct 12
    ['2024-09-27 16:00', 1, '2024-09-29 18:00'],
    ['2024-09-27 16:00', 3, '2024-10-08 18:00'],
    ['2024-09-27 16:00', 7, '2024-10-12 18:00'],
    // 2025 National Day
    ['2025-09-26 09:30', 1, '2025-09-28 18:00'],
    ['2025-10-01 10:00', 1, '2025-10-09 18:00'],
    // 2026 Mid-Autumn (Sep 25–27) and National Day: make-up Sun Sep 20, off Oct 1–7, make-up Sat Oct 10
    ['2026-09-18 10:00', 1, '2026-09-20 18:00'],
    ['2026-09-24 10:00', 1, '2026-09-28 18:00'],
    ['2026-09-30 10:00', 3, '2026-10-10 18:00'],
  ])('from %s + %i working days → %s', (from, n, expected) => {
    const due = cal.addWorkingDays(sh(from), n);
    expect(iso(due)).toBe(iso(sh(expected)));
    expect(cal.workingDaysBetween(sh(from), due)).toBe(n);
  });

  it('received on a holiday / after hours: the day of receipt never counts', () => {
    expect(iso(cal.addWorkingDays(sh('2025-10-03 03:00'), 1))).toBe(iso(sh('2025-10-09 18:00')));
    expect(iso(cal.addWorkingDays(sh('2025-09-29 23:30'), 1))).toBe(iso(sh('2025-09-30 18:00')));
    expect(iso(cal.addWorkingDays(sh('2025-09-29 00:00'), 1))).toBe(iso(sh('2025-09-30 18:00')));
  });

  it('countStartDay counts the day of receipt when it is a working day', () => {
    const c = new BusinessCalendar({ countStartDay: true });
    expect(iso(c.addWorkingDays(sh('2025-09-30 10:00'), 1))).toBe(iso(sh('2025-09-30 18:00')));
    expect(iso(c.addWorkingDays(sh('2025-09-30 10:00'), 3))).toBe(iso(sh('2025-10-10 18:00')));
    // on a holiday it behaves like the default
    expect(iso(c.addWorkingDays(sh('2025-10-03 10:00'), 1))).toBe(iso(sh('2025-10-09 18:00')));
  });

  it('zero and negative day counts', () => {
    expect(iso(cal.addWorkingDays(sh('2025-09-30 10:00'), 0))).toBe(iso(sh('2025-09-30 18:00')));
    expect(iso(cal.addWorkingDays(sh('2025-09-30 19:00'), 0))).toBe(iso(sh('2025-10-09 18:00')));
    expect(iso(cal.addWorkingDays(sh('2025-10-09 10:00'), -1))).toBe(iso(sh('2025-09-30 18:00')));
    expect(cal.workingDaysBetween(sh('2025-10-11 10:00'), sh('2025-09-30 10:00'))).toBe(-3);
    expect(() => cal.addWorkingDays(sh('2025-10-09 10:00'), 1.5)).toThrow(RangeError);
  });

  it('isWorkingDay(Date) uses the calendar zone, not UTC', () => {
    // 2025-10-08 23:30 UTC is already Thursday 2025-10-09 07:30 in Shanghai
    expect(cal.isWorkingDay(new Date('2025-10-08T23:30:00Z'))).toBe(true);
    expect(cal.isWorkingDay(new Date('2025-10-08T15:30:00Z'))).toBe(false);
  });

  it('property: workingDaysBetween inverts addWorkingDays', () => {
    const start = Date.parse('2021-01-01T00:00:00Z');
    const end = Date.parse('2026-11-30T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), fc.integer({ min: 0, max: 40 }), (t, n) => {
        const from = new Date(t);
        const due = cal.addWorkingDays(from, n);
        expect(cal.isWorkingDay(due)).toBe(true);
        if (n > 0) expect(cal.workingDaysBetween(from, due)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});

describe('BusinessCalendar: working hours with lunch break', () => {
  const cal = new BusinessCalendar(); // 09–12, 13–18, Asia/Shanghai

  it('isWorkingTime respects lunch, evenings and days', () => {
    expect(cal.isWorkingTime(sh('2025-09-29 09:00'))).toBe(true);
    expect(cal.isWorkingTime(sh('2025-09-29 11:59'))).toBe(true);
    expect(cal.isWorkingTime(sh('2025-09-29 12:00'))).toBe(false);
    expect(cal.isWorkingTime(sh('2025-09-29 12:30'))).toBe(false);
    expect(cal.isWorkingTime(sh('2025-09-29 13:00'))).toBe(true);
    expect(cal.isWorkingTime(sh('2025-09-29 18:00'))).toBe(false);
    expect(cal.isWorkingTime(sh('2025-10-02 10:00'))).toBe(false);
    expect(cal.isWorkingTime(sh('2025-09-28 10:00'))).toBe(true); // 调休 Sunday
    expect(cal.workingMinutesPerDay).toBe(480);
  });

  it('addWorkingMinutes / addWorkingHours skip lunch, nights and holidays', () => {
    expect(iso(cal.addWorkingMinutes(sh('2025-09-29 11:30'), 60))).toBe(iso(sh('2025-09-29 13:30')));
    expect(iso(cal.addWorkingHours(sh('2025-09-29 10:30'), 4))).toBe(iso(sh('2025-09-29 15:30')));
    // exactly exhausted at the end of an interval → that end, not the next start
    expect(iso(cal.addWorkingMinutes(sh('2025-09-29 11:00'), 60))).toBe(iso(sh('2025-09-29 12:00')));
    expect(iso(cal.addWorkingHours(sh('2025-09-30 09:00'), 8))).toBe(iso(sh('2025-09-30 18:00')));
    // starting outside working time: counting begins at the next working time
    expect(iso(cal.addWorkingMinutes(sh('2025-09-29 12:20'), 30))).toBe(iso(sh('2025-09-29 13:30')));
    expect(iso(cal.addWorkingHours(sh('2025-09-30 17:00'), 2))).toBe(iso(sh('2025-10-09 10:00')));
    expect(iso(cal.addWorkingHours(sh('2025-09-30 20:00'), 8))).toBe(iso(sh('2025-10-09 18:00')));
    expect(iso(cal.addWorkingMinutes(sh('2025-09-29 10:00'), 0))).toBe(iso(sh('2025-09-29 10:00')));
    expect(iso(cal.addWorkingMinutes(sh('2025-09-29 10:00'), 0.5))).toBe('2025-09-29T02:00:30.000Z');
    expect(() => cal.addWorkingMinutes(sh('2025-09-29 10:00'), -1)).toThrow(RangeError);
  });

  it('workingMinutesBetween', () => {
    expect(cal.workingMinutesBetween(sh('2025-09-29 00:00'), sh('2025-09-30 00:00'))).toBe(480);
    expect(cal.workingMinutesBetween(sh('2025-09-29 11:00'), sh('2025-09-29 14:00'))).toBe(120);
    expect(cal.workingMinutesBetween(sh('2025-09-30 17:00'), sh('2025-10-09 10:00'))).toBe(120);
    expect(cal.workingMinutesBetween(sh('2025-10-09 10:00'), sh('2025-09-30 17:00'))).toBe(-120);
    expect(cal.workingMinutesBetween(sh('2025-10-02 10:00'), sh('2025-10-05 10:00'))).toBe(0);
  });

  it('property: workingMinutesBetween inverts addWorkingMinutes', () => {
    const start = Date.parse('2024-01-01T00:00:00Z');
    const end = Date.parse('2026-11-30T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), fc.integer({ min: 1, max: 5000 }), (t, m) => {
        const from = new Date(Math.floor(t / 60000) * 60000);
        const due = cal.addWorkingMinutes(from, m);
        expect(cal.workingMinutesBetween(from, due)).toBe(m);
      }),
      { numRuns: 200 },
    );
  });

  it('nextWorkingTime: no 3 a.m. reminders', () => {
    expect(iso(cal.nextWorkingTime(sh('2025-09-29 03:00')))).toBe(iso(sh('2025-09-29 09:00')));
    expect(iso(cal.nextWorkingTime(sh('2025-09-29 10:17')))).toBe(iso(sh('2025-09-29 10:17')));
    expect(iso(cal.nextWorkingTime(sh('2025-09-29 12:15')))).toBe(iso(sh('2025-09-29 13:00')));
    expect(iso(cal.nextWorkingTime(sh('2025-09-30 18:00')))).toBe(iso(sh('2025-10-09 09:00')));
    expect(iso(cal.nextWorkingTime(sh('2025-09-27 10:00')))).toBe(iso(sh('2025-09-28 09:00')));
  });

  it('endOfWorkingDay / startOfWorkingDay / nextWorkingDayEnd', () => {
    expect(iso(cal.endOfWorkingDay(sh('2025-09-29 03:00')))).toBe(iso(sh('2025-09-29 18:00')));
    expect(iso(cal.endOfWorkingDay('2025-10-11'))).toBe(iso(sh('2025-10-11 18:00')));
    expect(iso(cal.startOfWorkingDay('2025-10-11'))).toBe(iso(sh('2025-10-11 09:00')));
    expect(iso(cal.nextWorkingDayEnd(sh('2025-09-30 10:00')))).toBe(iso(sh('2025-10-09 18:00')));
    expect(iso(cal.nextWorkingDayEnd(sh('2025-10-04 10:00')))).toBe(iso(sh('2025-10-09 18:00')));
    expect(cal.workingIntervalsOn('2025-10-04')).toEqual([]);
    expect(cal.workingIntervalsOn('2025-10-11').map((i) => [iso(i.start), iso(i.end)])).toEqual([
      [iso(sh('2025-10-11 09:00')), iso(sh('2025-10-11 12:00'))],
      [iso(sh('2025-10-11 13:00')), iso(sh('2025-10-11 18:00'))],
    ]);
  });
});

describe('BusinessCalendar: tenant configuration', () => {
  it('closures and extra working days override statutory data and weekends', () => {
    const cal = new BusinessCalendar({
      closures: ['2025-09-23', '2025-10-11'], // company day off; skip the 调休 Saturday
      extraWorkingDays: ['2025-10-08', '2025-09-27'], // stand-by on a holiday and a Saturday
    });
    expect(cal.isWorkingDayLocal('2025-09-23')).toBe(false);
    expect(cal.dayInfo('2025-09-23').reason).toBe('closure');
    expect(cal.isWorkingDayLocal('2025-10-11')).toBe(false);
    expect(cal.isWorkingDayLocal('2025-10-08')).toBe(true);
    expect(cal.dayInfo('2025-10-08').reason).toBe('extra_working_day');
    expect(cal.isWorkingDayLocal('2025-09-27')).toBe(true);
    expect(iso(cal.addWorkingDays(sh('2025-09-22 10:00'), 1))).toBe(iso(sh('2025-09-24 18:00')));
    expect(iso(cal.addWorkingDays(sh('2025-09-30 17:00'), 3))).toBe(iso(sh('2025-10-10 18:00')));
  });

  it('useChineseHolidays: false → plain weekends; custom weekend and hours', () => {
    const plain = new BusinessCalendar({ useChineseHolidays: false });
    expect(plain.isWorkingDayLocal('2025-10-01')).toBe(true);
    expect(plain.isWorkingDayLocal('2025-09-28')).toBe(false);

    const sixDay = new BusinessCalendar({ weekendDays: [0], workingHours: [{ start: '08:30', end: '17:30' }] });
    expect(sixDay.isWorkingDayLocal('2025-09-27')).toBe(true); // Saturday
    expect(sixDay.isWorkingDayLocal('2025-10-04')).toBe(false); // Saturday inside National Day
    expect(iso(sixDay.addWorkingDays(sh('2025-09-26 10:00'), 1))).toBe(iso(sh('2025-09-27 17:30')));
    expect(sixDay.workingMinutesPerDay).toBe(540);
  });

  it('rejects invalid configuration', () => {
    expect(() => new BusinessCalendar({ timeZone: 'Mars/Olympus' })).toThrow(CalendarConfigError);
    expect(() => new BusinessCalendar({ workingHours: [] })).toThrow(CalendarConfigError);
    expect(() => new BusinessCalendar({ workingHours: [{ start: '18:00', end: '09:00' }] })).toThrow(CalendarConfigError);
    expect(
      () =>
        new BusinessCalendar({
          workingHours: [
            { start: '09:00', end: '13:00' },
            { start: '12:00', end: '18:00' },
          ],
        }),
    ).toThrow(CalendarConfigError);
    expect(() => new BusinessCalendar({ weekendDays: [7] })).toThrow(CalendarConfigError);
    expect(() => new BusinessCalendar({ closures: ['2025-02-30'] })).toThrow(CalendarConfigError);
    expect(() => new BusinessCalendar({ closures: ['2025-01-02'], extraWorkingDays: ['2025-01-02'] })).toThrow(CalendarConfigError);
    expect(() => new BusinessCalendar({ weekendDays: [0, 1, 2, 3, 4, 5, 6] }).nextWorkingTime(new Date())).toThrow(CalendarConfigError);
  });

  it('24:00 end of day is allowed', () => {
    const cal = new BusinessCalendar({ workingHours: [{ start: '00:00', end: '24:00' }] });
    expect(iso(cal.endOfWorkingDay('2025-09-29'))).toBe(iso(sh('2025-09-30 00:00')));
    expect(cal.isWorkingTime(sh('2025-09-29 23:59'))).toBe(true);
  });
});

describe('BusinessCalendar: time zones', () => {
  it('does not depend on the host TZ (chinese-days runtime functions do)', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const cal = new BusinessCalendar();
      expect(cal.isWorkingDayLocal('2025-09-28')).toBe(true);
      expect(cal.isWorkingDayLocal('2025-10-08')).toBe(false);
      expect(iso(cal.addWorkingDays(sh('2025-09-30 17:00'), 3))).toBe(iso(sh('2025-10-11 18:00')));
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('handles a DST zone (America/New_York) correctly', () => {
    const ny = new BusinessCalendar({
      timeZone: 'America/New_York',
      useChineseHolidays: false,
      workingHours: [{ start: '09:00', end: '17:00' }],
    });
    // 2025-03-09 is the spring-forward Sunday: Fri 03-07 (EST) + 1 working day → Mon 03-10 17:00 EDT
    expect(iso(ny.addWorkingDays(new Date('2025-03-07T15:00:00-05:00'), 1))).toBe('2025-03-10T21:00:00.000Z');
    expect(iso(ny.endOfWorkingDay('2025-03-07'))).toBe('2025-03-07T22:00:00.000Z');
    // Fri 16:00 EST + 2 working hours → Mon 10:00 EDT
    expect(iso(ny.addWorkingHours(new Date('2025-03-07T16:00:00-05:00'), 2))).toBe('2025-03-10T14:00:00.000Z');
    // wall time in the DST gap is shifted forward
    expect(iso(zonedTimeToInstant('2025-03-09', 150, 'America/New_York'))).toBe('2025-03-09T07:30:00.000Z');
    expect(iso(zonedTimeToInstant('2025-11-02', 60, 'America/New_York'))).toBe('2025-11-02T05:00:00.000Z');
  });
});
