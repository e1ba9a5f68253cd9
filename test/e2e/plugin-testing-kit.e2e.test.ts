import { createPluginTestApp, type PluginTestApp } from '@redress/sdk/testing';
import { restaurantPlugin } from '../fixtures/restaurant-plugin';

// The plugin author's kit from docs/plugins.md §7, end to end against the real API on SQLite.
describe('createPluginTestApp with the restaurant plugin', () => {
  let t: PluginTestApp;
  beforeAll(async () => {
    t = await createPluginTestApp(restaurantPlugin);
    // Publishing runs the tenant's rule tests too. The demo company's generic tests (a media threat is `urgent`, a
    // repeat customer goes to operations) contradict the restaurant tiers, so publishing is refused until the admin
    // retires them — as an admin adopting the restaurant tiers would.
    await expect(t.enable()).rejects.toThrow(/RULE_TESTS_FAILED/);
    for (const key of ['t-media-threat', 't-repeat-customer']) await t.gqlOk('mutation($k: String!) { deleteRuleTest(key: $k) }', { k: key });
    await t.enable();
  });
  afterAll(() => t?.close());

  it('decides a complaint with the plugin rules once enabled and published', async () => {
    const [, poisoning] = restaurantPlugin.demoComplaints;
    const data = await t.gqlOk<any>(`mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { number severity department slaPolicy } }`, {
      input: { type: poisoning.type, channel: poisoning.channel, text: poisoning.text, form: poisoning.form, complainant: poisoning.complainant },
    });
    expect(data.submitComplaint).toMatchObject({ severity: 'company', department: 'restaurant_brand_service', slaPolicy: 'restaurant_standard' });
    const plugins = await t.gqlOk<any>('{ plugins { id enabled } }');
    expect(plugins.plugins).toEqual([{ id: 'restaurant', enabled: true }]);
  });
});
