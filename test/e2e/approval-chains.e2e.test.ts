import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { ManualClock } from '../../apps/api/src/common/clock';
import { submit } from '../support/complaints';

// Wednesday 25 Nov 2026, 10:00 in Shanghai: a working day.
const START = new Date('2026-11-25T02:00:00Z');
const PASSWORD = 'Lotus-river-2026!';
const UPSERT_CHAIN = 'mutation($i: ApprovalChainInput!) { upsertApprovalChain(input: $i) { key } }';
const VALIDATE = '{ validatePolicyDraft { valid problems { path code message } } }';
const PUBLISH = 'mutation($n: String) { publishPolicy(note: $n) { version status } }';
const APPROVE =
  'mutation($id: ID!, $c: String) { approveComplaintReply(id: $id, comment: $c) { state approvalStatus pendingReply replies { approvedBy } } }';
const REJECT = 'mutation($id: ID!, $c: String) { rejectComplaintReply(id: $id, comment: $c) { state approvalStatus pendingReply } }';
const SIGN_POLICY = 'mutation($v: Int!, $n: String) { approvePolicyVersion(version: $v, note: $n) { version status approval } }';

/**
 * The jewelry manual's signature chain (store manager → region → quality for a large compensation) and a bank's
 * four signatures on a policy change, as policy data, on both databases (issue 18).
 */
