import { createTestApp, testDatabases, type GraphQLResponse, type TestApp } from '../support/test-app';
import { ManualClock } from '../../apps/api/src/common/clock';
import { submit } from '../support/complaints';

// Wednesday 25 Nov 2026, 10:00 in Shanghai: a working day.
const START = new Date('2026-11-25T02:00:00Z');
const STRONG = 'Lantern-Orchid-93-Basin';
const TEAM = 'mutation($i: TeamInput!) { upsertTeam(input: $i) { key } }';
const PUBLISH = 'mutation { publishPolicy(note: "team change") { version status } }';
const VALIDATE = '{ validatePolicyDraft { valid problems { path code message } } }';
const frontline = (members: string[]) => ({
  key: 'cs_frontline',
  departmentKey: 'customer_service',
  name: { zh: '客服一线组', en: 'Front-line team' },
  members,
});
const reasonOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.reason;

/**
 * Policy teams name real, active users of the tenant: publish refuses an unknown or deactivated member with a coded
 * error and the member's path; someone deactivated after publish gets no new work (routing skips them) and blocks the
 * next publish until the team is corrected.
 */
describe.each(testDatabases())('people named by a policy on %s', (db) => {
  let t: TestApp;
  let admin: string;
  let agent: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ db, clock: new ManualClock(START) });
    await t.seedDemo();
    admin = await t.login('admin@demo.local');
    agent = await t.login('agent@demo.local');
    for (const user of (await t.gqlOk('{ users { id email } }', {}, admin)).users) ids[user.email] = user.id;
  });
  afterAll(() => t?.close());

  it('refuses to publish a team member who is no user of the tenant, with the path', async () => {
    await t.gqlOk(TEAM, { i: frontline(['handler@demo.local', 'Ghost@Demo.local']) }, admin);
    const refused = await t.gql(PUBLISH, {}, admin);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'POLICY_PEOPLE_INVALID' });
    expect(refused.errors?.[0].extensions?.problems).toEqual([
      expect.objectContaining({
        field: 'teams[cs_frontline].members[1]',
        code: 'USER_UNKNOWN',
        message: 'Ghost@Demo.local is not a user of this tenant',
      }),
    ]);
    expect(refused.errors?.[0].extensions?.messages['zh-CN']).toContain('策略中有 1 位人员不是本租户的启用用户');
    // The validation the console shows before publishing says the same.
    const check = (await t.gqlOk(VALIDATE, {}, admin)).validatePolicyDraft;
    expect(check.valid).toBe(false);
    expect(check.problems).toEqual([expect.objectContaining({ path: 'teams[cs_frontline].members[1]', code: 'USER_UNKNOWN' })]);
    // Nothing went live.
    expect((await t.gqlOk('{ currentPolicyVersion { version } }', {}, admin)).currentPolicyVersion.version).toBe(1);
  });

  it('refuses a deactivated member, and publishes once everyone named is active', async () => {
    const created = await t.gqlOk(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: { email: 'second.handler@demo.local', displayName: '处理专员 二', role: 'handler', password: STRONG, teams: ['cs_frontline'] },
      },
      admin,
    );
    ids['second.handler@demo.local'] = created.createUser.id;
    await t.gqlOk('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: created.createUser.id }, admin);
    await t.gqlOk(TEAM, { i: frontline(['handler@demo.local', 'second.handler@demo.local']) }, admin);
    const refused = await t.gql(PUBLISH, {}, admin);
    expect(reasonOf(refused)).toBe('POLICY_PEOPLE_INVALID');
    expect(refused.errors?.[0].extensions?.problems).toEqual([
      expect.objectContaining({ field: 'teams[cs_frontline].members[1]', code: 'USER_DEACTIVATED' }),
    ]);
    await t.gqlOk('mutation($id: ID!) { reactivateUser(id: $id) { active } }', { id: created.createUser.id }, admin);
    expect((await t.gqlOk(PUBLISH, {}, admin)).publishPolicy).toEqual({ version: 2, status: 'published' });
  });

  it('gives a member deactivated after publish no new work, and blocks the next publish until the team is fixed', async () => {
    const service = () =>
      submit(t, agent, {
        channel: 'phone',
        type: 'service.attitude',
        text: '营业厅工作人员态度恶劣，不耐烦地打断我说话。',
        form: { staff_name: '小王', outlet: 'bj_chaoyang', expected_remedy: 'apology' },
      });
    // Round robin over both members while both are active …
    // (all received at the same instant: the latest complaint is the one with the higher number)
    const before = [await service(), await service(), await service(), await service()].map((c) => c.assigneeId);
    expect([...before.slice(0, 2)].sort()).toEqual([ids['handler@demo.local'], ids['second.handler@demo.local']].sort());
    expect(before.slice(2)).toEqual(before.slice(0, 2));
    await t.gqlOk('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: ids['second.handler@demo.local'] }, admin);
    // … and only the active one afterwards, although the published team still names the other.
    const after = [await service(), await service(), await service()].map((c) => c.assigneeId);
    expect(after).toEqual([ids['handler@demo.local'], ids['handler@demo.local'], ids['handler@demo.local']]);

    const check = (await t.gqlOk(VALIDATE, {}, admin)).validatePolicyDraft;
    expect(check.problems).toEqual([expect.objectContaining({ path: 'teams[cs_frontline].members[1]', code: 'USER_DEACTIVATED' })]);
    expect(reasonOf(await t.gql(PUBLISH, {}, admin))).toBe('POLICY_PEOPLE_INVALID');
    await t.gqlOk(TEAM, { i: frontline(['handler@demo.local']) }, admin);
    expect((await t.gqlOk(PUBLISH, {}, admin)).publishPolicy.version).toBe(3);
  });

  it('hands a twice-unsatisfied complaint to an active manager when the department’s named manager was deactivated', async () => {
    const deputy = await t.gqlOk(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: { email: 'deputy.manager@demo.local', displayName: '副经理', role: 'manager', password: STRONG },
      },
      admin,
    );
    // customer_service names manager@demo.local as its manager in the published policy.
    await t.gqlOk('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: ids['manager@demo.local'] }, admin);
    const handler = await t.login('handler@demo.local');
    const c = await submit(t, agent, {
      channel: 'phone',
      type: 'service.efficiency',
      text: '排队一个多小时无人处理。',
      form: { order_no: 'SO-2026-1101' },
    });
    const reply = (body: string) =>
      t.gqlOk('mutation($i: ReplyInput!) { replyToComplaint(input: $i) { state } }', { i: { complaintId: c.id, body } }, handler);
    const followUp = (score: number) =>
      t.gqlOk(
        'mutation($i: FollowUpInput!) { recordFollowUp(input: $i) { state assigneeId unsatisfiedCount } }',
        {
          i: { complaintId: c.id, satisfied: false, score },
        },
        agent,
      );
    await reply('已向门店反馈并增加窗口。');
    await followUp(2);
    await reply('已增派人员并提供优先办理。');
    const second = (await followUp(1)).recordFollowUp;
    expect(second).toMatchObject({ state: 'in_progress', unsatisfiedCount: 2, assigneeId: deputy.createUser.id });
    expect(reasonOf(await t.gql(PUBLISH, {}, admin))).toBe('POLICY_PEOPLE_INVALID');
  });
});
