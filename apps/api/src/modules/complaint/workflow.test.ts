import { defaultWorkflow, type WorkflowDefinition } from '@redress/sdk';
import { allowedTargets, automaticTransition, checkTransition, statesWithTrigger } from './workflow';

const wf = defaultWorkflow();
const facts = (complaint: Record<string, unknown> = {}) => ({ complaint: { unsatisfiedCount: 0, ...complaint } });
const as = (role: string, comment?: string) => ({ role, facts: facts(), comment });

describe('complaint workflow (the default, as policy data)', () => {
  it('lets a handler start work on a dispatched complaint', () => {
    expect(checkTransition(wf, 'dispatched', 'in_progress', as('handler')).ok).toBe(true);
  });
  it('refuses an illegal move and says which moves are allowed', () => {
    expect(checkTransition(wf, 'received', 'closed', as('agent', 'x'))).toMatchObject({ ok: false, reason: 'ROLE_NOT_ALLOWED' });
    expect(checkTransition(wf, 'closed', 'in_progress', as('manager', 'x'))).toMatchObject({
      ok: false,
      reason: 'ILLEGAL_TRANSITION',
      allowed: ['reopened'],
    });
  });
  it('requires a reason to close as invalid', () => {
    expect(checkTransition(wf, 'assessed', 'invalid_closed', as('handler', '  '))).toMatchObject({ ok: false, reason: 'COMMENT_REQUIRED' });
    expect(checkTransition(wf, 'assessed', 'invalid_closed', as('handler', '客户误解')).ok).toBe(true);
  });
  it('lists the manual targets by role, never the automatic moves', () => {
    expect(allowedTargets(wf, 'follow_up', { role: 'manager', facts: facts() })).toEqual(['closed']);
    expect(allowedTargets(wf, 'follow_up', { role: 'agent', facts: facts() })).toEqual([]);
    expect(allowedTargets(wf, 'responded', { role: 'handler', facts: facts() })).not.toContain('responded');
  });
  it('takes "unsatisfied N times → manager" from a guard on the count, else dispatches again', () => {
    expect(automaticTransition(wf, 'follow_up.unsatisfied', 'responded', facts({ unsatisfiedCount: 1 }))?.key).toBe(
      'auto-unsatisfied-redispatch',
    );
    expect(automaticTransition(wf, 'follow_up.unsatisfied', 'responded', facts({ unsatisfiedCount: 2 }))?.key).toBe(
      'auto-unsatisfied-manager',
    );
    const three = defaultWorkflow(3);
    expect(automaticTransition(three, 'follow_up.unsatisfied', 'follow_up', facts({ unsatisfiedCount: 2 }))?.to).toBe('dispatched');
    expect(automaticTransition(three, 'follow_up.unsatisfied', 'follow_up', facts({ unsatisfiedCount: 3 }))?.to).toBe('in_progress');
  });
  it('says from which states an operation can move the complaint', () => {
    expect(statesWithTrigger(wf, 'follow_up.satisfied').sort()).toEqual(['follow_up', 'responded']);
    expect(automaticTransition(wf, 'reply.sent', 'closed', facts())).toBeUndefined();
  });
});

describe('a designed workflow', () => {
  const legal: WorkflowDefinition = {
    ...wf,
    key: 'legal',
    states: [...wf.states, { key: 'legal_review', name: { zh: '法务审核' }, category: 'waiting' }],
    transitions: [
      ...wf.transitions,
      {
        key: 'to-legal',
        name: { zh: '转法务' },
        from: ['in_progress'],
        to: 'legal_review',
        roles: ['manager'],
        when: { '>=': [{ var: 'complaint.form.amount' }, 5000] },
        requiredFields: ['amount'],
      },
      { key: 'legal-done', name: { zh: '法务完成' }, from: ['legal_review'], to: 'in_progress', requiresTasksDone: true },
    ],
  };
  const withAmount = (amount: unknown) => ({ role: 'manager', facts: { complaint: { form: { amount } } }, form: { amount } });

  it('opens a guarded transition only when its guard holds, and names the reason otherwise', () => {
    expect(checkTransition(legal, 'in_progress', 'legal_review', withAmount(8000)).ok).toBe(true);
    expect(checkTransition(legal, 'in_progress', 'legal_review', withAmount(100))).toMatchObject({ ok: false, reason: 'GUARD_FAILED' });
    expect(allowedTargets(legal, 'in_progress', withAmount(100))).not.toContain('legal_review');
    expect(checkTransition(legal, 'in_progress', 'legal_review', { ...withAmount(8000), role: 'handler' })).toMatchObject({
      ok: false,
      reason: 'ROLE_NOT_ALLOWED',
    });
  });
  it('requires the named fields and finished tasks', () => {
    const noField = { role: 'manager', facts: { complaint: { form: { amount: 9000 } } }, form: {} };
    expect(checkTransition(legal, 'in_progress', 'legal_review', noField)).toMatchObject({
      ok: false,
      reason: 'FIELDS_REQUIRED',
      missingFields: ['amount'],
    });
    expect(checkTransition(legal, 'legal_review', 'in_progress', { role: 'handler', facts: {}, openTasks: 1 })).toMatchObject({
      ok: false,
      reason: 'TASKS_OPEN',
    });
    expect(checkTransition(legal, 'legal_review', 'in_progress', { role: 'handler', facts: {}, openTasks: 0 }).ok).toBe(true);
  });
  it('never opens a transition whose guard errors', () => {
    const broken: WorkflowDefinition = {
      ...legal,
      transitions: [{ key: 'x', name: { zh: 'x' }, from: ['in_progress'], to: 'closed', when: { unknown_op: [1] } as never }],
    };
    expect(allowedTargets(broken, 'in_progress', { role: 'admin', facts: {} })).toEqual([]);
  });
});
