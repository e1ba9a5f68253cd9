import { restaurantPlugin } from '../../../test/fixtures/restaurant-plugin';
import { decideWithPlugin, pluginProblems, runAfterHandler, runBlockingHook, runPluginRuleTests } from './index';
import { complaintSnapshot, createHandlerContext, makeEvent } from './testing';

// The restaurant plugin was written from docs/plugins.md alone: if it validates and behaves, the guide is enough.
describe('a plugin written from the guide (restaurant, three tiers)', () => {
  it('is valid and its own rule tests pass', () => {
    expect(pluginProblems(restaurantPlugin)).toEqual([]);
    expect(runPluginRuleTests(restaurantPlugin)).toEqual([]);
  });

  it('sends complaints to floor, manager or company', () => {
    const tier = (complaint: Record<string, unknown>, customer = { complaintsLast30Days: 1 }) =>
      decideWithPlugin(restaurantPlugin, { complaint: { type: 'restaurant_food', channel: 'visit', text: '', ...complaint }, customer });
    expect(tier({ text: '上菜慢', form: { bill_amount: 100 } })).toMatchObject({
      severity: 'floor',
      routing: { department: 'restaurant_floor' },
    });
    expect(tier({ text: '上菜慢', form: { bill_amount: 800 } })).toMatchObject({
      severity: 'manager',
      routing: { department: 'restaurant_store_manager' },
    });
    expect(tier({ text: '上菜慢', form: { bill_amount: 100 } }, { complaintsLast30Days: 2 }).severity).toBe('manager');
    expect(tier({ type: 'restaurant_hygiene', text: '桌上有蟑螂' }).severity).toBe('manager');
    expect(tier({ text: '吃完食物中毒', form: { bill_amount: 50 } })).toMatchObject({
      severity: 'company',
      routing: { department: 'restaurant_brand_service' },
    });
  });

  it('rejects a dine-in complaint without a table number and adds the peak-time fact otherwise', async () => {
    const ctx = createHandlerContext({ plugin: restaurantPlugin, now: '2026-01-15T04:30:00.000Z' }); // 12:30 in Beijing
    const visit = (form: Record<string, unknown>) =>
      makeEvent('complaint.submitted', { complaint: complaintSnapshot({ channel: 'visit', form }), facts: {} });
    await expect(runBlockingHook(restaurantPlugin, ctx, visit({}))).resolves.toMatchObject({
      status: 'rejected',
      rejection: { code: 'table_required' },
    });
    await expect(runBlockingHook(restaurantPlugin, ctx, visit({ table_no: 'B3' }))).resolves.toEqual({
      status: 'ok',
      facts: { 'restaurant.isPeak': true },
    });
  });

  it('updates the CRM when a complaint is closed', async () => {
    const ctx = createHandlerContext({ plugin: restaurantPlugin, settings: { crmWebhook: 'https://crm.example.test/hook' } });
    await runAfterHandler(
      restaurantPlugin,
      ctx,
      makeEvent('complaint.closed', { complaint: complaintSnapshot({ number: '2601-0005' }), reason: 'resolved' }),
    );
    expect(ctx.enqueued).toEqual([
      { kind: 'crm_update', payload: { url: 'https://crm.example.test/hook', number: '2601-0005', reason: 'resolved' } },
    ]);
  });
});
