import { defaultEngine } from '@redress/rules';
import type { ConditionEvaluator } from './sla-conditions';

/**
 * The SLA module's one door to `@redress/rules`: a condition holds when the rule evaluates to a truthy value
 * without error. `now` is the business instant (never the wall clock).
 */
export function conditionEvaluator(now: Date, timeZone?: string): ConditionEvaluator {
  return (rule, facts) => {
    if (rule === true || rule === false) return rule;
    const result = defaultEngine.evaluate(rule, facts, { context: { now, ...(timeZone ? { timeZone } : {}) } });
    return !result.error && Boolean(result.value);
  };
}
