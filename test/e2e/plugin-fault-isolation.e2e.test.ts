import { definePlugin } from '@redress/sdk';
import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { ManualClock } from '../../apps/api/src/common/clock';
import { submit } from '../support/complaints';
import { OutboxService } from '../../apps/api/src/modules/outbox/outbox.service';
import { ENABLE } from './plugin-support';

process.env.REDRESS_WORKERS = '0';

const START = new Date('2026-11-25T02:00:00Z');

/** A plugin whose blocking hook throws and whose after-handler throws. */
const throwing = definePlugin({
  id: 'throwing',
  version: '0.1.0',
  compatibility: '^0.1.0',
  name: { zh: '总是出错', en: 'Always failing' },
  description: { zh: '测试用', en: 'For tests' },
  on: {
    'complaint.submitted': {
      blocking: () => {
        throw new Error('hook exploded');
      },
      after: () => {
        throw new Error('handler exploded');
      },
    },
  },
});

/** A plugin whose blocking hook never settles: the host's time limit must cut it off. */
const hanging = definePlugin({
  id: 'hanging',
  version: '0.1.0',
  compatibility: '^0.1.0',
  name: { zh: '永不返回', en: 'Never returns' },
  description: { zh: '测试用', en: 'For tests' },
  on: { 'complaint.submitted': { blocking: () => new Promise<never>(() => undefined), timeoutMs: { blocking: 150 } } },
});

const COMPLAINT = {
  channel: 'phone',
  type: 'service.attitude',
  text: '营业厅工作人员态度恶劣，不耐烦地打断我说话。',
  form: { staff_name: '小王', outlet: 'bj_chaoyang', expected_remedy: 'apology' },
};

describe.each(testDatabases())('plugin fault isolation on %s', (db) => {
  let t: TestApp;
  let admin: string;
  let agent: string;
  let tenantId: string;

  beforeAll(async () => {
    t = await createTestApp({ db, clock: new ManualClock(START), plugins: [throwing, hanging] });
    tenantId = await t.seedDemo();
    [admin, agent] = await Promise.all([t.login('admin@demo.local'), t.login('agent@demo.local')]);
    for (const id of ['throwing', 'hanging']) await t.gqlOk(ENABLE, { id }, admin);
  });
  afterAll(() => t?.close());

  // Pages hold at most 200 rows: the throwing plugin's 300 failures are read per phase.
  const failuresOf = async (pluginId: string, phase: string) =>
    (
      await t.gqlOk(
        `query($p: String, $phase: String) { pluginFailures(pluginId: $p, phase: $phase, first: 200) { phase eventName timedOut attempt error complaintId } }`,
        { p: pluginId, phase },
        admin,
      )
    ).pluginFailures as any[];
  const failures = async (pluginId: string) => [...(await failuresOf(pluginId, 'blocking')), ...(await failuresOf(pluginId, 'after'))];

  it('stores, routes and clocks 100 concurrent complaints while hooks throw and hang, and records every failure', async () => {
    const ids: string[] = [];
    for (let batch = 0; batch < 5; batch += 1) {
      const submitted = await Promise.all(Array.from({ length: 20 }, () => submit(t, agent, COMPLAINT)));
      ids.push(...submitted.map((c: any) => c.id));
      for (const c of submitted) expect(c).toMatchObject({ valid: true, department: 'customer_service', state: 'dispatched' });
    }
    expect(new Set(ids).size).toBe(100);
    const [{ n: clocked }] = await t.dataSource.query(
      `SELECT COUNT(DISTINCT complaint_id) AS n FROM sla_clock WHERE tenant_id = '${tenantId}'`,
    );
    expect(Number(clocked)).toBe(100);

    const thrown = await failures('throwing');
    expect(thrown.filter((f) => f.phase === 'blocking')).toHaveLength(100);
    expect(thrown[0]).toMatchObject({ eventName: 'complaint.submitted', timedOut: false, error: 'hook exploded' });
    const hung = await failures('hanging');
    expect(hung).toHaveLength(100);
    expect(hung.every((f) => f.timedOut)).toBe(true);

    const one = await t.gqlOk(`query($id: ID!) { complaint(id: $id) { timeline { type data } } }`, { id: ids[42] }, admin);
    const pluginEvents = one.complaint.timeline.filter((e: any) => e.type === 'plugin.failed').map((e: any) => e.data);
    expect(pluginEvents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pluginId: 'throwing', phase: 'blocking' }),
        expect.objectContaining({ pluginId: 'hanging', phase: 'blocking', timedOut: true }),
      ]),
    );

    const listed = (await t.gqlOk(`{ plugins { id enabled failureCount lastFailure { phase } } }`, {}, admin)).plugins;
    expect(listed.find((p: any) => p.id === 'hanging')).toMatchObject({
      enabled: true,
      failureCount: 100,
      lastFailure: { phase: 'blocking' },
    });
  });

  it('retries a failing after-handler with back-off and records each attempt', async () => {
    const outbox = t.app.get(OutboxService);
    const drainAll = async () => {
      for (let i = 0; i < 20; i += 1) if ((await outbox.drain(200)) === 0) break;
    };
    await drainAll();
    let deliveries = await outbox.list(tenantId, { kind: 'plugin_event' });
    expect(deliveries).toHaveLength(100);
    expect(deliveries.every((m) => m.status === 'pending' && m.attempts === 1)).toBe(true);
    t.clock.advance(10_000); // past the first back-off (5 s)
    await drainAll();
    deliveries = await outbox.list(tenantId, { kind: 'plugin_event' });
    expect(deliveries.every((m) => m.attempts === 2 && m.lastError?.includes('handler exploded'))).toBe(true);
    const after = (await failures('throwing')).filter((f) => f.phase === 'after');
    expect(after).toHaveLength(200);
    expect(Math.max(...after.map((f) => f.attempt))).toBe(2);
  });

  it('stops the hooks once the admin disables the plugins; their data stays', async () => {
    const forbidden = await t.gql('mutation { disablePlugin(id: "throwing") { enabled } }', {}, agent);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const id of ['throwing', 'hanging']) {
      const data = await t.gqlOk('mutation($id: String!) { disablePlugin(id: $id) { id enabled failureCount } }', { id }, admin);
      expect(data.disablePlugin).toMatchObject({ id, enabled: false });
    }
    const before = (await failures('throwing')).length;
    const started = Date.now();
    const c = await submit(t, agent, COMPLAINT);
    expect(Date.now() - started).toBeLessThan(2_000);
    const timeline = await t.gqlOk(`query($id: ID!) { complaint(id: $id) { timeline { type } } }`, { id: c.id }, admin);
    expect(timeline.complaint.timeline.map((e: any) => e.type)).not.toContain('plugin.failed');
    t.clock.advance(60_000);
    await t.app.get(OutboxService).drain(500);
    expect(await failures('throwing')).toHaveLength(before);
  });
});
