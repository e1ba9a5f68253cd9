import { bankPlugin } from '@redress/plugin-bank';
import { jewelryPlugin } from '@redress/plugin-jewelry';
import { telecomPlugin } from '@redress/plugin-telecom';
import { propertyPlugin } from '@redress/plugin-property';
import type { DemoComplaint } from '@redress/sdk';
import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { ManualClock } from '../../apps/api/src/common/clock';
import { COMPLAINT_FIELDS } from '../support/complaints';
import { OutboxService } from '../../apps/api/src/modules/outbox/outbox.service';
import { ENABLE, PUBLISH, drainOutbox, freshTenant } from './plugin-support';

// The outbox is drained by the tests, so deliveries happen at known points.
process.env.REDRESS_WORKERS = '0';

// Thursday 15 Jan 2026, 10:00 in Shanghai: a working day.
const START = new Date('2026-01-15T02:00:00Z');

const SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { ${COMPLAINT_FIELDS} } }`;
const CLOCKS = `query($id: ID!) { slaClocks(complaintId: $id) { target slaPolicy dueAt } }`;

describe.each(testDatabases())('industry plugins on %s', (db) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ db, clock: new ManualClock(START) });
  });
  afterAll(() => t?.close());

  const submit = async (token: string, demo: DemoComplaint) =>
    (
      await t.gqlOk(
        SUBMIT,
        {
          input: {
            type: demo.type,
            channel: demo.channel,
            text: demo.text,
            form: demo.form ?? {},
            complainant: demo.complainant,
            requestedRemedy: demo.requestedRemedy,
          },
        },
        token,
      )
    ).submitComplaint;
  const decision = (complaint: any, kind: string) => complaint.decisions.find((d: any) => d.kind === kind);
  const clocks = async (token: string, id: string) =>
    (await t.gqlOk(CLOCKS, { id }, token)).slaClocks as { target: string; slaPolicy: string; dueAt: string }[];
  const outboxRows = async (tenantId: string, kind: string) => t.app.get(OutboxService).list(tenantId, { kind });

  async function enabled(name: string, pluginId: string, args?: Record<string, unknown>) {
    const tenant = await freshTenant(t, name);
    const result = (await t.gqlOk(ENABLE, { id: pluginId, args }, tenant.admin)).enablePlugin;
    await t.gqlOk(PUBLISH, { note: `启用${pluginId}插件` }, tenant.admin);
    return { ...tenant, result };
  }

  it('lists the installed plugins with what they add and the preset forms', async () => {
    const { admin } = await freshTenant(t, 'catalogue');
    const data = await t.gqlOk(
      `{ plugins { id version name { zh en } installed enabled failureCount
      adds { fieldCount fields complaintTypes slaPolicies templates facts events } rulePresets { code ruleSet args values } } }`,
      {},
      admin,
    );
    expect(data.plugins.map((p: any) => p.id)).toEqual(['bank', 'jewelry', 'telecom', 'property']);
    const telecom = data.plugins.find((p: any) => p.id === 'telecom');
    expect(telecom).toMatchObject({
      installed: true,
      enabled: false,
      failureCount: 0,
      name: { zh: telecomPlugin.name.zh, en: telecomPlugin.name.en },
    });
    expect(telecom.adds.facts).toContain('telecom.areaComplaintsLastHour');
    const massFault = telecom.rulePresets.find((p: any) => p.code === 'telecom.mass_fault');
    expect(massFault).toMatchObject({ ruleSet: 'severity', args: { threshold: { type: 'number', default: 10 } }, values: null });
  });

  it('bank: fields, 一般/紧急/重大, product-line routing from the blocking hook, the 15-day regulatory clock, report rows on closure', async () => {
    const { admin, tenantId, result } = await enabled('bank', 'bank');
    expect(result.applied).toEqual(
      expect.arrayContaining(['fields[account_tail]', 'complaintTypes[bank_credit_card]', 'slaPolicies[bank_regulatory]']),
    );
    expect(result.rows).toContain('routing[bank.routing.credit_card]');
    expect(result.summary).toBeTruthy();

    const [fraud, queue, outage] = bankPlugin.demoComplaints;
    const card = await submit(admin, fraud);
    expect(card).toMatchObject({
      valid: true,
      severity: 'urgent',
      department: 'bank_card_center',
      slaPolicy: 'bank_regulatory',
      state: 'dispatched',
    });
    expect(card.form).toMatchObject({ product_line: 'credit_card', disputed_amount: 8650 });
    expect(decision(card, 'severity')).toMatchObject({ rowKey: 'bank.severity.urgent_fund_safety' });
    expect(decision(card, 'routing')).toMatchObject({ rowKey: 'bank.routing.credit_card', outcome: { department: 'bank_card_center' } });
    expect(decision(card, 'routing').explanation).toBeTruthy();
    const branch = await submit(admin, queue);
    expect(branch).toMatchObject({ severity: 'normal', department: 'bank_customer_service' });
    const system = await submit(admin, outage);
    expect(system).toMatchObject({ severity: 'urgent', department: 'bank_it' });

    const cardClocks = await clocks(admin, card.id);
    const answer = cardClocks.find((c) => c.target === 'regulatory_answer');
    expect(answer?.slaPolicy).toBe('bank_regulatory');
    expect(new Date(answer!.dueAt).getTime() - START.getTime()).toBe(15 * 86_400_000);

    const invalidForm = await t.gql(
      SUBMIT,
      { input: { ...fraud, form: { account_tail: '48', product_line: 'credit_card' }, requestedRemedy: undefined } },
      admin,
    );
    expect(invalidForm.errors?.[0].extensions?.reason).toBe('FORM_INVALID');

    await t.gqlOk('mutation($id: ID!) { closeComplaint(id: $id, reason: "已退款，客户认可") { state } }', { id: branch.id }, admin);
    await drainOutbox(t);
    const rows = await outboxRows(tenantId, 'regulator_report_row');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      complaintId: branch.id,
      topic: 'plugin.bank',
      payload: { number: branch.number, productLine: 'savings', status: 'closed', pluginId: 'bank' },
    });
  });

  it('jewelry: purchase price above the approval limit needs approval and the 7-working-day deadline; staff service goes to operations', async () => {
    const { admin, tenantId } = await enabled('jewelry', 'jewelry');
    const [ring, bangle, staff] = jewelryPlugin.demoComplaints;
    const first = await submit(admin, ring);
    expect(first).toMatchObject({ severity: 'approval_required', department: 'jewelry_quality_control', slaPolicy: 'jewelry_special' });
    expect(decision(first, 'severity').rowKey).toBe('jewelry.severity.above_approval_limit');
    expect(first.form).toMatchObject({ store: ring.form!.store, purchase_price: 18800 });
    expect((await submit(admin, bangle)).slaPolicy).toBe('jewelry_special');
    const service = await submit(admin, staff);
    expect(service).toMatchObject({ severity: 'normal', department: 'jewelry_operations', slaPolicy: 'jewelry_standard' });
    expect((await clocks(admin, service.id)).map((c) => c.slaPolicy)).toContain('jewelry_standard');

    const missingStore = await t.gql(SUBMIT, { input: { ...staff, form: { store_mode: 'direct' } } }, admin);
    expect(missingStore.errors?.[0].extensions?.reason).toBe('FORM_INVALID');
    await drainOutbox(t);
    expect(await outboxRows(tenantId, 'plugin_event')).toEqual([]); // no handlers in this plugin
  });

  it('telecom: area counts from the host make the second outage a mass fault (threshold chosen at enable), grouped under a parent incident', async () => {
    const { admin, tenantId } = await enabled('telecom', 'telecom', {
      'telecom.mass_fault': { threshold: 2 },
      'telecom.routing': { massFaultThreshold: 2 },
    });
    const [outage, outage2, billing] = telecomPlugin.demoComplaints;
    const first = await submit(admin, outage);
    expect(first).toMatchObject({ severity: 'normal', department: 'telecom_network_optimization', slaPolicy: 'telecom_standard' });
    const second = await submit(admin, outage2); // same cell, typed in lower case
    expect(second).toMatchObject({ severity: 'major', department: 'telecom_noc' });
    expect(decision(second, 'severity').rowKey).toBe('telecom.mass_fault.mass_fault');
    const fee = await submit(admin, billing);
    expect(fee).toMatchObject({ valid: true, department: 'telecom_billing_center' });
    const dispatch = (await clocks(admin, second.id)).find((c) => c.target === 'dispatch');
    expect(new Date(dispatch!.dueAt).getTime() - START.getTime()).toBe(30 * 60_000);

    await drainOutbox(t);
    const incidents = await outboxRows(tenantId, 'parent_incident');
    expect(incidents.map((m) => m.payload)).toEqual([expect.objectContaining({ area: 'SZ-NS-0231', complaintNumber: second.number })]);
  });

  it('property: the invalid-complaint criteria, urgent leaks, and a work order for every routed repair', async () => {
    const { admin, tenantId } = await enabled('property', 'property');
    const [leak, lift, tenantQuality] = propertyPlugin.demoComplaints;
    const a = await submit(admin, leak);
    expect(a).toMatchObject({ valid: true, severity: 'urgent', department: 'property_engineering', slaPolicy: 'property_standard' });
    const b = await submit(admin, lift);
    expect(b.department).toBe('property_engineering');
    const c = await submit(admin, tenantQuality);
    expect(c).toMatchObject({ valid: false, invalidReason: 'not_rights_holder', state: 'invalid_closed' });
    expect(decision(c, 'validity').rowKey).toBe('property.invalid.not_rights_holder');
    expect(await clocks(admin, c.id)).toEqual([]);
    expect((await clocks(admin, a.id)).find((k) => k.target === 'resolution')?.slaPolicy).toBe('property_standard');

    await drainOutbox(t);
    const orders = await outboxRows(tenantId, 'work_order');
    expect(orders.map((o) => o.payload.complaintNumber).sort()).toEqual([a.number, b.number].sort());
    expect(orders[0].payload).toMatchObject({ system: 'internal', department: 'property_engineering', pluginId: 'property' });
    // Delivered once: draining again does not run the handlers again.
    await drainOutbox(t);
    expect(await outboxRows(tenantId, 'work_order')).toHaveLength(2);
  });
});
