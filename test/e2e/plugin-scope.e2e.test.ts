import { jewelryPlugin } from '@redress/plugin-jewelry';
import { propertyPlugin } from '@redress/plugin-property';
import type { FieldDefinition } from '@redress/sdk';
import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { ManualClock } from '../../apps/api/src/common/clock';
import { submit } from '../support/complaints';
import { PolicyService } from '../../apps/api/src/modules/policy/policy.service';
import { SlaScheduler } from '../../apps/api/src/modules/sla/sla.scheduler';
import { ComplaintEvent } from '../../apps/api/src/modules/complaint/complaint.entity';
import { DEMO_POLICY } from '../../apps/api/src/modules/policy/demo/demo-policy';
import { ENABLE, PUBLISH, addDemoPolicyPeople, freshTenant } from './plugin-support';

// Issue 12 items 7 and 8: a plugin's rows decide only its own complaint types, and its fields never silently take
// over (or give up) a key another definition uses.
process.env.REDRESS_WORKERS = '0';

// Thursday 15 Jan 2026, 10:00 in Shanghai: a working day.
const START = new Date('2026-01-15T02:00:00Z');

const SIMULATE = `mutation($s: SimulationSampleInput!) { simulatePolicy(sample: $s) {
  status result { total changedAny differences { index changed before { severity department } after { severity department } } } } }`;
const RUN_TESTS = `{ runPolicyTests(version: "draft") { key passed failures { what expected actual rowKey } } }`;
const DRAFT_FIELDS = `{ draftPolicy { fields { key type required options { value } } } }`;

