import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { EscalationAction, EscalationTrigger } from '@redress/sdk';
import type { Complaint } from '../../complaint/complaint.entity';
import type { CompiledPolicy } from '../../policy/engine/compiled-policy';
import { OutboxService } from '../../outbox/outbox.service';
import { SlaCalendars } from '../sla-calendars.service';
import { conditionEvaluator } from '../sla-rules';
import { complaintFacts } from '../complaint-facts';
import { COMPLAINT_ESCALATION_PORT, type ComplaintEscalationPort } from './escalation-port';
import { notifyDedupeKey, planEscalation, type PlannedAction } from './escalation-plan';
import { DomainEventBus } from '../../../common/events/domain-event-bus';
import { ComplaintEscalationRaised } from '../../complaint/complaint.events';

export interface EscalationContext {
  /** The SLA target that warned or breached. */
  target?: string;
  /** The handling round of that target's clock (sla_clock.round). */
  round?: number;
  /** Extra facts for `when` (e.g. aggregates for the `aggregate` trigger). */
  facts?: Record<string, unknown>;
  at: Date;
  /** Extra payload for notices (e.g. the due time). */
  details?: Record<string, unknown>;
}

export interface EscalationOutcome extends PlannedAction {
  /** False when the action changed nothing (severity already there, notice already sent). */
  applied: boolean;
}

type NotifyAction = Extract<EscalationAction, { type: 'notify' }>;

/**
 * Runs the pinned policy's escalation rules for a trigger. Changes to the complaint go through the complaint
 * module's port; notices leave through the outbox (deduplicated, delivered in working time).
 */
@Injectable()
export class EscalationService implements OnModuleInit {
  private readonly logger = new Logger('Escalation');
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly outbox: OutboxService,
    private readonly calendars: SlaCalendars,
    private readonly bus: DomainEventBus,
  ) {}

  /** Escalation rules react to the triggers the complaint module raises, in the transaction that raised them. */
  onModuleInit(): void {
    this.bus.subscribe(ComplaintEscalationRaised, (event, manager) =>
      this.run(manager, event.trigger, event.complaint, event.policy, { facts: event.complaint.facts, at: event.at }).then(() => undefined),
    );
  }

  /** The complaint module's port, looked up when first needed (the complaint module imports this one). */
  private port(): ComplaintEscalationPort {
    return this.moduleRef.get<ComplaintEscalationPort>(COMPLAINT_ESCALATION_PORT, { strict: false });
  }

  async run(
    manager: EntityManager,
    trigger: EscalationTrigger,
    complaint: Complaint,
    policy: CompiledPolicy,
    context: EscalationContext,
  ): Promise<EscalationOutcome[]> {
    const facts = complaintFacts(complaint, { ...(context.facts ?? {}), sla: { trigger, target: context.target ?? null } });
    // Plugins' escalations are confined to their complaint types by `complaint.typePath` (see @redress/sdk scope.ts):
    // take the path from the pinned policy's tree, never trust a copy that may be missing from older stored facts.
    (facts.complaint as Record<string, unknown>).typePath = policy.typePath(complaint.typeKey);
    const plan = planEscalation({
      rules: policy.document.escalations ?? [],
      trigger,
      target: context.target,
      facts,
      severityLevels: policy.document.severityLevels ?? [],
      currentSeverity: complaint.severity,
      evaluate: conditionEvaluator(context.at),
    });
    const outcomes: EscalationOutcome[] = [];
    for (const step of plan) {
      const because = { ruleKey: step.ruleKey, trigger, policyVersion: policy.version };
      let applied = true;
      const action = step.action;
      if (action.type === 'raise_severity') {
        applied = await this.port().raiseSeverity(manager, complaint, action.to, because);
      } else if (action.type === 'reassign') {
        await this.port().reassign(manager, complaint, { department: action.department, assignee: action.assignee }, because);
      } else {
        applied = await this.notify(manager, complaint, policy, step, action, context);
      }
      if (applied) {
        await this.port().appendEvent(manager, complaint, 'escalation', {
          ruleKey: step.ruleKey,
          trigger,
          target: step.target ?? null,
          policyVersion: policy.version,
          action,
          explanation: step.explanation,
        });
      }
      outcomes.push({ ...step, applied });
    }
    if (outcomes.length) this.logger.debug(`${complaint.number}: ${outcomes.map((o) => o.explanation).join('; ')}`);
    return outcomes;
  }

  private async notify(
    manager: EntityManager,
    complaint: Complaint,
    policy: CompiledPolicy,
    step: PlannedAction,
    action: NotifyAction,
    context: EscalationContext,
  ): Promise<boolean> {
    const calendar = this.calendars.calendar(complaint.tenantId, policy);
    return this.outbox.enqueue(manager, {
      tenantId: complaint.tenantId,
      kind: 'notification',
      topic: `escalation.${step.trigger}`,
      complaintId: complaint.id,
      dedupeKey: notifyDedupeKey(complaint.id, step.ruleKey, step.trigger, step.target, context.round),
      // People are reminded in working time: no 3 a.m. messages.
      notBefore: calendar.nextWorkingTime(context.at),
      payload: {
        recipient: recipientOf(action.to, complaint, policy),
        template: action.template ?? null,
        complaintId: complaint.id,
        complaintNumber: complaint.number,
        severity: complaint.severity,
        trigger: step.trigger,
        target: step.target ?? null,
        ruleKey: step.ruleKey,
        policyVersion: policy.version,
        explanation: step.explanation,
        ...(context.details ?? {}),
      },
    });
  }
}

/** Whom a notice goes to: `manager` is the manager of the complaint's department (DepartmentDefinition.managerEmail). */
export function recipientOf(to: string, complaint: Complaint, policy: CompiledPolicy): Record<string, unknown> {
  switch (to) {
    case 'manager': {
      const department = policy.document.departments?.find((d) => d.key === complaint.department);
      return department?.managerEmail
        ? { kind: 'user', email: department.managerEmail, department: department.key }
        : { kind: 'role', role: 'manager', department: complaint.department ?? null };
    }
    case 'assignee':
      return complaint.assigneeId
        ? { kind: 'user', userId: complaint.assigneeId }
        : { kind: 'department', department: complaint.department ?? null };
    case 'department':
      return { kind: 'department', department: complaint.department ?? null };
    case 'customer':
      return { kind: 'customer', customerId: complaint.customerId };
    default:
      return to.includes('@') ? { kind: 'user', email: to } : { kind: 'role', role: to };
  }
}
