import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  CLOSED_STATE_KEYS,
  workflowFor,
  type WorkflowAction,
  type WorkflowDefinition,
  type WorkflowTransition,
  type WorkflowTrigger,
} from '@redress/sdk';
import { newId } from '../../common/db/columns';
import type { CompiledPolicy } from '../policy/engine/compiled-policy';
import { UserAdminService } from '../auth/user-admin.service';
import { OutboxService } from '../outbox/outbox.service';
import { recipientOf } from '../sla/escalation/escalation.service';
import { complaintFacts } from '../sla/complaint-facts';
import { Complaint, ComplaintTask } from './complaint.entity';
import { ComplaintErrors } from './complaint.exception';
import type { ComplaintChange, TransitionTaken } from './complaint.events';
import { allowedTargets, automaticTransition, categoryOf, checkTransition, statesWithTrigger, type MoveContext } from './workflow';
import { findingFactsOf } from './complaint-findings.service';

export type TimelineEntry = [string, Record<string, unknown>];
type AutomaticTrigger = Exclude<WorkflowTrigger, 'manual'>;

/** What a transition did, for the caller to commit: timeline entries, the clocks' change and the transition. */
export interface Moved {
  events: TimelineEntry[];
  change: ComplaintChange;
  transition: TransitionTaken;
  /** The workflow's transition taken (its actions have run). */
  definition: WorkflowTransition;
}

const isClosed = (state: string) => (CLOSED_STATE_KEYS as readonly string[]).includes(state);

/**
 * The one door through which a complaint's state changes (issue 18), manual or automatic: it finds the workflow's
 * transition, checks it, sets the state and what follows from it (closure date, reopen count, validity), runs the
 * transition's actions and says what to record. ComplaintService commits the result and publishes ComplaintChanged,
 * on which the SLA clocks react.
 */
@Injectable()
export class ComplaintWorkflow {
  constructor(
    private readonly outbox: OutboxService,
    private readonly users: UserAdminService,
  ) {}

  /** Per policy document (versions are immutable) and type: a change asks several times, and the default is built anew. */
  private readonly resolved = new WeakMap<object, Map<string, WorkflowDefinition>>();

  workflowOf(complaint: Complaint, policy: CompiledPolicy): WorkflowDefinition {
    let byType = this.resolved.get(policy.document);
    if (!byType) this.resolved.set(policy.document, (byType = new Map()));
    let workflow = byType.get(complaint.typeKey);
    if (!workflow) byType.set(complaint.typeKey, (workflow = workflowFor(policy.document, complaint.typeKey)));
    return workflow;
  }

  /** The facts guards read: the complaint as it is now, with its state's category. */
  factsOf(complaint: Complaint, policy: CompiledPolicy): Record<string, unknown> {
    const workflow = this.workflowOf(complaint, policy);
    return complaintFacts(complaint, { complaint: { stateCategory: categoryOf(workflow, complaint.state) ?? null } });
  }

  /** The states the person may move the complaint to now. */
  allowedTargets(complaint: Complaint, policy: CompiledPolicy, role: string, now: Date): string[] {
    return allowedTargets(this.workflowOf(complaint, policy), complaint.state, { role, facts: this.factsOf(complaint, policy), now });
  }

  /** A person's move: refused with a coded CONFLICT (or a validation error) naming the states that are allowed. */
  async manual(
    manager: EntityManager,
    complaint: Complaint,
    policy: CompiledPolicy,
    now: Date,
    to: string,
    context: Omit<MoveContext, 'facts' | 'now' | 'form' | 'openTasks'>,
  ): Promise<Moved> {
    const transition = await this.checkManual(manager, complaint, policy, now, to, context);
    return this.take(manager, complaint, policy, now, transition, { comment: context.comment ?? null, automatic: false });
  }

  /**
   * The move a person asked for once its approval chain is signed (a closure): taken if the workflow still has it from
   * the complaint's state (the signatures do not repeat the guards: they were checked when it was asked for).
   */
  async approved(
    manager: EntityManager,
    complaint: Complaint,
    policy: CompiledPolicy,
    now: Date,
    transitionKey: string,
    comment: string | null,
  ): Promise<Moved> {
    const workflow = this.workflowOf(complaint, policy);
    const transition = workflow.transitions.find((t) => t.key === transitionKey && t.from.includes(complaint.state));
    if (!transition) {
      const allowed = allowedTargets(workflow, complaint.state, { role: 'admin', facts: this.factsOf(complaint, policy), now });
      throw ComplaintErrors.create('ILLEGAL_TRANSITION', {
        field: 'to',
        params: { from: complaint.state, to: transitionKey, allowed: allowed.join(', ') || '—' },
        details: { allowed },
      });
    }
    return this.take(manager, complaint, policy, now, transition, { comment, automatic: false });
  }

