import { ManualClock } from '../../apps/api/src/common/clock';
import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { ENABLE, PUBLISH, freshTenant } from './plugin-support';

process.env.REDRESS_WORKERS = '0';

const OWNER_CAUSED = { zh: '经调查，损坏系业主自身原因造成，不属于有效投诉', en: 'The damage was caused by the owner' };

/**
 * Issue 16's case as a property manager meets it: a repair complaint is valid at intake; the handler's investigation
 * finds the damage was the owner's own doing (a criterion known only after investigating, §3.3 of the property rules),
 * records the coded finding, and the complaint is re-decided invalid — with that criterion, not `manual`.
 */
describe.each(testDatabases())('a property complaint found owner-caused after investigation on %s', (db) => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ db, clock: new ManualClock(new Date('2026-11-30T02:00:00Z')) });
    ({ admin } = await freshTenant(t, 'property-findings'));
    await t.gqlOk(ENABLE, { id: 'property' }, admin);
    await t.gqlOk(
      'mutation($i: FindingCodeInput!) { upsertFindingCode(input: $i) { key } }',
      {
        i: {
          key: 'owner_caused',
          kind: 'validity_criterion',
          name: { zh: '业主自身原因造成', en: 'Caused by the owner' },
          roles: ['admin', 'manager', 'handler'],
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
        then: { valid: false, reason: 'owner_caused', reasonText: OWNER_CAUSED },
        description: '调查发现业主自身原因',
      },
      ...validity.rows,
    ];
    await t.gqlOk('mutation($t: JSON!) { setRuleSet(key: validity, table: $t) { key } }', { t: validity }, admin);
    await t.gqlOk(PUBLISH, { note: '物业：调查结论' }, admin);
  }, 120_000);
  afterAll(() => t?.close());

  it('re-decides the repair complaint invalid with the coded criterion and explains why on its timeline', async () => {
    const submitted = (
      await t.gqlOk(
        `mutation($i: SubmitComplaintInput!) { submitComplaint(input: $i) { id valid invalidReason type } }`,
        {
          i: {
            type: 'property_repair',
            channel: 'phone',
            text: '卫生间地砖开裂渗水，要求物业免费维修。',
            form: { project: '锦绣花园', building: '6栋', unit: '1502', owner_status: 'owner' },
            complainant: { name: '马红梅', phone: '13751012233' },
          },
        },
        admin,
      )
    ).submitComplaint;
    expect(submitted).toMatchObject({ valid: true, type: 'property_repair' });

    const found = (
      await t.gqlOk(
        `mutation($i: FindingInput!) { recordFinding(input: $i) { valid invalidReason } }`,
        {
          i: { complaintId: submitted.id, code: 'owner_caused', note: '现场查看：业主自行拆改防水层所致' },
        },
        admin,
      )
    ).recordFinding;
    expect(found).toEqual({ valid: false, invalidReason: 'owner_caused' });

    const timeline = (await t.gqlOk(`query($id: ID!) { complaint(id: $id) { timeline { type data } } }`, { id: submitted.id }, admin))
      .complaint.timeline;
    const redecided = timeline
      .filter((e: any) => e.type === 'decision.validity')
      .map((e: any) => e.data)
      .find((d: any) => d.finding === 'owner_caused');
    expect(redecided).toMatchObject({
      outcome: { valid: false, reason: 'owner_caused', reasonText: OWNER_CAUSED },
      before: { valid: true },
      rowKey: 'inv-owner-caused',
    });
    expect(redecided.explanation).toContain('owner_caused');
  });
});
