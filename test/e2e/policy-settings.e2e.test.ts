import { ManualClock } from '../../apps/api/src/common/clock';
import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { submit } from '../support/complaints';

// Weekly figures are compared exactly: no background sweep may move a clock between two reports.
process.env.REDRESS_WORKERS = '0';

/** Monday 2026-11-02 10:00 in Shanghai. */
const MONDAY_10 = Date.parse('2026-11-02T02:00:00Z');
const MINUTE = 60_000;

const SETTINGS = `mutation($i: PolicySettingsInput!) { updatePolicySettings(input: $i) {
  numberPattern kpiTargets { onTimeRate satisfactionRate effectiveResolutionRate onTimeByTarget { target rate } } } }`;
const PUBLISH = 'mutation { publishPolicy(note: "targets") { version status } }';
const REPORT = `mutation { generateWeeklyReport(weekStart: "2026-11-02") { kpis { key target current met } content } }`;

describe.each(testDatabases())('KPI targets and the number pattern as policy settings (issue 16) on %s', (db) => {
  let t: TestApp;
  let admin: string;
  let agent: string;
  let handler: string;
  const clock = new ManualClock(new Date(MONDAY_10));
  const act = (token: string, query: string, variables: Record<string, unknown> = {}) => t.gqlOk<any>(query, variables, token);

  beforeAll(async () => {
    t = await createTestApp({ db, clock });
    await t.seedDemo();
    [admin, agent, handler] = await Promise.all(['admin', 'agent', 'handler'].map((who) => t.login(`${who}@demo.local`)));
    // Two complaints: the first answered within the hour and the customer satisfied; the second taken up four days
    // later — after its 3-working-day deadlines — and the customer not satisfied.
    for (const [index, satisfied] of [
      [0, true],
      [1, false],
    ] as const) {
      clock.set(new Date(MONDAY_10 + index * 2 * 60 * MINUTE));
      const c = await submit(t, agent, { channel: 'phone', type: 'service.attitude', text: `第${index + 1}位顾客：店员态度差。` });
      clock.advance((satisfied ? 10 : 4 * 24 * 60) * MINUTE);
      await act(handler, 'mutation($id: ID!) { transition(id: $id, to: "in_progress") { state } }', { id: c.id });
      clock.advance(20 * MINUTE);
      await act(handler, 'mutation($i: ReplyInput!) { replyToComplaint(input: $i) { state } }', {
        i: { complaintId: c.id, body: '已处理，向您致歉。' },
      });
      clock.advance(20 * MINUTE);
      await act(agent, 'mutation($i: FollowUpInput!) { recordFollowUp(input: $i) { state } }', {
        i: { complaintId: c.id, satisfied, score: satisfied ? 5 : 2 },
      });
    }
    clock.set(new Date(MONDAY_10 + 7 * 24 * 60 * MINUTE));
  }, 120_000);
  afterAll(() => t?.close());

  it('judges the weekly report by the published KPI targets, per deadline type too', async () => {
    const before = (await act(admin, REPORT)).generateWeeklyReport;
    const satisfaction = before.kpis.find((k: { key: string }) => k.key === 'satisfactionRate');
    expect(satisfaction).toEqual({ key: 'satisfactionRate', target: 0.95, current: 0.5, met: false });
    const line = (report: any, target: string) => report.content.onTimeByTarget.find((l: { target: string }) => l.target === target);
    expect(line(before, 'resolution')).toMatchObject({ stopped: 2, met: 1, rate: 0.5, targetRate: 0.95, onTarget: false });
    expect(line(before, 'first_response')).toMatchObject({ stopped: 2, met: 1, rate: 0.5, targetRate: 0.95, onTarget: false });
    expect(before.content.kpiTargetsPolicyVersion).toBe(1);

    const saved = (
      await act(admin, SETTINGS, { i: { kpiTargets: { satisfactionRate: 0.5, onTimeByTarget: [{ target: 'resolution', rate: 0.5 }] } } })
    ).updatePolicySettings;
    expect(saved.kpiTargets).toEqual({
      onTimeRate: null,
      satisfactionRate: 0.5,
      effectiveResolutionRate: null,
      onTimeByTarget: [{ target: 'resolution', rate: 0.5 }],
    });
    // A draft does not judge anything: the report follows the published version.
    expect((await act(admin, REPORT)).generateWeeklyReport.kpis.find((k: { key: string }) => k.key === 'satisfactionRate').met).toBe(false);
    expect((await act(admin, PUBLISH)).publishPolicy).toEqual({ version: 2, status: 'published' });

    const after = (await act(admin, REPORT)).generateWeeklyReport;
    expect(after.kpis.find((k: { key: string }) => k.key === 'satisfactionRate')).toEqual({
      key: 'satisfactionRate',
      target: 0.5,
      current: 0.5,
      met: true,
    });
    // Unchanged targets keep their defaults.
    expect(after.kpis.map((k: { key: string; target: number }) => [k.key, k.target])).toEqual([
      ['onTimeRate', 0.95],
      ['satisfactionRate', 0.5],
      ['effectiveResolutionRate', 0.9],
    ]);
    // Resolution has its own target now; first response still answers to the overall on-time target.
    expect(line(after, 'resolution')).toMatchObject({ rate: 0.5, targetRate: 0.5, onTarget: true });
    expect(line(after, 'first_response')).toMatchObject({ rate: 0.5, targetRate: 0.95, onTarget: false });
    expect(after.content.kpiTargetsPolicyVersion).toBe(2);
  });

  it('refuses a KPI target for a deadline type no SLA policy has, at publish', async () => {
    await act(admin, SETTINGS, { i: { kpiTargets: { onTimeByTarget: [{ target: 'reply_letter', rate: 0.9 }] } } });
    const refused = await t.gql(PUBLISH, {}, admin);
    expect(refused.errors?.[0].extensions?.reason).toBe('POLICY_INVALID');
    expect(refused.errors?.[0].extensions?.problems).toEqual([
      expect.objectContaining({ field: 'settings.kpiTargets.onTimeByTarget[0].target', code: 'UNKNOWN_REFERENCE' }),
    ]);
    const outOfRange = await t.gql(SETTINGS, { i: { kpiTargets: { onTimeRate: 95 } } }, admin);
    expect(outOfRange.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await act(admin, 'mutation { discardPolicyDraft { schemaVersion } }');
  });

  it('numbers complaints by the published pattern; a pattern without a serial or a month is refused at the field', async () => {
    const noSerial = await t.gql(SETTINGS, { i: { numberPattern: 'TS-{YYYY}{MM}' } }, admin);
    expect(noSerial.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NUMBER_PATTERN_INVALID',
      field: 'input.numberPattern',
    });
    expect(noSerial.errors?.[0].extensions?.problems.map((p: { code: string }) => p.code)).toEqual(['NUMBER_PATTERN_NO_SERIAL']);
    const noMonth = await t.gql(SETTINGS, { i: { numberPattern: 'TS{YYYY}-{SEQ:5}-{DD}' } }, admin);
    expect(noMonth.errors?.[0].extensions?.problems.map((p: { code: string }) => p.code)).toEqual([
      'NUMBER_PATTERN_NO_PERIOD',
      'NUMBER_PATTERN_UNKNOWN_TOKEN',
    ]);

    expect((await act(admin, SETTINGS, { i: { numberPattern: 'TS{YYYY}{MM}-{SEQ:5}' } })).updatePolicySettings.numberPattern).toBe(
      'TS{YYYY}{MM}-{SEQ:5}',
    );
    // Until it is published, numbers keep the old pattern.
    clock.set(new Date(MONDAY_10 + 3 * 24 * 60 * MINUTE));
    expect((await submit(t, agent, { channel: 'phone', type: 'service.attitude', text: '第三位顾客：态度差。' })).number).toBe('2611-0003');
    await act(admin, PUBLISH);
    expect((await submit(t, agent, { channel: 'phone', type: 'service.attitude', text: '第四位顾客：态度差。' })).number).toBe(
      'TS202611-00004',
    );
  });
});