  /** Checks a person's move and returns the transition it takes (throws the coded refusal). */
  async checkManual(
    manager: EntityManager,
    complaint: Complaint,
    policy: CompiledPolicy,
    now: Date,
    to: string,
    context: Omit<MoveContext, 'facts' | 'now' | 'form' | 'openTasks'>,
  ): Promise<WorkflowTransition> {
    const workflow = this.workflowOf(complaint, policy);
    const needsTasks = workflow.transitions.some((t) => t.to === to && t.requiresTasksDone);
    const openTasks = needsTasks
      ? await manager.count(ComplaintTask, { where: { tenantId: complaint.tenantId, complaintId: complaint.id, state: 'open' } })
      : 0;
    const check = checkTransition(workflow, complaint.state, to, {
      ...context,
      facts: this.factsOf(complaint, policy),
      now,
      form: complaint.form as Record<string, unknown> | null,
      openTasks,
    });
    if (!check.ok) {
      const params = { from: complaint.state, to, allowed: check.allowed.join(', ') || '—', fields: check.missingFields?.join(', ') ?? '' };
      const field = check.reason === 'COMMENT_REQUIRED' ? 'comment' : 'to';
      throw ComplaintErrors.create(check.reason, {
        field,
        params,
        details: { allowed: check.allowed, ...(check.missingFields ? { missingFields: check.missingFields } : {}) },
      });
    }
    return check.transition;
  }

  /**
   * The move an operation makes (a reply sent, a follow-up …): refused (CONFLICT) naming the states it can be done
   * from when the workflow has no such move from the complaint's state.
   */
  async automatic(
    manager: EntityManager,
    complaint: Complaint,
    policy: CompiledPolicy,
    now: Date,
    trigger: AutomaticTrigger,
    options: { reason?: string } = {},
  ): Promise<Moved> {
    const moved = await this.automaticIfAny(manager, complaint, policy, now, trigger, options);
    if (moved) return moved;
    const allowed = statesWithTrigger(this.workflowOf(complaint, policy), trigger);
    throw ComplaintErrors.create('NO_TRANSITION', {
      params: { trigger, from: complaint.state, allowed: allowed.join(', ') || '—' },
      details: { allowed },
    });
  }

  /** The move of an operation that may leave the state as it is (an assignment), or null when there is none from here. */
  async automaticIfAny(
    manager: EntityManager,
    complaint: Complaint,
    policy: CompiledPolicy,
    now: Date,
    trigger: AutomaticTrigger,
    options: { reason?: string } = {},
  ): Promise<Moved | null> {
    const transition = automaticTransition(
      this.workflowOf(complaint, policy),
      trigger,
      complaint.state,
      this.factsOf(complaint, policy),
      now,
    );
    return transition ? this.take(manager, complaint, policy, now, transition, { automatic: true, reason: options.reason }) : null;
  }

  /** Whether the operation's trigger can move the complaint from its state at all (guards aside). */
  canTrigger(complaint: Complaint, policy: CompiledPolicy, trigger: AutomaticTrigger): boolean {
    return statesWithTrigger(this.workflowOf(complaint, policy), trigger).includes(complaint.state);
  }

