import { defaultWorkflow } from '../../../../../libs/sdk/src/policy/workflow';
import {
  COLUMN_WIDTH,
  ROW_HEIGHT,
  layout,
  locateWorkflowProblems,
  manualTransition,
  removeState,
  renameState,
  toWorkflowInput,
  transitionsRemovedWith,
  type WorkflowDefinition,
} from './model';

/** The default life cycle plus a legal review the manager sends large claims to (the designer's example). */
function withLegal(): WorkflowDefinition {
  const base = defaultWorkflow();
  return {
    ...base,
    states: [...base.states, { key: 'legal_review', name: { zh: '法务审核', en: 'Legal review' }, category: 'waiting' }],
    transitions: [
      ...base.transitions,
      {
        key: 'to-legal',
        name: { zh: '转法务' },
        from: ['in_progress'],
        to: 'legal_review',
        when: { '>=': [{ var: 'complaint.form.compensation_amount' }, 5000] },
        requiresComment: true,
      },
      { key: 'legal-done', name: { zh: '法务意见已出' }, from: ['legal_review'], to: 'in_progress' },
      { key: 'legal-or-wait', name: { zh: '两处可走' }, from: ['legal_review', 'waiting_customer'], to: 'dispatched' },
    ],
  };
}

describe('the workflow designer model', () => {
  it('lays states out on a fixed picture of the built-in states, designed states next to where they are reached, saved positions kept', () => {
    const workflow = withLegal();
    workflow.states = workflow.states.map((s) => (s.key === 'closed' ? { ...s, position: { x: 7, y: 9 } } : s));
    const at = layout(workflow);
    expect(at.received).toEqual({ x: 0, y: ROW_HEIGHT });
    expect(at.assessed.x).toBeGreaterThan(at.received.x);
    expect(at.closed).toEqual({ x: 7, y: 9 });
    // legal_review is reached from in_progress: one column to its right, clear of the built-in states.
    expect(at.legal_review.x).toBe(at.in_progress.x + COLUMN_WIDTH);
    const spots = Object.values(at).map((p) => `${p.x},${p.y}`);
    expect(new Set(spots).size).toBe(spots.length);
  });

  it('removes a state with the transitions to it and those leaving only from it', () => {
    const workflow = withLegal();
    expect(transitionsRemovedWith(workflow, 'legal_review').map((t) => t.key)).toEqual(['to-legal', 'legal-done']);
    const after = removeState(workflow, 'legal_review');
    expect(after.states.some((s) => s.key === 'legal_review')).toBe(false);
    expect(after.transitions.map((t) => t.key)).not.toContain('to-legal');
    expect(after.transitions.find((t) => t.key === 'legal-or-wait')?.from).toEqual(['waiting_customer']);
  });

  it('renames a new state everywhere the workflow names it', () => {
    const renamed = renameState(withLegal(), 'legal_review', 'legal');
    expect(renamed.transitions.find((t) => t.key === 'to-legal')?.to).toBe('legal');
    expect(renamed.transitions.find((t) => t.key === 'legal-or-wait')?.from).toEqual(['legal', 'waiting_customer']);
  });

  it('places the API problems at the state or transition their path names', () => {
    const located = locateWorkflowProblems(
      [
        {
          path: 'workflows[default].transitions[to-legal].when',
          message: 'unknown fact complaint.nope',
          suggestion: 'complaint.form.compensation_amount',
        },
        { path: 'workflows[default].states[orphan]', message: 'unreachable' },
        { path: 'workflows[default].transitions', message: 'no reply.sent' },
        { path: 'workflows[other].states[x]', message: 'another workflow' },
        { path: 'rules.routing.rows[0].when', message: 'a rule table' },
      ],
      'default',
    );
    expect(located.guards['to-legal']).toEqual(['unknown fact complaint.nope（complaint.form.compensation_amount）']);
    expect(located.transitions['to-legal']).toEqual(['when: unknown fact complaint.nope（complaint.form.compensation_amount）']);
    expect(located.states.orphan).toEqual(['unreachable']);
    expect(located.workflow).toEqual(['no reply.sent']);
  });

  it('sends upsertWorkflow only what is set, and only the fields an action type uses', () => {
    const workflow = withLegal();
    workflow.states[0] = { ...workflow.states[0], position: { x: 10.4, y: 20.6 } };
    workflow.transitions.push({
      key: 'noisy',
      name: { zh: '噪声' },
      from: ['in_progress'],
      to: 'closed',
      trigger: 'manual',
      roles: [],
      when: true,
      requiresComment: false,
      requiredFields: [],
      actions: [{ type: 'create_task', title: '复核', department: 'quality', to: 'manager' }],
    });
    const input = toWorkflowInput(workflow);
    expect(input.states[0].position).toEqual({ x: 10, y: 21 });
    expect(input.transitions.find((t) => t.key === 'noisy')).toEqual({
      key: 'noisy',
      name: { zh: '噪声' },
      from: ['in_progress'],
      to: 'closed',
      actions: [{ type: 'create_task', department: 'quality', title: '复核' }],
    });
    expect(input.transitions.find((t) => t.key === 'to-legal')?.when).toEqual({
      '>=': [{ var: 'complaint.form.compensation_amount' }, 5000],
    });
  });

  it('finds the manual transition a button takes', () => {
    expect(manualTransition(withLegal(), 'in_progress', 'legal_review')?.requiresComment).toBe(true);
    // reply.sent moves in_progress to responded automatically: no person's button.
    expect(manualTransition(withLegal(), 'in_progress', 'responded')).toBeUndefined();
  });
});
