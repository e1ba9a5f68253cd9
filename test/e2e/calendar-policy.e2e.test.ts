import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../apps/api/src/common/clock';
import { newId } from '../../apps/api/src/common/db/columns';
import { PolicyVersion } from '../../apps/api/src/modules/policy/policy-version.entity';
import { createTestApp, testDatabases, type TestApp, type TestDb } from '../support/test-app';
import { submit } from '../support/complaints';

process.env.REDRESS_WORKERS = '0';

/** Monday 2025-03-03 10:00 in Shanghai. */
const MONDAY_10 = '2025-03-03T02:00:00.000Z';

const UPSERT_CALENDAR = 'mutation($i: CalendarInput!) { upsertCalendar(input: $i) { key timeZone } }';
const VALIDATE = '{ validatePolicyDraft { valid problems { path code message } } }';
const PUBLISH = 'mutation { publishPolicy(note: "calendar") { version status } }';
const CLOCKS = `query($id: ID!) { slaClocks(complaintId: $id) { target dueAt calendar calendarFault { calendarKey policyVersion fallback problems { path code } } } }`;
const TIMELINE = `query($id: ID!) { complaint(id: $id) { id number state timeline { type data } } }`;
const PREVIEW = `query($from: DateTime!) { calendarPreview(calendarKey: "default", from: $from, workingDays: 3) { due fault { calendarKey problems { path code } } } }`;

const calendar = (over: Record<string, unknown>) => ({
  key: 'default',
  name: { zh: '默认工作日历', en: 'Default' },
  timeZone: 'Asia/Shanghai',
  workingHours: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '18:00' },
  ],
  weekendDays: [0, 6],
  useChineseHolidays: true,
  ...over,
});

/** The demo tenant on a fresh database, the clock at `at`, and its administrator's token. */
async function demoApp(db: TestDb, at: string): Promise<{ t: TestApp; admin: string }> {
  const t = await createTestApp({ db, clock: new ManualClock(new Date(at)) });
  await t.seedDemo();
  return { t, admin: await t.login('admin@demo.local') };
}

describe.each(testDatabases())('calendar values (issue 12 item 4) on %s', (db) => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    ({ t, admin } = await demoApp(db, MONDAY_10));
  });
  afterAll(() => t?.close());

  it('refuses a mistyped time zone, a 25:00 end and impossible dates when the calendar is saved, at the field', async () => {
    const zone = await t.gql(UPSERT_CALENDAR, { i: calendar({ timeZone: 'Asia/Shanghia' }) }, admin);
    expect(zone.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CALENDAR_INVALID', field: 'input.timeZone' });
    expect(zone.errors?.[0].extensions?.problems).toEqual([
      expect.objectContaining({ field: 'input.timeZone', code: 'INVALID_TIME_ZONE' }),
    ]);

    const hours = await t.gql(
      UPSERT_CALENDAR,
      {
        i: calendar({
          workingHours: [
            { start: '09:00', end: '12:00' },
            { start: '13:00', end: '25:00' },
          ],
        }),
      },
      admin,
    );
    expect(hours.errors?.[0].extensions).toMatchObject({ reason: 'CALENDAR_INVALID', field: 'input.workingHours[1].end' });
    expect(hours.errors?.[0].extensions?.problems).toEqual([expect.objectContaining({ code: 'INVALID_CLOCK_TIME' })]);

    const several = await t.gql(
      UPSERT_CALENDAR,
      {
        i: calendar({
          workingHours: [
            { start: '13:00', end: '18:00' },
            { start: '09:00', end: '12:00' },
          ],
          closures: ['2027-02-30'],
          weekendDays: [0, 6, 9],
        }),
      },
      admin,
    );
    expect(several.errors?.[0].extensions?.problems.map((p: { field: string; code: string }) => `${p.field} ${p.code}`)).toEqual([
      'input.workingHours[1] OVERLAPPING_HOURS',
      'input.weekendDays[2] INVALID_WEEKDAY',
      'input.closures[0] INVALID_DATE',
    ]);
    // Nothing was saved.
    const draft = await t.gqlOk('{ draftPolicy { calendars { key timeZone workingHours { end } } } }', {}, admin);
    expect(draft.draftPolicy.calendars).toEqual([
      { key: 'default', timeZone: 'Asia/Shanghai', workingHours: [{ end: '12:00' }, { end: '18:00' }] },
    ]);
  });

  it('reports an imported faulty calendar in validatePolicyDraft and refuses to publish it', async () => {
    const document = JSON.parse((await t.gqlOk('{ exportPolicy }', {}, admin)).exportPolicy);
    document.calendars = [calendar({ timeZone: 'Asia/Shanghia', workingHours: [{ start: '09:00', end: '25:00' }] })];
    await t.gqlOk('mutation($d: String!) { importPolicy(document: $d) { valid } }', { d: JSON.stringify(document) }, admin);
    const check = (await t.gqlOk(VALIDATE, {}, admin)).validatePolicyDraft;
    expect(check.valid).toBe(false);
    expect(check.problems.map((p: { path: string; code: string }) => `${p.path} ${p.code}`)).toEqual([
      'calendars[default].timeZone INVALID_TIME_ZONE',
      'calendars[default].workingHours[0].end INVALID_CLOCK_TIME',
    ]);
    const refused = await t.gql(PUBLISH, {}, admin);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'POLICY_INVALID' });
    expect((await t.gqlOk('{ currentPolicyVersion { version } }', {}, admin)).currentPolicyVersion.version).toBe(1);
    await t.gqlOk('mutation { discardPolicyDraft { schemaVersion } }', {}, admin);
  });
});

