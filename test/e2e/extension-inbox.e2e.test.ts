import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { ManualClock } from '../../apps/api/src/common/clock';
import { submit } from '../support/complaints';

// Wednesday 25 Nov 2026, 10:00 in Shanghai: a working day.
const START = new Date('2026-11-25T02:00:00Z');

const EXTEND = `mutation($id: ID!, $reason: String!) { extendDeadline(complaintId: $id, target: "regulatory_answer", reason: $reason) {
  status request { id } } }`;
const PENDING = '{ pendingDeadlineExtensions { id complaintId target stage reason approvalRole status requestedBy requestedAt } }';
const REJECT =
  'mutation($id: ID!, $reason: String!) { rejectDeadlineExtension(requestId: $id, reason: $reason) { id status decidedBy decidedAt } }';
const DUE =
  'query($id: ID!) { slaClocks(complaintId: $id) { target dueAt pendingExtension { id } } complaint(id: $id) { timeline { type data actorRole } } }';

/**
 * The approvals inbox reads the deadline extensions waiting for the caller's role (pendingDeadlineExtensions) and
 * refuses one with a reason (rejectDeadlineExtension): the deadline stays, the refusal is on the timeline.
 */
describe.each(testDatabases())('deadline extensions in the approvals inbox on %s', (db) => {
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

  const regulatorComplaint = (text: string) => submit(t, agent, { channel: 'regulator', type: 'billing', text, form: { amount: 120 } });

  it('lists the requests the caller’s role decides, newest first, and none to other roles', async () => {
    const first = await regulatorComplaint('监管转办：年费多收。');
    const second = await regulatorComplaint('监管转办：违约金计算有误。');
    const a = (await t.gqlOk(EXTEND, { id: first.id, reason: '需调取交易流水' }, handler)).extendDeadline.request.id;
    t.clock.advance(60_000);
    const b = (await t.gqlOk(EXTEND, { id: second.id, reason: '需第三方核查' }, handler)).extendDeadline.request.id;

    const pending = (await t.gqlOk(PENDING, {}, manager)).pendingDeadlineExtensions;
    expect(pending.map((r: any) => r.id).slice(0, 2)).toEqual([b, a]);
    expect(pending.find((r: any) => r.id === a)).toMatchObject({
      complaintId: first.id,
      target: 'regulatory_answer',
      stage: 1,
      status: 'requested',
      approvalRole: 'manager',
    });
    // The demo plan is approved by managers: an administrator cannot grant it, so it is not in the admin's inbox.
    expect((await t.gqlOk(PENDING, {}, admin)).pendingDeadlineExtensions.map((r: any) => r.id)).not.toContain(a);
    const analyst = await t.gql(PENDING, {}, await t.login('analyst@demo.local'));
    expect(analyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a request with a reason: the deadline stays, the refusal is on the timeline, the inbox forgets it', async () => {
    const c = await regulatorComplaint('监管转办：分期手续费争议。');
    const before = (await t.gqlOk(DUE, { id: c.id }, manager)).slaClocks.find((k: any) => k.target === 'regulatory_answer');
    const id = (await t.gqlOk(EXTEND, { id: c.id, reason: '客户材料未齐' }, handler)).extendDeadline.request.id;

    const noReason = await t.gql(REJECT, { id, reason: '  ' }, manager);
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REJECT_REASON_REQUIRED', field: 'reason' });
    const notApprover = await t.gql(REJECT, { id, reason: '不同意' }, handler);
    expect(notApprover.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_APPROVER' });

    const rejected = (await t.gqlOk(REJECT, { id, reason: '材料已齐，请按期答复' }, manager)).rejectDeadlineExtension;
    expect(rejected).toMatchObject({ id, status: 'rejected' });
    expect(rejected.decidedBy).toBeTruthy();
    const twice = await t.gql(REJECT, { id, reason: '再次驳回' }, manager);
    expect(twice.errors?.[0].extensions?.reason).toBe('EXTENSION_REQUEST_DECIDED');

    const after = await t.gqlOk(DUE, { id: c.id }, manager);
    const clock = after.slaClocks.find((k: any) => k.target === 'regulatory_answer');
    expect(clock).toMatchObject({ dueAt: before.dueAt, pendingExtension: null });
    expect(after.complaint.timeline.filter((e: any) => e.type === 'sla.extension_rejected')).toEqual([
      {
        type: 'sla.extension_rejected',
        actorRole: 'manager',
        data: expect.objectContaining({ requestId: id, target: 'regulatory_answer', stage: 1, reason: '材料已齐，请按期答复' }),
      },
    ]);
    expect((await t.gqlOk(PENDING, {}, manager)).pendingDeadlineExtensions.map((r: any) => r.id)).not.toContain(id);
    // Refused, a new request may be filed.
    expect((await t.gqlOk(EXTEND, { id: c.id, reason: '补充说明后再次申请' }, handler)).extendDeadline.status).toBe('requested');
  });
});
