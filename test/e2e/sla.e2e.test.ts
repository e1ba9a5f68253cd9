import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../apps/api/src/common/clock';
import { OutboxMessage } from '../../apps/api/src/modules/outbox/outbox.entity';
import { Complaint } from '../../apps/api/src/modules/complaint/complaint.entity';
import { SlaScheduler } from '../../apps/api/src/modules/sla/sla.scheduler';
import { createTestApp, testDatabases, type TestApp } from '../support/test-app';

// The tests drive the scheduler by hand (tick) with a manual clock; the background intervals stay off.
process.env.REDRESS_WORKERS = '0';

/** Monday 2025-03-03 10:00 in Shanghai: an ordinary working morning. */
const MONDAY_10 = '2025-03-03T02:00:00.000Z';
const SECOND = 1_000;

const SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id number state severity slaPolicy department assigneeId } }`;
const CLOCKS = `query($id: ID!) { slaClocks(complaintId: $id) {
  id target state status startedAt dueAt warnAt remainingWorkingMinutes pausedMinutes warnedAt breachedAt policyVersion
  extensions { stage reason approvedBy newDueAt } pendingExtension { id stage status approvalRole } } }`;
const COMPLAINT = `query($id: ID!) { complaint(id: $id) { id severity state slaStatus resolutionDueAt timeline { type data } } }`;
const EXTEND = `mutation($id: ID!, $target: String!, $reason: String!) { extendDeadline(complaintId: $id, target: $target, reason: $reason) {
  status clock { dueAt extensions { stage reason approvedBy newDueAt } } request { id stage status approvalRole } } }`;
const APPROVE = `mutation($id: ID!) { approveDeadlineExtension(requestId: $id) { status clock { dueAt extensions { stage } } request { status } } }`;
const TRANSITION = `mutation($id: ID!, $to: String!, $comment: String) { transition(id: $id, to: $to, comment: $comment) { state } }`;

let complaintSeq = 0;
function complaintInput(over: Record<string, unknown> = {}) {
  complaintSeq += 1;
  return {
    channel: 'phone',
    type: 'service.attitude',
    text: `店员服务态度冷淡，排队很久没人理（${complaintSeq}）`,
    complainant: { name: '张三', phone: `1380000${String(1000 + complaintSeq).slice(-4)}` },
    ...over,
  };
}

async function submit(t: TestApp, token: string, over: Record<string, unknown> = {}) {
  return (await t.gqlOk(SUBMIT, { input: complaintInput(over) }, token)).submitComplaint as {
    id: string;
    severity: string;
    slaPolicy: string;
    state: string;
  };
}

async function clocksOf(t: TestApp, token: string, id: string): Promise<any[]> {
  return (await t.gqlOk(CLOCKS, { id }, token)).slaClocks;
}

async function clockOf(t: TestApp, token: string, id: string, target: string): Promise<any> {
  const clock = (await clocksOf(t, token, id)).find((c) => c.target === target);
  expect(clock, `${target} clock`).toBeTruthy();
  return clock;
}

async function complaintOf(t: TestApp, token: string, id: string) {
  return (await t.gqlOk(COMPLAINT, { id }, token)).complaint as {
    severity: string;
    state: string;
    slaStatus: string;
    resolutionDueAt: string;
    timeline: { type: string; data: any }[];
  };
}

const eventsOf = (timeline: { type: string; data: any }[], type: string, target?: string) =>
  timeline.filter((e) => e.type === type && (!target || e.data.target === target));

function outboxOf(t: TestApp, complaintId: string): Promise<OutboxMessage[]> {
  return t.dataSource.getRepository(OutboxMessage).find({ where: { complaintId }, order: { createdAt: 'ASC' } });
}

const tick = (t: TestApp) => t.app.get(SlaScheduler).tick();

describe.each(testDatabases())('SLA engine on %s', (db) => {
  let t: TestApp;
  let admin: string;
  let manager: string;
  let handler: string;

  beforeAll(async () => {
    t = await createTestApp({ db, clock: new ManualClock(new Date(MONDAY_10)) });
    await t.seedDemo();
    [admin, manager, handler] = await Promise.all(['admin', 'manager', 'handler'].map((u) => t.login(`${u}@demo.local`)));
  });
  afterAll(() => t?.close());

  it('starts the clocks of the decided SLA policy, computed in working time from the pinned version', async () => {
    t.clock.set(MONDAY_10);
    const complaint = await submit(t, admin);
    expect(complaint.slaPolicy).toBe('standard');
    const resolution = await clockOf(t, admin, complaint.id, 'resolution');
    // 3 working days from Monday 10:00: the end of Thursday's working hours (18:00 Shanghai).
    expect(resolution).toMatchObject({ state: 'running', status: 'on_time', dueAt: '2025-03-06T10:00:00.000Z', policyVersion: 1 });
    // 80 % of 1,860 working minutes: Thursday 10:48.
    expect(resolution.warnAt).toBe('2025-03-06T02:48:00.000Z');
    expect(resolution.remainingWorkingMinutes).toBe(1860);
    const view = await complaintOf(t, admin, complaint.id);
    expect(view.resolutionDueAt).toBe('2025-03-06T10:00:00.000Z');
    expect(view.slaStatus).toBe('on_time');
  });

  it('fires the warning and then the breach once each, and escalates once: manager notified, severity raised', async () => {
    t.clock.set(MONDAY_10);
    const complaint = await submit(t, admin);
    const resolution = await clockOf(t, admin, complaint.id, 'resolution');
    await tick(t);

    t.clock.set(new Date(Date.parse(resolution.warnAt) - SECOND));
    await tick(t);
    expect((await clockOf(t, admin, complaint.id, 'resolution')).warnedAt).toBeNull();

    t.clock.set(new Date(Date.parse(resolution.warnAt) + 2 * SECOND));
    for (let i = 0; i < 3; i++) await tick(t);
    const warned = await clockOf(t, admin, complaint.id, 'resolution');
    expect(warned).toMatchObject({ status: 'at_risk', breachedAt: null });
    expect(warned.warnedAt).toBe(new Date(Date.parse(resolution.warnAt) + 2 * SECOND).toISOString());
    let view = await complaintOf(t, admin, complaint.id);
    expect(eventsOf(view.timeline, 'sla.warning', 'resolution')).toHaveLength(1);
    expect(eventsOf(view.timeline, 'sla.warning', 'resolution')[0].data).toMatchObject({
      policyVersion: 1,
      dueAt: resolution.dueAt,
      explanation: expect.stringContaining('resolution'),
    });
    expect(view.slaStatus).toBe('at_risk');
    expect(view.severity).toBe('normal');

    t.clock.set(new Date(Date.parse(resolution.dueAt) + 2 * SECOND));
    for (let i = 0; i < 3; i++) await tick(t);
    t.clock.advance(60 * SECOND);
    await tick(t);

    view = await complaintOf(t, admin, complaint.id);
    expect(eventsOf(view.timeline, 'sla.breached', 'resolution')).toHaveLength(1);
    expect(eventsOf(view.timeline, 'sla.warning', 'resolution')).toHaveLength(1);
    expect(view.severity).toBe('urgent');
    expect(view.slaStatus).toBe('breached');
    expect(eventsOf(view.timeline, 'severity.raised')).toHaveLength(1);
    const escalations = view.timeline.filter((e) => e.type === 'escalation' && e.data.ruleKey === 'esc-resolution-breach');
    expect(escalations.map((e) => e.data.action.type).sort()).toEqual(['notify', 'raise_severity']);
    expect(escalations[0].data).toMatchObject({ trigger: 'breach', target: 'resolution', policyVersion: 1 });

    const notices = (await outboxOf(t, complaint.id)).filter(
      (m) => m.dedupeKey === `${complaint.id}:esc-resolution-breach:breach:resolution`,
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: 'notification', topic: 'escalation.breach' });
    expect(notices[0].payload).toMatchObject({
      recipient: { kind: 'user', email: 'manager@demo.local' },
      template: 'overdue_alert',
      target: 'resolution',
    });
    const breached = await clockOf(t, admin, complaint.id, 'resolution');
    expect(breached.status).toBe('breached');
    expect(breached.remainingWorkingMinutes).toBeLessThanOrEqual(0);
  });

  it('sends reminders to people in working time only: a breach at night is delivered the next working morning', async () => {
    // Consultation: 24 natural hours from Monday 20:00 → due Tuesday 20:00, after working hours.
    t.clock.set('2025-03-03T12:00:00.000Z');
    const complaint = await submit(t, admin, { type: 'consultation', text: '请问会员积分怎么兑换？' });
    expect(complaint.slaPolicy).toBe('consultation');
    const clock = await clockOf(t, admin, complaint.id, 'resolution');
    expect(clock.dueAt).toBe('2025-03-04T12:00:00.000Z');
    // The demo rule esc-resolution-breach watches the resolution target of every SLA policy.
    t.clock.set(new Date(Date.parse(clock.dueAt) + SECOND));
    await tick(t);
    const notice = (await outboxOf(t, complaint.id)).find((m) => m.topic === 'escalation.breach');
    expect(notice).toBeTruthy();
    // Wednesday 09:00 Shanghai.
    expect(notice!.nextAttemptAt.toISOString()).toBe('2025-03-05T01:00:00.000Z');
  });

  it('pauses in waiting_customer and pushes the due time by the paused working time', async () => {
    t.clock.set(MONDAY_10);
    const complaint = await submit(t, admin);
    const before = await clockOf(t, admin, complaint.id, 'resolution');
    await t.gqlOk(TRANSITION, { id: complaint.id, to: 'in_progress' }, handler);
    t.clock.set('2025-03-03T02:30:00.000Z'); // 10:30
    await t.gqlOk(TRANSITION, { id: complaint.id, to: 'waiting_customer', comment: '请客户补充购物小票' }, handler);
    const paused = await clockOf(t, admin, complaint.id, 'resolution');
    expect(paused).toMatchObject({ state: 'paused', status: 'paused' });

    t.clock.set('2025-03-03T06:30:00.000Z'); // 14:30: 90 + 90 working minutes later (lunch does not count)
    expect((await clockOf(t, admin, complaint.id, 'resolution')).remainingWorkingMinutes).toBe(paused.remainingWorkingMinutes);
    await t.gqlOk(TRANSITION, { id: complaint.id, to: 'in_progress' }, handler);
    const resumed = await clockOf(t, admin, complaint.id, 'resolution');
    expect(resumed).toMatchObject({ state: 'running', pausedMinutes: 180 });
    // Thursday 18:00 + 180 working minutes = Friday 12:00.
    expect(before.dueAt).toBe('2025-03-06T10:00:00.000Z');
    expect(resumed.dueAt).toBe('2025-03-07T04:00:00.000Z');
    expect((await complaintOf(t, admin, complaint.id)).resolutionDueAt).toBe(resumed.dueAt);
  });

  it('extends a regulator deadline 15 → 30 → 60 days with a manager’s approval and tells the complainant; not past 60', async () => {
    t.clock.set(MONDAY_10);
    const complaint = await submit(t, admin, {
      channel: 'regulator',
      type: 'billing',
      text: '银行多收取了年费，监管转来',
      form: { amount: 300 },
    });
    expect(complaint.slaPolicy).toBe('regulatory');
    const initial = await clockOf(t, admin, complaint.id, 'regulatory_answer');
    expect(initial.dueAt).toBe('2025-03-18T02:00:00.000Z');

    const requested = (await t.gqlOk(EXTEND, { id: complaint.id, target: 'regulatory_answer', reason: '需调取三年交易流水' }, handler))
      .extendDeadline;
    expect(requested).toMatchObject({ status: 'requested', request: { stage: 1, status: 'requested', approvalRole: 'manager' } });
    expect(requested.clock.dueAt).toBe(initial.dueAt);
    expect((await clockOf(t, admin, complaint.id, 'regulatory_answer')).pendingExtension).toMatchObject({ id: requested.request.id });

    const again = await t.gql(EXTEND, { id: complaint.id, target: 'regulatory_answer', reason: '再次申请' }, handler);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EXTENSION_PENDING' });
    const notApprover = await t.gql(APPROVE, { id: requested.request.id }, handler);
    expect(notApprover.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_APPROVER' });

    t.clock.set('2025-03-04T02:00:00.000Z');
    const approved = (await t.gqlOk(APPROVE, { id: requested.request.id }, manager)).approveDeadlineExtension;
    expect(approved).toMatchObject({
      status: 'extended',
      request: { status: 'approved' },
      clock: { dueAt: '2025-04-02T02:00:00.000Z', extensions: [{ stage: 1 }] },
    });
    const twice = await t.gql(APPROVE, { id: requested.request.id }, manager);
    expect(twice.errors?.[0].extensions?.reason).toBe('EXTENSION_REQUEST_DECIDED');

    // A manager extends at once. Day 60 (2 May) is a Labour Day holiday: the deadline rolls to the end of 6 May.
    const direct = (await t.gqlOk(EXTEND, { id: complaint.id, target: 'regulatory_answer', reason: '涉及第三方机构核查' }, manager))
      .extendDeadline;
    expect(direct).toMatchObject({ status: 'extended', request: null, clock: { dueAt: '2025-05-06T10:00:00.000Z' } });
    expect(direct.clock.extensions.map((e: any) => e.stage)).toEqual([1, 2]);

    const past60 = await t.gql(EXTEND, { id: complaint.id, target: 'regulatory_answer', reason: '还想再延' }, manager);
    expect(past60.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_FURTHER_EXTENSION', field: 'target' });

    const notices = (await outboxOf(t, complaint.id)).filter((m) => m.topic === 'sla.extended');
    expect(notices).toHaveLength(2);
    expect(notices.map((m) => m.payload.stage)).toEqual([1, 2]);
    expect(notices[0]).toMatchObject({ kind: 'notification' });
    expect(notices[0].payload).toMatchObject({
      recipient: { kind: 'customer' },
      template: 'extension_notice',
      reason: '需调取三年交易流水',
      newDueAt: '2025-04-02T02:00:00.000Z',
    });
    const timeline = (await complaintOf(t, admin, complaint.id)).timeline;
    expect(eventsOf(timeline, 'sla.extension_requested')).toHaveLength(1);
    expect(eventsOf(timeline, 'sla.extended').map((e) => e.data.stage)).toEqual([1, 2]);

    const noStages = await t.gql(EXTEND, { id: complaint.id, target: 'dispatch', reason: '无' }, manager);
    expect(noStages.errors?.[0].extensions?.reason).toMatch(/NO_EXTENSION_STAGES|CLOCK_STOPPED|CLOCK_NOT_FOUND/);
  });

  it('re-arms a recurring progress report after a missed one and restarts it on each progress note', async () => {
    t.clock.set(MONDAY_10);
    // Threatening media exposure makes it urgent: urgent complaints report progress every 30 minutes.
    const complaint = await submit(t, admin, { type: 'environment', text: '网点卫生太差，再不处理我就找媒体曝光' });
    expect(complaint.severity).toBe('urgent');
    const first = await clockOf(t, admin, complaint.id, 'progress_update');
    expect(first.dueAt).toBe('2025-03-03T02:30:00.000Z');

    t.clock.set('2025-03-03T02:30:01.000Z');
    await tick(t);
    await tick(t);
    const rearmed = (
      await t.gqlOk(
        `query($id: ID!) { slaClocks(complaintId: $id) { target state dueAt breachCount recurringCount breachedAt } }`,
        { id: complaint.id },
        admin,
      )
    ).slaClocks.find((c: any) => c.target === 'progress_update');
    expect(rearmed).toMatchObject({
      state: 'running',
      breachCount: 1,
      recurringCount: 1,
      breachedAt: null,
      dueAt: '2025-03-03T03:00:01.000Z',
    });

    t.clock.set('2025-03-03T02:45:00.000Z');
    await t.gqlOk(
      `mutation($id: ID!) { reportProgress(id: $id, text: "已联系保洁主管，今日内整改") { id } }`,
      { id: complaint.id },
      handler,
    );
    const restarted = await clockOf(t, admin, complaint.id, 'progress_update');
    expect(restarted.dueAt).toBe('2025-03-03T03:15:00.000Z');
    expect(eventsOf((await complaintOf(t, admin, complaint.id)).timeline, 'sla.breached', 'progress_update')).toHaveLength(1);
  });

  it('raises the third same-type complaint from different complainants; same CAUSE needs a known cause, not the type', async () => {
    t.clock.set(MONDAY_10);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (await submit(t, admin, { type: 'product.defect', text: `电水壶底部漏水（客户${i + 1}）`, form: { product_name: '电水壶' } })).id,
      );
      t.clock.advance(3_600_000);
    }
    const views = await Promise.all(ids.map((id) => complaintOf(t, admin, id)));
    // The severity table's 一个月内三位及以上不同客户同类投诉 row (aggregate.sameTypeCustomers30d >= 3).
    expect(views.map((v) => v.severity)).toEqual(['normal', 'normal', 'urgent']);
    const severity = views[2].timeline.find((e) => e.type === 'decision.severity');
    expect(severity?.data).toMatchObject({ outcome: 'urgent', rowKey: 'sev-same-type' });
    // No classifier here, so no complaint has a cause: the same-cause escalation (esc-aggregate, >= 3) does not fire.
    // (With causes it does: test/e2e/complaint-hardening.e2e.test.ts.)
    const facts = (await t.dataSource.getRepository(Complaint).findOneByOrFail({ id: ids[2] })).facts as {
      aggregate: Record<string, number>;
    };
    expect(facts.aggregate).toMatchObject({ sameTypeCustomers30d: 3, sameCauseCustomers30d: 0 });
    expect(views.flatMap((v) => v.timeline.filter((e) => e.type === 'escalation' && e.data.ruleKey === 'esc-aggregate'))).toEqual([]);
  });

  it('shows the business calendars and previews working days across 调休 and holidays', async () => {
    const calendars = (
      await t.gqlOk('{ businessCalendars { key isDefault timeZone useChineseHolidays workingHours { start end } } }', {}, admin)
    ).businessCalendars;
    expect(calendars).toContainEqual(
      expect.objectContaining({ key: 'default', isDefault: true, timeZone: 'Asia/Shanghai', useChineseHolidays: true }),
    );
    // From Friday 2025-09-26: the National Day holiday (1–8 Oct) and the make-up Sunday 28 Sep.
    const preview = (
      await t.gqlOk(
        `{ calendarPreview(calendarKey: "default", from: "2025-09-26T02:00:00.000Z", workingDays: 3) {
      due days { date working reason name } } }`,
        {},
        admin,
      )
    ).calendarPreview;
    const working = preview.days.filter((d: any) => d.working).map((d: any) => d.date);
    expect(working).toEqual(['2025-09-26', '2025-09-28', '2025-09-29', '2025-09-30']);
    expect(preview.days.find((d: any) => d.date === '2025-09-28')).toMatchObject({ reason: 'makeup_workday' });
    expect(preview.due).toBe('2025-09-30T10:00:00.000Z');
    const unknown = await t.gql(
      '{ calendarPreview(calendarKey: "mars", from: "2025-09-26T02:00:00.000Z", workingDays: 3) { due } }',
      {},
      admin,
    );
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'CALENDAR_NOT_FOUND' });
  });

  it('reports on-time rate, breaches and working minutes per target', async () => {
    t.clock.set('2025-03-10T02:00:00.000Z');
    const complaint = await submit(t, admin);
    await t.gqlOk(TRANSITION, { id: complaint.id, to: 'in_progress' }, handler);
    t.clock.set('2025-03-10T05:00:00.000Z');
    await t.gqlOk(TRANSITION, { id: complaint.id, to: 'closed', comment: '客户撤诉' }, manager);
    const kpis = (
      await t.gqlOk(
        `{ slaKpis(from: "2025-03-10T00:00:00.000Z", to: "2025-03-11T00:00:00.000Z", groupBy: target) {
      group target stopped met breached onTimeRate averageWorkingMinutes } }`,
        {},
        manager,
      )
    ).slaKpis;
    const resolution = kpis.find((k: any) => k.target === 'resolution');
    // 10:00 → 13:00 with the lunch hour: 120 working minutes.
    expect(resolution).toMatchObject({ stopped: 1, met: 1, breached: 0, onTimeRate: 1, averageWorkingMinutes: 120 });
    const forbidden = await t.gql('{ slaKpis(from: "2025-03-10T00:00:00.000Z", to: "2025-03-11T00:00:00.000Z") { target } }', {}, handler);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('never moves in-flight deadlines on a policy change until an admin re-applies it, and shows old vs new first', async () => {
    t.clock.set(MONDAY_10);
    const complaint = await submit(t, admin, { type: 'service.efficiency', text: '办理业务等了两个小时' });
    const before = await clockOf(t, admin, complaint.id, 'resolution');
    expect(before).toMatchObject({ dueAt: '2025-03-06T10:00:00.000Z', policyVersion: 1 });

    const document = JSON.parse((await t.gqlOk('{ exportPolicy }', {}, admin)).exportPolicy);
    const standard = document.slaPolicies.find((p: any) => p.key === 'standard');
    standard.targets.find((x: any) => x.key === 'resolution').duration.amount = 5;
    await t.gqlOk('mutation($d: String!) { importPolicy(document: $d) { valid } }', { d: JSON.stringify(document) }, admin);
    const published = (await t.gqlOk('mutation { publishPolicy(note: "标准时限改为5个工作日") { version } }', {}, admin)).publishPolicy;
    expect(published.version).toBe(2);

    // Pinned: the running clock has not moved.
    expect((await clockOf(t, admin, complaint.id, 'resolution')).dueAt).toBe(before.dueAt);
    const REAPPLY_PREVIEW = `query($input: ReapplyPolicyInput) { reapplyPolicyPreview(input: $input) { complaintId target fromVersion toVersion oldDueAt newDueAt } }`;
    const preview = (await t.gqlOk(REAPPLY_PREVIEW, { input: { complaintIds: [complaint.id] } }, admin)).reapplyPolicyPreview;
    expect(preview).toContainEqual({
      complaintId: complaint.id,
      target: 'resolution',
      fromVersion: 1,
      toVersion: 2,
      oldDueAt: before.dueAt,
      newDueAt: '2025-03-10T10:00:00.000Z',
    });
    expect((await clockOf(t, admin, complaint.id, 'resolution')).dueAt).toBe(before.dueAt);
    const forbidden = await t.gql(
      'mutation($input: ReapplyPolicyInput) { reapplyPolicy(input: $input) { target } }',
      { input: { complaintIds: [complaint.id] } },
      manager,
    );
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    await t.gqlOk(
      'mutation($input: ReapplyPolicyInput) { reapplyPolicy(input: $input) { target newDueAt } }',
      { input: { complaintIds: [complaint.id] } },
      admin,
    );
    expect(await clockOf(t, admin, complaint.id, 'resolution')).toMatchObject({ dueAt: '2025-03-10T10:00:00.000Z', policyVersion: 2 });
    const view = await complaintOf(t, admin, complaint.id);
    expect(view.resolutionDueAt).toBe('2025-03-10T10:00:00.000Z');
    expect(eventsOf(view.timeline, 'sla.reapplied')[0].data).toMatchObject({ toVersion: 2 });
  });
});

describe.each(testDatabases())('SLA scheduler restart on %s', (db) => {
  it('catches up after a restart: what fell due while the API was down fires once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redress-sla-restart-'));
    const clock = new ManualClock(new Date(MONDAY_10));
    const first = await createTestApp({ db, clock, ...(db === 'sqlite' ? { databaseUrl: `sqlite:${join(dir, 'db.sqlite')}` } : {}) });
    let second: TestApp | undefined;
    try {
      await first.seedDemo();
      const token = await first.login('admin@demo.local');
      const complaint = await submit(first, token);
      const resolution = await clockOf(first, token, complaint.id, 'resolution');
      const databaseUrl = db === 'sqlite' ? `sqlite:${join(dir, 'db.sqlite')}` : (first.config.database as { url: string }).url;
      await first.close();

      // Down over the warning and the due time.
      // a restart keeps its encryption key (the stored free text is ciphertext)
      second = await createTestApp({
        db,
        databaseUrl,
        clock: new ManualClock(new Date(Date.parse(resolution.dueAt) + 3_600_000)),
        config: { encryptionKey: first.config.encryptionKey },
      });
      const again = await second.login('admin@demo.local');
      expect(await tick(second)).toBeGreaterThan(0);
      await tick(second);
      const view = await complaintOf(second, again, complaint.id);
      expect(eventsOf(view.timeline, 'sla.breached', 'resolution')).toHaveLength(1);
      // The warning is superseded by the breach that fell due with it: one notice, not two.
      expect(eventsOf(view.timeline, 'sla.warning', 'resolution')).toHaveLength(0);
      expect(view.severity).toBe('urgent');
      const notices = (await outboxOf(second, complaint.id)).filter((m) => m.dedupeKey?.includes('esc-resolution-breach'));
      expect(notices).toHaveLength(1);
    } finally {
      await second?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.runIf(testDatabases().includes('postgres'))('SLA scheduler with two API instances on one PostgreSQL', () => {
  it('never fires a warning or a breach twice when both instances tick at the same time', async () => {
    const clockA = new ManualClock(new Date(MONDAY_10));
    const clockB = new ManualClock(new Date(MONDAY_10));
    const a = await createTestApp({ db: 'postgres', clock: clockA });
    let b: TestApp | undefined;
    try {
      await a.seedDemo();
      // The second instance of one deployment shares its keys: the stored free text is ciphertext under the first's key.
      b = await createTestApp({
        db: 'postgres',
        databaseUrl: (a.config.database as { url: string }).url,
        clock: clockB,
        config: { encryptionKey: a.config.encryptionKey, jwtSecret: a.config.jwtSecret },
      });
      const token = await a.login('admin@demo.local');
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) ids.push((await submit(a, token)).id);
      const sample = await clockOf(a, token, ids[0], 'resolution');

      let fired = 0;
      for (const at of [Date.parse(sample.warnAt) + SECOND, Date.parse(sample.dueAt) + SECOND, Date.parse(sample.dueAt) + 10 * 60_000]) {
        clockA.set(new Date(at));
        clockB.set(new Date(at));
        for (let round = 0; round < 6; round++) {
          const counts = await Promise.all([tick(a), tick(b!), tick(a), tick(b!)]);
          fired += counts.reduce((x, y) => x + y, 0);
        }
      }
      for (const id of ids) {
        const view = await complaintOf(a, token, id);
        expect(eventsOf(view.timeline, 'sla.warning', 'resolution'), id).toHaveLength(1);
        expect(eventsOf(view.timeline, 'sla.breached', 'resolution'), id).toHaveLength(1);
        // From the third same-type complaint on, intake already decides urgent (fitness-club rule): raised at most once.
        expect(view.severity, id).toBe('urgent');
        expect(eventsOf(view.timeline, 'severity.raised').length, id).toBeLessThanOrEqual(1);
        const notices = (await outboxOf(a, id)).filter((m) => m.dedupeKey === `${id}:esc-resolution-breach:breach:resolution`);
        expect(notices, id).toHaveLength(1);
      }
      // Every fired transition was counted by exactly one instance.
      const events = await a.dataSource.query(
        `SELECT count(*)::int AS n FROM complaint_event WHERE type IN ('sla.warning', 'sla.breached')`,
      );
      expect(fired).toBe(events[0].n);
    } finally {
      await b?.close();
      await a.close();
    }
  });
});
