import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { ManualClock } from '../../apps/api/src/common/clock';
import { SUBMIT, complainant, submit } from '../support/complaints';
import { PolicyService } from '../../apps/api/src/modules/policy/policy.service';

// Wednesday 25 Nov 2026, 10:00 in Shanghai: a working day.
const START = new Date('2026-11-25T02:00:00Z');

describe.each(testDatabases())('complaint life cycle on %s', (db) => {
  let t: TestApp;
  let agent: string;
  let handler: string;
  let manager: string;
  let admin: string;
  let analyst: string;

  beforeAll(async () => {
    t = await createTestApp({ db, clock: new ManualClock(START) });
    await t.seedDemo();
    [agent, handler, manager, admin, analyst] = await Promise.all(
      ['agent', 'handler', 'manager', 'admin', 'analyst'].map((who) => t.login(`${who}@demo.local`)),
    );
  });
  afterAll(() => t?.close());

  const act = (token: string, query: string, variables: Record<string, unknown>) => t.gqlOk<any>(query, variables, token);

  it('takes a phone complaint, decides and explains, and walks it to closure', async () => {
    const c = await submit(t, agent, {
      channel: 'phone',
      type: 'service.attitude',
      text: '营业厅工作人员态度恶劣，不耐烦地打断我说话。',
      form: { staff_name: '小王', outlet: 'bj_chaoyang', expected_remedy: 'apology' },
      idempotencyKey: 'call-0001',
    });
    expect(c.number).toMatch(/^2611-\d{4}$/);
    expect(c).toMatchObject({
      state: 'dispatched',
      severity: 'normal',
      department: 'customer_service',
      valid: true,
      slaPolicy: 'standard',
      typePath: 'service/attitude',
    });
    expect(c.assigneeId).toBeTruthy();
    const why = Object.fromEntries(c.decisions.map((d: any) => [d.kind, d]));
    expect(why.severity).toMatchObject({ outcome: 'normal', rowKey: 'sev-default', ruleSet: 'severity', policyVersion: 1 });
    expect(why.routing).toMatchObject({ rowKey: 'route-service', outcome: { department: 'customer_service' } });
    expect(why.routing.explanation).toBeTruthy();

    await act(handler, 'mutation($id: ID!) { transition(id: $id, to: "in_progress") { state } }', { id: c.id });
    const replied = await act(handler, 'mutation($i: ReplyInput!) { replyToComplaint(input: $i) { state replies { body subject } } }', {
      i: {
        complaintId: c.id,
        templateKey: 'reply_letter',
        solution: '已对当事员工进行批评教育并安排服务规范培训',
        rootCause: '员工服务意识不足',
      },
    });
    expect(replied.replyToComplaint.state).toBe('responded');
    expect(replied.replyToComplaint.replies[0].subject).toBe(`关于投诉 ${c.number} 的答复函`);
    expect(replied.replyToComplaint.replies[0].body).toContain('尊敬的张三');
    expect(replied.replyToComplaint.replies[0].body).toContain('员工服务意识不足');

    const closed = await act(
      agent,
      'mutation($i: FollowUpInput!) { recordFollowUp(input: $i) { state satisfaction satisfactionScore closedAt } }',
      {
        i: { complaintId: c.id, satisfied: true, score: 5, comment: '满意' },
      },
    );
    expect(closed.recordFollowUp).toMatchObject({ state: 'closed', satisfaction: 'satisfied', satisfactionScore: 5 });

    const timeline = await act(manager, `query($id: ID!) { complaint(id: $id) { timeline { seq type actorRole } } }`, { id: c.id });
    const types = timeline.complaint.timeline.map((e: any) => e.type);
    expect(types.slice(0, 5)).toEqual(['received', 'decision.validity', 'decision.severity', 'decision.routing', 'decision.sla']);
    expect(types).toEqual(expect.arrayContaining(['transitioned', 'replied', 'followed_up']));
    const seqs = timeline.complaint.timeline.map((e: any) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => a - b));
  });

  it('lets front-line roles read the published policy their intake forms follow, but not drafts', async () => {
    const published = await act(agent, '{ currentPolicyVersion { version documentJson } }', {});
    expect(published.currentPolicyVersion.documentJson.complaintTypes.map((x: any) => x.key)).toContain('service.attitude');
    const draft = await t.gql('{ draftPolicyJson }', {}, agent);
    expect(draft.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('closes an invalid complaint with its reason and never deletes it', async () => {
    const c = await submit(t, agent, { channel: 'web', type: 'suggestion', text: '建议营业厅增加座椅。' });
    expect(c).toMatchObject({ valid: false, invalidReason: 'is_suggestion', state: 'invalid_closed', department: null });
    const found = await act(admin, 'query($n: String!) { complaintByNumber(number: $n) { id state invalidReason } }', { n: c.number });
    expect(found.complaintByNumber).toMatchObject({ id: c.id, state: 'invalid_closed' });
  });

  it('holds a major complaint’s reply for a manager’s approval', async () => {
    const c = await submit(t, agent, {
      channel: 'regulator',
      type: 'billing',
      text: '银保监转办：客户反映被重复扣费。',
      form: { amount: 388.5, expected_remedy: 'refund' },
    });
    expect(c).toMatchObject({ severity: 'major', department: 'compliance', slaPolicy: 'regulatory' });
    await act(admin, 'mutation($i: AssignInput!) { assignComplaint(input: $i) { assigneeId } }', {
      i: { complaintId: c.id, assigneeId: await userId('handler'), reason: '指定处理人' },
    });
    await act(handler, 'mutation($id: ID!) { transition(id: $id, to: "in_progress") { state } }', { id: c.id });
    const proposed = await act(handler, 'mutation($i: ReplyInput!) { replyToComplaint(input: $i) { state approvalStatus pendingReply } }', {
      i: { complaintId: c.id, body: '经核实系系统重复扣费，已全额退还 388.5 元。' },
    });
    expect(proposed.replyToComplaint).toMatchObject({ state: 'awaiting_approval', approvalStatus: 'pending' });
    const forbidden = await t.gql('mutation($id: ID!) { approveComplaintReply(id: $id) { state } }', { id: c.id }, handler);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const approved = await act(
      manager,
      'mutation($id: ID!) { approveComplaintReply(id: $id, comment: "同意") { state approvalStatus replies { approvedBy } } }',
      { id: c.id },
    );
    expect(approved.approveComplaintReply.state).toBe('responded');
    expect(approved.approveComplaintReply.replies[0].approvedBy).toBeTruthy();
  });

  it('re-dispatches on the first unsatisfied follow-up and hands to the manager on the second', async () => {
    const c = await submit(t, agent, {
      channel: 'phone',
      type: 'service.efficiency',
      text: '排队一个多小时无人处理。',
      form: { order_no: 'SO-2026-1101' },
    });
    const reply = (body: string) =>
      act(handler, 'mutation($i: ReplyInput!) { replyToComplaint(input: $i) { state } }', { i: { complaintId: c.id, body } });
    const followUp = (score: number) =>
      act(agent, 'mutation($i: FollowUpInput!) { recordFollowUp(input: $i) { state assigneeId unsatisfiedCount } }', {
        i: { complaintId: c.id, satisfied: false, score },
      });
    await reply('已向门店反馈并增加窗口。');
    const first = await followUp(2);
    expect(first.recordFollowUp).toMatchObject({ state: 'dispatched', unsatisfiedCount: 1 });
    await reply('已增派人员并提供优先办理。');
    const second = await followUp(1);
    expect(second.recordFollowUp).toMatchObject({ state: 'in_progress', unsatisfiedCount: 2, assigneeId: await userId('manager') });
    // Closing without satisfaction is a manager's decision with a reason.
    const denied = await t.gql('mutation($id: ID!) { closeComplaint(id: $id, reason: "x") { state } }', { id: c.id }, handler);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const closed = await act(
      manager,
      'mutation($id: ID!) { closeComplaint(id: $id, reason: "已多次沟通，客户诉求超出服务承诺") { state } }',
      { id: c.id },
    );
    expect(closed.closeComplaint.state).toBe('closed');
    const reopened = await act(
      agent,
      'mutation($id: ID!) { transition(id: $id, to: "reopened", comment: "客户再次来电") { state reopenCount } }',
      { id: c.id },
    );
    expect(reopened.transition).toMatchObject({ state: 'reopened', reopenCount: 1 });
    const illegal = await t.gql('mutation($id: ID!) { transition(id: $id, to: "responded") { state } }', { id: c.id }, handler);
    expect(illegal.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', field: 'to' });
  });

  it('returns the same complaint for a retried idempotency key, also when retries race', async () => {
    const input = {
      channel: 'app',
      type: 'environment',
      text: '网点卫生间长期无法使用。',
      form: { outlet: 'sh_xuhui' },
      idempotencyKey: 'app-retry-42',
      complainant: complainant('李四'),
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => t.gqlOk<any>(SUBMIT, { input }, agent)));
    const ids = new Set(results.map((r) => r.submitComplaint.id));
    expect(ids.size).toBe(1);
    const again = await t.gqlOk<any>(SUBMIT, { input }, agent);
    expect(again.submitComplaint.id).toBe([...ids][0]);
    const listed = await act(admin, 'query { complaints(filter: { text: "卫生间" }) { totalCount } }', {});
    expect(listed.complaints.totalCount).toBe(1);
  });

  it('gives 50 concurrent submissions 50 distinct consecutive numbers', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.gqlOk<any>(
          SUBMIT,
          {
            input: {
              channel: 'web',
              type: 'service.efficiency',
              text: `并发提交测试 ${i}：网上办理流程卡顿。`,
              complainant: complainant(`客户${i}`),
            },
          },
          agent,
        ),
      ),
    );
    const serials = results.map((r) => Number(r.submitComplaint.number.split('-')[1])).sort((a, b) => a - b);
    expect(new Set(serials).size).toBe(50);
    expect(serials[49] - serials[0]).toBe(49);
  });

  it('reports every form problem at once with field paths', async () => {
    const result = await t.gql(
      SUBMIT,
      {
        input: {
          channel: 'phone',
          type: 'billing',
          text: '收费有误',
          complainant: complainant(),
          form: { id_number: '123', colour: 'red' },
        },
      },
      agent,
    );
    const ext = result.errors?.[0].extensions;
    expect(ext).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FORM_INVALID' });
    expect(ext?.problems.map((p: any) => p.field).sort()).toEqual(
      ['input.form.amount', 'input.form.colour', 'input.form.id_number'].sort(),
    );
    const unknownType = await t.gql(SUBMIT, { input: { channel: 'phone', type: 'nope', text: 'x', complainant: complainant() } }, agent);
    expect(unknownType.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.type' });
  });

  it('keeps personal data encrypted at rest and masked for analysts', async () => {
    const person = { name: '王小明', phone: '13812345678', email: 'wxm@example.com', idNumber: '11010519491231002X' };
    const c = await t.gqlOk<any>(
      SUBMIT,
      {
        input: {
          channel: 'phone',
          type: 'billing',
          text: '账单金额不对',
          complainant: person,
          form: { amount: 12, id_number: '11010519491231002X' },
        },
      },
      agent,
    );
    const raw = JSON.stringify([
      await t.dataSource.query('SELECT * FROM customer'),
      await t.dataSource.query('SELECT * FROM complaint'),
      await t.dataSource.query('SELECT * FROM complaint_event'),
      await t.dataSource.query('SELECT * FROM outbox_message'),
    ]);
    for (const secret of ['王小明', '13812345678', 'wxm@example.com', '11010519491231002X']) expect(raw).not.toContain(secret);
    const forAgent = await act(agent, 'query($id: ID!) { complaint(id: $id) { complainant { name phone idNumber masked } form } }', {
      id: c.submitComplaint.id,
    });
    expect(forAgent.complaint.complainant).toEqual({ name: '王小明', phone: '13812345678', idNumber: '11010519491231002X', masked: false });
    const forAnalyst = await act(analyst, 'query($id: ID!) { complaint(id: $id) { complainant { name phone idNumber masked } form } }', {
      id: c.submitComplaint.id,
    });
    expect(forAnalyst.complaint.complainant).toEqual({ name: '王**', phone: '138****5678', idNumber: '1101**********002X', masked: true });
    expect(JSON.stringify(forAnalyst.complaint.form)).not.toContain('11010519491231002X');
  });

  it('filters and orders the work queue', async () => {
    const queue = await act(handler, `query { myQueue(first: 100) { totalCount edges { node { number state resolutionDueAt } } } }`, {});
    const due = queue.myQueue.edges.map((e: any) => e.node.resolutionDueAt).filter(Boolean);
    expect(due).toEqual([...due].sort());
    expect(queue.myQueue.edges.every((e: any) => !['closed', 'invalid_closed'].includes(e.node.state))).toBe(true);
    const subtree = await act(
      admin,
      'query { complaints(filter: { type: "service" }, first: 200) { totalCount edges { node { type } } } }',
      {},
    );
    expect(subtree.complaints.totalCount).toBeGreaterThan(50);
    expect(subtree.complaints.edges.every((e: any) => e.node.type.startsWith('service'))).toBe(true);
    const page1 = await act(admin, 'query { complaints(first: 10) { pageInfo { hasNextPage endCursor } edges { node { id } } } }', {});
    const page2 = await act(admin, 'query($a: String) { complaints(first: 10, after: $a) { edges { node { id } } } }', {
      a: page1.complaints.pageInfo.endCursor,
    });
    expect(page1.complaints.pageInfo.hasNextPage).toBe(true);
    const overlap = page2.complaints.edges.filter((e: any) => page1.complaints.edges.some((f: any) => f.node.id === e.node.id));
    expect(overlap).toEqual([]);
  });

  it('keeps a complaint’s pinned deadlines when a new policy version is published', async () => {
    const before = await submit(t, agent, { channel: 'phone', type: 'service.efficiency', text: '办理业务等待时间过长。' });
    const clocks = (id: string) =>
      act(manager, 'query($id: ID!) { slaClocks(complaintId: $id) { target dueAt policyVersion } }', { id }).then((r) => r.slaClocks);
    const pinned = await clocks(before.id);
    const resolutionBefore = pinned.find((c: any) => c.target === 'resolution');
    expect(resolutionBefore).toBeTruthy();
    // The next version gives standard complaints 10 working days instead of 3.
    const policies = t.app.get(PolicyService);
    const me = await act(admin, '{ me { tenant { id } } }', {});
    const tenantId = me.me.tenant.id;
    const current = (await policies.getCurrent(tenantId))!;
    const doc = structuredClone(current.document);
    const standard = doc.slaPolicies.find((p) => p.key === 'standard')!;
    standard.targets = standard.targets.map((target) =>
      target.key === 'resolution' ? { ...target, duration: { amount: 10, kind: 'working_days' } } : target,
    );
    const published = await policies.publishDocument(tenantId, doc, undefined, '标准时限改为10个工作日');
    expect(published.version).toBeGreaterThan(current.version);

    const after = await submit(t, agent, { channel: 'phone', type: 'service.efficiency', text: '再次反映办理等待时间过长。' });
    expect(after.policyVersion).toBe(published.version);
    const pinnedAgain = await clocks(before.id);
    expect(pinnedAgain.find((c: any) => c.target === 'resolution')).toEqual(resolutionBefore);
    expect(resolutionBefore.policyVersion).toBe(current.version);
    const fresh = (await clocks(after.id)).find((c: any) => c.target === 'resolution');
    expect(new Date(fresh.dueAt).getTime()).toBeGreaterThan(new Date(resolutionBefore.dueAt).getTime() + 5 * 86_400_000);
    const complaintAfter = await act(manager, 'query($id: ID!) { complaint(id: $id) { policyVersion resolutionDueAt } }', {
      id: before.id,
    });
    expect(complaintAfter.complaint).toEqual({ policyVersion: current.version, resolutionDueAt: resolutionBefore.dueAt });
  });

  async function userId(who: string): Promise<string> {
    const me = await t.gqlOk<any>('{ me { id } }', {}, await t.login(`${who}@demo.local`));
    return me.me.id;
  }
});
