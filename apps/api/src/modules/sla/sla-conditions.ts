/**
 * When each SLA clock starts, pauses, resumes, stops or is cancelled — pure, no database.
 *
 * Conditions are JSON-logic over `{ complaint: { state, severity, department, assigneeId, … } }`. A target may
 * give its own `startWhen` / `pauseWhen` / `stopWhen`; otherwise the defaults below apply, written in the same
 * JSON-logic so that the console can show them and an administrator can copy and change them.
 */
import type { JsonLogicRule } from '@redress/rules';
import type { SlaTarget } from '@redress/sdk';
import type { ClockStatus } from './clock';

/** Evaluates a JSON-logic rule over facts; truthy → true. Injected so this file stays pure. */
export type ConditionEvaluator = (rule: JsonLogicRule, facts: Record<string, unknown>) => boolean;

import type { ComplaintChange } from '../complaint/complaint.events';
// The change a complaint went through is the complaint module's event; the clocks only read it.
export type { ComplaintChange, ComplaintChangeType } from '../complaint/complaint.events';

const stateIn = (states: string[]): JsonLogicRule => ({ in: [{ var: 'complaint.state' }, states] });

/** States at or past "work has started". */
const IN_PROGRESS_OR_LATER = ['in_progress', 'waiting_customer', 'awaiting_approval', 'responded', 'follow_up', 'closed'];
/** States in which the complaint has been answered. */
const ANSWERED = ['responded', 'follow_up', 'closed', 'invalid_closed'];

export interface TargetConditions {
  start: JsonLogicRule;
  pause: JsonLogicRule;
  stop: JsonLogicRule;
  cancel: JsonLogicRule;
}

/** Defaults per target key; unknown keys are treated like `resolution`. */
export const DEFAULT_CONDITIONS: Record<string, Pick<TargetConditions, 'start' | 'stop'>> = {
  acknowledge: { start: true, stop: { '!=': [{ var: 'complaint.state' }, 'received'] } },
  dispatch: {
    start: true,
    stop: {
      or: [{ and: [{ '!!': { var: 'complaint.department' } }, { '!!': { var: 'complaint.assigneeId' } }] }, stateIn(IN_PROGRESS_OR_LATER)],
    },
  },
  first_response: { start: true, stop: stateIn(IN_PROGRESS_OR_LATER) },
  progress_update: { start: true, stop: stateIn(ANSWERED) },
  resolution: { start: true, stop: stateIn(ANSWERED) },
  regulatory_answer: { start: true, stop: stateIn(ANSWERED) },
  follow_up: { start: stateIn(['responded', 'follow_up', 'closed']), stop: stateIn(['closed']) },
};

/** Clocks pause while the complaint waits: the default waiting state, or any state a workflow puts in the waiting category. */
export const DEFAULT_PAUSE: JsonLogicRule = {
  or: [{ '==': [{ var: 'complaint.state' }, 'waiting_customer'] }, { '==': [{ var: 'complaint.stateCategory' }, 'waiting'] }],
};
export const DEFAULT_CANCEL: JsonLogicRule = { '==': [{ var: 'complaint.state' }, 'invalid_closed'] };

/** The effective conditions of a target: the policy's where given, the defaults otherwise. */
export function conditionsFor(target: SlaTarget): TargetConditions {
  const defaults = DEFAULT_CONDITIONS[target.key] ?? DEFAULT_CONDITIONS.resolution;
  return {
    start: target.startWhen ?? defaults.start,
    pause: target.pauseWhen ?? DEFAULT_PAUSE,
    stop: target.stopWhen ?? defaults.stop,
    cancel: DEFAULT_CANCEL,
  };
}

export type ClockAction = 'start' | 'start_paused' | 'pause' | 'resume' | 'stop' | 'cancel' | 'restart';

/**
 * What to do with one target's clock after a change of the complaint. `current` is the clock's state, or
 * `absent` when the target has no clock yet. Stopped clocks stay stopped (a recurring clock is stopped too once
 * its stop condition holds). Returns null when nothing changes.
 */
export function planClockAction(
  target: SlaTarget,
  current: ClockStatus | 'absent',
  facts: Record<string, unknown>,
  evaluate: ConditionEvaluator,
  change?: ComplaintChange,
): ClockAction | null {
  const c = conditionsFor(target);
  if (current === 'met' || current === 'breached' || current === 'cancelled') return null;
  if (current === 'absent') {
    if (evaluate(c.cancel, facts) || evaluate(c.stop, facts) || !evaluate(c.start, facts)) return null;
    return evaluate(c.pause, facts) ? 'start_paused' : 'start';
  }
  if (evaluate(c.cancel, facts)) return 'cancel';
  if (evaluate(c.stop, facts)) return 'stop';
  const paused = evaluate(c.pause, facts);
  if (target.recurring && change?.type === 'progress' && !paused) return 'restart';
  if (current === 'running' && paused) return 'pause';
  if (current === 'paused' && !paused) return 'resume';
  return null;
}
