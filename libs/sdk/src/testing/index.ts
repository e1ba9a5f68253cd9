/**
 * Testing kit for plugin authors (`@redress/sdk/testing`).
 *
 * - Unit level, no app: `createHandlerContext()` records what a handler enqueues; `complaintSnapshot()` and
 *   `makeEvent()` build typed events; `decideWithPlugin()` / `runPluginRuleTests()` (from `@redress/sdk`) run preset rows.
 * - App level: `createPluginTestApp(plugin)` starts the real API on a throwaway SQLite database with the plugin
 *   installed. Nest and TypeORM are loaded lazily, so importing this module stays cheap and framework-free.
 */
import type { RedressEventName, RedressEventOf, ComplaintSnapshot } from '../plugin/events';
import type { EventHandlerContext, PluginLogger, RedressPlugin } from '../plugin/types';
import { pluginSettings } from '../plugin/handlers';

export interface RecordedMessage {
  kind: string;
  payload: Record<string, unknown>;
}

export interface TestHandlerContext extends EventHandlerContext {
  /** Everything the handler enqueued (outbox.enqueue and emit), in order. */
  readonly enqueued: RecordedMessage[];
  readonly logs: { level: keyof PluginLogger; message: string; data?: Record<string, unknown> }[];
}

export interface HandlerContextOptions {
  tenantId?: string;
  /** Defaults to the plugin's id when a plugin is given, else `test`. */
  plugin?: RedressPlugin;
  pluginId?: string;
  now?: Date | string;
  /** Saved settings (merged over the plugin's defaults when a plugin is given). */
  settings?: Record<string, unknown>;
}

/** A handler context that records enqueued messages and logs instead of touching the outside world. */
export function createHandlerContext(options: HandlerContextOptions = {}): TestHandlerContext {
  const enqueued: RecordedMessage[] = [];
  const logs: TestHandlerContext['logs'] = [];
  const log = (level: keyof PluginLogger) => (message: string, data?: Record<string, unknown>) => logs.push({ level, message, data });
  const now = new Date(options.now ?? '2026-01-15T02:00:00.000Z');
  const enqueue = (kind: string, payload: Record<string, unknown>) => {
    enqueued.push({ kind, payload: structuredClone(payload) });
  };
  return {
    tenantId: options.tenantId ?? 'tenant-test',
    pluginId: options.pluginId ?? options.plugin?.id ?? 'test',
    logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    now: () => new Date(now),
    settings: options.plugin ? pluginSettings(options.plugin, options.settings) : { ...options.settings },
    outbox: { enqueue },
    emit: enqueue,
    enqueued,
    logs,
  };
}

/** A plausible complaint snapshot; override what the test is about. */
export function complaintSnapshot(overrides: Partial<ComplaintSnapshot> = {}): ComplaintSnapshot {
  return {
    id: 'c-0001',
    number: '2601-0001',
    tenantId: 'tenant-test',
    type: 'general',
    channel: 'phone',
    kind: 'complaint',
    severity: null,
    state: 'submitted',
    department: null,
    title: null,
    text: '',
    form: {},
    receivedAt: '2026-01-15T02:00:00.000Z',
    occurredAt: null,
    ...overrides,
  };
}

let eventSerial = 0;

/** A typed event with its envelope filled in (id, tenant from the complaint, occurredAt). */
export function makeEvent<N extends RedressEventName>(
  name: N,
  payload: Omit<RedressEventOf<N>, 'name' | 'id' | 'tenantId' | 'occurredAt'> & { tenantId?: string; occurredAt?: string; id?: string },
): RedressEventOf<N> {
  const complaint = (payload as { complaint?: ComplaintSnapshot }).complaint;
  return {
    id: `evt-${++eventSerial}`,
    tenantId: complaint?.tenantId ?? 'tenant-test',
    occurredAt: complaint?.receivedAt ?? '2026-01-15T02:00:00.000Z',
    ...payload,
    name,
  } as RedressEventOf<N>;
}

