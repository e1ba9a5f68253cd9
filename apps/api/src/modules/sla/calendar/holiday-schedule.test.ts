import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { BusinessCalendar } from './business-calendar';
import { holidayDaysOf, holidayScheduleProblems, parseHolidayNotice, scheduleConflicts } from './holiday-schedule';

// The State Council's notices as published (国办发明电〔2024〕12号 for 2025, 〔2025〕7号 for 2026), with the
// title, preamble and closing lines an administrator pastes along with the table.
const NOTICE_2025 = `国务院办公厅关于2025年部分节假日安排的通知
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作。`;

const NOTICE_2026 = `一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。`;

const bundled = chineseDaysData as { holidays: Record<string, string>; workdays: Record<string, string> };
const bundledYear = (map: Record<string, string>, year: number) =>
  Object.keys(map)
    .filter((d) => d.startsWith(`${year}-`))
    .sort();

describe('parseHolidayNotice', () => {
  it.each([
    [2025, NOTICE_2025],
    [2026, NOTICE_2026],
  ])('reads the %i notice to exactly the days of the bundled chinese-days data', (year, text) => {
    const { schedule, problems } = parseHolidayNotice(year, text);
    expect(problems).toEqual([]);
    const days = holidayDaysOf([schedule]).days;
    const off = [...days]
      .filter(([, d]) => d.kind === 'statutory_holiday')
      .map(([date]) => date)
      .sort();
    const work = [...days]
      .filter(([, d]) => d.kind === 'makeup_workday')
      .map(([date]) => date)
      .sort();
    expect(off).toEqual(bundledYear(bundled.holidays, year));
    expect(work).toEqual(bundledYear(bundled.workdays, year));
  });

  it('keeps names, ranges across months and the notice’s day counts', () => {
    const { schedule } = parseHolidayNotice(2025, NOTICE_2025, '国办发明电〔2024〕12号');
    expect(schedule).toMatchObject({ key: '2025', year: 2025, source: '国办发明电〔2024〕12号' });
    expect(schedule.holidays[0]).toEqual({ name: '元旦', start: '2025-01-01', end: '2025-01-01', days: 1 });
    expect(schedule.holidays[1]).toEqual({ name: '春节', start: '2025-01-28', end: '2025-02-04', days: 8 });
    expect(schedule.holidays[5]).toEqual({ name: '国庆节、中秋节', start: '2025-10-01', end: '2025-10-08', days: 8 });
    expect(schedule.makeupWorkdays.slice(0, 2)).toEqual([
      { date: '2025-01-26', name: '春节' },
      { date: '2025-02-08', name: '春节' },
    ]);
  });

  it('reads a New Year that starts in the year before and the weekday written 星期', () => {
    const { schedule, problems } = parseHolidayNotice(
      2023,
      '一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。\n二、春节：1月21日至27日放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。',
    );
    expect(problems).toEqual([]);
    expect(schedule.holidays[0]).toMatchObject({ start: '2022-12-31', end: '2023-01-02' });
    expect(schedule.makeupWorkdays.map((d) => d.date)).toEqual(['2023-01-28', '2023-01-29']);
  });

  it('names the line and the problem: impossible dates, wrong weekdays, wrong day counts, overlaps, unreadable lines', () => {
    const codes = (text: string) => parseHolidayNotice(2027, text).problems.map((p) => `${p.path} ${p.code}`);
    expect(codes('春节：2月30日至3月2日放假，共3天。')).toEqual(['text.line[1] UNPARSED_LINE']);
    expect(codes('元旦：1月1日（周六）至3日（周日）放假，共3天。')).toEqual(['text.line[1] WEEKDAY_MISMATCH']);
    expect(codes('元旦：1月1日至3日放假，共4天。')).toEqual(['holidays[0].days DAY_COUNT_MISMATCH']);
    expect(codes('元旦：1月1日至3日放假，共3天。\n春节：1月3日至9日放假，共7天。')).toEqual(['holidays[1] OVERLAPPING_HOLIDAYS']);
    expect(codes('春节：2月6日至12日放假调休，共7天。2月8日（周一）上班。')).toEqual([
      'makeupWorkdays[0].date MAKEUP_IN_HOLIDAY',
      'makeupWorkdays[0].date MAKEUP_NOT_WEEKEND',
    ]);
    expect(codes('元旦放假三天')).toEqual(['holidays NO_HOLIDAYS']);
    expect(codes('元旦 1月1日至3日放假')).toEqual(['text.line[1] UNPARSED_LINE']);
    expect(codes('国庆节：10月1日至10月31日放假')).toEqual(['holidays[0] PERIOD_TOO_LONG']);
    expect(codes('元旦：2025年1月1日放假，共1天。')).toEqual(['holidays[0] OUTSIDE_YEAR']);
    expect(codes('元旦：1月1日放假。\n'.repeat(3000))).toEqual(['text TEXT_TOO_LONG']);
  });
});

describe('holiday schedules', () => {
  it('refuse end before start, a wrong key and a make-up day on a weekday', () => {
    const problems = holidayScheduleProblems({
      key: '2028',
      year: 2027,
      holidays: [{ name: '元旦', start: '2027-01-03', end: '2027-01-01' }],
      makeupWorkdays: [{ date: '2027-01-04', name: '元旦' }],
    });
    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      'key INVALID_YEAR',
      'holidays[0] END_BEFORE_START',
      'makeupWorkdays[0].date MAKEUP_NOT_WEEKEND',
    ]);
  });

  it('find a date two years’ schedules both decide', () => {
    const y2022 = { key: '2022', year: 2022, holidays: [{ name: '元旦', start: '2022-12-31', end: '2022-12-31' }], makeupWorkdays: [] };
    const y2023 = { key: '2023', year: 2023, holidays: [{ name: '元旦', start: '2022-12-31', end: '2023-01-02' }], makeupWorkdays: [] };
    expect(scheduleConflicts([y2022, y2023])).toEqual([{ key: '2023', date: '2022-12-31', other: '2022' }]);
  });

  it('decide the years they cover in a calendar, and make the year covered', () => {
    const y2027 = parseHolidayNotice(2027, '元旦：1月1日（周五）至3日（周日）放假，共3天。').schedule;
    const before = new BusinessCalendar();
    const after = new BusinessCalendar({ holidaySchedules: [y2027] });
    const from = new Date('2026-12-31T09:00:00Z'); // Thursday 17:00 in Shanghai
    expect(before.addWorkingDays(from, 3).toISOString()).toBe('2027-01-05T10:00:00.000Z');
    expect(after.addWorkingDays(from, 3).toISOString()).toBe('2027-01-06T10:00:00.000Z');
    expect(before.uncoveredYears(from, new Date('2027-01-05T10:00:00Z'))).toEqual([2027]);
    expect(after.uncoveredYears(from, new Date('2027-01-06T10:00:00Z'))).toEqual([]);
    expect(after.dayInfo('2027-01-01')).toEqual({ date: '2027-01-01', working: false, reason: 'statutory_holiday', name: '元旦' });
    // A calendar that does not follow Chinese holidays needs no holiday data.
    expect(new BusinessCalendar({ useChineseHolidays: false }).uncoveredYears(from, new Date('2028-01-01T00:00:00Z'))).toEqual([]);
  });
});