  private async take(
    manager: EntityManager,
    complaint: Complaint,
    policy: CompiledPolicy,
    now: Date,
    transition: WorkflowTransition,
    options: { comment?: string | null; automatic: boolean; reason?: string },
  ): Promise<Moved> {
    const from = complaint.state;
    const to = transition.to;
    complaint.state = to;
    if (isClosed(to)) complaint.closedAt = now;
    // Leaving closure is a reopening, whatever the state it goes to.
    if (isClosed(from) && !isClosed(to)) {
      complaint.reopenCount += 1;
      complaint.closedAt = null;
    }
    // Found invalid after investigation: the coded criterion (issue 16), not `manual`.
    if (to === 'invalid_closed') {
      complaint.valid = false;
      complaint.invalidReason = complaint.invalidReason ?? findingFactsOf(complaint).validity ?? 'manual';
    }
    const taken: TransitionTaken = { key: transition.key, from, to, trigger: transition.trigger ?? 'manual', automatic: options.automatic };
    const data: Record<string, unknown> = { from, to, transition: transition.key };
    if (options.automatic)
      Object.assign(data, { automatic: true, trigger: taken.trigger, ...(options.reason ? { reason: options.reason } : {}) });
    else data.comment = options.comment ?? null;
    if (to === 'invalid_closed') Object.assign(data, invalidCriterion(complaint, policy));
    const events: TimelineEntry[] = [['transitioned', data]];
    const change: ComplaintChange = { type: 'transition', to };
    for (const action of transition.actions ?? []) await this.run(manager, complaint, policy, now, transition, action, events, change);
    return { events, change, transition: taken, definition: transition };
  }

  private async run(
    manager: EntityManager,
    complaint: Complaint,
    policy: CompiledPolicy,
    now: Date,
    transition: WorkflowTransition,
    action: WorkflowAction,
    events: TimelineEntry[],
    change: ComplaintChange,
  ): Promise<void> {
    switch (action.type) {
      case 'assign_manager': {
        const department = policy.document.departments.find((d) => d.key === complaint.department);
        const managerUser = await this.users.activeManagerFor(complaint.tenantId, department?.managerEmail, manager);
        complaint.assigneeId = managerUser?.id ?? complaint.assigneeId;
        events.push([
          'escalated',
          {
            reason: transition.name.en ?? transition.name.zh,
            to: 'manager',
            assigneeId: complaint.assigneeId ?? null,
            transition: transition.key,
          },
        ]);
        return;
      }
      case 'raise_severity': {
        const levels = [...policy.document.severityLevels].sort((a, b) => a.rank - b.rank);
        const current = policy.severityLevel(complaint.severity)?.rank ?? -Infinity;
        const target = action.severity ? policy.severityLevel(action.severity) : levels.find((l) => l.rank > current);
        if (!target || target.rank <= current) return;
        events.push(['severity.raised', { from: complaint.severity, to: target.key, transition: transition.key }]);
        complaint.severity = target.key;
        return;
      }
      case 'create_task': {
        const task = manager.create(ComplaintTask, {
          id: newId(),
          tenantId: complaint.tenantId,
          complaintId: complaint.id,
          department: action.department ?? complaint.department ?? '',
          assigneeId: null,
          title: action.title ?? transition.name.zh,
          state: 'open',
        });
        await manager.insert(ComplaintTask, task);
        events.push(['task.created', { taskId: task.id, department: task.department, title: task.title, transition: transition.key }]);
        return;
      }
      case 'notify': {
        const state = this.workflowOf(complaint, policy).states.find((s) => s.key === complaint.state);
        await this.outbox.enqueue(manager, {
          tenantId: complaint.tenantId,
          kind: 'notification',
          topic: 'workflow.transitioned',
          complaintId: complaint.id,
          dedupeKey: `workflow:${complaint.id}:${transition.key}:${now.getTime()}:${action.to ?? ''}`,
          payload: {
            recipient: recipientOf(action.to ?? 'assignee', complaint, policy),
            template: action.template ?? null,
            complaintId: complaint.id,
            complaintNumber: complaint.number,
            transition: transition.key,
            state: complaint.state,
            explanation: state?.name.zh ?? complaint.state,
          },
        });
        return;
      }
      case 'restart_clocks':
        change.newRound = action.title ?? transition.name.en ?? transition.key;
        return;
      case 'stop_clocks':
        change.stopClocks = true;
        return;
      default:
        return;
    }
  }
}

/** The coded criterion a complaint is closed invalid with, and its text (the validity row's, else the finding's name). */
function invalidCriterion(complaint: Complaint, policy: CompiledPolicy): { reason: string | null; reasonText: unknown } {
  const reason = complaint.invalidReason ?? null;
  const stored = (complaint.facts as { validity?: { reasonText?: unknown } } | null)?.validity?.reasonText;
  const finding = (policy.document.findingCodes ?? []).find((f) => f.key === reason);
  return { reason, reasonText: stored ?? finding?.name ?? null };
}
