import { parse } from 'csv-parse/sync';
import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { ManualClock } from '../../apps/api/src/common/clock';

/**
 * Issue 20 "CSV headers and values by the requesting user's locale": the complaint list export speaks the console's
 * language — headers, states, kinds, SLA statuses and policy names — instead of Chinese headers over raw enum values.
 */
const RAW = ['in_progress', 'invalid_closed', 'waiting_customer', 'on_time', 'at_risk', 'breached', 'follow_up', 'customer_service'];

describe.each(testDatabases())('complaint export language on %s', (db) => {
  let t: TestApp;
  let manager: string;
  beforeAll(async () => {
    t = await createTestApp({ db, clock: new ManualClock(new Date('2026-11-30T06:00:00Z')), config: { demoComplaints: 40 } });
    await t.seedDemo();
    manager = await t.login('manager@demo.local');
  }, 300_000);
  afterAll(async () => t?.close());

  const exported = async (locale?: string) => {
    const { exportComplaints: job } = await t.gqlOk<{ exportComplaints: { url: string; rowCount: number } }>(
      'mutation($l: String) { exportComplaints(format: CSV, locale: $l) { url rowCount } }',
      { l: locale },
      manager,
    );
    const response = await fetch(`${t.url}${job.url}`, { headers: { authorization: `Bearer ${manager}` } });
    expect(response.status).toBe(200);
    const text = (await response.text()).replace(/^\uFEFF/, '');
    return { rows: parse(text, { columns: true }) as Record<string, string>[], text, count: job.rowCount };
  };

  it('writes Chinese headers and values by default and for zh-CN', async () => {
    const { rows, text, count } = await exported('zh-CN');
    expect(count).toBe(40);
    expect(Object.keys(rows[0]).slice(0, 4)).toEqual(['投诉编号', '受理时间', '渠道', '投诉类型']);
    expect(new Set(rows.map((r) => r['状态']))).toContain('已结案');
    for (const raw of RAW) expect(text, raw).not.toContain(raw);
    expect((await exported()).rows[0]).toHaveProperty('投诉编号');
  });

  it('writes English headers, states and policy names for en', async () => {
    const { rows, text } = await exported('en');
    expect(Object.keys(rows[0]).slice(0, 4)).toEqual(['Number', 'Received', 'Channel', 'Type']);
    const states = new Set(rows.map((r) => r.State));
    expect(states).toContain('Closed');
    expect([...states].every((s) => /^[A-Z][a-z -]+$/.test(s))).toBe(true);
    expect(rows.some((r) => r.Department === 'Customer service center')).toBe(true);
    for (const raw of RAW) expect(text, raw).not.toContain(raw);
  });
});
