import type { DecisionRow, FactField, OperatorDefinition } from '@redress/rules';
import type {
  ChannelDefinition,
  ComplaintTypeDefinition,
  DepartmentDefinition,
  EscalationRule,
  FieldDefinition,
  NoticeRule,
  ReplyTemplate,
  RoutingOutcome,
  RuleTestCase,
  SeverityLevel,
  SlaPolicyDefinition,
  ValidityOutcome,
} from '../policy/types';
import type { RedressEventName, RedressEventOf } from './events';
import type { WorkflowDefinition } from '../policy/workflow';

/** Display text a plugin ships in both languages. */
export interface PluginText {
  zh: string;
  en: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Rule presets (Vendure-style configurable operations: typed arguments the console renders as a form)
// ---------------------------------------------------------------------------------------------------------------

export type RuleSetName = 'validity' | 'severity' | 'routing' | 'sla';
export const RULE_SET_NAMES: readonly RuleSetName[] = ['validity', 'severity', 'routing', 'sla'];

/** What a row of each rule set returns (`then`). */
export interface RuleSetOutcome {
  validity: ValidityOutcome;
  severity: string;
  routing: RoutingOutcome;
  sla: string;
}

export type PresetArgType = 'string' | 'number' | 'boolean' | 'string[]' | 'select';
export const PRESET_ARG_TYPES: readonly PresetArgType[] = ['string', 'number', 'boolean', 'string[]', 'select'];

export interface PresetArgValueOf {
  string: string;
  number: number;
  boolean: boolean;
  'string[]': string[];
  select: string;
}

export interface PresetArgOption {
  value: string;
  label: PluginText;
}

/** One argument of a rule preset (or one plugin setting): rendered by the console as one form control. */
export interface PresetArgDefinition<T extends PresetArgType = PresetArgType> {
  type: T;
  label: PluginText;
  default: PresetArgValueOf[T];
  help?: PluginText;
  /** Required for `select`; the allowed values. */
  options?: PresetArgOption[];
  /** For numbers. */
  min?: number;
  max?: number;
}

export type PresetArgDefinitions = Record<string, PresetArgDefinition>;

/** The argument values a preset's `rows` receives, typed from its `args`. */
export type PresetArgValues<A extends PresetArgDefinitions> = { [K in keyof A]: PresetArgValueOf[A[K]['type']] };

export interface RulePresetDefinition<A extends PresetArgDefinitions = PresetArgDefinitions, R extends RuleSetName = RuleSetName> {
  /** Stable code, prefixed by the plugin id: `bank.severity`. Row keys become `<code>.<row key>`. */
  code: string;
  name: PluginText;
  description: PluginText;
  ruleSet: R;
  args: A;
  /** Builds the decision rows from argument values; pure and deterministic. Row keys are local (`urgent_media`). */
  rows: (args: PresetArgValues<A>) => DecisionRow<RuleSetOutcome[R]>[];
}

/** A preset with its generics erased, as stored on a plugin. */
export interface RulePreset {
  code: string;
  name: PluginText;
  description: PluginText;
  ruleSet: RuleSetName;
  args: PresetArgDefinitions;
  // A method (not a function property) so typed presets from defineRulePreset are assignable (bivariant parameters).
  rows(args: Record<string, unknown>): DecisionRow<unknown>[];
}

// ---------------------------------------------------------------------------------------------------------------
// Event handlers
// ---------------------------------------------------------------------------------------------------------------

export interface PluginLogger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export interface PluginOutbox {
  /**
   * Queues a side effect (webhook, work order, report row) in the transactional outbox. The host stores it with the
   * plugin id and delivers it with retries; the handler never talks to the network inside a blocking hook.
   */
  enqueue(kind: string, payload: Record<string, unknown>): void;
}

/** What a handler may use. Deliberately no database access: plugins read facts and events, and write through the outbox. */
export interface EventHandlerContext {
  tenantId: string;
  pluginId: string;
  logger: PluginLogger;
  /** Business time from the host's clock (tests move it); never `new Date()`. */
  now(): Date;
  /** This tenant's settings for the plugin (defaults from the plugin's `settings`, edited by the admin). */
  settings: Record<string, unknown>;
  outbox: PluginOutbox;
  /** Shorthand for `outbox.enqueue`. */
  emit(kind: string, payload: Record<string, unknown>): void;
}

export interface PluginRejection {
  /** Stable error code (`bank_account_required`); the host namespaces it with the plugin id. */
  code: string;
  message: PluginText;
  /** Input path the rejection is about (`form.account_tail`). */
  field?: string;
}

/**
 * What a blocking hook returns: nothing, extra facts (dotted paths declared in the plugin's `facts`), or a rejection.
 * A rejection refuses the submission with a coded error; nothing is stored.
 */
export type BlockingResult =
  void | undefined | { facts?: Record<string, unknown>; reject?: undefined } | { reject: PluginRejection; facts?: undefined };

export interface EventHandlerTimeouts {
  /** Default {@link DEFAULT_BLOCKING_TIMEOUT_MS}. A blocking hook that overruns is skipped (the complaint goes on). */
  blocking?: number;
  /** Default {@link DEFAULT_AFTER_TIMEOUT_MS}. An after-handler that overruns counts as a failed attempt. */
  after?: number;
}

export const DEFAULT_BLOCKING_TIMEOUT_MS = 5_000;
export const DEFAULT_AFTER_TIMEOUT_MS = 30_000;
export const DEFAULT_AFTER_MAX_ATTEMPTS = 5;

export interface EventHandlerDefinition<N extends RedressEventName = RedressEventName> {
  /** Runs inside intake before commit (only for `complaint.submitted`): add facts or reject. Keep it fast and pure. */
  blocking?: (ctx: EventHandlerContext, event: RedressEventOf<N>) => BlockingResult | Promise<BlockingResult>;
  /** Runs after commit from the outbox, with retries; may be delivered more than once (use `event.id` to dedupe). */
  after?: (ctx: EventHandlerContext, event: RedressEventOf<N>) => void | Promise<void>;
  timeoutMs?: EventHandlerTimeouts;
  /** Attempts for the after-handler before it is parked as failed (default {@link DEFAULT_AFTER_MAX_ATTEMPTS}). */
  maxAttempts?: number;
}

export type PluginEventHandlers = { [N in RedressEventName]?: EventHandlerDefinition<N> };

// ---------------------------------------------------------------------------------------------------------------
// The plugin
// ---------------------------------------------------------------------------------------------------------------

/** A realistic complaint a plugin ships so an industry demo tenant looks real. */
export interface DemoComplaint {
  type: string;
  channel: string;
  text: string;
  title?: string;
  form?: Record<string, unknown>;
  complainant: { name: string; phone: string };
  requestedRemedy?: string;
}

/** The roles of Redress users and API tokens; a plugin's GraphQL field names the ones it admits (default deny). */
export type PluginRole = 'admin' | 'manager' | 'handler' | 'agent' | 'analyst' | 'expert' | 'auditor' | 'api_client';
export const PLUGIN_ROLES: readonly PluginRole[] = ['admin', 'manager', 'handler', 'agent', 'analyst', 'expert', 'auditor', 'api_client'];

/** Equality filters on an entity's properties (`{ tableNo: 'A12' }`). */
export type PluginWhere = Record<string, unknown>;

/**
 * The plugin's OWN tables (its `entities`), always of one tenant: the host adds `tenantId` to every filter and every
 * inserted row, and refuses entities the plugin did not declare. Rows are plain objects keyed by entity property.
 */
export interface PluginStore {
  find(
    entity: string,
    where?: PluginWhere,
    options?: { order?: Record<string, 'ASC' | 'DESC'>; take?: number },
  ): Promise<Record<string, unknown>[]>;
  findOne(entity: string, where: PluginWhere): Promise<Record<string, unknown> | null>;
  count(entity: string, where?: PluginWhere): Promise<number>;
  /** Inserts one row (the host sets `tenantId`) and returns it with generated values. */
  insert(entity: string, values: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Updates the tenant's rows matching `where`; returns how many. */
  update(entity: string, where: PluginWhere, values: Record<string, unknown>): Promise<number>;
  delete(entity: string, where: PluginWhere): Promise<number>;
}

/** What a plugin's GraphQL field receives besides its arguments: the caller (already authenticated and admitted). */
export interface PluginRequestContext {
  tenantId: string;
  pluginId: string;
  role: PluginRole;
  userId: string | null;
  now(): Date;
  logger: PluginLogger;
  /** This tenant's settings for the plugin. */
  settings: Record<string, unknown>;
  store: PluginStore;
}

/** One field the plugin adds to `Query` or `Mutation`. */
export interface PluginFieldResolver {
  /** The roles that may call it; anyone else gets FORBIDDEN (as every Redress resolver: default deny). */
  roles: readonly PluginRole[];
  resolve(args: Record<string, unknown>, ctx: PluginRequestContext): unknown;
}

/**
 * GraphQL the plugin adds to the API (loaded at bootstrap, merged into the schema). `typeDefs` is SDL: the plugin's
 * own types (named with its id in PascalCase: `RestaurantReservation`) and `extend type Query { … }` /
 * `extend type Mutation { … }` with fields named with its id (`restaurantReservations`). Every extended field needs a
 * resolver and every resolver a field. A field answers only for tenants that enabled the plugin.
 */
export interface PluginGraphQL {
  typeDefs: string;
  resolvers: { Query?: Record<string, PluginFieldResolver>; Mutation?: Record<string, PluginFieldResolver> };
}

/**
 * A TypeORM `EntitySchema` (the SDK does not import TypeORM; this is the part the host checks). Its table name starts
 * with `<plugin id>_` and it has a `tenantId` column, so the store can confine every row to one tenant.
 */
export interface PluginEntity {
  options: { name: string; tableName?: string; columns: Record<string, unknown> };
}

/** A TypeORM migration class (QueryRunner Table API, so it runs on SQLite and PostgreSQL); name ends in a 13-digit timestamp. */
export type PluginMigration = new () => {
  name?: string;
  up(queryRunner: never): Promise<unknown>;
  down(queryRunner: never): Promise<unknown>;
};

export interface PluginInitContext {
  pluginId: string;
  hostVersion: string;
  logger: PluginLogger;
  now(): Date;
  /** The plugin's tables for one tenant (e.g. to seed reference rows). */
  storeFor(tenantId: string): PluginStore;
}

export type WithSource<T> = T & { source?: string };

/** Template as a plugin ships it: an `internal` template is for staff only (never sent to customers). */
export type PluginTemplate = ReplyTemplate;

export interface PluginInput {
  /** Stable id (`bank`), also the prefix of its preset codes, row keys, facts and operators. */
  id: string;
  /** The plugin's own semver version. */
  version: string;
  /** Semver range of Redress versions it works with (`^0.1.0`). */
  compatibility: string;
  name: PluginText;
  description: PluginText;
  fields?: FieldDefinition[];
  complaintTypes?: ComplaintTypeDefinition[];
  channels?: ChannelDefinition[];
  severityLevels?: SeverityLevel[];
  departments?: DepartmentDefinition[];
  rulePresets?: RulePreset[];
  slaPolicies?: SlaPolicyDefinition[];
  escalations?: EscalationRule[];
  templates?: PluginTemplate[];
  /** What the plugin's policies send when (e.g. the extension notice of its own SLA policies). */
  notices?: NoticeRule[];
  ruleTests?: RuleTestCase[];
  /** Life cycles of the plugin's complaint types (their `workflow`), e.g. the jewelry store's inspection step. */
  workflows?: WorkflowDefinition[];
  operators?: OperatorDefinition[];
  /** Facts the plugin adds to the fact schema (`bank.productLine`); blocking hooks fill them. */
  facts?: Record<string, FactField>;
  /** Per-tenant settings the admin edits (same shape as preset arguments). */
  settings?: PresetArgDefinitions;
  on?: PluginEventHandlers;
  demoComplaints?: DemoComplaint[];
  /** GraphQL fields the plugin adds (see {@link PluginGraphQL}). */
  graphql?: PluginGraphQL;
  /** The plugin's own tables: TypeORM `EntitySchema` objects, added to the host's data source. */
  entities?: readonly PluginEntity[];
  /** Migrations creating and changing those tables; run with the host's (`npm run migrate`, or at start when auto-migrating). */
  migrations?: readonly PluginMigration[];
  /** Called once when the API has started (migrations applied), not per tenant. A throw stops the boot. */
  onInit?: (ctx: PluginInitContext) => void | Promise<void>;
}

/** A validated plugin: every list present (empty when not contributed). */
export interface RedressPlugin extends Required<Omit<PluginInput, 'graphql' | 'onInit'>> {
  graphql?: PluginGraphQL;
  onInit?: PluginInput['onInit'];
}
