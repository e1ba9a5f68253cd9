import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { runBlockingHook, type ComplaintSnapshot, type RedressEventOf } from '@redress/sdk';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import { AppError } from '../../common/errors/app-error';
import { ComplaintErrors } from '../complaint/complaint.exception';
import type { BlockingHookRunner } from '../complaint/plugin-hooks';
import type { Complaint } from '../complaint/complaint.entity';
import { PluginHostService, type EnabledPlugin, type FailureInput } from './plugin-host.service';
import { withFact } from './plugin-events';
import { hostAggregates } from './plugin-aggregates';

interface PendingIntake {
  failures: Omit<FailureInput, 'complaintId'>[];
  messages: { pluginId: string; collected: { kind: string; payload: Record<string, unknown> }[] }[];
}

/**
 * Runs the enabled plugins' `complaint.submitted` blocking hooks inside intake (BLOCKING_HOOK_RUNNER). Hooks run
 * side by side, each within its time limit (the SDK's runBlockingHook never throws). A rejection refuses the
 * submission; a hook that fails is skipped so the complaint is stored without its facts, and the failure is recorded
 * on the complaint once it exists (afterSubmit, same transaction). Messages a hook enqueued wait for the complaint too.
 */
@Injectable()
export class PluginBlockingRunner implements BlockingHookRunner {
  /** Keyed by the intake transaction's manager: one per submission, gone with it. */
  private readonly pending = new WeakMap<EntityManager, PendingIntake>();

  constructor(
    private readonly host: PluginHostService,
    private readonly clock: Clock,
  ) {}

  async beforeSubmit(
    tenantId: string,
    facts: Record<string, unknown>,
    { manager }: { manager: EntityManager },
  ): Promise<Record<string, unknown>> {
    const hooked = (await this.host.enabled(tenantId, manager)).filter(({ plugin }) => plugin.on['complaint.submitted']?.blocking);
    if (!hooked.length) return facts;
    const aggregates = await hostAggregates(
      manager,
      tenantId,
      facts,
      hooked.map((h) => h.plugin),
      this.clock.now(),
    );
    const event = this.submittedEvent(tenantId, facts, aggregates);
    const pending: PendingIntake = { failures: [], messages: [] };
    const outcomes = await Promise.all(
      hooked.map(async ({ plugin, installation }: EnabledPlugin) => {
        const collected: { kind: string; payload: Record<string, unknown> }[] = [];
        const ctx = this.host.context(plugin, tenantId, installation.settings ?? {}, collected);
        return { plugin, collected, outcome: await runBlockingHook(plugin, ctx, event) };
      }),
    );
    let next = facts;
    for (const { plugin, collected, outcome } of outcomes) {
      if (outcome.status === 'rejected') {
        const { rejection } = outcome;
        const definition = ComplaintErrors.definitions.REJECTED_BY_PLUGIN;
        throw new AppError(
          'REJECTED_BY_PLUGIN',
          { zh: rejection.message.zh, en: rejection.message.en || rejection.message.zh },
          {
            category: definition.category,
            field: rejection.field ? `input.${rejection.field}` : undefined,
            details: { plugin: plugin.id, code: `${plugin.id}.${rejection.code}` },
          },
        );
      }
      if (outcome.status === 'failed') {
        pending.failures.push({
          tenantId,
          pluginId: plugin.id,
          eventName: 'complaint.submitted',
          phase: 'blocking',
          error: outcome.error,
          timedOut: outcome.timedOut,
        });
        continue;
      }
      for (const [path, value] of Object.entries(outcome.facts)) next = withFact(next, path, value);
      if (collected.length) pending.messages.push({ pluginId: plugin.id, collected });
    }
    if (pending.failures.length || pending.messages.length) this.pending.set(manager, pending);
    return next;
  }

  async afterSubmit(manager: EntityManager, complaint: Complaint): Promise<void> {
    const pending = this.pending.get(manager);
    if (!pending) return;
    this.pending.delete(manager);
    for (const failure of pending.failures) await this.host.recordFailure(manager, { ...failure, complaintId: complaint.id }, complaint);
    for (const { pluginId, collected } of pending.messages) {
      await this.host.enqueueCollected(manager, complaint.tenantId, pluginId, collected, complaint.id);
    }
  }

  /** The event a blocking hook sees: the complaint as assembled so far (no id or number yet) and its facts. */
  private submittedEvent(
    tenantId: string,
    facts: Record<string, unknown>,
    aggregates: Record<string, number>,
  ): RedressEventOf<'complaint.submitted'> {
    const c = (facts.complaint ?? {}) as Record<string, unknown>;
    const receivedAt = typeof c.receivedAt === 'string' ? c.receivedAt : this.clock.now().toISOString();
    const complaint: ComplaintSnapshot = {
      id: '',
      number: '',
      tenantId,
      type: String(c.type ?? ''),
      channel: String(c.channel ?? ''),
      kind: c.kind as ComplaintSnapshot['kind'],
      severity: null,
      state: 'received',
      department: null,
      title: (c.title as string) || null,
      text: String(c.text ?? ''),
      form: { ...((c.form as Record<string, unknown>) ?? {}) },
      receivedAt,
      occurredAt: (c.occurredAt as string | null) ?? null,
    };
    return {
      name: 'complaint.submitted',
      id: newId(),
      tenantId,
      occurredAt: receivedAt,
      complaint,
      facts: structuredClone(facts),
      aggregates,
    };
  }
}
