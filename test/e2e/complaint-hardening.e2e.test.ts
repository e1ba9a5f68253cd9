import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { ManualClock } from '../../apps/api/src/common/clock';
import { SUBMIT, complainant, submit } from '../support/complaints';
import { Complaint } from '../../apps/api/src/modules/complaint/complaint.entity';
import { OutboxMessage } from '../../apps/api/src/modules/outbox/outbox.entity';
import { SlaScheduler } from '../../apps/api/src/modules/sla/sla.scheduler';
import { TenantService } from '../../apps/api/src/modules/tenant/tenant.service';
import { AuthService } from '../../apps/api/src/modules/auth/auth.service';
import { Role } from '../../apps/api/src/common/auth/roles';

// The SLA scheduler is driven by hand (tick) with the manual clock.
process.env.REDRESS_WORKERS = '0';

/** Monday 2025-03-03 10:00 in Shanghai: an ordinary working morning (no holidays that week). */
const MONDAY_10 = '2025-03-03T02:00:00.000Z';
const TUESDAY_10 = '2025-03-04T02:00:00.000Z';
const DAY = 86_400_000;

const CLOCKS = 'query($id: ID!) { slaClocks(complaintId: $id) { target round state status startedAt dueAt } }';
const COMPLAINT = 'query($id: ID!) { complaint(id: $id) { state slaStatus resolutionDueAt predictedCause timeline { type data } } }';
const REPLY = 'mutation($i: ReplyInput!) { replyToComplaint(input: $i) { state } }';
const FOLLOW_UP = 'mutation($i: FollowUpInput!) { recordFollowUp(input: $i) { state unsatisfiedCount } }';
const TASK = 'mutation($i: TaskInput!) { createComplaintTask(input: $i) { id assigneeId } }';

/** Confirmed examples for a small cause classifier: network faults and billing disputes. */
const NETWORK = [
  '家里宽带经常断网，晚上根本上不了网。',
  '手机信号很差，在家里打电话总是掉线。',
  '光纤网络速度特别慢，看视频一直卡顿。',
  '小区网络故障三天了还没有修好。',
  '路由器灯一直闪红，宽带无法连接。',
  '移动网络时断时续，无法正常使用流量。',
];
const BILLING = [
  '账单里多扣了一笔不明费用，要求退款。',
  '没有开通增值业务却被收取月费。',
  '套餐资费和宣传的不一致，多收了钱。',
  '已经办理销户还在继续扣费。',
  '话费账单金额异常，比平时高出很多。',
  '被重复扣费两次，至今没有退还。',
];