describe.each(testDatabases())('approval chains on %s', (db) => {
  let t: TestApp;
  let agent: string;
  let handler: string;
  let admin: string;
  let manager: string;
  const signer: Record<string, { token: string; id: string }> = {};

  beforeAll(async () => {
    t = await createTestApp({ db, clock: new ManualClock(START) });
    await t.seedDemo();
    [agent, handler, admin, manager] = await Promise.all(
      ['agent', 'handler', 'admin', 'manager'].map((who) => t.login(`${who}@demo.local`)),
    );
    // 门店店长 (customer service), 区域经理 (operations), 品质部 (quality): managers of their departments.
    for (const [who, departmentId] of [
      ['store', 'customer_service'],
      ['region', 'operations'],
      ['quality', 'quality'],
    ] as const) {
      const created = await t.gqlOk<any>(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        {
          i: { email: `${who}@demo.local`, displayName: who, role: 'manager', password: PASSWORD, departmentId },
        },
        admin,
      );
      signer[who] = { id: created.createUser.id, token: await t.login(`${who}@demo.local`, PASSWORD) };
    }
  });
  afterAll(() => t?.close());

  const step = (key: string, zh: string, department: string) => ({ key, name: { zh }, approvers: [{ role: 'manager', department }] });

  it('refuses a chain whose step names nobody, at publish, with the path', async () => {
    await t.gqlOk(
      UPSERT_CHAIN,
      {
        i: {
          key: 'nobody',
          name: { zh: '无人审批' },
          subject: 'reply',
          steps: [{ key: 'empty', name: { zh: '空' }, approvers: [] }, step('finance', '财务经理', 'finance')],
        },
      },
      admin,
    );
    const problems = (await t.gqlOk<any>(VALIDATE, {}, admin)).validatePolicyDraft.problems.map((p: any) => `${p.path} ${p.code}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'approvalChains[nobody].steps[empty].approvers NO_APPROVER',
        'approvalChains[nobody].steps[finance] NO_SIGNER',
      ]),
    );
    expect((await t.gql(PUBLISH, {}, admin)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await t.gqlOk('mutation { deleteApprovalChain(key: "nobody") }', {}, admin);
  });

  it('has a large compensation signed by the store manager, the region and quality in order; a rejection returns it one step', async () => {
    await t.gqlOk(
      UPSERT_CHAIN,
      {
        i: {
          key: 'large-compensation',
          name: { zh: '大额赔偿会签', en: 'Large compensation sign-off' },
          subject: 'reply',
          when: { '>=': [{ var: 'complaint.form.compensation_amount' }, 5000] },
          steps: [
            step('store', '门店店长', 'customer_service'),
            step('region', '区域经理', 'operations'),
            step('quality', '品质部', 'quality'),
          ],
        },
      },
      admin,
    );
    await t.gqlOk(PUBLISH, { n: '大额赔偿会签' }, admin);
    const c = await submit(t, agent, {
      channel: 'visit',
      type: 'service.attitude',
      text: '项链在柜台试戴时断裂，店员推卸责任，要求赔偿。',
      form: { outlet: 'bj_chaoyang', expected_remedy: 'compensation', compensation_amount: 6800 },
    });
    const proposed = await t.gqlOk<any>(
      'mutation($i: ReplyInput!) { replyToComplaint(input: $i) { state approvalStatus pendingReply } }',
      {
        i: { complaintId: c.id, body: '经核实，同意按购买价赔偿6800元。', solution: '赔偿' },
      },
      handler,
    );
    expect(proposed.replyToComplaint).toMatchObject({ state: 'awaiting_approval', approvalStatus: 'pending' });
    expect(proposed.replyToComplaint.pendingReply.approval).toEqual({ chain: 'large-compensation', step: 0, signatures: [] });

    // Out of order: quality may not sign before the store manager.
    const early = await t.gql(APPROVE, { id: c.id }, signer.quality.token);
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_AN_APPROVER' });
    let now = (await t.gqlOk<any>(APPROVE, { id: c.id, c: '同意' }, signer.store.token)).approveComplaintReply;
    expect(now).toMatchObject({ state: 'awaiting_approval', approvalStatus: 'pending' });
    expect(now.pendingReply.approval.step).toBe(1);
    // The region sends it back to the store manager with a reason; the store's signature is withdrawn.
    expect((await t.gql(REJECT, { id: c.id }, signer.region.token)).errors?.[0].extensions?.reason).toBe('REJECTION_REASON_REQUIRED');
    now = (await t.gqlOk<any>(REJECT, { id: c.id, c: '请先核实购买凭证' }, signer.region.token)).rejectComplaintReply;
    expect(now).toMatchObject({ state: 'awaiting_approval', approvalStatus: 'pending' });
    expect(now.pendingReply.approval).toEqual({ chain: 'large-compensation', step: 0, signatures: [] });

    await t.gqlOk(APPROVE, { id: c.id, c: '凭证已核实' }, signer.store.token);
    await t.gqlOk(APPROVE, { id: c.id }, signer.region.token);
    const done = (await t.gqlOk<any>(APPROVE, { id: c.id, c: '质检确认断裂属实' }, signer.quality.token)).approveComplaintReply;
    expect(done).toMatchObject({ state: 'responded', approvalStatus: 'approved', pendingReply: null });
    expect(done.replies[0].approvedBy).toBe(signer.quality.id);
    const timeline = (await t.gqlOk<any>('query($id: ID!) { complaint(id: $id) { timeline { type data } } }', { id: c.id }, manager))
      .complaint.timeline;
    expect(timeline.map((e: any) => e.type).filter((type: string) => type.startsWith('approval.'))).toEqual([
      'approval.signed',
      'approval.returned',
      'approval.signed',
      'approval.signed',
      'approval.approved',
    ]);

    // A small compensation is not held: the chain's condition does not hold and the severity needs no approval.
    const small = await submit(t, agent, {
      channel: 'visit',
      type: 'service.attitude',
      text: '店员态度冷淡。',
      form: { outlet: 'bj_chaoyang', compensation_amount: 200 },
    });
    const sent = await t.gqlOk<any>(
      'mutation($i: ReplyInput!) { replyToComplaint(input: $i) { state } }',
      { i: { complaintId: small.id, body: '已致歉。' } },
      handler,
    );
    expect(sent.replyToComplaint.state).toBe('responded');
  });

  it('has a regulator deadline extension signed by compliance, then the region, even when a manager asks', async () => {
    await t.gqlOk(
      UPSERT_CHAIN,
      {
        i: {
          key: 'regulator-extension',
          name: { zh: '监管时限延期会签' },
          subject: 'extension',
          when: { '==': [{ var: 'complaint.channel' }, 'regulator'] },
          steps: [step('store', '一线经理', 'customer_service'), step('region', '区域经理', 'operations')],
        },
      },
      admin,
    );
    await t.gqlOk(PUBLISH, { n: '延期会签' }, admin);
    const c = await submit(t, agent, { channel: 'regulator', type: 'billing', text: '监管转办：年费多收。', form: { amount: 300 } });
    const EXTEND =
      'mutation($id: ID!) { extendDeadline(complaintId: $id, target: "regulatory_answer", reason: "需调取三年交易流水") { status request { id status } clock { extensions { stage } } } }';
    const SIGN =
      'mutation($id: ID!) { approveDeadlineExtension(requestId: $id) { status request { status } clock { extensions { stage } } } }';
    // The manager role alone no longer extends at once: the chain applies.
    const requested = (await t.gqlOk<any>(EXTEND, { id: c.id }, manager)).extendDeadline;
    expect(requested).toMatchObject({ status: 'requested', request: { status: 'requested' }, clock: { extensions: [] } });
    expect((await t.gql(SIGN, { id: requested.request.id }, manager)).errors?.[0].extensions?.reason).toBe('SELF_APPROVAL');
    expect((await t.gql(SIGN, { id: requested.request.id }, signer.region.token)).errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_APPROVER',
    });
    const first = (await t.gqlOk<any>(SIGN, { id: requested.request.id }, signer.store.token)).approveDeadlineExtension;
    expect(first).toMatchObject({ status: 'requested', request: { status: 'requested' }, clock: { extensions: [] } });
    const done = (await t.gqlOk<any>(SIGN, { id: requested.request.id }, signer.region.token)).approveDeadlineExtension;
    expect(done).toMatchObject({ status: 'extended', request: { status: 'approved' }, clock: { extensions: [{ stage: 1 }] } });
    await t.gqlOk('mutation { deleteApprovalChain(key: "regulator-extension") }', {}, admin);
  });

  it('holds a manager’s closure of a large claim for the chain; the last signature closes it', async () => {
    await t.gqlOk(
      UPSERT_CHAIN,
      {
        i: {
          key: 'closure-large-claim',
          name: { zh: '大额索赔结案会签' },
          subject: 'closure',
          when: { '>=': [{ var: 'complaint.form.compensation_amount' }, 5000] },
          steps: [step('quality', '品质部', 'quality'), step('region', '区域经理', 'operations')],
        },
      },
      admin,
    );
    await t.gqlOk(PUBLISH, { n: '结案会签' }, admin);
    const c = await submit(t, agent, {
      channel: 'visit',
      type: 'service.attitude',
      text: '要求赔偿一万元。',
      form: { outlet: 'bj_chaoyang', expected_remedy: 'compensation', compensation_amount: 10000 },
    });
    const CLOSE =
      'mutation($id: ID!) { transition(id: $id, to: "closed", comment: "客户诉求超出承诺，经多次沟通结案") { state pendingClosure } }';
    const SIGN = 'mutation($id: ID!, $c: String) { approveComplaintClosure(id: $id, comment: $c) { state pendingClosure closedAt } }';
    const held = (await t.gqlOk<any>(CLOSE, { id: c.id }, manager)).transition;
    expect(held.state).toBe('dispatched');
    expect(held.pendingClosure).toMatchObject({
      to: 'closed',
      transition: 'close',
      approval: { chain: 'closure-large-claim', step: 0, signatures: [] },
    });
    expect((await t.gql(CLOSE, { id: c.id }, manager)).errors?.[0].extensions?.reason).toBe('CLOSURE_PENDING');
    expect((await t.gql(SIGN, { id: c.id }, manager)).errors?.[0].extensions?.reason).toBe('SELF_APPROVAL');
    expect((await t.gql(SIGN, { id: c.id }, signer.region.token)).errors?.[0].extensions?.reason).toBe('NOT_AN_APPROVER');
    expect((await t.gqlOk<any>(SIGN, { id: c.id }, signer.quality.token)).approveComplaintClosure.state).toBe('dispatched');
    const closed = (await t.gqlOk<any>(SIGN, { id: c.id, c: '同意结案' }, signer.region.token)).approveComplaintClosure;
    expect(closed).toMatchObject({ state: 'closed', pendingClosure: null });
    expect(closed.closedAt).toBeTruthy();
    const types = (await t.gqlOk<any>('query($id: ID!) { complaint(id: $id) { timeline { type data } } }', { id: c.id }, manager)).complaint
      .timeline;
    expect(types.map((e: any) => e.type).filter((x: string) => x.startsWith('closure.') || x === 'transitioned')).toEqual([
      'closure.proposed',
      'closure.signed',
      'closure.approved',
      'transitioned',
    ]);
    // A small claim closes at once: the chain's condition does not hold.
    const small = await submit(t, agent, {
      channel: 'visit',
      type: 'service.attitude',
      text: '态度一般。',
      form: { outlet: 'bj_chaoyang', expected_remedy: 'compensation', compensation_amount: 100 },
    });
    expect((await t.gqlOk<any>(CLOSE, { id: small.id }, manager)).transition.state).toBe('closed');
  });

  it('publishes a policy version only on four signatures of the chain in force; the author never signs', async () => {
    await t.gqlOk(
      UPSERT_CHAIN,
      {
        i: {
          key: 'four-eyes-board',
          name: { zh: '制度变更四人会签' },
          subject: 'policy',
          steps: [{ key: 'board', name: { zh: '会签' }, approvers: [{ role: 'admin' }, { role: 'manager' }], signatures: 4 }],
        },
      },
      admin,
    );
    // The chain is not in force yet: this version is published at once.
    expect((await t.gqlOk<any>(PUBLISH, { n: '引入四人会签' }, admin)).publishPolicy.status).toBe('published');
    await t.gqlOk(
      'mutation($i: ChannelInput!) { upsertChannel(input: $i) { key } }',
      { i: { key: 'wechat_work', name: { zh: '企业微信' } } },
      admin,
    );
    const pending = (await t.gqlOk<any>(PUBLISH, { n: '新增企业微信渠道' }, admin)).publishPolicy;
    expect(pending.status).toBe('pending_approval');
    const current = () => t.gqlOk<any>('{ currentPolicyVersion { version } }', {}, admin).then((r) => r.currentPolicyVersion.version);
    expect(await current()).toBe(pending.version - 1);

    expect((await t.gql(SIGN_POLICY, { v: pending.version }, admin)).errors?.[0].extensions?.reason).toBe('SELF_APPROVAL');
    const signers = [manager, signer.store.token, signer.region.token, signer.quality.token];
    for (const [index, token] of signers.entries()) {
      const signed = (await t.gqlOk<any>(SIGN_POLICY, { v: pending.version, n: `第${index + 1}签` }, token)).approvePolicyVersion;
      expect(signed.approval.signatures).toHaveLength(index + 1);
      expect(signed.status).toBe(index < 3 ? 'pending_approval' : 'published');
      if (index === 0)
        expect((await t.gql(SIGN_POLICY, { v: pending.version }, token)).errors?.[0].extensions?.reason).toBe('ALREADY_SIGNED');
      expect(await current()).toBe(index < 3 ? pending.version - 1 : pending.version);
    }
    const audit = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE entity = 'policyVersion' AND entity_key = '${pending.version}' `,
    );
    expect(audit.map((r: { action: string }) => r.action).sort()).toEqual(['approve', 'publish', 'sign', 'sign', 'sign']);
  });
});