describe.each(testDatabases())('intake under a faulty published calendar on %s', (db) => {
  let dir: string;
  let first: TestApp | undefined;
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redress-calendar-fault-'));
    const clock = new ManualClock(new Date(MONDAY_10));
    first = await createTestApp({ db, clock, ...(db === 'sqlite' ? { databaseUrl: `sqlite:${join(dir, 'db.sqlite')}` } : {}) });
    const tenantId = await first.seedDemo();
    // A version published by a release that did not validate calendars (or a zone the runtime's tz data dropped):
    // written as it would have been stored, then the API restarts on it.
    const versions = first.dataSource.getRepository(PolicyVersion);
    const live = await versions.findOneOrFail({ where: { tenantId, status: 'published' }, order: { version: 'DESC' } });
    const document = {
      ...live.document,
      calendars: [calendar({ timeZone: 'Asia/Shanghia', workingHours: [{ start: '09:00', end: '25:00' }] })],
    };
    await versions.insert({ ...live, id: newId(), version: live.version + 1, document, note: 'typo', contentHash: 'x'.repeat(64) });
    const databaseUrl = db === 'sqlite' ? `sqlite:${join(dir, 'db.sqlite')}` : (first.config.database as { url: string }).url;
    const { encryptionKey } = first.config;
    await first.close();
    first = undefined;
    // a restart keeps its encryption key (the stored free text is ciphertext)
    t = await createTestApp({ db, databaseUrl, clock, config: { encryptionKey } });
    admin = await t.login('admin@demo.local');
  });
  afterAll(async () => {
    await first?.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the complaint, computes its clocks on the built-in calendar and puts the fault on its timeline', async () => {
    const complaint = await submit(t, admin, { channel: 'phone', type: 'service.attitude', text: '店员态度很差，排队半小时没人理' });
    expect(complaint).toMatchObject({ state: 'dispatched', policyVersion: 2, slaPolicy: 'standard' });
    expect(complaint.number).toMatch(/^\d{4}-\d{4}$/);

    const { complaint: stored } = await t.gqlOk(TIMELINE, { id: complaint.id }, admin);
    const faults = stored.timeline.filter((e: { type: string }) => e.type === 'policy.fault');
    expect(faults).toEqual([
      {
        type: 'policy.fault',
        data: expect.objectContaining({
          kind: 'calendar',
          calendarKey: 'default',
          policyVersion: 2,
          fallback: 'built_in_default',
          problems: [
            expect.objectContaining({ path: 'timeZone', code: 'INVALID_TIME_ZONE' }),
            expect.objectContaining({ path: 'workingHours[0].end', code: 'INVALID_CLOCK_TIME' }),
          ],
        }),
      },
    ]);

    const resolution = (await t.gqlOk(CLOCKS, { id: complaint.id }, admin)).slaClocks.find(
      (c: { target: string }) => c.target === 'resolution',
    );
    // The built-in calendar: 3 working days from Monday 10:00 end Thursday 18:00 Shanghai.
    expect(resolution).toMatchObject({
      dueAt: '2025-03-06T10:00:00.000Z',
      calendar: 'default',
      calendarFault: { calendarKey: 'default', policyVersion: 2, fallback: 'built_in_default' },
    });

    const preview = (await t.gqlOk(PREVIEW, { from: MONDAY_10 }, admin)).calendarPreview;
    expect(preview).toMatchObject({
      due: '2025-03-06T10:00:00.000Z',
      fault: {
        calendarKey: 'default',
        problems: [
          { path: 'timeZone', code: 'INVALID_TIME_ZONE' },
          { path: 'workingHours[0].end', code: 'INVALID_CLOCK_TIME' },
        ],
      },
    });
  });
});

