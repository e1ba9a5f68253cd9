import { complaintSnapshot, createHandlerContext, makeEvent } from '@redress/sdk/testing';
import { decideWithPlugin, pluginProblems, runAfterHandler, runPluginRuleTests } from '@redress/sdk';
import { propertyPlugin, propertyValidityPreset, repairWorkOrder } from './index';

const validity = (complaint: Record<string, unknown>) =>
  decideWithPlugin(propertyPlugin, { complaint: { kind: 'complaint', channel: 'phone', type: 'property_repair', text: '', ...complaint } })
    .validity;

describe('property plugin', () => {
  it('validates and its own rule tests pass', () => {
    expect(pluginProblems(propertyPlugin)).toEqual([]);
    expect(runPluginRuleTests(propertyPlugin)).toEqual([]);
    expect(propertyPlugin.demoComplaints.length).toBeGreaterThanOrEqual(10);
  });

  it('ships all 11 invalid-complaint criteria, each with a reason code and Chinese text', () => {
    const rows = propertyValidityPreset.rows(
      Object.fromEntries(Object.entries(propertyValidityPreset.args).map(([k, a]) => [k, a.default])) as never,
    );
    expect(rows).toHaveLength(11);
    expect(new Set(rows.map((r) => r.then.reason)).size).toBe(11);
    for (const row of rows) expect(row.then.reasonText?.zh).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('decides the criteria that show at intake from fields and keywords', () => {
    expect(validity({ type: 'property_house_quality', text: '墙面开裂', form: { owner_status: 'tenant' } })).toMatchObject({
      valid: false,
      reason: 'not_rights_holder',
    });
    expect(validity({ type: 'property_house_quality', text: '墙面开裂', form: { owner_status: 'owner' } }).valid).toBe(true);
    // A tenant may report a repair: only complaints about the purchased house need the rights holder.
    expect(validity({ type: 'property_repair', text: '水管坏了', form: { owner_status: 'tenant' } }).valid).toBe(true);
    expect(validity({ kind: 'suggestion', text: '增加座椅' })).toMatchObject({ reason: 'suggestion_not_complaint' });
    expect(validity({ text: '车位是私下交易从黄牛手里买的' })).toMatchObject({ reason: 'private_or_illegal_channel' });
    expect(validity({ text: '要求物业赔偿精神损失费' })).toMatchObject({ reason: 'unreasonable_demand' });
    expect(validity({ text: '小区旁边的市政道路太堵了' })).toMatchObject({ reason: 'beyond_service_scope' });
    expect(validity({ text: '要求物业允许搭建阳光房' })).toMatchObject({ reason: 'contrary_to_law' });
  });

  it('decides the others from the investigation finding', () => {
    const reasons = Object.fromEntries(
      ['misunderstanding', 'no_clear_demand', 'known_before_purchase', 'unverifiable', 'contrary_to_facts'].map((finding) => [
        finding,
        validity({ text: '问题', form: { investigation_finding: finding } }).reason,
      ]),
    );
    expect(reasons).toEqual({
      misunderstanding: 'customer_misunderstanding',
      no_clear_demand: 'no_clear_demand',
      known_before_purchase: 'defect_known_before_purchase',
      unverifiable: 'object_unclear',
      contrary_to_facts: 'contrary_to_facts',
    });
    expect(validity({ text: '问题', form: { investigation_finding: 'valid' } }).valid).toBe(true);
  });

  it('routes repairs to engineering and grades leaks as urgent', () => {
    expect(
      decideWithPlugin(propertyPlugin, {
        complaint: { kind: 'complaint', type: 'property_repair', channel: 'phone', text: '天花板漏水', form: { owner_status: 'owner' } },
      }),
    ).toMatchObject({
      validity: { valid: true },
      severity: 'urgent',
      routing: { department: 'property_engineering' },
      slaPolicy: 'property_standard',
    });
  });

  it('turns a routed repair into a work order with project, building and unit', async () => {
    const ctx = createHandlerContext({ plugin: propertyPlugin });
    const repair = complaintSnapshot({
      id: 'r1',
      number: '2601-0003',
      type: 'property_repair',
      severity: 'urgent',
      text: '漏水',
      form: { project: '锦绣花园', building: '6栋', unit: '1502' },
    });
    await runAfterHandler(
      propertyPlugin,
      ctx,
      makeEvent('complaint.routed', { complaint: repair, routing: { department: 'property_engineering' } }),
    );
    await runAfterHandler(
      propertyPlugin,
      ctx,
      makeEvent('complaint.routed', { complaint: { ...repair, type: 'property_fee' }, routing: { department: 'property_finance' } }),
    );
    expect(ctx.enqueued).toEqual([
      {
        kind: 'work_order',
        payload: expect.objectContaining({
          complaintNumber: '2601-0003',
          project: '锦绣花园',
          building: '6栋',
          unit: '1502',
          department: 'property_engineering',
          urgent: true,
          system: 'internal',
        }),
      },
    ]);
    expect(repairWorkOrder({ ...repair, type: 'property_service' })).toBeNull();
  });
});
