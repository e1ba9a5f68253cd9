import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { runAfterHandler, type RedressEvent } from '@redress/sdk';
import { OutboxService } from '../outbox/outbox.service';
import type { OutboxMessage } from '../outbox/outbox.entity';
import { PolicyService } from '../policy/policy.service';
import type { Complaint } from '../complaint/complaint.entity';
import { ComplaintService } from '../complaint/complaint.service';
import { PluginHostService } from './plugin-host.service';
import { eventsFor, type EventPayload } from './plugin-events';

/** Outbox kind of one (event, plugin) delivery: retried on its own, so a handler that succeeded is never re-run. */
export const PLUGIN_EVENT_KIND = 'plugin_event';

/**
 * Delivers domain events to plugins' after-handlers through the outbox (docs/plugins.md §5):
 * - kind `event` (queued by every complaint change and SLA warning/breach) fans out into one `plugin_event` row per
 *   enabled plugin with an after-handler for it (deduplicated, so a redelivery does not fan out twice);
 * - kind `plugin_event` runs that handler once with its time limit. Success queues what the handler enqueued as real
 *   outbox rows; failure is recorded (failure row + `plugin.failed` on the timeline) and thrown so the outbox
 *   retries it with back-off. A plugin disabled in the meantime is skipped.
 */
@Injectable()
export class PluginEventAdapter implements OnModuleInit {
  constructor(
    private readonly outbox: OutboxService,
    private readonly host: PluginHostService,
    private readonly policies: PolicyService,
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintService,
  ) {}

  onModuleInit(): void {
    this.outbox.registerAdapter({ kind: 'event', deliver: (message) => this.fanOut(message) });
    this.outbox.registerAdapter({ kind: PLUGIN_EVENT_KIND, deliver: (message) => this.deliver(message) });
  }

  private async complaintOf(message: OutboxMessage): Promise<Complaint | null> {
    const id = message.complaintId ?? ((message.payload as EventPayload).complaint?.id as string | undefined);
    if (!id) return null;
    const [complaint] = await this.complaints.findByIds(message.tenantId, [id]);
    return complaint ?? null;
  }

  async fanOut(message: OutboxMessage): Promise<void> {
    const enabled = await this.host.enabled(message.tenantId);
    if (!enabled.some(({ plugin }) => Object.values(plugin.on).some((handler) => handler?.after))) return;
    const complaint = await this.complaintOf(message);
    if (!complaint) return;
    const policy = await this.policies.getVersion(complaint.tenantId, complaint.policyVersion);
    const personal = new Set(policy.document.fields.filter((f) => f.personal).map((f) => f.key));
    const events = eventsFor(message.id, message.topic, message.payload as EventPayload, complaint, personal);
    await this.dataSource.transaction(async (manager) => {
      for (const event of events) {
        for (const { plugin } of enabled) {
          if (!plugin.on[event.name]?.after) continue;
          await this.outbox.enqueue(manager, {
            tenantId: message.tenantId,
            kind: PLUGIN_EVENT_KIND,
            topic: event.name,
            complaintId: complaint.id,
            payload: { pluginId: plugin.id, event: event as unknown as Record<string, unknown> },
            dedupeKey: `${message.id}:${plugin.id}:${event.name}`,
          });
        }
      }
    });
  }

  async deliver(message: OutboxMessage): Promise<void> {
    const { pluginId, event } = message.payload as { pluginId: string; event: RedressEvent };
    const enabled = (await this.host.enabled(message.tenantId)).find(({ plugin }) => plugin.id === pluginId);
    if (!enabled) return; // uninstalled or disabled since: its handlers stop
    const collected: { kind: string; payload: Record<string, unknown> }[] = [];
    const ctx = this.host.context(enabled.plugin, message.tenantId, enabled.installation.settings ?? {}, collected);
    const outcome = await runAfterHandler(enabled.plugin, ctx, event);
    if (outcome.status === 'skipped') return;
    if (outcome.status === 'ok') {
      if (collected.length) {
        await this.dataSource.transaction((manager) =>
          this.host.enqueueCollected(manager, message.tenantId, pluginId, collected, message.complaintId ?? null, message.id),
        );
      }
      return;
    }
    const attempt = message.attempts + 1;
    const complaint = await this.complaintOf(message);
    await this.dataSource.transaction((manager) =>
      this.host.recordFailure(
        manager,
        {
          tenantId: message.tenantId,
          pluginId,
          eventName: event.name,
          phase: 'after',
          error: outcome.error,
          timedOut: outcome.timedOut,
          complaintId: complaint?.id ?? null,
          messageId: message.id,
          attempt,
        },
        complaint,
      ),
    );
    throw new Error(`plugin ${pluginId} after-handler for ${event.name} failed (attempt ${attempt}): ${outcome.error}`);
  }
}
