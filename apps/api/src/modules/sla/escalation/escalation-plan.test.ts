import type { EscalationRule, SeverityLevel } from '@redress/sdk';
import { notifyDedupeKey, planEscalation } from './escalation-plan';
import { conditionEvaluator } from '../sla-rules';

const levels: SeverityLevel[] = [
  { key: 'general', name: { zh: '一般' }, rank: 1 },
  { key: 'urgent', name: { zh: '紧急' }, rank: 2 },
  { key: 'major', name: { zh: '重大' }, rank: 3 },
];
const rule = (key: string, over: Partial<EscalationRule>): EscalationRule => ({
  key,
  name: { zh: key },
  trigger: 'breach',
  actions: [],
  ...over,
});
const evaluate = conditionEvaluator(new Date('2025-03-03T02:00:00Z'));
const plan = (rules: EscalationRule[], over: Partial<Parameters<typeof planEscalation>[0]> = {}) =>
  planEscalation({
    rules,
    trigger: 'breach',
    target: 'resolution',
    facts: { complaint: { channel: 'phone' } },
    severityLevels: levels,
    currentSeverity: 'general',
    evaluate,
    ...over,
  });

describe('escalation planning', () => {
  it('matches trigger and target; a rule without a target watches every target', () => {
    const rules = [
      rule('any_breach', { actions: [{ type: 'notify', to: 'manager' }] }),
      rule('ack_breach', { target: 'acknowledge', actions: [{ type: 'notify', to: 'assignee' }] }),
      rule('warned', { trigger: 'warning', actions: [{ type: 'notify', to: 'assignee' }] }),
    ];
    expect(plan(rules).map((p) => p.ruleKey)).toEqual(['any_breach']);
    expect(plan(rules, { target: 'acknowledge' }).map((p) => p.ruleKey)).toEqual(['any_breach', 'ack_breach']);
    expect(plan(rules, { trigger: 'warning' }).map((p) => p.ruleKey)).toEqual(['warned']);
  });

  it('applies the rule only when its condition holds over the complaint facts; a broken condition does not match', () => {
    const rules = [
      rule('phone_only', { when: { '==': [{ var: 'complaint.channel' }, 'phone'] }, actions: [{ type: 'notify', to: 'manager' }] }),
      rule('email_only', { when: { '==': [{ var: 'complaint.channel' }, 'email'] }, actions: [{ type: 'notify', to: 'manager' }] }),
      rule('broken', { when: { no_such_operator: [1] }, actions: [{ type: 'notify', to: 'manager' }] }),
    ];
    expect(plan(rules).map((p) => p.ruleKey)).toEqual(['phone_only']);
  });

  it('raises severity only upwards, and never twice to the same level', () => {
    const rules = [
      rule('to_urgent', { actions: [{ type: 'raise_severity', to: 'urgent' }] }),
      rule('to_urgent_again', { actions: [{ type: 'raise_severity', to: 'urgent' }] }),
      rule('to_general', { actions: [{ type: 'raise_severity', to: 'general' }] }),
      rule('to_unknown', { actions: [{ type: 'raise_severity', to: 'apocalyptic' }] }),
    ];
    expect(plan(rules).map((p) => `${p.ruleKey}:${p.explanation}`)).toEqual([
      'to_urgent:rule to_urgent on breach of resolution: severity → urgent',
    ]);
    expect(plan(rules, { currentSeverity: 'major' })).toEqual([]);
  });

  it('keeps reassign and notify actions with an explanation naming rule, trigger and target', () => {
    const [reassign, notify] = plan([
      rule('hand_over', {
        actions: [
          { type: 'reassign', department: 'quality' },
          { type: 'notify', to: 'manager', template: 'breach_notice' },
        ],
      }),
    ]);
    expect(reassign.explanation).toBe('rule hand_over on breach of resolution: reassign to department quality');
    expect(notify.action).toEqual({ type: 'notify', to: 'manager', template: 'breach_notice' });
    expect(notifyDedupeKey('c1', 'hand_over', 'breach', 'resolution')).toBe('c1:hand_over:breach:resolution');
    expect(notifyDedupeKey('c1', 'agg', 'aggregate')).toBe('c1:agg:aggregate:');
    expect(notifyDedupeKey('c1', 'hand_over', 'breach', 'resolution', 2)).toBe('c1:hand_over:breach:resolution:r2');
  });
});
