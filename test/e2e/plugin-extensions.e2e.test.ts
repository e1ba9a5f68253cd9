import { definePlugin, pluginProblems, type PluginInput } from '@redress/sdk';
import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { ManualClock } from '../../apps/api/src/common/clock';
import { restaurantPlugin } from '../fixtures/restaurant-plugin';
import { initState } from '../fixtures/restaurant-plugin/bookings';
import { ENABLE, freshTenant } from './plugin-support';

// Issue 12 item 21: what a plugin declares besides policy — its own tables (entities + migrations), GraphQL fields and
// an init hook — is loaded by the host, on both databases; what the host would not load is refused, never ignored.
process.env.REDRESS_WORKERS = '0';

const START = new Date('2026-01-15T02:00:00Z');
const BOOK = `mutation($input: RestaurantBookingInput!) { restaurantBook(input: $input) { id guestName tableNo partySize bookedFor } }`;
const BOOKINGS = `query($table: String) { restaurantBookings(tableNo: $table) { guestName tableNo partySize bookedFor } }`;

describe.each(testDatabases())('plugin tables, GraphQL and onInit on %s', (db) => {
  let t: TestApp;
  let admin: string;
  let agent: string;
  let analyst: string;
  let tenantId: string;

  beforeAll(async () => {
    const calls = initState.calls;
    t = await createTestApp({ db, clock: new ManualClock(START), plugins: [restaurantPlugin] });
    expect(initState.calls).toBe(calls + 1); // onInit ran once for this app
    tenantId = await t.seedDemo();
    [admin, agent, analyst] = await Promise.all(['admin', 'agent', 'analyst'].map((role) => t.login(`${role}@demo.local`)));
  });
  afterAll(() => t?.close());

  it('ran the plugin’s migration with the API’s and created its table', async () => {
    const applied = (await t.dataSource.query('SELECT name FROM migrations')).map((r: { name: string }) => r.name);
    expect(applied).toContain('RestaurantBookings1765000300001');
    expect(await t.dataSource.createQueryRunner().hasTable('restaurant_booking')).toBe(true);
  });

  it('serves the plugin’s GraphQL only to tenants that enabled it, to the roles it names', async () => {
    const before = await t.gql(BOOKINGS, {}, agent);
    expect(before.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ENABLED_FOR_TENANT' });
    await t.gqlOk(ENABLE, { id: 'restaurant' }, admin);

    const status = (await t.gqlOk('{ restaurantPluginStatus { hostVersion initializedAt } }', {}, admin)).restaurantPluginStatus;
    expect(status).toEqual({ hostVersion: '0.1.0', initializedAt: START.toISOString() });

    const booked = (
      await t.gqlOk(BOOK, { input: { guestName: '刘畅', tableNo: 'A12', partySize: 4, bookedFor: '2026-01-16T11:00:00.000Z' } }, agent)
    ).restaurantBook;
    expect(booked).toMatchObject({ id: expect.any(String), guestName: '刘畅', tableNo: 'A12', partySize: 4 });
    await t.gqlOk(BOOK, { input: { guestName: '钱芳', tableNo: 'B03', partySize: 2, bookedFor: '2026-01-16T10:30:00.000Z' } }, admin);
    expect((await t.gqlOk(BOOKINGS, {}, agent)).restaurantBookings.map((b: { tableNo: string }) => b.tableNo)).toEqual(['B03', 'A12']);
    expect((await t.gqlOk(BOOKINGS, { table: 'A12' }, agent)).restaurantBookings).toEqual([
      { guestName: '刘畅', tableNo: 'A12', partySize: 4, bookedFor: '2026-01-16T11:00:00.000Z' },
    ]);
    // Rows carry the caller's tenant, set by the host.
    const rows = await t.dataSource.query('SELECT tenant_id FROM restaurant_booking');
    expect(rows.map((r: { tenant_id: string }) => r.tenant_id)).toEqual([tenantId, tenantId]);

    // Default deny: a role the field does not name, or no credentials at all.
    expect((await t.gql(BOOKINGS, {}, analyst)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql('{ restaurantPluginStatus { hostVersion } }', {}, agent)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(BOOKINGS, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps each tenant’s plugin rows to itself', async () => {
    const other = await freshTenant(t, 'bistro');
    await t.gqlOk(ENABLE, { id: 'restaurant' }, other.admin);
    expect((await t.gqlOk(BOOKINGS, {}, other.admin)).restaurantBookings).toEqual([]);
    await t.gqlOk(BOOK, { input: { guestName: '王五', tableNo: 'A12', partySize: 6, bookedFor: '2026-01-17T12:00:00.000Z' } }, other.admin);
    expect((await t.gqlOk(BOOKINGS, { table: 'A12' }, agent)).restaurantBookings.map((b: { guestName: string }) => b.guestName)).toEqual([
      '刘畅',
    ]);
  });
});

describe('plugin extensions the host could not load are refused', () => {
  const base = (overrides: Partial<PluginInput>): PluginInput => ({
    id: 'diner',
    version: '0.1.0',
    compatibility: '^0.1.0',
    name: { zh: '小馆', en: 'Diner' },
    description: { zh: '测试', en: 'Test' },
    ...overrides,
  });

  it('in the SDK: resolvers without roles or outside Query/Mutation, entities without a tenant or migrations', () => {
    const problems = pluginProblems(
      base({
        graphql: {
          typeDefs: 'extend type Query { dinerMenu: [String!]! }',
          resolvers: {
            Query: { dinerMenu: { roles: [], resolve: () => [] }, menu: { roles: ['admin'], resolve: () => [] } },
            Complaint: {},
          } as never,
        },
        entities: [{ options: { name: 'Dish', tableName: 'dish', columns: { id: {} } } }],
      }),
    );
    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual(
      expect.arrayContaining([
        'plugins.diner.graphql.resolvers.Query.dinerMenu.roles INVALID_GRAPHQL',
        'plugins.diner.graphql.resolvers.Query.menu INVALID_GRAPHQL',
        'plugins.diner.graphql.resolvers.Complaint INVALID_GRAPHQL',
        'plugins.diner.entities[Dish].tableName INVALID_ENTITY',
        'plugins.diner.entities[Dish].columns INVALID_ENTITY',
        'plugins.diner.migrations INVALID_MIGRATION',
      ]),
    );
  });

  it('at boot: SDL fields without resolvers (and the reverse), foreign types; an onInit that throws stops the boot', async () => {
    const mismatched = definePlugin(
      base({
        graphql: {
          typeDefs:
            'type Menu { name: String } extend type Query { dinerMenu: [String!]! dinerSpecials: [String!]! } extend type Complaint { dinerNote: String }',
          resolvers: { Query: { dinerMenu: { roles: ['admin'], resolve: () => [] }, dinerHours: { roles: ['admin'], resolve: () => '' } } },
        },
      }),
    );
    const refused = createTestApp({ db: 'sqlite', plugins: [mismatched] });
    await expect(refused).rejects.toThrow(/graphql field Query\.dinerSpecials has no resolver/);
    await expect(refused).rejects.toThrow(/graphql resolver Query\.dinerHours has no field in typeDefs/);
    await expect(refused).rejects.toThrow(/graphql type Menu must start with "Diner"/);
    await expect(refused).rejects.toThrow(/extend Query and Mutation only \(found ObjectTypeExtension Complaint\)/);

    const failing = definePlugin(
      base({
        onInit: () => {
          throw new Error('licence server unreachable');
        },
      }),
    );
    await expect(createTestApp({ db: 'sqlite', plugins: [failing] })).rejects.toThrow(
      'plugin diner failed to initialise (onInit): licence server unreachable',
    );
  });
});
