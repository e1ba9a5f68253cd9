import { MAX_PAGE_SIZE } from '../../common/page-size.pipe';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  emptyPolicy,
  pluginSettings,
  pluginToPolicyPatch,
  PluginValidationError,
  type EventHandlerContext,
  type RedressPlugin,
} from '@redress/sdk';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import type { AuthContext } from '../../common/auth/auth-context';
import { PolicyService } from '../policy/policy.service';
import { diffPolicies } from '../policy/engine/policy-diff';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../outbox/outbox.service';
import { ComplaintTimeline } from '../complaint/complaint-timeline';
import type { Complaint } from '../complaint/complaint.entity';
import { PluginFailure, PluginInstallation, type PluginFailurePhase } from './plugin-installation.entity';
import { PluginHostErrors } from './plugin-host.exception';
import { HOST_PLUGINS } from './plugin-host.tokens';
import { describeField, planDraftPatch, type FieldConflict } from './plugin-draft-patch';
import { createPluginStore } from './plugin-store';
import { hostVersion, PluginBootError } from './plugin-loading';

/** Refuses an enable whose fields clash with the draft's, naming both definitions of every clashing key. */
function fieldConflictError(id: string, conflicts: FieldConflict[]) {
  const lines = conflicts.map(
    (c) =>
      `field "${c.key}": the policy has ${describeField(c.existing)}, plugin ${id} has ${describeField({ ...c.incoming, source: id })}`,
  );
  return PluginHostErrors.create('FIELD_KEY_CONFLICT', {
    field: 'id',
    params: { id, detail: lines.join('; ') },
    problems: conflicts.map((c, i) => ({ field: `fields[${c.key}]`, code: 'FIELD_KEY_CONFLICT', message: lines[i] })),
    details: { conflicts: conflicts.map((c) => ({ key: c.key, existing: c.existing, incoming: c.incoming })) },
  });
}

/** How long an instance trusts its cached list of a tenant's enabled plugins (another instance may change it). */
const ENABLED_RECHECK_MS = 2_000;

export interface EnabledPlugin {
  plugin: RedressPlugin;
  installation: PluginInstallation;
}

export interface FailureInput {
  tenantId: string;
  pluginId: string;
  eventName: string;
  phase: PluginFailurePhase;
  error: string;
  timedOut: boolean;
  complaintId?: string | null;
  messageId?: string | null;
  attempt?: number;
}

export interface EnableResult {
  pluginId: string;
  applied: string[];
  kept: string[];
  rows: string[];
  /** The policy module's diff summary: draft (after enabling) against the current version. */
  summary: string;
}

/**
 * The plugin host's state: which plugins are installed (boot), which are enabled per tenant (plugin_installation),
 * what enabling puts into the draft policy, and the record of failures. Hooks and handlers run elsewhere
 * (PluginBlockingRunner, PluginEventAdapter) and use this service for the enabled list, contexts and failures.
 */
@Injectable()
export class PluginHostService implements OnApplicationBootstrap {
  private readonly logger = new Logger('PluginHost');
  private readonly byId: Map<string, RedressPlugin>;
  private readonly enabledCache = new Map<string, { list: EnabledPlugin[]; checkedAt: number }>();

  constructor(
    @Inject(HOST_PLUGINS) readonly plugins: RedressPlugin[],
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly policies: PolicyService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly timeline: ComplaintTimeline,
  ) {
    this.byId = new Map(plugins.map((p) => [p.id, p]));
  }

  /**
   * Runs each installed plugin's onInit once the app has started (migrations applied, so its tables exist). A plugin
   * that cannot initialise stops the boot with its id and error: half-working plugin code must not serve requests.
   */
  async onApplicationBootstrap(): Promise<void> {
    const version = hostVersion();
    for (const plugin of this.plugins) {
      if (!plugin.onInit) continue;
      const { logger } = this.context(plugin, '', {}, []);
      try {
        await plugin.onInit({
          pluginId: plugin.id,
          hostVersion: version,
          logger,
          now: () => this.clock.now(),
          storeFor: (tenantId) => createPluginStore(this.dataSource, plugin, tenantId),
        });
      } catch (error) {
        throw new PluginBootError([`plugin ${plugin.id} failed to initialise (onInit): ${(error as Error)?.message ?? String(error)}`]);
      }
    }
  }

  get(id: string): RedressPlugin | undefined {
    return this.byId.get(id);
  }

  require(id: string): RedressPlugin {
    const plugin = this.byId.get(id);
    if (!plugin) throw PluginHostErrors.create('UNKNOWN_PLUGIN', { field: 'id', params: { id } });
    return plugin;
  }