describe.each(testDatabases())('plugin rows and fields stay with their own industry on %s', (db) => {
  let t: TestApp;
  let clock: ManualClock;
  let demoAdmin: string;
  let demoAgent: string;

  beforeAll(async () => {
    clock = new ManualClock(START);
    t = await createTestApp({ db, clock });
    await t.seedDemo();
    [demoAdmin, demoAgent] = await Promise.all([t.login('admin@demo.local'), t.login('agent@demo.local')]);
  });
  afterAll(() => t?.close());

  const simulate = async (token: string, facts: Record<string, unknown>[]) =>
    (await t.gqlOk(SIMULATE, { s: { facts } }, token)).simulatePolicy;

  it('all four industry plugins enabled on the demo tenant: its own complaints decide as before, its rule tests pass, publishing succeeds', async () => {
    for (const id of ['bank', 'jewelry', 'telecom', 'property']) {
      const result = await t.gql(ENABLE, { id }, demoAdmin);
      expect(result.errors, `enable ${id}`).toBeUndefined();
    }
    // Every demo rule test (the kettle, the media threat, the regulator referral …) and every plugin's tests pass.
    const tests = (await t.gqlOk(RUN_TESTS, {}, demoAdmin)).runPolicyTests as { key: string; passed: boolean }[];
    expect(tests.filter((x) => !x.passed)).toEqual([]);
    expect(tests.map((x) => x.key)).toEqual(
      expect.arrayContaining(['t-product', 'bank_media_major', 'telecom_recent_fee', 'property_owner_leak', 'jewelry_large_return']),
    );

    // The demo tenant's own complaints (its rule-test facts) decide exactly as under the published demo policy.
    const demoFacts = DEMO_POLICY.tests.map((test) => test.facts);
    const sim = await simulate(demoAdmin, demoFacts);
    expect(sim.status).toBe('done');
    expect(sim.result).toMatchObject({ total: demoFacts.length, changedAny: 0, differences: [] });

    const published = (await t.gqlOk(PUBLISH, { note: '启用四个行业插件' }, demoAdmin)).publishPolicy;
    expect(published.status).toBe('published');
    // The kettle that leaks is the demo's product complaint, not a property leak: normal, quality department.
    const kettle = await submit(t, demoAgent, {
      channel: 'app',
      type: 'product.defect',
      text: '新买的电水壶漏水，底座有水渗出',
      form: { product_name: '电水壶' },
    });
    expect(kettle).toMatchObject({ valid: true, severity: 'normal', department: 'quality', slaPolicy: 'special' });
    // And the plugins still decide their own complaints.
    const { type, channel, text, form } = propertyPlugin.demoComplaints[0];
    const leak = await submit(t, demoAgent, { type, channel, text, form });
    expect(leak).toMatchObject({ severity: 'urgent', department: 'property_engineering', slaPolicy: 'property_standard' });
  });

  it('simulating a draft that adds bank leaves a property injury complaint with property, not bank compliance', async () => {
    const { admin } = await freshTenant(t, 'estate');
    await t.gqlOk(ENABLE, { id: 'property' }, admin);
    await t.gqlOk(PUBLISH, { note: '物业' }, admin);
    await t.gqlOk(ENABLE, { id: 'bank' }, admin);
    const injury = {
      complaint: {
        type: 'property_security',
        kind: 'complaint',
        channel: 'phone',
        text: '小区路面结冰无人处理，老人摔倒受伤',
        form: { project: '滨江花园', owner_status: 'owner' },
      },
    };
    const repair = {
      complaint: {
        type: 'property_repair',
        kind: 'complaint',
        channel: 'phone',
        text: '楼道灯坏了，找律师也没用',
        form: { project: '滨江花园', owner_status: 'owner' },
      },
    };
    const sim = await simulate(admin, [injury, repair]);
    expect(sim.result).toMatchObject({ total: 2, changedAny: 0, differences: [] });
    // The published decision it is compared with: major injury at the property's security department.
    const decided = await submit(t, admin, {
      type: 'property_security',
      channel: 'phone',
      text: injury.complaint.text,
      form: injury.complaint.form,
    });
    expect(decided).toMatchObject({ severity: 'major', department: 'property_security' });
  });

  it('telecom’s dispatch-breach escalation does not fire on an environment complaint of the tenant', async () => {
    // A tenant with the demo's policy and telecom only (its own tenant: the demo tenant's clock history is not needed).
    const { admin, tenantId } = await freshTenant(t, 'telco-shop');
    await t.app.get(PolicyService).replaceDraft(tenantId, DEMO_POLICY, undefined);
    await addDemoPolicyPeople(t, tenantId);
    await t.gqlOk(ENABLE, { id: 'telecom' }, admin);
    await t.gqlOk(PUBLISH, { note: '电信' }, admin);
    const environment = await submit(t, admin, {
      channel: 'app',
      type: 'environment',
      text: '网点卫生间长期无法使用。',
      form: { outlet: 'sh_xuhui' },
    });
    expect(environment).toMatchObject({ department: 'operations', slaPolicy: 'standard' });
    clock.advance(45 * 60_000); // past the 30-minute dispatch deadline of the demo's standard policy
    for (let i = 0; i < 3; i++) await t.app.get(SlaScheduler).tick();
    const events = await t.dataSource.getRepository(ComplaintEvent).find({ where: { tenantId, complaintId: environment.id } });
    const breached = events.filter((e) => e.type === 'sla.breached').map((e) => e.data.target);
    expect(breached, `events: ${events.map((e) => e.type).join(', ')}`).toContain('dispatch');
    const escalations = events.filter((e) => e.type === 'escalation').map((e) => e.data.ruleKey);
    expect(escalations.filter((key) => String(key).startsWith('telecom'))).toEqual([]);
  });

  describe('field keys', () => {
    const tenantStore: FieldDefinition = {
      key: 'store',
      label: { zh: '门店', en: 'Store' },
      type: 'select',
      options: [
        { value: 'bj_chaoyang', label: { zh: '北京朝阳店' } },
        { value: 'sh_xuhui', label: { zh: '上海徐汇店' } },
      ],
    };

    it('refuses to enable a plugin whose field clashes with the tenant’s field of the same key, naming both, changing nothing', async () => {
      const { admin, tenantId } = await freshTenant(t, 'jeweller');
      await t.app.get(PolicyService).mergeIntoDraft(
        tenantId,
        {
          fields: [tenantStore],
          complaintTypes: [{ key: 'branch', name: { zh: '门店' }, kind: 'complaint', fields: ['store'] }],
        },
        undefined,
      );
      const before = (await t.gqlOk(DRAFT_FIELDS, {}, admin)).draftPolicy;

      const refused = await t.gql(ENABLE, { id: 'jewelry' }, admin);
      const error = refused.errors?.[0];
      expect(error?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'FIELD_KEY_CONFLICT' });
      expect(error?.message).toContain('field "store"');
      expect(error?.message).toMatch(/门店 \(select: bj_chaoyang, sh_xuhui; from the tenant\)/);
      expect(error?.message).toMatch(/plugin jewelry has 门店 \(text; required; from plugin jewelry\)/);
      expect(error?.extensions?.problems).toEqual([expect.objectContaining({ field: 'fields[store]', code: 'FIELD_KEY_CONFLICT' })]);
      expect(error?.extensions?.messages['zh-CN']).toContain('未做任何修改');

      // Nothing half-written: the draft is as it was and the plugin is not enabled.
      expect((await t.gqlOk(DRAFT_FIELDS, {}, admin)).draftPolicy).toEqual(before);
      const plugins = (await t.gqlOk('{ plugins { id enabled } }', {}, admin)).plugins;
      expect(plugins.find((p: { id: string }) => p.id === 'jewelry')).toEqual({ id: 'jewelry', enabled: false });
    });

    it('shares a field of the same meaning and keeps the plugin’s own definitions: a free-text store name is taken, a missing one refused', async () => {
      const { admin, tenantId } = await freshTenant(t, 'jeweller-ok');
      const purchaseDate: FieldDefinition = { key: 'purchase_date', label: { zh: '购买时间', en: 'Bought on' }, type: 'date' };
      await t.app.get(PolicyService).mergeIntoDraft(tenantId, { fields: [purchaseDate] }, undefined);
      const enabled = (await t.gqlOk(ENABLE, { id: 'jewelry' }, admin)).enablePlugin;
      expect(enabled.kept).toContain('fields[purchase_date]');
      expect(enabled.applied).toContain('fields[store]');
      await t.gqlOk(PUBLISH, { note: '珠宝' }, admin);
      const [ring, , staff] = jewelryPlugin.demoComplaints;
      const first = await submit(t, admin, { type: ring.type, channel: ring.channel, text: ring.text, form: ring.form });
      expect(first.form.store).toBe(ring.form!.store);
      const missing = await t.gql(
        'mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id } }',
        {
          input: {
            type: staff.type,
            channel: staff.channel,
            text: staff.text,
            form: { store_mode: 'direct' },
            complainant: staff.complainant,
          },
        },
        admin,
      );
      expect(missing.errors?.[0].extensions?.reason).toBe('FORM_INVALID');

      // Existing plugin data keeps working: enabling again (an upgrade) refreshes the plugin's own field without a
      // conflict, and the stored complaint still has its value under the same key.
      const again = (await t.gqlOk(ENABLE, { id: 'jewelry' }, admin)).enablePlugin;
      expect(again.applied).toContain('fields[store]');
      const stored = (await t.gqlOk('query($id: ID!) { complaint(id: $id) { form } }', { id: first.id }, admin)).complaint;
      expect(stored.form.store).toBe(ring.form!.store);
    });
  });
});
