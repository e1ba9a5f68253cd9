import type { SlaTarget } from '@redress/sdk';
import { conditionsFor, planClockAction } from './sla-conditions';
import { conditionEvaluator } from './sla-rules';

const evaluate = conditionEvaluator(new Date('2025-03-03T02:00:00Z'));
const target = (key: string, extra: Partial<SlaTarget> = {}): SlaTarget => ({
  key,
  duration: { amount: 3, kind: 'working_days' },
  ...extra,
});
const facts = (complaint: Record<string, unknown>) => ({
  complaint: { state: 'received', department: null, assigneeId: null, ...complaint },
});
const holds = (rule: unknown, complaint: Record<string, unknown>) => evaluate(rule, facts(complaint));

describe('default SLA conditions', () => {
  it('acknowledge stops as soon as the complaint leaves received', () => {
    const { stop } = conditionsFor(target('acknowledge'));
    expect(holds(stop, { state: 'received' })).toBe(false);
    expect(holds(stop, { state: 'assessed' })).toBe(true);
  });

  it('dispatch stops with a department and an assignee, or once work has started', () => {
    const { stop } = conditionsFor(target('dispatch'));
    expect(holds(stop, { state: 'dispatched', department: 'retail' })).toBe(false);
    expect(holds(stop, { state: 'dispatched', department: 'retail', assigneeId: 'u1' })).toBe(true);
    expect(holds(stop, { state: 'in_progress' })).toBe(true);
    expect(holds(stop, { state: 'responded' })).toBe(true);
  });

  it('first_response stops at in_progress or later; resolution and regulatory_answer at an answer', () => {
    expect(holds(conditionsFor(target('first_response')).stop, { state: 'dispatched' })).toBe(false);
    expect(holds(conditionsFor(target('first_response')).stop, { state: 'waiting_customer' })).toBe(true);
    for (const key of ['resolution', 'regulatory_answer', 'some_custom_target']) {
      const { stop } = conditionsFor(target(key));
      expect(holds(stop, { state: 'in_progress' })).toBe(false);
      for (const state of ['responded', 'follow_up', 'closed', 'invalid_closed']) expect(holds(stop, { state })).toBe(true);
    }
  });

  it('follow_up starts at responded and stops at closed', () => {
    const t = target('follow_up', { duration: { amount: 2, kind: 'working_days' } });
    expect(planClockAction(t, 'absent', facts({ state: 'in_progress' }), evaluate)).toBeNull();
    expect(planClockAction(t, 'absent', facts({ state: 'responded' }), evaluate)).toBe('start');
    expect(planClockAction(t, 'running', facts({ state: 'follow_up' }), evaluate)).toBeNull();
    expect(planClockAction(t, 'running', facts({ state: 'closed' }), evaluate)).toBe('stop');
  });

  it('pauses in waiting_customer and resumes after, unless the policy says otherwise', () => {
    const t = target('resolution');
    expect(planClockAction(t, 'running', facts({ state: 'waiting_customer' }), evaluate)).toBe('pause');
    expect(planClockAction(t, 'paused', facts({ state: 'waiting_customer' }), evaluate)).toBeNull();
    expect(planClockAction(t, 'paused', facts({ state: 'in_progress' }), evaluate)).toBe('resume');
    const neverPauses = target('resolution', { pauseWhen: false });
    expect(planClockAction(neverPauses, 'running', facts({ state: 'waiting_customer' }), evaluate)).toBeNull();
  });

  it('cancels every open clock on invalid_closed and starts none', () => {
    expect(planClockAction(target('resolution'), 'running', facts({ state: 'invalid_closed' }), evaluate)).toBe('cancel');
    expect(planClockAction(target('acknowledge'), 'paused', facts({ state: 'invalid_closed' }), evaluate)).toBe('cancel');
    expect(planClockAction(target('resolution'), 'absent', facts({ state: 'invalid_closed' }), evaluate)).toBeNull();
  });

  it('restarts a recurring clock on each progress note, until it stops', () => {
    const t = target('progress_update', { recurring: true, duration: { amount: 30, kind: 'natural_minutes' } });
    expect(planClockAction(t, 'running', facts({ state: 'in_progress' }), evaluate, { type: 'progress' })).toBe('restart');
    expect(planClockAction(t, 'running', facts({ state: 'in_progress' }), evaluate, { type: 'reply' })).toBeNull();
    expect(planClockAction(t, 'running', facts({ state: 'responded' }), evaluate, { type: 'progress' })).toBe('stop');
    expect(planClockAction(target('resolution'), 'running', facts({ state: 'in_progress' }), evaluate, { type: 'progress' })).toBeNull();
  });

  it('never reopens a stopped clock, and honours policy conditions over the defaults', () => {
    expect(planClockAction(target('resolution'), 'met', facts({ state: 'in_progress' }), evaluate)).toBeNull();
    const urgentOnly = target('resolution', { startWhen: { '==': [{ var: 'complaint.severity' }, 'urgent'] } });
    expect(planClockAction(urgentOnly, 'absent', facts({ severity: 'normal' }), evaluate)).toBeNull();
    expect(planClockAction(urgentOnly, 'absent', facts({ severity: 'urgent' }), evaluate)).toBe('start');
    expect(planClockAction(target('resolution'), 'absent', facts({ state: 'waiting_customer' }), evaluate)).toBe('start_paused');
  });
});