  async installations(tenantId: string, manager: EntityManager = this.dataSource.manager): Promise<PluginInstallation[]> {
    return manager.getRepository(PluginInstallation).find({ where: { tenantId } });
  }

  /** The tenant's enabled plugins, in installation order (cached briefly; invalidated here on enable/disable). */
  async enabled(tenantId: string, manager?: EntityManager): Promise<EnabledPlugin[]> {
    const cached = this.enabledCache.get(tenantId);
    if (cached && Date.now() - cached.checkedAt < ENABLED_RECHECK_MS) return cached.list;
    const rows = await this.installations(tenantId, manager);
    const list = this.plugins.flatMap((plugin) => {
      const installation = rows.find((r) => r.pluginId === plugin.id && r.enabled);
      return installation ? [{ plugin, installation }] : [];
    });
    this.enabledCache.set(tenantId, { list, checkedAt: Date.now() });
    return list;
  }

  /** A handler's context: the host clock, the tenant's settings, a logger, and an outbox that collects messages. */
  context(
    plugin: RedressPlugin,
    tenantId: string,
    saved: Record<string, unknown>,
    collected: { kind: string; payload: Record<string, unknown> }[],
  ): EventHandlerContext {
    const log = (level: 'debug' | 'log' | 'warn' | 'error') => (message: string, data?: Record<string, unknown>) =>
      this.logger[level](`[${plugin.id}] ${message}${data ? ` ${JSON.stringify(data)}` : ''}`);
    const enqueue = (kind: string, payload: Record<string, unknown>) => {
      collected.push({ kind: String(kind), payload: structuredClone(payload ?? {}) });
    };
    return {
      tenantId,
      pluginId: plugin.id,
      now: () => this.clock.now(),
      settings: pluginSettings(plugin, saved),
      logger: { debug: log('debug'), info: log('log'), warn: log('warn'), error: log('error') },
      outbox: { enqueue },
      emit: enqueue,
    };
  }

  /** Queues what a handler enqueued as real outbox rows of the tenant (topic `plugin.<id>`). */
  async enqueueCollected(
    manager: EntityManager,
    tenantId: string,
    pluginId: string,
    collected: { kind: string; payload: Record<string, unknown> }[],
    complaintId: string | null,
    dedupePrefix?: string,
  ): Promise<void> {
    for (const [index, message] of collected.entries()) {
      await this.outbox.enqueue(manager, {
        tenantId,
        kind: message.kind,
        topic: `plugin.${pluginId}`,
        complaintId,
        payload: { ...message.payload, pluginId },
        dedupeKey: dedupePrefix ? `${dedupePrefix}:${index}` : null,
      });
    }
  }

  /** Records a failure; on a complaint it also lands on the timeline as `plugin.failed`. */
  async recordFailure(manager: EntityManager, input: FailureInput, complaint?: Complaint | null): Promise<void> {
    const now = this.clock.now();
    await manager.insert(PluginFailure, {
      id: newId(),
      tenantId: input.tenantId,
      pluginId: input.pluginId,
      eventName: input.eventName,
      phase: input.phase,
      complaintId: input.complaintId ?? complaint?.id ?? null,
      messageId: input.messageId ?? null,
      attempt: input.attempt ?? 1,
      timedOut: input.timedOut,
      error: input.error.slice(0, 2000),
      occurredAt: now,
    });
    if (complaint) {
      await this.timeline.append(
        manager,
        complaint,
        'plugin.failed',
        {
          pluginId: input.pluginId,
          event: input.eventName,
          phase: input.phase,
          error: input.error.slice(0, 500),
          timedOut: input.timedOut,
          attempt: input.attempt ?? 1,
        },
        { role: 'system' },
        now,
      );
    }
    this.logger.warn(
      `Plugin ${input.pluginId} ${input.phase} handler for ${input.eventName} failed (attempt ${input.attempt ?? 1}): ${input.error}`,
    );
  }

  // ── the administrator's operations ─────────────────────────────────────────────────────────────────

