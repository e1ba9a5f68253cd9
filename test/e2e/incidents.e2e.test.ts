import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { ManualClock } from '../../apps/api/src/common/clock';
import { IncidentService } from '../../apps/api/src/modules/incident/incident.service';
import { TenantService } from '../../apps/api/src/modules/tenant/tenant.service';
import { AuthService } from '../../apps/api/src/modules/auth/auth.service';
import { Role } from '../../apps/api/src/common/auth/roles';
import { ENABLE, PUBLISH, freshTenant } from './plugin-support';

// Grouping is driven by the test (sweepAll), so incidents form at known points.
process.env.REDRESS_WORKERS = '0';

// Thursday 15 Jan 2026, 10:00 in Shanghai: a working day.
const START = new Date('2026-01-15T02:00:00Z');

const SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id number state severity } }`;
const UPSERT_RULE = `mutation($input: IncidentRuleInput!) { upsertIncidentRule(input: $input) { key windowMinutes threshold groupBy } }`;
const VALIDATE = `{ validatePolicyDraft { valid problems { path code } } }`;
const INCIDENT_FIELDS = `id title ruleKey groupKey state department memberCount dueAt firstAt lastAt mergedInto
  members { complaintId number state joinedBy releasedAt }`;
const INCIDENTS = `query($state: [IncidentState!]) { incidents(state: $state) { ${INCIDENT_FIELDS} } }`;
const INCIDENT = `query($id: ID!) { incident(id: $id) { ${INCIDENT_FIELDS} } }`;
const TIMELINE = `query($id: ID!) { complaint(id: $id) { state timeline { type data } } }`;

const OUTAGE_RULE = {
  key: 'network_outage',
  name: { zh: '网络故障', en: 'Network outage' },
  when: { '==': [{ var: 'complaint.type' }, 'telecom_network'] },
  groupBy: ['complaint.type', 'complaint.form.cell_area'],
  windowMinutes: 30,
  threshold: 5,
  department: 'telecom_noc',
};

describe.each(testDatabases())('incidents (批量事件) on %s', (db) => {
  let t: TestApp;
  let clock: ManualClock;
  let admin: string;
  let tenantId: string;

  beforeAll(async () => {
    clock = new ManualClock(START);
    t = await createTestApp({ db, clock });
    ({ admin, tenantId } = await freshTenant(t, 'incidents'));
    // Telecom brings the network types and the cell_area field; its own mass-fault presets are set out of reach so
    // that only the incident rule under test groups complaints.
    await t.gqlOk(
      ENABLE,
      { id: 'telecom', args: { 'telecom.mass_fault': { threshold: 1000 }, 'telecom.routing': { massFaultThreshold: 1000 } } },
      admin,
    );
    // …and the plugin's rule test of its default threshold no longer applies (an admin changing the threshold would do the same).
    await t.gqlOk(`mutation { deleteRuleTest(key: "telecom_mass_fault") }`, {}, admin);
  });
  afterAll(() => t?.close());

  const submit = async (cellArea: string, type = 'telecom_network', index = 0) => {
    const form =
      type === 'telecom_network'
        ? { msisdn: `1380013${String(8000 + index).padStart(4, '0')}`, service: 'data', cell_area: cellArea }
        : { msisdn: '13800138000', cell_area: cellArea };
    return (
      await t.gqlOk(
        SUBMIT,
        {
          input: {
            type,
            channel: 'phone',
            text: `小区 ${cellArea} 手机没有信号，无法上网（${index}）`,
            form,
            complainant: { name: `客户${index}`, phone: `1390000${String(index).padStart(4, '0')}` },
          },
        },
        admin,
      )
    ).submitComplaint as { id: string; number: string; state: string };
  };
  const sweep = () => t.app.get(IncidentService).sweepAll();
  const advance = (ms: number) => clock.set(new Date(clock.now().getTime() + ms));

  it('refuses an incident rule that could not group: no window at save, unknown group-by fact at publish', async () => {
    const noWindow = await t.gql(UPSERT_RULE, { input: { ...OUTAGE_RULE, windowMinutes: 0 } }, admin);
    expect(noWindow.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    await t.gqlOk(UPSERT_RULE, { input: { ...OUTAGE_RULE, groupBy: ['complaint.form.cell_aera'] } }, admin);
    const validation = (await t.gqlOk(VALIDATE, {}, admin)).validatePolicyDraft;
    expect(validation.valid).toBe(false);
    expect(validation.problems).toContainEqual({ path: 'incidentRules[network_outage].groupBy[0]', code: 'UNKNOWN_FACT' });
    const refused = await t.gql(PUBLISH, { note: 'typo' }, admin);
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await t.gqlOk(UPSERT_RULE, { input: OUTAGE_RULE }, admin);
    const fixed = (
      await t.gqlOk(`{ validatePolicyDraft { valid problems { path code message } tests { key passed failures { message } } } }`, {}, admin)
    ).validatePolicyDraft;
    expect(fixed.tests.filter((x: any) => !x.passed)).toEqual([]);
    expect(fixed).toMatchObject({ valid: true, problems: [] });
    await t.gqlOk(PUBLISH, { note: '批量事件规则' }, admin);
  });

  let incidentId: string;
  let members: string[] = [];

  it('30 complaints about one outage in 20 minutes form one incident; other areas, types and stragglers do not', async () => {
    const outage: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      outage.push((await submit(i % 2 ? 'SZ-NS-0231' : ' sz-ns-0231', 'telecom_network', i)).id);
      if (i === 14) {
        // A sweep halfway through already forms the incident; the rest join it as they arrive.
        advance(10_000);
        await sweep();
      }
      advance(40_000);
    }
    const otherArea = [await submit('SZ-FT-0112', 'telecom_network', 100), await submit('SZ-FT-0112', 'telecom_network', 101)];
    const otherType = [await submit('SZ-NS-0231', 'telecom_broadband', 102)];
    await sweep();
    await sweep(); // idempotent: a second pass changes nothing

    const incidents = (await t.gqlOk(INCIDENTS, {}, admin)).incidents;
    expect(incidents).toHaveLength(1);
    const incident = incidents[0];
    expect(incident).toMatchObject({
      ruleKey: 'network_outage',
      groupKey: 'TELECOM_NETWORK|SZ-NS-0231',
      state: 'open',
      department: 'telecom_noc',
      memberCount: 30,
    });
    expect(incident.members.map((m: any) => m.complaintId).sort()).toEqual([...outage].sort());
    expect(incident.members.every((m: any) => m.joinedBy === 'rule' && !m.releasedAt)).toBe(true);
    expect(incident.dueAt).toBeTruthy();
    for (const c of [...otherArea, ...otherType]) expect(incident.members.some((m: any) => m.complaintId === c.id)).toBe(false);
    // Each member says so on its own timeline.
    const timeline = (await t.gqlOk(TIMELINE, { id: outage[0] }, admin)).complaint.timeline;
    expect(timeline.filter((e: any) => e.type === 'incident.joined')).toHaveLength(1);
    incidentId = incident.id;
    members = outage;
  });

  it('a complaint of the same outage arriving later joins the open incident', async () => {
    advance(5 * 60_000);
    const late = await submit('SZ-NS-0231', 'telecom_network', 31);
    await sweep();
    const incident = (await t.gqlOk(INCIDENT, { id: incidentId }, admin)).incident;
    expect(incident.memberCount).toBe(31);
    members.push(late.id);
  });

  it('answers every member in one action: one reply each, every clock-bearing complaint responded', async () => {
    const outcomes = (
      await t.gqlOk(
        `mutation($id: ID!, $input: IncidentReplyInput!) { replyToIncident(id: $id, input: $input) { complaintId ok reason } }`,
        {
          id: incidentId,
          input: { body: '您好，南山区基站故障已于今日 11:00 修复，给您带来不便深表歉意。', solution: '基站电源模块更换' },
        },
        admin,
      )
    ).replyToIncident;
    expect(outcomes).toHaveLength(31);
    expect(outcomes.every((o: any) => o.ok)).toBe(true);
    for (const id of [members[0], members[30]]) {
      const complaint = (await t.gqlOk(`query($id: ID!) { complaint(id: $id) { state replies { body } } }`, { id }, admin)).complaint;
      expect(complaint.state).toBe('responded');
      expect(complaint.replies).toHaveLength(1);
      expect(complaint.replies[0].body).toContain('基站故障已于今日');
    }
    expect((await t.gqlOk(INCIDENT, { id: incidentId }, admin)).incident.state).toBe('resolved');
  });

  it('splits, merges back and releases by hand; a released complaint is not grouped again', async () => {
    const split = (
      await t.gqlOk(
        `mutation($id: ID!, $ids: [ID!]!) { splitIncident(id: $id, complaintIds: $ids, title: "误归并") { id memberCount } }`,
        {
          id: incidentId,
          ids: members.slice(0, 2),
        },
        admin,
      )
    ).splitIncident;
    expect(split.memberCount).toBe(2);
    expect((await t.gqlOk(INCIDENT, { id: incidentId }, admin)).incident.memberCount).toBe(29);
    const merged = (
      await t.gqlOk(
        `mutation($t: ID!, $s: ID!) { mergeIncidents(targetId: $t, sourceId: $s) { memberCount } }`,
        { t: incidentId, s: split.id },
        admin,
      )
    ).mergeIncidents;
    expect(merged.memberCount).toBe(31);
    expect((await t.gqlOk(INCIDENT, { id: split.id }, admin)).incident).toMatchObject({ state: 'merged', mergedInto: incidentId });

    const released = (
      await t.gqlOk(
        `mutation($id: ID!, $ids: [ID!]!) { releaseIncidentMembers(id: $id, complaintIds: $ids) { memberCount } }`,
        {
          id: incidentId,
          ids: [members[30]],
        },
        admin,
      )
    ).releaseIncidentMembers;
    expect(released.memberCount).toBe(30);
    await sweep();
    expect((await t.gqlOk(INCIDENT, { id: incidentId }, admin)).incident.memberCount).toBe(30);

    const notMember = await t.gql(
      `mutation($id: ID!, $ids: [ID!]!) { releaseIncidentMembers(id: $id, complaintIds: $ids) { id } }`,
      { id: incidentId, ids: [members[30]] },
      admin,
    );
    expect(notMember.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_A_MEMBER' });
    const splitAll = await t.gql(
      `mutation($id: ID!, $ids: [ID!]!) { splitIncident(id: $id, complaintIds: $ids, title: "x") { id } }`,
      { id: incidentId, ids: members.slice(0, 30) },
      admin,
    );
    expect(splitAll.errors?.[0].extensions?.reason).toBe('SPLIT_ALL');
  });

  it('counts incidents and members apart in the statistics', async () => {
    const stats = (
      await t.gqlOk(
        `query($from: DateTime!, $to: DateTime!) { incidentStats(from: $from, to: $to) { incidents open closed members largest } }`,
        {
          from: new Date(START.getTime() - 3_600_000).toISOString(),
          to: new Date(START.getTime() + 86_400_000).toISOString(),
        },
        admin,
      )
    ).incidentStats;
    expect(stats).toEqual({ incidents: 1, open: 1, closed: 0, members: 30, largest: 30 });
  });

  it('is invisible to another tenant', async () => {
    const other = await t.app.get(TenantService).create({ slug: `other-${db}-${Date.now().toString(36)}`, name: '他人' });
    await t.app
      .get(AuthService)
      .createUser({ tenantId: other.id, email: `m@${other.id}.local`, password: 'demo1234', displayName: '经理', role: Role.manager });
    const token = await t.login(`m@${other.id}.local`);
    expect((await t.gqlOk(INCIDENTS, {}, token)).incidents).toEqual([]);
    const lookup = await t.gql(INCIDENT, { id: incidentId }, token);
    expect(lookup.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const join = await t.gql(
      `mutation($id: ID!, $ids: [ID!]!) { addIncidentMembers(id: $id, complaintIds: $ids) { id } }`,
      { id: incidentId, ids: [members[0]] },
      token,
    );
    expect(join.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('closing the incident closes its members with the reason', async () => {
    const result = (
      await t.gqlOk(
        `mutation($id: ID!) { closeIncident(id: $id, mode: close_members, reason: "故障已修复并答复全部客户") { incident { state } outcomes { ok reason } } }`,
        {
          id: incidentId,
        },
        admin,
      )
    ).closeIncident;
    expect(result.outcomes).toHaveLength(30);
    expect(result.outcomes.filter((o: any) => !o.ok)).toEqual([]);
    expect(result.incident.state).toBe('closed');
    const member = (await t.gqlOk(`query($id: ID!) { complaint(id: $id) { state } }`, { id: members[5] }, admin)).complaint;
    expect(member.state).toBe('closed');
    // The released complaint went on alone and is still open.
    expect((await t.gqlOk(`query($id: ID!) { complaint(id: $id) { state } }`, { id: members[30] }, admin)).complaint.state).toBe(
      'responded',
    );
    expect(tenantId).toBeTruthy();
  });
});