// ---------------------------------------------------------------------------------------------------------------
// The real app
// ---------------------------------------------------------------------------------------------------------------

export interface GraphQLResponse<T = unknown> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/** The subset of the repository's TestApp (test/support/test-app.ts) the kit relies on. */
interface HarnessApp {
  url: string;
  gql<T = unknown>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  gqlOk<T = unknown>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  login(email: string, password?: string): Promise<string>;
  seedDemo(): Promise<string>;
  close(): Promise<void>;
}

export interface PluginTestApp extends HarnessApp {
  plugin: RedressPlugin;
  /** The underlying harness app (Nest application, clock, data source …) for tests that need more. */
  harness: HarnessApp & Record<string, unknown>;
  /** Token of the demo tenant's admin (after seeding). */
  adminToken: string;
  /** Enables the plugin for the demo tenant (its objects go into the draft policy) and publishes the draft. */
  enable(note?: string): Promise<void>;
}

export interface PluginTestAppOptions {
  db?: 'sqlite' | 'postgres';
  /** Seed the demo tenant and sign in its admin (default true). */
  seedDemo?: boolean;
  /** Enable and publish the plugin right away (default false). */
  enable?: boolean;
  adminEmail?: string;
  /** Other plugins installed beside it. */
  otherPlugins?: RedressPlugin[];
}

// A variable, not a literal: the SDK's compiler must not follow this import into the API (Nest, TypeORM).
const HARNESS_MODULE = '../../../../test/support/test-app';

/** Sends a mutation whose result may be an object (needs a selection) or a scalar (must not have one). */
async function mutate(app: HarnessApp, field: string, args: string, variables: Record<string, unknown>, token: string): Promise<void> {
  const withSelection = await app.gql(`mutation(${args}) { ${field} { __typename } }`, variables, token);
  if (!withSelection.errors?.length) return;
  if (withSelection.errors.some((e) => /selection/i.test(e.message))) {
    await app.gqlOk(`mutation(${args}) { ${field} }`, variables, token);
    return;
  }
  throw new Error(`GraphQL errors: ${JSON.stringify(withSelection.errors, null, 2)}`);
}

/**
 * Starts the real API (SQLite by default) with the plugin installed, seeds the demo tenant and signs in its admin.
 * `enable()` calls `enablePlugin(id)` then `publishPolicy(note)`, as an administrator would. Close it in `afterAll`.
 */
export async function createPluginTestApp(plugin: RedressPlugin, options: PluginTestAppOptions = {}): Promise<PluginTestApp> {
  const harnessModule = (await import(HARNESS_MODULE)) as {
    createTestApp(options: { db?: 'sqlite' | 'postgres'; plugins?: RedressPlugin[] }): Promise<HarnessApp & Record<string, unknown>>;
  };
  const harness = await harnessModule.createTestApp({ db: options.db ?? 'sqlite', plugins: [plugin, ...(options.otherPlugins ?? [])] });
  let adminToken = '';
  try {
    if (options.seedDemo ?? true) {
      await harness.seedDemo();
      adminToken = await harness.login(options.adminEmail ?? 'admin@demo.local');
    }
  } catch (error) {
    await harness.close();
    throw error;
  }
  const app: PluginTestApp = {
    plugin,
    harness,
    url: harness.url,
    gql: (query, variables, token) => harness.gql(query, variables, token ?? adminToken),
    gqlOk: (query, variables, token) => harness.gqlOk(query, variables, token ?? adminToken),
    login: (email, password) => harness.login(email, password),
    seedDemo: () => harness.seedDemo(),
    close: () => harness.close(),
    get adminToken() {
      return adminToken;
    },
    async enable(note = `enable plugin ${plugin.id}`) {
      await mutate(harness, 'enablePlugin(id: $id)', '$id: String!', { id: plugin.id }, adminToken);
      await mutate(harness, 'publishPolicy(note: $note)', '$note: String', { note }, adminToken);
    },
  };
  if (options.enable) {
    try {
      await app.enable();
    } catch (error) {
      await harness.close();
      throw error;
    }
  }
  return app;
}
