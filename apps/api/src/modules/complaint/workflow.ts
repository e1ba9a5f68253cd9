import { defaultEngine } from '@redress/rules';
import { STAFF_ROLES } from '../../common/auth/roles';
import type { WorkflowDefinition, WorkflowStateCategory, WorkflowTransition, WorkflowTrigger } from '@redress/sdk';

/**
 * The pure core of the workflow engine: which transition a move takes, and whether it may. The data comes from the
 * policy (`workflows`, issue 18; the built-in default when a policy has none); ComplaintWorkflow applies the result.
 */

/** What a guard is judged on, besides the role: the complaint's facts and what the person gave. */
export interface MoveContext {
  role: string;
  facts: Record<string, unknown>;
  comment?: string | null;
  /** The complaint's form values (complaint.form), for requiredFields. */
  form?: Record<string, unknown> | null;
  /** Tasks of the complaint not finished yet, for requiresTasksDone. */
  openTasks?: number;
  now?: Date;
}

export type MoveRefusal =
  'ILLEGAL_TRANSITION' | 'ROLE_NOT_ALLOWED' | 'COMMENT_REQUIRED' | 'GUARD_FAILED' | 'FIELDS_REQUIRED' | 'TASKS_OPEN';

export type TransitionCheck =
  { ok: true; transition: WorkflowTransition } | { ok: false; reason: MoveRefusal; allowed: string[]; missingFields?: string[] };

const triggerOf = (t: WorkflowTransition): WorkflowTrigger => t.trigger ?? 'manual';
const mayTake = (t: WorkflowTransition, role: string) =>
  t.roles?.length ? t.roles.includes(role) : (STAFF_ROLES as string[]).includes(role);

/** A guard holds when its rule evaluates to a truthy value without error (an error never opens a transition). */
export function guardHolds(transition: WorkflowTransition, facts: Record<string, unknown>, now?: Date): boolean {
  if (transition.when === undefined || transition.when === null) return true;
  if (transition.when === true || transition.when === false) return transition.when;
  const result = defaultEngine.evaluate(transition.when, facts, now ? { context: { now } } : {});
  return !result.error && Boolean(result.value);
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && !value.trim()) || (Array.isArray(value) && !value.length);

export function categoryOf(workflow: WorkflowDefinition, state: string): WorkflowStateCategory | undefined {
  return workflow.states.find((s) => s.key === state)?.category;
}

/** The states a person in this role may move the complaint to now (manual transitions whose guard holds). */
export function allowedTargets(workflow: WorkflowDefinition, from: string, context: Pick<MoveContext, 'role' | 'facts' | 'now'>): string[] {
  const targets = workflow.transitions
    .filter(
      (t) => triggerOf(t) === 'manual' && t.from.includes(from) && mayTake(t, context.role) && guardHolds(t, context.facts, context.now),
    )
    .map((t) => t.to);
  return [...new Set(targets)];
}

/**
 * Checks a person's move to `to`. Of several manual transitions to the same state, the first one the person may take
 * and whose guard holds is used; the refusal names the most specific reason and the states that are allowed.
 */
export function checkTransition(workflow: WorkflowDefinition, from: string, to: string, context: MoveContext): TransitionCheck {
  const allowed = allowedTargets(workflow, from, context);
  const candidates = workflow.transitions.filter((t) => triggerOf(t) === 'manual' && t.from.includes(from) && t.to === to);
  if (!candidates.length) return { ok: false, reason: 'ILLEGAL_TRANSITION', allowed };
  const byRole = candidates.filter((t) => mayTake(t, context.role));
  if (!byRole.length) return { ok: false, reason: 'ROLE_NOT_ALLOWED', allowed };
  const guarded = byRole.filter((t) => guardHolds(t, context.facts, context.now));
  if (!guarded.length) return { ok: false, reason: 'GUARD_FAILED', allowed };
  const transition = guarded[0];
  return requirementsOf(transition, context, allowed) ?? { ok: true, transition };
}

/** The requirements of a transition the person must meet (comment, fields, finished tasks), or null when met. */
function requirementsOf(transition: WorkflowTransition, context: MoveContext, allowed: string[]): TransitionCheck | null {
  if (transition.requiresComment && !context.comment?.trim()) return { ok: false, reason: 'COMMENT_REQUIRED', allowed };
  const missingFields = (transition.requiredFields ?? []).filter((key) => isEmpty(context.form?.[key]));
  if (missingFields.length) return { ok: false, reason: 'FIELDS_REQUIRED', allowed, missingFields };
  if (transition.requiresTasksDone && (context.openTasks ?? 0) > 0) return { ok: false, reason: 'TASKS_OPEN', allowed };
  return null;
}

/**
 * The transition an operation takes automatically: the first of the workflow with this trigger, the current state in
 * `from` and a holding guard (so "unsatisfied N times → manager" is a guarded transition listed before the plain one).
 */
export function automaticTransition(
  workflow: WorkflowDefinition,
  trigger: Exclude<WorkflowTrigger, 'manual'>,
  from: string,
  facts: Record<string, unknown>,
  now?: Date,
): WorkflowTransition | undefined {
  return workflow.transitions.find((t) => triggerOf(t) === trigger && t.from.includes(from) && guardHolds(t, facts, now));
}

/** States an operation's trigger could start from (for the refusal when the complaint is elsewhere). */
export function statesWithTrigger(workflow: WorkflowDefinition, trigger: WorkflowTrigger): string[] {
  return [...new Set(workflow.transitions.filter((t) => triggerOf(t) === trigger).flatMap((t) => t.from))];
}