  /**
   * Applies the plugin's objects and preset rows to the tenant's DRAFT (nothing changes in production until
   * publish) and marks it enabled, so its hooks and handlers run for this tenant from now on.
   */
  async enable(
    auth: AuthContext,
    id: string,
    presetArgs: Record<string, Record<string, unknown>> | null | undefined,
  ): Promise<EnableResult> {
    const plugin = this.require(id);
    const tenantId = auth.tenantId;
    const existing = await this.dataSource.getRepository(PluginInstallation).findOne({ where: { tenantId, pluginId: id } });
    const args = presetArgs ?? existing?.presetArgs ?? {};
    let patch;
    try {
      patch = pluginToPolicyPatch(plugin, args);
    } catch (error) {
      if (!(error instanceof PluginValidationError)) throw error;
      throw PluginHostErrors.create('PRESET_ARGS_INVALID', {
        field: 'presetArgs',
        params: { detail: error.problems.map((p) => `${p.path}: ${p.message}`).join('; ') },
        problems: error.problems.map((p) => ({ field: `presetArgs.${p.path}`, code: p.code, message: p.message })),
      });
    }
    const draft = await this.policies.draftDocument(tenantId);
    const plan = planDraftPatch(draft, patch);
    if (plan.fieldConflicts.length) throw fieldConflictError(id, plan.fieldConflicts);
    const actor = { userId: auth.userId, tokenId: auth.tokenId, role: auth.role };
    const after = Object.keys(plan.partial).length ? await this.policies.mergeIntoDraft(tenantId, plan.partial, actor) : draft;
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(PluginInstallation);
      const before = existing ? { enabled: existing.enabled, version: existing.pluginVersion, presetArgs: existing.presetArgs } : null;
      if (existing) {
        await repository.update(
          { id: existing.id },
          { enabled: true, pluginVersion: plugin.version, presetArgs: args as never, enabledAt: now, updatedAt: now },
        );
      } else {
        await repository.insert({
          id: newId(),
          tenantId,
          pluginId: id,
          pluginVersion: plugin.version,
          enabled: true,
          presetArgs: args as never,
          settings: {} as never,
          enabledAt: now,
          disabledAt: null,
          updatedAt: now,
        });
      }
      await this.audit.record(
        { tenantId, ...actor },
        'enable',
        'plugin',
        id,
        before,
        { enabled: true, version: plugin.version, presetArgs: patch.presets, applied: plan.applied, rows: plan.rows, kept: plan.kept },
        manager,
      );
    });
    this.enabledCache.delete(tenantId);
    const current = await this.policies.getCurrent(tenantId);
    const summary = diffPolicies(current?.document ?? emptyPolicy(), after).summary;
    return { pluginId: id, applied: plan.applied, kept: plan.kept, rows: plan.rows, summary };
  }

  /** Stops the plugin's hooks and handlers for the tenant. Data and the policy objects it added stay. */
  async disable(auth: AuthContext, id: string): Promise<PluginInstallation> {
    this.require(id);
    const tenantId = auth.tenantId;
    const repository = this.dataSource.getRepository(PluginInstallation);
    const row = await repository.findOne({ where: { tenantId, pluginId: id } });
    if (!row || !row.enabled) throw PluginHostErrors.create('NOT_ENABLED', { field: 'id', params: { id } });
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(PluginInstallation).update({ id: row.id }, { enabled: false, disabledAt: now, updatedAt: now });
      await this.audit.record(
        { tenantId, userId: auth.userId, tokenId: auth.tokenId, role: auth.role },
        'disable',
        'plugin',
        id,
        { enabled: true },
        { enabled: false },
        manager,
      );
    });
    this.enabledCache.delete(tenantId);
    return { ...row, enabled: false, disabledAt: now, updatedAt: now };
  }

  async failures(tenantId: string, pluginId: string | null, first: number, phase?: string | null): Promise<PluginFailure[]> {
    return this.dataSource.getRepository(PluginFailure).find({
      where: { tenantId, ...(pluginId ? { pluginId } : {}), ...(phase ? { phase: phase as PluginFailure['phase'] } : {}) },
      order: { occurredAt: 'DESC' },
      take: Math.min(Math.max(first, 1), MAX_PAGE_SIZE),
    });
  }

  /** Failure count and the latest failure per plugin of a tenant. */
  async failureStats(tenantId: string): Promise<Map<string, { count: number; last: PluginFailure | null }>> {
    const counts: { plugin_id: string; n: string | number }[] = await this.dataSource
      .getRepository(PluginFailure)
      .createQueryBuilder('f')
      .select('f.plugin_id', 'plugin_id')
      .addSelect('COUNT(*)', 'n')
      .where('f.tenant_id = :tenantId', { tenantId })
      .groupBy('f.plugin_id')
      .getRawMany();
    const stats = new Map<string, { count: number; last: PluginFailure | null }>();
    for (const row of counts) {
      const last = await this.dataSource
        .getRepository(PluginFailure)
        .findOne({ where: { tenantId, pluginId: row.plugin_id }, order: { occurredAt: 'DESC' } });
      stats.set(row.plugin_id, { count: Number(row.n), last });
    }
    return stats;
  }
}