describe.each(testDatabases())('complaint hardening on %s', (db) => {
  let t: TestApp;
  let agent: string;
  let handler: string;
  let manager: string;
  let analyst: string;

  beforeAll(async () => {
    t = await createTestApp({ db, clock: new ManualClock(new Date(MONDAY_10)) });
    await t.seedDemo();
    [agent, handler, manager, analyst] = await Promise.all(
      ['agent', 'handler', 'manager', 'analyst'].map((who) => t.login(`${who}@demo.local`)),
    );
  }, 60_000);
  afterAll(() => t?.close());

  const clocks = async (id: string) =>
    (await t.gqlOk<any>(CLOCKS, { id }, manager)).slaClocks as {
      target: string;
      round: number;
      state: string;
      status: string;
      startedAt: string;
      dueAt: string;
    }[];
  const view = async (id: string) => (await t.gqlOk<any>(COMPLAINT, { id }, manager)).complaint;
  const tick = () => t.app.get(SlaScheduler).tick();
  const count = () => t.dataSource.getRepository(Complaint).count();

  it('restarts the deadlines when an unsatisfied follow-up sends the complaint back, so it can be overdue again (issue 12 #6)', async () => {
    t.clock.set(MONDAY_10);
    const c = await submit(t, agent, { channel: 'phone', type: 'service.efficiency', text: '排队一个多小时无人处理，窗口只开了一个。' });
    expect(c).toMatchObject({ state: 'dispatched', slaPolicy: 'standard' });
    await t.gqlOk(REPLY, { i: { complaintId: c.id, body: '已向门店反馈并增加窗口。' } }, handler);
    expect((await view(c.id)).slaStatus).toBe('on_time'); // the follow-up clock runs

    t.clock.set(TUESDAY_10);
    expect((await t.gqlOk<any>(FOLLOW_UP, { i: { complaintId: c.id, satisfied: false, score: 2 } }, agent)).recordFollowUp).toMatchObject({
      state: 'dispatched',
      unsatisfiedCount: 1,
    });
    // 3 working days from Tuesday 10:00 is Friday 18:00 in Shanghai.
    let complaint = await view(c.id);
    expect(complaint).toMatchObject({ state: 'dispatched', slaStatus: 'on_time', resolutionDueAt: '2025-03-07T10:00:00.000Z' });
    const all = await clocks(c.id);
    // Round 1 stays as it ended (history, KPIs): resolution met at the reply, the follow-up met at the follow-up.
    expect(
      all
        .filter((k) => k.round === 1 && ['resolution', 'follow_up'].includes(k.target))
        .map((k) => [k.target, k.state])
        .sort(),
    ).toEqual([
      ['follow_up', 'met'],
      ['resolution', 'met'],
    ]);
    // Round 2 starts from the follow-up.
    const resolution = all.find((k) => k.round === 2 && k.target === 'resolution');
    expect(resolution).toMatchObject({ state: 'running', status: 'on_time', startedAt: TUESDAY_10, dueAt: '2025-03-07T10:00:00.000Z' });
    expect(all.find((k) => k.round === 2 && k.target === 'first_response')).toMatchObject({ state: 'running' });
    const started = complaint.timeline.filter((e: any) => e.type === 'sla.round_started');
    expect(started).toHaveLength(1);
    expect(started[0].data).toMatchObject({ round: 2, reason: expect.stringContaining('unsatisfied'), slaPolicy: 'standard' });
    expect(started[0].data.clocks).toContainEqual(expect.objectContaining({ target: 'resolution', dueAt: '2025-03-07T10:00:00.000Z' }));

    // Nobody handles it: past Friday 18:00 it is overdue again, and the manager hears about it again.
    t.clock.set(new Date(Date.parse(resolution!.dueAt) + 2_000));
    for (let i = 0; i < 3; i++) await tick();
    complaint = await view(c.id);
    expect(complaint.slaStatus).toBe('breached');
    expect(
      complaint.timeline.filter((e: any) => e.type === 'sla.breached' && e.data.target === 'resolution').map((e: any) => e.data.round),
    ).toEqual([2]);
    const notices = await t.dataSource.getRepository(OutboxMessage).find({ where: { complaintId: c.id } });
    expect(notices.map((m) => m.dedupeKey)).toContain(`${c.id}:esc-resolution-breach:breach:resolution:r2`);

    // Answered again, unsatisfied again: the manager's round has its own deadline.
    await t.gqlOk(REPLY, { i: { complaintId: c.id, body: '已增派人员并提供优先办理。' } }, handler);
    const handedOver = new Date(Date.parse(resolution!.dueAt) + DAY);
    t.clock.set(handedOver);
    expect((await t.gqlOk<any>(FOLLOW_UP, { i: { complaintId: c.id, satisfied: false, score: 1 } }, agent)).recordFollowUp).toMatchObject({
      state: 'in_progress',
      unsatisfiedCount: 2,
    });
    const third = (await clocks(c.id)).find((k) => k.round === 3 && k.target === 'resolution');
    expect(third).toMatchObject({ state: 'running', startedAt: handedOver.toISOString() });
    complaint = await view(c.id);
    expect(complaint).toMatchObject({ resolutionDueAt: third!.dueAt });
    expect(complaint.slaStatus).not.toBe('met');
  });

  it('counts same-type, same-cause, customer and reference facts as their labels say (issue 12 #11)', async () => {
    // A classifier trained on confirmed complaints from 40 days ago (outside every 30-day window).
    const T = Date.parse('2025-04-14T02:00:00.000Z'); // a Monday
    t.clock.set(new Date(T - 40 * DAY));
    for (const [cause, texts] of [
      ['network', NETWORK],
      ['billing', BILLING],
    ] as const) {
      for (const text of texts) {
        const old = await submit(t, agent, { channel: 'web', type: 'consultation', text });
        await t.gqlOk(
          'mutation($id: ID!, $cause: String!) { confirmComplaintCause(id: $id, cause: $cause) { id } }',
          { id: old.id, cause },
          analyst,
        );
      }
    }
    const job = (await t.gqlOk<any>('mutation { trainCauseClassifier { id } }', {}, analyst)).trainCauseClassifier;
    for (let i = 0; i < 600; i++) {
      const status = (await t.gqlOk<any>('query($id: ID!) { classifierJob(id: $id) { status } }', { id: job.id }, analyst)).classifierJob
        .status;
      if (status !== 'training') {
        expect(status).toBe('ready');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    t.clock.set(new Date(T));
    const facts = async (id: string) => (await t.dataSource.getRepository(Complaint).findOneByOrFail({ id })).facts as any;
    const customerA = complainant('客户甲');
    const file = async (text: string, who = complainant(), extra: Record<string, unknown> = {}) => {
      const c = await submit(t, agent, { channel: 'phone', type: 'service.attitude', text, complainant: who, ...extra });
      return { ...c, facts: await facts(c.id), predictedCause: (await view(c.id)).predictedCause };
    };
    const a = await file(NETWORK[0], customerA, { reference: 'SO-77' });
    expect(a.predictedCause).toBe('network');
    expect(a.facts.customer).toMatchObject({ complaintsLast30Days: 1, complaintsTotal: 1 });
    expect(a.facts.aggregate).toEqual({ sameTypeCustomers30d: 1, sameCauseCustomers30d: 1, sameReferenceCount: 1 });
    const b = await file(BILLING[0]);
    expect(b.predictedCause).toBe('billing');
    expect(b.facts.aggregate).toMatchObject({ sameTypeCustomers30d: 2, sameCauseCustomers30d: 1, sameReferenceCount: 0 });
    // An invalid complaint (malicious) of the same type and cause counts nowhere.
    const invalid = await file(`${NETWORK[1]}不给钱就去网上恶意差评。`);
    expect(invalid).toMatchObject({ valid: false });
    expect(invalid.predictedCause).toBe('network');
    // Three customers, three complaints of one type: two of them about the network.
    const c = await file(NETWORK[2]);
    expect(c.predictedCause).toBe('network');
    expect(c.facts.aggregate).toMatchObject({ sameTypeCustomers30d: 3, sameCauseCustomers30d: 2 });
    const escalations = async (id: string) =>
      (await view(id)).timeline.filter((e: any) => e.type === 'escalation' && e.data.ruleKey === 'esc-aggregate');
    expect(await escalations(c.id)).toEqual([]); // the demo's same-cause escalation needs 3 customers
    expect(c.facts.customer).toMatchObject({ complaintsLast30Days: 1 });
    // Customer A again, on the same order: "2nd complaint in 30 days" reads 2, like the same-type count includes this one.
    const again = await file(NETWORK[3], customerA, { reference: 'SO-77' });
    expect(again.facts.customer).toMatchObject({ complaintsLast30Days: 2, complaintsTotal: 2 });
    expect(again.facts.aggregate).toEqual({ sameTypeCustomers30d: 3, sameCauseCustomers30d: 2, sameReferenceCount: 2 });
    expect(again.severity).toBe('urgent'); // the demo's 同一客户30天内再次投诉 row (>= 2), and 3 customers of one type
    // A confirmed cause overrides the prediction it was made from.
    await t.gqlOk(
      'mutation($id: ID!, $cause: String!) { confirmComplaintCause(id: $id, cause: $cause) { id } }',
      { id: b.id, cause: 'network' },
      analyst,
    );
    const d = await file(NETWORK[4]);
    expect(d.facts.aggregate).toMatchObject({ sameTypeCustomers30d: 4, sameCauseCustomers30d: 4 });
    // Fires (the severity is urgent already by the same-type row, so only the manager's notice is new).
    expect((await escalations(d.id)).map((e: any) => e.data.action.type)).toContain('notify');
    const notices = await t.dataSource.getRepository(OutboxMessage).find({ where: { complaintId: d.id } });
    expect(notices.filter((m) => m.dedupeKey === `${d.id}:esc-aggregate:aggregate:`)).toHaveLength(1);
  });

  it('refuses an idempotency key reused with other content, and still returns the complaint for a true retry (issue 12 #17)', async () => {
    t.clock.set(MONDAY_10);
    const input = {
      channel: 'app',
      type: 'environment',
      text: '网点卫生间长期无法使用。',
      form: { outlet: 'sh_xuhui' },
      idempotencyKey: 'app-key-17',
      complainant: complainant('李四'),
    };
    const first = (await t.gqlOk<any>(SUBMIT, { input }, agent)).submitComplaint;
    // The same content in another member order is the same request.
    const reordered = Object.fromEntries(
      Object.entries({ ...input, complainant: { phone: input.complainant.phone, name: input.complainant.name } }).reverse(),
    );
    const retry = (await t.gqlOk<any>(SUBMIT, { input: reordered }, agent)).submitComplaint;
    expect(retry).toMatchObject({ id: first.id, number: first.number });
    const before = await count();
    for (const changed of [
      { text: '另一件事：门口台阶破损。' },
      { complainant: complainant('王五') },
      { form: { outlet: 'bj_chaoyang' } },
    ]) {
      const result = await t.gql(SUBMIT, { input: { ...input, ...changed } }, agent);
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'IDEMPOTENCY_KEY_REUSED',
        field: 'input.idempotencyKey',
      });
      expect(result.errors?.[0].message).toContain(first.number);
    }
    expect(await count()).toBe(before);
    // Two different complaints racing on one new key: one is taken, the other is told, none is lost silently.
    const racing = await Promise.all(
      ['投诉一：空调漏水。', '投诉二：灯光太暗。'].map((text) =>
        t.gql(SUBMIT, { input: { ...input, idempotencyKey: 'app-key-17-race', text } }, agent),
      ),
    );
    expect(racing.filter((r) => r.data?.submitComplaint)).toHaveLength(1);
    expect(racing.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.reason)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });

  it('refuses a task assignee from another tenant or made up (issue 12 #18)', async () => {
    t.clock.set(MONDAY_10);
    const other = await t.app.get(TenantService).create({ slug: `other-${Date.now().toString(36)}`, name: '另一家公司' });
    const stranger = await t.app.get(AuthService).createUser({
      tenantId: other.id,
      email: `handler@${other.slug}.local`,
      password: 'demo1234',
      displayName: '外人',
      role: Role.handler,
    });
    const c = await submit(t, agent, { channel: 'visit', type: 'environment', text: '网点门口积水严重。', form: { outlet: 'sh_xuhui' } });
    for (const assigneeId of [stranger.id, '00000000-0000-4000-8000-000000000000']) {
      const result = await t.gql(TASK, { i: { complaintId: c.id, department: 'operations', title: '清理积水', assigneeId } }, manager);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_USER', field: 'input.assigneeId' });
    }
    const me = (await t.gqlOk<any>('{ me { id } }', {}, handler)).me.id;
    const task = (
      await t.gqlOk<any>(TASK, { i: { complaintId: c.id, department: 'operations', title: '清理积水', assigneeId: me } }, manager)
    ).createComplaintTask;
    expect(task.assigneeId).toBe(me);
    const tasks = (await t.gqlOk<any>('query($id: ID!) { complaint(id: $id) { tasks { id } } }', { id: c.id }, manager)).complaint.tasks;
    expect(tasks).toEqual([{ id: task.id }]);
  });
});
