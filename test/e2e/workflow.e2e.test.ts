import { defaultWorkflow, type WorkflowDefinition } from '@redress/sdk';
import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { ManualClock } from '../../apps/api/src/common/clock';
import { submit } from '../support/complaints';

// Wednesday 25 Nov 2026, 10:00 in Shanghai: a working day.
const START = new Date('2026-11-25T02:00:00Z');
const UPSERT = 'mutation($i: WorkflowInput!) { upsertWorkflow(input: $i) { key states { key category } transitions { key trigger } } }';
const VALIDATE = '{ validatePolicyDraft { valid problems { path code message } } }';
const PUBLISH = 'mutation($n: String) { publishPolicy(note: $n) { version } }';
const MOVE = 'mutation($id: ID!, $to: String!, $c: String) { transition(id: $id, to: $to, comment: $c) { state allowedTransitions } }';
const VIEW = `query($id: ID!) { complaint(id: $id) { state assigneeId unsatisfiedCount allowedTransitions tasks { id state }
  timeline { type actorRole data } } slaClocks(complaintId: $id) { target state round } }`;

/** A legal review the manager sends large compensation claims to: a waiting state, guarded, with actions. */
function withLegalReview(base: WorkflowDefinition): WorkflowDefinition {
  return {
    ...base,
    states: [
      ...base.states,
      { key: 'legal_review', name: { zh: '法务审核', en: 'Legal review' }, category: 'waiting', position: { x: 600, y: 300 } },
    ],
    transitions: [
      ...base.transitions,
      {
        key: 'to-legal',
        name: { zh: '大额索赔转法务', en: 'Large claim to legal' },
        from: ['in_progress'],
        to: 'legal_review',
        roles: ['manager', 'handler'],
        when: { '>=': [{ var: 'complaint.form.compensation_amount' }, 5000] },
        requiresComment: true,
        actions: [
          { type: 'notify', to: 'manager' },
          { type: 'create_task', department: 'compliance', title: '法务出具意见' },
        ],
      },
      {
        key: 'legal-done',
        name: { zh: '法务意见已出', en: 'Legal opinion given' },
        from: ['legal_review'],
        to: 'in_progress',
        roles: ['manager', 'handler'],
        requiresTasksDone: true,
      },
    ],
  };
}