/** Thursday 2026-12-31 17:00 in Shanghai: the last working afternoon of the last year chinese-days 1.5.7 knows. */
const NEW_YEARS_EVE_17 = '2026-12-31T09:00:00.000Z';
const IMPORT_NOTICE = `mutation($y: Int!, $t: String!, $s: String) { importHolidayNotice(year: $y, text: $t, source: $s) {
  key year source holidays { name start end days } makeupWorkdays { date name } } }`;
const UPSERT_SCHEDULE = 'mutation($i: HolidayScheduleInput!) { upsertHolidaySchedule(input: $i) { key } }';
const HOLIDAY_CLOCKS = `query($id: ID!) { slaClocks(complaintId: $id) { target dueAt policyVersion holidayDataMissingYears } }`;

describe.each(testDatabases())('holiday years the bundled data does not cover (issue 16) on %s', (db) => {
  let t: TestApp;
  let admin: string;
  const resolutionOf = async (id: string) =>
    (await t.gqlOk(HOLIDAY_CLOCKS, { id }, admin)).slaClocks.find((c: { target: string }) => c.target === 'resolution');
  const flagsOf = async (id: string) =>
    (await t.gqlOk(TIMELINE, { id }, admin)).complaint.timeline.filter((e: { type: string }) => e.type === 'sla.holiday_data_missing');

  beforeAll(async () => {
    ({ t, admin } = await demoApp(db, NEW_YEARS_EVE_17));
  });
  afterAll(() => t?.close());

  it('flags a deadline that crosses into 2027, then moves it correctly once the 2027 schedule is entered, published and re-applied', async () => {
    const before = await submit(t, admin, { channel: 'phone', type: 'service.attitude', text: '年底门店服务态度差，要求处理' });
    // 3 working days counting 2027-01-01 (元旦) as a working day: Fri 1, Mon 4, Tue 5.
    expect(await resolutionOf(before.id)).toMatchObject({
      dueAt: '2027-01-05T10:00:00.000Z',
      policyVersion: 1,
      holidayDataMissingYears: [2027],
    });
    const flags = await flagsOf(before.id);
    expect(flags.map((e: { data: { target: string } }) => e.data.target)).toContain('resolution');
    expect(flags.find((e: { data: { target: string } }) => e.data.target === 'resolution').data).toMatchObject({
      years: [2027],
      dueAt: '2027-01-05T10:00:00.000Z',
      calendar: 'default',
      policyVersion: 1,
    });

    // Bad notice text: every problem, at its line.
    const bad = await t.gql(
      IMPORT_NOTICE,
      { y: 2027, t: '一、元旦：1月1日（周六）至3日（周日）放假，共3天。\n二、春节：2月6日至2月30日放假调休，共9天。' },
      admin,
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'HOLIDAY_SCHEDULE_INVALID', field: 'text' });
    expect(bad.errors?.[0].extensions?.problems.map((p: { field: string; code: string }) => `${p.field} ${p.code}`)).toEqual([
      'text.line[1] WEEKDAY_MISMATCH',
      'text.line[2] UNPARSED_LINE',
    ]);

    const notice = '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。';
    const imported = (await t.gqlOk(IMPORT_NOTICE, { y: 2027, t: notice, s: '国办发明电（测试）' }, admin)).importHolidayNotice;
    expect(imported).toEqual({
      key: '2027',
      year: 2027,
      source: '国办发明电（测试）',
      holidays: [{ name: '元旦', start: '2027-01-01', end: '2027-01-03', days: 3 }],
      makeupWorkdays: [],
    });

    // Overlapping periods and impossible dates entered directly are refused at the field.
    const overlapping = await t.gql(
      UPSERT_SCHEDULE,
      {
        i: {
          key: '2027',
          year: 2027,
          makeupWorkdays: [],
          holidays: [
            { name: '元旦', start: '2027-01-01', end: '2027-01-03' },
            { name: '春节', start: '2027-01-03', end: '2027-02-30' },
          ],
        },
      },
      admin,
    );
    expect(overlapping.errors?.[0].extensions).toMatchObject({ reason: 'HOLIDAY_SCHEDULE_INVALID', field: 'input.holidays[1].end' });
    const overlap = await t.gql(
      UPSERT_SCHEDULE,
      {
        i: {
          key: '2027',
          year: 2027,
          makeupWorkdays: [],
          holidays: [
            { name: '元旦', start: '2027-01-01', end: '2027-01-03' },
            { name: '春节', start: '2027-01-03', end: '2027-01-09' },
          ],
        },
      },
      admin,
    );
    expect(overlap.errors?.[0].extensions?.problems).toEqual([
      expect.objectContaining({ field: 'input.holidays[1]', code: 'OVERLAPPING_HOLIDAYS' }),
    ]);
    expect(
      (await t.gqlOk('{ draftPolicy { holidaySchedules { key holidays { start end } } } }', {}, admin)).draftPolicy.holidaySchedules,
    ).toEqual([{ key: '2027', holidays: [{ start: '2027-01-01', end: '2027-01-03' }] }]);

    expect((await t.gqlOk(PUBLISH, {}, admin)).publishPolicy).toEqual({ version: 2, status: 'published' });
    const after = await submit(t, admin, { channel: 'phone', type: 'service.attitude', text: '年底门店服务态度差，再次投诉' });
    // 元旦 off: Mon 4, Tue 5, Wed 6.
    expect(await resolutionOf(after.id)).toMatchObject({
      dueAt: '2027-01-06T10:00:00.000Z',
      policyVersion: 2,
      holidayDataMissingYears: [],
    });
    expect(await flagsOf(after.id)).toEqual([]);

    // The flagged complaint moves when an admin re-applies the policy; its flag clears.
    await t.gqlOk(
      'mutation($i: ReapplyPolicyInput) { reapplyPolicy(input: $i) { target newDueAt } }',
      { i: { complaintIds: [before.id] } },
      admin,
    );
    expect(await resolutionOf(before.id)).toMatchObject({
      dueAt: '2027-01-06T10:00:00.000Z',
      policyVersion: 2,
      holidayDataMissingYears: [],
    });

    const health = await (await fetch(`${t.url}/health`)).json();
    expect(health.holidays).toMatchObject({
      bundled: { package: 'chinese-days', lastYear: 2026 },
      currentYear: 2026,
      lastCoveredYear: 2027,
      nextYearCovered: true,
      tenantsWithoutNextYear: 0,
    });
  });
});
