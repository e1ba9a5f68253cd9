import { ManualClock } from '../../apps/api/src/common/clock';
import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { submit } from '../support/complaints';

process.env.REDRESS_WORKERS = '0';

const FINDING = `mutation($i: FindingInput!) { recordFinding(input: $i) { id state valid invalidReason severity } }`;
const UPSERT_FINDING = 'mutation($i: FindingCodeInput!) { upsertFindingCode(input: $i) { key } }';
const TIMELINE = `query($id: ID!) { complaint(id: $id) { state valid invalidReason timeline { type data } } }`;
const OWNER_CAUSED_TEXT = { zh: '经调查，损坏系业主自身原因造成，不属于有效投诉', en: 'The damage was caused by the owner' };

describe.each(testDatabases())('findings after investigation (issue 16) on %s', (db) => {
  let t: TestApp;
  let admin: string;
  let handler: string;

  beforeAll(async () => {
    t = await createTestApp({ db, clock: new ManualClock(new Date('2026-11-30T02:00:00Z')) });
    await t.seedDemo();
    [admin, handler] = await Promise.all(['admin', 'handler'].map((who) => t.login(`${who}@demo.local`)));
    // Policy data: the finding codes, who may record them, and a validity row that reads the finding.
    await t.gqlOk(
      UPSERT_FINDING,
      {
        i: {
          key: 'owner_caused',
          kind: 'validity_criterion',
          name: { zh: '业主自身原因造成', en: 'Caused by the owner' },
          roles: ['handler', 'manager'],
        },
      },
      admin,
    );
    await t.gqlOk(
      UPSERT_FINDING,
      {
        i: {
          key: 'court_proceedings',
          kind: 'validity_criterion',
          name: { zh: '已进入诉讼程序', en: 'Under court proceedings' },
          roles: ['manager'],
        },
      },
      admin,
    );
    const draft = (await t.gqlOk('{ draftPolicyJson }', {}, admin)).draftPolicyJson;
    const validity = draft.rules.validity;
    validity.rows = [
      {
        key: 'inv-owner-caused',
        when: { in: ['owner_caused', { var: 'finding.codes' }] },
        then: { valid: false, reason: 'owner_caused', reasonText: OWNER_CAUSED_TEXT },
        description: '调查发现业主自身原因',
      },
      ...validity.rows,
    ];
    await t.gqlOk('mutation($t: JSON!) { setRuleSet(key: validity, table: $t) { key } }', { t: validity }, admin);
    expect((await t.gqlOk('mutation { publishPolicy(note: "findings") { version } }', {}, admin)).publishPolicy.version).toBe(2);
  }, 120_000);
  afterAll(() => t?.close());

  it('re-decides validity with a recorded finding, explains it, and closes invalid with the coded criterion and its text', async () => {
    const complaint = await submit(t, admin, { channel: 'phone', type: 'service.attitude', text: '门店服务态度差，损坏了我的物品' });
    expect(complaint).toMatchObject({ valid: true, state: 'dispatched', policyVersion: 2 });

    const unknown = await t.gql(FINDING, { i: { complaintId: complaint.id, code: 'not_a_code' } }, handler);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FINDING_CODE_UNKNOWN', field: 'input.code' });
    const notAllowed = await t.gql(FINDING, { i: { complaintId: complaint.id, code: 'court_proceedings' } }, handler);
    expect(notAllowed.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'FINDING_NOT_ALLOWED', field: 'input.code' });

    const found = (
      await t.gqlOk(FINDING, { i: { complaintId: complaint.id, code: 'owner_caused', note: '现场查看：物品系业主自行损坏' } }, handler)
    ).recordFinding;
    expect(found).toMatchObject({ valid: false, invalidReason: 'owner_caused', state: 'dispatched' });

    await t.gqlOk(
      'mutation($id: ID!) { transition(id: $id, to: "invalid_closed", comment: "调查确认业主自身原因") { state } }',
      { id: complaint.id },
      handler,
    );
    const view = (await t.gqlOk(TIMELINE, { id: complaint.id }, admin)).complaint;
    expect(view).toMatchObject({ state: 'invalid_closed', valid: false, invalidReason: 'owner_caused' });
    const events = (type: string) => view.timeline.filter((e: { type: string }) => e.type === type).map((e: { data: any }) => e.data);
    expect(events('finding.recorded')).toEqual([
      expect.objectContaining({ code: 'owner_caused', kind: 'validity_criterion', note: '现场查看：物品系业主自行损坏', policyVersion: 2 }),
    ]);
    const redecided = events('decision.validity').find((d: any) => d.finding === 'owner_caused');
    expect(redecided).toMatchObject({
      outcome: { valid: false, reason: 'owner_caused', reasonText: OWNER_CAUSED_TEXT },
      before: { valid: true, reason: null },
      rowKey: 'inv-owner-caused',
      explanation: expect.stringContaining('re-decided after finding owner_caused'),
    });
    expect(events('transitioned').at(-1)).toMatchObject({ to: 'invalid_closed', reason: 'owner_caused', reasonText: OWNER_CAUSED_TEXT });
  });

  it('records findings by the codes of the complaint’s own version', async () => {
    const complaint = await submit(t, admin, { channel: 'phone', type: 'service.attitude', text: '服务态度差' });
    await t.gqlOk('mutation { deleteFindingCode(key: "owner_caused") }', {}, admin);
    await t.gqlOk(UPSERT_FINDING, { i: { key: 'owner_caused_v3', kind: 'root_cause', name: { zh: '业主原因' } } }, admin);
    // Draft only: the complaint's version 2 still knows owner_caused, not the draft's new code.
    const later = await t.gql(FINDING, { i: { complaintId: complaint.id, code: 'owner_caused_v3' } }, handler);
    expect(later.errors?.[0].extensions?.reason).toBe('FINDING_CODE_UNKNOWN');
    expect((await t.gqlOk(FINDING, { i: { complaintId: complaint.id, code: 'owner_caused' } }, handler)).recordFinding.valid).toBe(false);
  });
});
