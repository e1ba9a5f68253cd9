import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { OutboxService } from '../outbox/outbox.service';
import type { Complaint } from './complaint.entity';

/** What the plugin host offers the complaint pipeline (blocking hooks). */
export interface BlockingHookRunner {
  beforeSubmit(tenantId: string, facts: Record<string, unknown>, options: { manager: EntityManager }): Promise<Record<string, unknown>>;
  /** Called in the same transaction once the complaint exists: records hook failures on its timeline. */
  afterSubmit?(manager: EntityManager, complaint: Complaint, at: Date): Promise<void>;
}
export const BLOCKING_HOOK_RUNNER = Symbol('BLOCKING_HOOK_RUNNER');

/** Public snapshot of a complaint carried by domain events (no personal data). */
export function complaintSnapshot(c: Complaint) {
  return {
    id: c.id,
    number: c.number,
    tenantId: c.tenantId,
    type: c.typeKey,
    kind: c.kind,
    channel: c.channel,
    severity: c.severity,
    state: c.state,
    valid: c.valid,
    invalidReason: c.invalidReason ?? null,
    department: c.department ?? null,
    assigneeId: c.assigneeId ?? null,
    policyVersion: c.policyVersion,
    receivedAt: c.receivedAt.toISOString(),
    reference: c.reference ?? null,
    slaPolicy: c.slaPolicy ?? null,
  };
}

/**
 * Domain events leave through the outbox (kind `event`), written in the complaint's transaction; the plugin
 * host's after-handlers and webhooks consume them with retries. Blocking hooks run inline through the plugin
 * host when one is installed.
 */
@Injectable()
export class PluginHooks {
  private runner?: BlockingHookRunner | null;
  constructor(
    private readonly outbox: OutboxService,
    private readonly moduleRef: ModuleRef,
  ) {}

  private get blocking(): BlockingHookRunner | null {
    if (this.runner === undefined) {
      try {
        this.runner = this.moduleRef.get<BlockingHookRunner>(BLOCKING_HOOK_RUNNER, { strict: false });
      } catch {
        this.runner = null;
      }
    }
    return this.runner;
  }

  async beforeSubmit(
    tenantId: string,
    facts: Record<string, unknown>,
    options: { manager: EntityManager },
  ): Promise<Record<string, unknown>> {
    return this.blocking ? this.blocking.beforeSubmit(tenantId, facts, options) : facts;
  }

  afterCommitEvents(
    manager: EntityManager,
    complaint: Complaint,
    topic: string,
    at: Date,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    return this.publishEvents(manager, complaint, at, [[topic, extra]]);
  }

  /** Several events of one complaint at one moment, queued in one statement (each an outbox row of its own). */
  async publishEvents(
    manager: EntityManager,
    complaint: Complaint,
    at: Date,
    events: [topic: string, extra: Record<string, unknown>][],
  ): Promise<void> {
    if (events.some(([topic]) => topic === 'complaint.submitted')) await this.blocking?.afterSubmit?.(manager, complaint, at);
    const snapshot = complaintSnapshot(complaint);
    await this.outbox.enqueueMany(
      manager,
      events.map(([topic, extra]) => ({
        tenantId: complaint.tenantId,
        kind: 'event',
        topic,
        complaintId: complaint.id,
        notBefore: at,
        payload: { type: topic, at: at.toISOString(), complaint: snapshot, ...extra },
      })),
    );
  }
}