describe.each(testDatabases())('workflows as policy data on %s', (db) => {
  let t: TestApp;
  let agent: string;
  let handler: string;
  let manager: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ db, clock: new ManualClock(START) });
    await t.seedDemo();
    [agent, handler, manager, admin] = await Promise.all(
      ['agent', 'handler', 'manager', 'admin'].map((who) => t.login(`${who}@demo.local`)),
    );
  });
  afterAll(() => t?.close());

  const view = (id: string) => t.gqlOk<any>(VIEW, { id }, manager).then((r) => ({ ...r.complaint, clocks: r.slaClocks }));
  const userId = async (who: string) => (await t.gqlOk<any>('{ me { id } }', {}, await t.login(`${who}@demo.local`))).me.id;

  it('refuses a faulty workflow at publish, with the path of each problem', async () => {
    const bad = defaultWorkflow();
    bad.states.push({ key: 'orphan', name: { zh: '孤立' }, category: 'open' });
    bad.states = bad.states.map((s) => (s.key === 'reopened' ? { ...s, category: 'closed' } : s));
    bad.transitions.push(
      { key: 'auto-from-closed', name: { zh: '自动重开' }, from: ['closed'], to: 'in_progress', trigger: 'reply.sent' },
      { key: 'guarded', name: { zh: '条件' }, from: ['in_progress'], to: 'closed', when: { '==': [{ var: 'complaint.nope' }, 1] } },
      {
        key: 'ghost',
        name: { zh: '幽灵' },
        from: ['in_progress'],
        to: 'nowhere',
        actions: [{ type: 'create_task', department: 'no_such_department' }],
      },
    );
    await t.gqlOk(UPSERT, { i: bad }, admin);
    const check = (await t.gqlOk<any>(VALIDATE, {}, admin)).validatePolicyDraft;
    expect(check.valid).toBe(false);
    const found = check.problems.map((p: { path: string; code: string }) => `${p.path} ${p.code}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'workflows[default].states[orphan] UNREACHABLE_STATE',
        'workflows[default].states[reopened].category INVALID_CATEGORY',
        'workflows[default].transitions[auto-from-closed].from[0] CLOSED_STATE_AUTOMATIC',
        'workflows[default].transitions[ghost].to UNKNOWN_REFERENCE',
        'workflows[default].transitions[ghost].actions[0].title MISSING_TITLE',
        'workflows[default].transitions[ghost].actions[0].department UNKNOWN_REFERENCE',
      ]),
    );
    expect(found.some((p: string) => p.startsWith('workflows[default].transitions[guarded].when'))).toBe(true);
    const refused = await t.gql(PUBLISH, {}, admin);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'POLICY_INVALID' });
    await t.gqlOk('mutation { deleteWorkflow(key: "default") }', {}, admin);
    expect((await t.gqlOk<any>(VALIDATE, {}, admin)).validatePolicyDraft.valid).toBe(true);
  });

  it('moves complaints through a designed state by its guard and actions; complaints already open keep their workflow', async () => {
    const claim = {
      channel: 'phone',
      type: 'service.attitude',
      text: '店员辱骂顾客，要求赔偿精神损失。',
      form: { outlet: 'bj_chaoyang', expected_remedy: 'compensation', compensation_amount: 8000 },
    };
    const before = await submit(t, agent, claim);
    await t.gqlOk(UPSERT, { i: withLegalReview(defaultWorkflow()) }, admin);
    expect((await t.gqlOk<any>(PUBLISH, { n: '法务审核' }, admin)).publishPolicy.version).toBeGreaterThan(before.policyVersion);
    const large = await submit(t, agent, claim);
    const small = await submit(t, agent, { ...claim, form: { ...claim.form, compensation_amount: 100 } });
    for (const c of [before, large, small]) await t.gqlOk(MOVE, { id: c.id, to: 'in_progress' }, handler);

    // Pinned: the complaint received under the earlier version has no legal review.
    const pinned = await t.gql(MOVE, { id: before.id, to: 'legal_review', c: '转法务' }, manager);
    expect(pinned.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    // The guard: a small claim is not sent to legal, and the console is not offered the move.
    const guarded = await t.gql(MOVE, { id: small.id, to: 'legal_review', c: '转法务' }, manager);
    expect(guarded.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'GUARD_FAILED' });
    expect((await view(small.id)).allowedTransitions).not.toContain('legal_review');
    expect((await view(large.id)).allowedTransitions).toContain('legal_review');
    const noReason = await t.gql(MOVE, { id: large.id, to: 'legal_review' }, manager);
    expect(noReason.errors?.[0].extensions).toMatchObject({ reason: 'COMMENT_REQUIRED', field: 'comment' });

    await t.gqlOk(MOVE, { id: large.id, to: 'legal_review', c: '索赔金额较大' }, manager);
    let state = await view(large.id);
    expect(state.state).toBe('legal_review');
    // A waiting state pauses the clocks; the actions made a task and a notice.
    expect(state.clocks.find((c: any) => c.target === 'resolution').state).toBe('paused');
    expect(state.tasks).toHaveLength(1);
    expect(state.timeline.find((e: any) => e.type === 'transitioned' && e.data.to === 'legal_review').data).toMatchObject({
      from: 'in_progress',
      transition: 'to-legal',
      comment: '索赔金额较大',
    });
    const notices = await t.dataSource.query(
      `SELECT topic FROM outbox_message WHERE complaint_id = '${large.id}' AND topic = 'workflow.transitioned'`,
    );
    expect(notices).toHaveLength(1);

    // Open tasks hold the way back until they are done.
    const early = await t.gql(MOVE, { id: large.id, to: 'in_progress' }, handler);
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'TASKS_OPEN' });
    await t.gqlOk(
      'mutation($id: ID!) { completeComplaintTask(taskId: $id, result: "可按合同赔付") { state } }',
      { id: state.tasks[0].id },
      handler,
    );
    await t.gqlOk(MOVE, { id: large.id, to: 'in_progress' }, handler);
    state = await view(large.id);
    expect(state.clocks.find((c: any) => c.target === 'resolution').state).toBe('running');
  });

  it('hands to the manager after the configured number of unsatisfied follow-ups, every automatic move on the timeline', async () => {
    await t.gqlOk(UPSERT, { i: withLegalReview(defaultWorkflow(3)) }, admin);
    await t.gqlOk(PUBLISH, { n: '三次不满意转经理' }, admin);
    const c = await submit(t, agent, {
      channel: 'phone',
      type: 'service.efficiency',
      text: '排队一个多小时无人处理。',
      form: { order_no: 'SO-2026-1130' },
    });
    const reply = (body: string) =>
      t.gqlOk<any>('mutation($i: ReplyInput!) { replyToComplaint(input: $i) { state } }', { i: { complaintId: c.id, body } }, handler);
    const unsatisfied = (score: number) =>
      t
        .gqlOk<any>(
          'mutation($i: FollowUpInput!) { recordFollowUp(input: $i) { state unsatisfiedCount } }',
          {
            i: { complaintId: c.id, satisfied: false, score },
          },
          agent,
        )
        .then((r) => r.recordFollowUp);
    for (const round of [1, 2]) {
      expect((await reply(`第${round}次答复`)).replyToComplaint.state).toBe('responded');
      expect(await unsatisfied(2)).toEqual({ state: 'dispatched', unsatisfiedCount: round });
    }
    await reply('第3次答复');
    expect(await unsatisfied(1)).toEqual({ state: 'in_progress', unsatisfiedCount: 3 });
    const after = await view(c.id);
    expect(after.assigneeId).toBe(await userId('manager'));
    const moves = after.timeline
      .filter((e: any) => e.type === 'transitioned')
      .map((e: any) => [e.data.transition, e.data.automatic ?? false]);
    expect(moves).toEqual([
      ['auto-responded', true],
      ['auto-unsatisfied-redispatch', true],
      ['auto-responded', true],
      ['auto-unsatisfied-redispatch', true],
      ['auto-responded', true],
      ['auto-unsatisfied-manager', true],
    ]);
    // The escalation rules still react to each unsatisfied follow-up (through the event the complaint module raises).
    const escalated = after.timeline
      .filter((e: any) => e.type === 'escalation' && e.data.trigger === 'unsatisfied')
      .map((e: any) => e.data.ruleKey);
    expect(new Set(escalated)).toEqual(new Set(['esc-unsatisfied-first', 'esc-unsatisfied-second']));
    // Each unsatisfied follow-up started a new round of deadlines (the restart_clocks action).
    expect(Math.max(...after.clocks.map((k: any) => k.round))).toBe(4);
  });

  it('records the dispatch on assignment of a reopened complaint as a transition', async () => {
    const c = await submit(t, agent, { channel: 'web', type: 'environment', text: '网点门口长期积水。', form: { outlet: 'sh_xuhui' } });
    await t.gqlOk('mutation($id: ID!) { closeComplaint(id: $id, reason: "已转物业处理") { state } }', { id: c.id }, manager);
    expect((await t.gqlOk<any>(MOVE, { id: c.id, to: 'reopened', c: '客户再次反映' }, agent)).transition.state).toBe('reopened');
    const assigned = await t.gqlOk<any>(
      'mutation($i: AssignInput!) { assignComplaint(input: $i) { state reopenCount } }',
      {
        i: { complaintId: c.id, department: 'customer_service', reason: '改由客服跟进' },
      },
      manager,
    );
    expect(assigned.assignComplaint).toEqual({ state: 'dispatched', reopenCount: 1 });
    const moves = (await view(c.id)).timeline.filter((e: any) => e.type === 'transitioned').map((e: any) => e.data);
    expect(moves.map((m: any) => `${m.from}>${m.to}:${m.transition}`)).toEqual([
      'dispatched>closed:close',
      'closed>reopened:reopen',
      'reopened>dispatched:auto-dispatch',
    ]);
    expect(moves[2]).toMatchObject({ automatic: true, trigger: 'assigned' });
  });
});
