/**
 * Which escalation rules fire and what they do — pure. The service carries the plan out.
 */
import type { EscalationAction, EscalationRule, EscalationTrigger, SeverityLevel } from '@redress/sdk';
import type { ConditionEvaluator } from '../sla-conditions';

export interface PlannedAction {
  ruleKey: string;
  trigger: EscalationTrigger;
  target?: string;
  action: EscalationAction;
  /** Human-readable why, stored on the timeline with the policy version. */
  explanation: string;
}

export interface PlanInput {
  rules: EscalationRule[];
  trigger: EscalationTrigger;
  /** The SLA target that warned or breached (warning/breach only). */
  target?: string;
  facts: Record<string, unknown>;
  severityLevels: SeverityLevel[];
  currentSeverity: string;
  evaluate: ConditionEvaluator;
}

/**
 * Rules match on trigger, on target (a rule without a target watches every target) and on `when`. A
 * `raise_severity` is kept only when it raises by rank above the severity reached so far (never lowers, never
 * repeats). Actions keep the order of the rules and, within a rule, the rule's order.
 */
export function planEscalation(input: PlanInput): PlannedAction[] {
  const rank = new Map(input.severityLevels.map((level) => [level.key, level.rank]));
  let severityRank = rank.get(input.currentSeverity) ?? Number.NEGATIVE_INFINITY;
  const planned: PlannedAction[] = [];
  for (const rule of input.rules) {
    if (rule.trigger !== input.trigger) continue;
    if (rule.target && rule.target !== input.target) continue;
    if (rule.when !== undefined && rule.when !== null && !safe(input.evaluate, rule.when, input.facts)) continue;
    const why = `rule ${rule.key} on ${input.trigger}${input.target ? ` of ${input.target}` : ''}`;
    for (const action of rule.actions) {
      if (action.type === 'raise_severity') {
        const to = rank.get(action.to);
        if (to === undefined || to <= severityRank) continue;
        severityRank = to;
        planned.push({
          ruleKey: rule.key,
          trigger: input.trigger,
          target: input.target,
          action,
          explanation: `${why}: severity → ${action.to}`,
        });
      } else if (action.type === 'reassign') {
        const where = [action.department && `department ${action.department}`, action.assignee && `assignee ${action.assignee}`]
          .filter(Boolean)
          .join(', ');
        planned.push({
          ruleKey: rule.key,
          trigger: input.trigger,
          target: input.target,
          action,
          explanation: `${why}: reassign to ${where || 'nobody'}`,
        });
      } else if (action.type === 'notify') {
        planned.push({
          ruleKey: rule.key,
          trigger: input.trigger,
          target: input.target,
          action,
          explanation: `${why}: notify ${action.to}`,
        });
      }
    }
  }
  return planned;
}

/** A broken `when` must not stop the scheduler: it simply does not match. */
function safe(evaluate: ConditionEvaluator, rule: unknown, facts: Record<string, unknown>): boolean {
  try {
    return evaluate(rule, facts);
  } catch {
    return false;
  }
}

/** The dedupe key of a notice: the same rule never notifies twice for the same trigger and target. */
export function notifyDedupeKey(complaintId: string, ruleKey: string, trigger: string, target?: string, round = 1): string {
  // A later handling round (after an unsatisfied follow-up) may breach again and must notify again.
  return `${complaintId}:${ruleKey}:${trigger}:${target ?? ''}${round > 1 ? `:r${round}` : ''}`;
}
