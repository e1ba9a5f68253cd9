import { createPluginTestApp, type PluginTestApp } from '@redress/sdk/testing';
import { restaurantPlugin } from '../fixtures/restaurant-plugin';

// The plugin author's kit from docs/plugins.md §7, end to end against the real API on SQLite.
describe('createPluginTestApp with the restaurant plugin', () => {
  let t: PluginTestApp;
  beforeAll(async () => {
    t = await createPluginTestApp(restaurantPlugin);
    // Publishing runs the tenant's rule tests too. The restaurant tiers decide only restaurant complaints (the SDK
    // confines every preset row to the plugin's types), so the demo company's own tests still pass and publishing
    // succeeds without retiring any of them.
    await t.enable();
  });
  afterAll(() => t?.close());

  it('decides a complaint with the plugin rules once enabled and published', async () => {
    const [, poisoning] = restaurantPlugin.demoComplaints;
    const data = await t.gqlOk<any>(
      `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { number severity department slaPolicy } }`,
      {
        input: {
          type: poisoning.type,
          channel: poisoning.channel,
          text: poisoning.text,
          form: poisoning.form,
          complainant: poisoning.complainant,
        },
      },
    );
    expect(data.submitComplaint).toMatchObject({
      severity: 'company',
      department: 'restaurant_brand_service',
      slaPolicy: 'restaurant_standard',
    });
    const plugins = await t.gqlOk<any>('{ plugins { id enabled } }');
    expect(plugins.plugins).toEqual([{ id: 'restaurant', enabled: true }]);
  });
});
