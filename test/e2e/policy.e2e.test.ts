import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { TenantService } from '../../apps/api/src/modules/tenant/tenant.service';
import { AuthService } from '../../apps/api/src/modules/auth/auth.service';
import { Role } from '../../apps/api/src/common/auth/roles';
import { PolicyService } from '../../apps/api/src/modules/policy/policy.service';

const VERSION_FIELDS = 'version status isCurrent createdBy approvedBy note contentHash rolledBackFrom';
const UPSERT = {
  severityLevel: 'mutation($i: SeverityLevelInput!) { upsertSeverityLevel(input: $i) { key } }',
  department: 'mutation($i: DepartmentInput!) { upsertDepartment(input: $i) { key } }',
  complaintType: 'mutation($i: ComplaintTypeInput!) { upsertComplaintType(input: $i) { key name { zh } kind fields } }',
  field: 'mutation($i: FieldDefinitionInput!) { upsertField(input: $i) { key type } }',
  channel: 'mutation($i: ChannelInput!) { upsertChannel(input: $i) { key } }',
  calendar: 'mutation($i: CalendarInput!) { upsertCalendar(input: $i) { key } }',
  slaPolicy: 'mutation($i: SlaPolicyInput!) { upsertSlaPolicy(input: $i) { key targets { key duration { amount kind } } } }',
  template: 'mutation($i: ReplyTemplateInput!) { upsertReplyTemplate(input: $i) { key } }',
  ruleTest: 'mutation($i: RuleTestCaseInput!) { upsertRuleTest(input: $i) { key } }',
  team: 'mutation($i: TeamInput!) { upsertTeam(input: $i) { key } }',
};
const SET_RULE_SET = 'mutation($k: RuleSetKey!, $t: JSON!) { setRuleSet(key: $k, table: $t) { key hitPolicy rows { key when then } } }';
const PUBLISH = `mutation($n: String) { publishPolicy(note: $n) { ${VERSION_FIELDS} } }`;

/** 1,000 complaint facts with properties the test can count without the engine. */
function sampleFacts(n: number) {
  const types = ['billing', 'product.defect', 'service.attitude', 'environment', 'consultation'];
  return Array.from({ length: n }, (_, i) => ({
    complaint: {
      type: types[i % 5],
      channel: i % 50 === 0 ? 'regulator' : 'phone',
      text: i % 7 === 0 ? '再不解决我就找媒体曝光' : '希望尽快处理',
    },
    customer: { complaintsLast30Days: 0 },
  }));
}

describe.each(testDatabases())('policy studio on %s', (db) => {
  let t: TestApp;
  let admin: string;
  let demoTenantId: string;
  beforeAll(async () => {
    t = await createTestApp({ db });
    demoTenantId = await t.seedDemo();
    admin = await t.login('admin@demo.local');
  });
  afterAll(() => t?.close());

  it('publishes the demo policy as version 1 on seeding, with all its rule tests passing', async () => {
    const data = await t.gqlOk(
      `{ currentPolicyVersion { ${VERSION_FIELDS} document { channels { key } severityLevels { key rank requiresApproval } } }
      runPolicyTests(version: "current") { key passed } validatePolicyDraft { valid problems { path } } }`,
      {},
      admin,
    );
    expect(data.currentPolicyVersion).toMatchObject({ version: 1, status: 'published', isCurrent: true, createdBy: null });
    expect(data.currentPolicyVersion.document.channels).toHaveLength(12);
    expect(data.currentPolicyVersion.document.severityLevels.find((l: { key: string }) => l.key === 'major')).toEqual({
      key: 'major',
      rank: 3,
      requiresApproval: true,
    });
    expect(data.runPolicyTests.length).toBeGreaterThanOrEqual(6);
    expect(data.runPolicyTests.every((r: { passed: boolean }) => r.passed)).toBe(true);
    expect(data.validatePolicyDraft).toEqual({ valid: true, problems: [] });
  });

  it('gives the rule builder the fact schema and the operators', async () => {
    const data = await t.gqlOk(
      '{ policyFactSchema { path type label { zh } options } ruleOperators { name category description { zh en } args { name type } returns } }',
      {},
      admin,
    );
    const remedy = data.policyFactSchema.find((f: { path: string }) => f.path === 'complaint.form.expected_remedy');
    expect(remedy).toMatchObject({
      type: 'string',
      label: { zh: '期望处理方式' },
      options: expect.arrayContaining(['refund', 'compensation']),
    });
    expect(data.policyFactSchema.find((f: { path: string }) => f.path === 'complaint.channel').options).toHaveLength(12);
    const containsAny = data.ruleOperators.find((o: { name: string }) => o.name === 'contains_any');
    expect(containsAny).toMatchObject({ category: 'text', returns: 'boolean', args: [{ name: 'text' }, { name: 'keywords' }] });
  });

  it('builds a policy from scratch in a second tenant, which never sees the demo tenant’s policy', async () => {
    const tenant = await t.app.get(TenantService).create({ slug: `acme-${db}`, name: 'Acme 零售' });
    await t.app.get(AuthService).createUser({
      tenantId: tenant.id,
      email: `admin@acme-${db}.local`,
      password: 'acme-pass-1',
      displayName: 'Acme 管理员',
      role: Role.admin,
    });
    const acme = await t.login(`admin@acme-${db}.local`, 'acme-pass-1');
    const empty = await t.gqlOk(
      '{ draftPolicy { complaintTypes { key } channels { key } } policyVersions { version } currentPolicyVersion { version } }',
      {},
      acme,
    );
    expect(empty).toEqual({ draftPolicy: { complaintTypes: [], channels: [] }, policyVersions: [], currentPolicyVersion: null });

    for (const [key, zh, rank] of [
      ['normal', '一般', 1],
      ['urgent', '紧急', 2],
    ] as const) {
      await t.gqlOk(UPSERT.severityLevel, { i: { key, name: { zh }, rank } }, acme);
    }
    await t.gqlOk(UPSERT.department, { i: { key: 'service_desk', name: { zh: '服务台' } } }, acme);
    await t.gqlOk(UPSERT.field, { i: { key: 'receipt_no', label: { zh: '小票号' }, type: 'reference', required: true } }, acme);
    await t.gqlOk(UPSERT.channel, { i: { key: 'phone', name: { zh: '电话' }, realtime: true } }, acme);
    await t.gqlOk(
      UPSERT.calendar,
      {
        i: {
          key: 'default',
          name: { zh: '工作日历' },
          timeZone: 'Asia/Shanghai',
          workingHours: [{ start: '09:00', end: '18:00' }],
          weekendDays: [0, 6],
          useChineseHolidays: true,
        },
      },
      acme,
    );
    await t.gqlOk(
      UPSERT.slaPolicy,
      { i: { key: 'standard', name: { zh: '标准' }, targets: [{ key: 'resolution', duration: { amount: 3, kind: 'working_days' } }] } },
      acme,
    );
    const type = await t.gqlOk(
      UPSERT.complaintType,
      {
        i: { key: 'refund', name: { zh: '退款' }, kind: 'complaint', fields: ['receipt_no'], defaultDepartment: 'front_desk' },
      },
      acme,
    );
    expect(type.upsertComplaintType).toEqual({ key: 'refund', name: { zh: '退款' }, kind: 'complaint', fields: ['receipt_no'] });

    // Typed input errors name the field.
    const badKey = await t.gql(UPSERT.channel, { i: { key: 'Bad Key', name: { zh: 'x' } } }, acme);
    expect(badKey.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'key' });
    // Template variables are checked when saved.
    const badTemplate = await t.gql(
      UPSERT.template,
      { i: { key: 'ack', name: { zh: '受理' }, kind: 'notice', body: '您好 {{customer.name}}，编号 {{complaint.numbr}}' } },
      acme,
    );
    expect(badTemplate.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TEMPLATE_VARIABLE_UNKNOWN',
      field: 'body',
    });
    expect(badTemplate.errors?.[0].message).toContain('complaint.numbr');
    await t.gqlOk(
      UPSERT.template,
      { i: { key: 'ack', name: { zh: '受理' }, kind: 'notice', body: '您好 {{customer.name}}，编号 {{complaint.number}}' } },
      acme,
    );

    // Rules are checked against the fact schema when saved; problems carry their JSON paths.
    const badRule = await t.gql(
      SET_RULE_SET,
      {
        k: 'severity',
        t: {
          hitPolicy: 'priority',
          rows: [{ key: 'loud', priority: 1, when: { contains_any: [{ var: 'complaint.txt' }, ['曝光']] }, then: 'urgent' }],
        },
      },
      acme,
    );
    expect(badRule.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RULE_SET_INVALID' });
    expect(badRule.errors?.[0].extensions?.problems[0]).toMatchObject({
      path: expect.stringMatching(/^rows\[0\]\.when/),
      code: 'UNKNOWN_FACT',
      suggestion: expect.stringContaining('complaint.text'),
    });
    const severity = await t.gqlOk(
      SET_RULE_SET,
      {
        k: 'severity',
        t: {
          hitPolicy: 'priority',
          rows: [{ key: 'loud', priority: 1, when: { contains_any: [{ var: 'complaint.text' }, ['曝光']] }, then: 'urgent' }],
        },
      },
      acme,
    );
    expect(severity.setRuleSet).toMatchObject({ key: 'severity', hitPolicy: 'priority', rows: [{ key: 'loud', then: 'urgent' }] });
    await t.gqlOk(SET_RULE_SET, { k: 'sla', t: { rows: [{ key: 'all', when: true, then: 'standard' }] } }, acme);
    await t.gqlOk(
      UPSERT.ruleTest,
      {
        i: {
          key: 'loud-refund',
          facts: { complaint: { type: 'refund', channel: 'phone', text: '不退款就曝光' } },
          expect: { severity: 'urgent', department: 'service_desk', slaPolicy: 'standard' },
        },
      },
      acme,
    );

    // Publishing refuses a draft with a dangling reference, naming its path.
    const check = await t.gqlOk(
      '{ validatePolicyDraft { valid problems { path code message } tests { key passed failures { message } } } }',
      {},
      acme,
    );
    expect(check.validatePolicyDraft.valid).toBe(false);
    expect(check.validatePolicyDraft.problems).toEqual([
      { path: 'complaintTypes[refund].defaultDepartment', code: 'UNKNOWN_REFERENCE', message: 'Department "front_desk" does not exist' },
    ]);
    const refused = await t.gql(PUBLISH, { n: 'first try' }, acme);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'POLICY_INVALID' });
    expect(refused.errors?.[0].extensions?.problems[0].path).toBe('complaintTypes[refund].defaultDepartment');

    await t.gqlOk(
      UPSERT.complaintType,
      { i: { key: 'refund', name: { zh: '退款' }, kind: 'complaint', fields: ['receipt_no'], defaultDepartment: 'service_desk' } },
      acme,
    );
    const published = await t.gqlOk(PUBLISH, { n: 'Acme 第一版' }, acme);
    expect(published.publishPolicy).toMatchObject({ version: 1, status: 'published', isCurrent: true, note: 'Acme 第一版' });

    // Isolation both ways.
    const acmeView = await t.gqlOk('{ draftPolicy { complaintTypes { key } } policyVersions { version note } }', {}, acme);
    expect(acmeView.draftPolicy.complaintTypes).toEqual([{ key: 'refund' }]);
    expect(acmeView.policyVersions).toEqual([{ version: 1, note: 'Acme 第一版' }]);
    const demoView = await t.gqlOk(
      '{ draftPolicy { complaintTypes { key } } policyVersions { note } auditLog(first: 200) { nodes { entityKey } } }',
      {},
      admin,
    );
    expect(demoView.draftPolicy.complaintTypes.map((x: { key: string }) => x.key)).not.toContain('refund');
    expect(demoView.policyVersions.map((v: { note: string }) => v.note)).not.toContain('Acme 第一版');
    expect(demoView.auditLog.nodes.map((n: { entityKey: string }) => n.entityKey)).not.toContain('refund');
    const acmeAudit = await t.gqlOk('{ auditLog(first: 200) { nodes { entityKey } } }', {}, acme);
    expect(acmeAudit.auditLog.nodes.map((n: { entityKey: string }) => n.entityKey)).not.toContain('service.attitude');
  });

  it('refuses to publish when a rule test fails, naming the case and the row that decided', async () => {
    await t.gqlOk(
      UPSERT.ruleTest,
      {
        i: {
          key: 't1',
          description: '收费争议应为紧急（错误的期望）',
          facts: { complaint: { type: 'billing', channel: 'email', text: '账单不对' } },
          expect: { severity: 'urgent' },
        },
      },
      admin,
    );
    const refused = await t.gql(PUBLISH, { n: 'should not go live' }, admin);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RULE_TESTS_FAILED' });
    expect(refused.errors?.[0].message).toContain('test t1: expected severity urgent, got normal (row sev-default)');
    const versions = await t.gqlOk('{ policyVersions { version } }', {}, admin);
    expect(versions.policyVersions).toEqual([{ version: 1 }]);
    await t.gqlOk('mutation { deleteRuleTest(key: "t1") }', {}, admin);
  });

  it('simulates a draft over 1,000 complaints and counts exactly what changes', async () => {
    // Draft: billing disputes go to customer service; media threats are no longer urgent.
    const current = await t.gqlOk(
      '{ draftPolicy { rules { routing { key hitPolicy default rows { key when then priority description } } severity { key hitPolicy default rows { key when then priority description } } } } }',
      {},
      admin,
    );
    const routing = current.draftPolicy.rules.routing;
    routing.rows.find((r: { key: string }) => r.key === 'route-billing').then = { department: 'customer_service', strategy: 'manual' };
    await t.gqlOk(SET_RULE_SET, { k: 'routing', t: routing }, admin);
    const severity = current.draftPolicy.rules.severity;
    severity.rows = severity.rows.filter((r: { key: string }) => r.key !== 'sev-media-lawsuit');
    await t.gqlOk(SET_RULE_SET, { k: 'severity', t: severity }, admin);

    const facts = sampleFacts(1000);
    // What the test knows about its own sample: i%5==0 billing, i%50==0 regulator (always billing → major → compliance), i%7==0 media threat.
    const range = [...Array(1000).keys()];
    const billingNotMajor = range.filter((i) => i % 5 === 0 && i % 50 !== 0).length;
    const threatNotMajor = range.filter((i) => i % 7 === 0 && i % 50 !== 0).length;
    const both = range.filter((i) => i % 5 === 0 && i % 7 === 0 && i % 50 !== 0).length;
    const started = performance.now();
    const data = await t.gqlOk(
      `mutation($s: SimulationSampleInput!) { simulatePolicy(sample: $s) {
        id status total processed progress result { total changedAny validityChanged severityChanged departmentChanged slaPolicyChanged baseVersion elapsedMs
          departmentLoad { department before after } differences { index changed before { severity department } after { severity department } } } } }`,
      { s: { facts, differencesLimit: 5 } },
      admin,
    );
    const elapsed = performance.now() - started;
    const job = data.simulatePolicy;
    console.log(
      `[policy simulation, ${db}] 1,000 complaints × 2 policies: ${job.result.elapsedMs} ms in the engine, ${elapsed.toFixed(0)} ms over HTTP`,
    );
    expect(job).toMatchObject({ status: 'done', total: 1000, processed: 1000, progress: 1 });
    expect(job.result).toMatchObject({
      total: 1000,
      baseVersion: 1,
      validityChanged: 0,
      slaPolicyChanged: 0,
      departmentChanged: billingNotMajor,
      severityChanged: threatNotMajor,
      changedAny: billingNotMajor + threatNotMajor - both,
    });
    expect([billingNotMajor, threatNotMajor, both]).toEqual([180, 140, 26]);
    const load = Object.fromEntries(
      job.result.departmentLoad.map((l: { department: string; before: number; after: number }) => [l.department, [l.before, l.after]]),
    );
    expect(load).toEqual({
      finance: [180, 0],
      customer_service: [400, 580],
      quality: [200, 200],
      operations: [200, 200],
      compliance: [20, 20],
    });
    expect(job.result.differences).toHaveLength(5);
    expect(job.result.differences[0]).toEqual({
      index: 5,
      changed: ['department'],
      before: { severity: 'normal', department: 'finance' },
      after: { severity: 'normal', department: 'customer_service' },
    });
  });

  it('runs a sample above 2,000 complaints as a background job and reports progress', async () => {
    const data = await t.gqlOk(
      'mutation($s: SimulationSampleInput!) { simulatePolicy(sample: $s) { id status total } }',
      { s: { facts: sampleFacts(2500) } },
      admin,
    );
    expect(data.simulatePolicy).toMatchObject({ total: 2500 });
    let job = data.simulatePolicy;
    for (let i = 0; i < 100 && job.status === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = (
        await t.gqlOk(
          'query($id: String!) { simulationJob(id: $id) { id status processed progress result { total departmentChanged } } }',
          { id: job.id },
          admin,
        )
      ).simulationJob;
    }
    expect(job).toMatchObject({ status: 'done', processed: 2500, progress: 1, result: { total: 2500, departmentChanged: 450 } });
    const acmeToken = await t.login(`admin@acme-${db}.local`, 'acme-pass-1');
    const foreign = await t.gql('query($id: String!) { simulationJob(id: $id) { id } }', { id: job.id }, acmeToken);
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('diffs the draft against the current version, then discards the draft', async () => {
    const diff = await t.gqlOk(
      '{ policyDiff(from: "1", to: "draft") { identical summary ruleSets { key rowsAdded rowsRemoved rowsChanged { key changes { path before after } } } collections { collection } } }',
      {},
      admin,
    );
    expect(diff.policyDiff.identical).toBe(false);
    expect(diff.policyDiff.collections).toEqual([]);
    expect(diff.policyDiff.ruleSets).toEqual([
      { key: 'severity', rowsAdded: [], rowsRemoved: ['sev-media-lawsuit'], rowsChanged: [] },
      {
        key: 'routing',
        rowsAdded: [],
        rowsRemoved: [],
        rowsChanged: [{ key: 'route-billing', changes: [{ path: 'then.department', before: 'finance', after: 'customer_service' }] }],
      },
    ]);
    expect(diff.policyDiff.summary).toBe('rules.severity: rows removed sev-media-lawsuit\nrules.routing: rows changed route-billing');
    await t.gqlOk('mutation { discardPolicyDraft { channels { key } } }', {}, admin);
    const after = await t.gqlOk('{ policyDiff(from: "current", to: "draft") { identical summary } }', {}, admin);
    expect(after.policyDiff).toEqual({ identical: true, summary: 'No differences.' });
  });

  it('simulates the last N real complaints through the complaint module, and wants exactly one kind of sample', async () => {
    const data = await t.gqlOk(
      'mutation { simulatePolicy(sample: { lastN: 10 }) { status total result { total baseVersion } } }',
      {},
      admin,
    );
    expect(data.simulatePolicy.status).toBe('done');
    expect(data.simulatePolicy.total).toBeLessThanOrEqual(10);
    expect(data.simulatePolicy.result).toEqual({ total: data.simulatePolicy.total, baseVersion: 1 });
    const both = await t.gql('mutation { simulatePolicy(sample: { lastN: 10, facts: [] }) { id } }', {}, admin);
    expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SIMULATION_SAMPLE_INVALID' });
  });

  it('lets a plugin merge presets into the draft by key without touching the rest', async () => {
    const policies = t.app.get(PolicyService);
    await policies.mergeIntoDraft(
      demoTenantId,
      {
        channels: [
          { key: 'wechat_mini', name: { zh: '微信小程序' }, source: 'plugin-test' },
          { key: 'phone', name: { zh: '客服热线' }, realtime: true },
        ],
        rules: { sla: { key: 'sla', hitPolicy: 'first', rows: [{ key: 'all', when: true, then: 'standard' }] } } as never,
        settings: { repeatWindowDays: 60 } as never,
      },
      undefined,
    );
    const draft = await t.gqlOk(
      '{ draftPolicy { channels { key name { zh } source } settings { defaultSeverity repeatWindowDays } rules { sla { rows { key } } routing { rows { key } } } } }',
      {},
      admin,
    );
    expect(draft.draftPolicy.channels).toHaveLength(13);
    expect(draft.draftPolicy.channels).toEqual(
      expect.arrayContaining([
        { key: 'wechat_mini', name: { zh: '微信小程序' }, source: 'plugin-test' },
        { key: 'phone', name: { zh: '客服热线' }, source: null },
      ]),
    );
    expect(draft.draftPolicy.settings).toEqual({ defaultSeverity: 'normal', repeatWindowDays: 60 });
    expect(draft.draftPolicy.rules.sla.rows).toEqual([{ key: 'all' }]);
    expect(draft.draftPolicy.rules.routing.rows.length).toBeGreaterThan(1);
    await t.gqlOk('mutation { discardPolicyDraft { schemaVersion } }', {}, admin);
  });

  it('publishes a change, rolls back to version 1 as a new version, and resets the draft', async () => {
    await t.gqlOk(UPSERT.channel, { i: { key: 'wechat', name: { zh: '微信公众号' } } }, admin);
    const v2 = await t.gqlOk(PUBLISH, { n: '增加微信渠道' }, admin);
    expect(v2.publishPolicy).toMatchObject({ version: 2, status: 'published', isCurrent: true });
    const rolled = await t.gqlOk(`mutation { rollbackPolicy(version: 1, note: "撤回微信渠道") { ${VERSION_FIELDS} } }`, {}, admin);
    const v1 = await t.gqlOk('{ policyVersion(version: 1) { contentHash isCurrent } }', {}, admin);
    expect(rolled.rollbackPolicy).toMatchObject({
      version: 3,
      status: 'published',
      isCurrent: true,
      rolledBackFrom: 1,
      contentHash: v1.policyVersion.contentHash,
    });
    expect(v1.policyVersion.isCurrent).toBe(false);
    const draft = await t.gqlOk(
      '{ draftPolicy { channels { key } } policyDiff(from: "2", to: "3") { summary collections { collection removed } } }',
      {},
      admin,
    );
    expect(draft.draftPolicy.channels.map((c: { key: string }) => c.key)).not.toContain('wechat');
    expect(draft.policyDiff.collections).toEqual([{ collection: 'channels', removed: ['wechat'] }]);
  });

  it('exports canonical JSON that imports and exports again byte for byte', async () => {
    const exported = (await t.gqlOk('{ exportPolicy }', {}, admin)).exportPolicy as string;
    expect(exported.startsWith('{\n  "approvalChains": [],\n  "calendars": [\n')).toBe(true);
    expect(JSON.parse(exported).schemaVersion).toBe(1);
    const imported = await t.gqlOk(
      'mutation($d: String!) { importPolicy(document: $d) { valid problems { path } } }',
      { d: exported },
      admin,
    );
    expect(imported.importPolicy).toEqual({ valid: true, problems: [] });
    const again = (await t.gqlOk('{ exportPolicy(version: "draft") }', {}, admin)).exportPolicy;
    expect(again).toBe(exported);
    const byVersion = (await t.gqlOk('{ exportPolicy(version: "3") }', {}, admin)).exportPolicy;
    expect(byVersion).toBe(exported);

    // Import loads only the draft; structural errors are refused with paths.
    const changed = JSON.parse(exported);
    changed.channels = changed.channels.filter((c: { key: string }) => c.key !== 'fax');
    changed.complaintTypes[0].defaultDepartment = 'nowhere';
    const loaded = await t.gqlOk(
      'mutation($d: String!) { importPolicy(document: $d) { valid problems { path code } } }',
      { d: JSON.stringify(changed) },
      admin,
    );
    expect(loaded.importPolicy.valid).toBe(false);
    expect(loaded.importPolicy.problems).toEqual([
      { path: `complaintTypes[${changed.complaintTypes[0].key}].defaultDepartment`, code: 'UNKNOWN_REFERENCE' },
    ]);
    const live = await t.gqlOk('{ currentPolicyVersion { version document { channels { key } } } }', {}, admin);
    expect(live.currentPolicyVersion.version).toBe(3);
    expect(live.currentPolicyVersion.document.channels.map((c: { key: string }) => c.key)).toContain('fax');
    const broken = await t.gql(
      'mutation($d: String!) { importPolicy(document: $d) { valid } }',
      { d: '{"schemaVersion": 1, "channels": [{"name": {"zh": "x"}}]}' },
      admin,
    );
    expect(broken.errors?.[0].extensions).toMatchObject({ reason: 'IMPORT_INVALID_SHAPE' });
    expect(broken.errors?.[0].extensions?.problems.map((p: { path: string }) => p.path)).toEqual(
      expect.arrayContaining(['settings', 'channels[0]', 'rules']),
    );
    const notJson = await t.gql('mutation { importPolicy(document: "{not json") { valid } }', {}, admin);
    expect(notJson.errors?.[0].extensions).toMatchObject({ reason: 'IMPORT_NOT_JSON', field: 'document' });
    await t.gqlOk('mutation { discardPolicyDraft { schemaVersion } }', {}, admin);
  });

  it('holds a publish for a second person when maker-checker is on; the author cannot approve it', async () => {
    await t.app.get(AuthService).createUser({
      tenantId: demoTenantId,
      email: `admin2-${db}@demo.local`,
      password: 'demo1234',
      displayName: '第二管理员 赵云',
      role: Role.admin,
    });
    const admin2 = await t.login(`admin2-${db}@demo.local`);
    const settings = await t.gqlOk(
      'mutation { updatePolicySettings(input: { requirePublishApproval: true }) { requirePublishApproval defaultSeverity } }',
      {},
      admin,
    );
    expect(settings.updatePolicySettings).toEqual({ requirePublishApproval: true, defaultSeverity: 'normal' });
    const pending = await t.gqlOk(PUBLISH, { n: '启用双人复核' }, admin);
    expect(pending.publishPolicy).toMatchObject({ version: 4, status: 'pending_approval', isCurrent: false });
    expect((await t.gqlOk('{ currentPolicyVersion { version } }', {}, admin)).currentPolicyVersion.version).toBe(3);

    const blocked = await t.gql(PUBLISH, { n: 'another' }, admin);
    expect(blocked.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'APPROVAL_PENDING' });
    const self = await t.gql(`mutation { approvePolicyVersion(version: 4) { ${VERSION_FIELDS} } }`, {}, admin);
    expect(self.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SELF_APPROVAL' });
    expect(self.errors?.[0].message).toContain('different administrator or manager');
    const approved = await t.gqlOk(`mutation { approvePolicyVersion(version: 4, note: "已复核") { ${VERSION_FIELDS} } }`, {}, admin2);
    expect(approved.approvePolicyVersion).toMatchObject({ version: 4, status: 'published', isCurrent: true });
    expect(approved.approvePolicyVersion.approvedBy).not.toBe(approved.approvePolicyVersion.createdBy);

    // Turning it off again needs approval too; a manager may reject.
    await t.gqlOk('mutation { updatePolicySettings(input: { requirePublishApproval: false }) { requirePublishApproval } }', {}, admin);
    const off = await t.gqlOk(PUBLISH, { n: '关闭双人复核' }, admin);
    expect(off.publishPolicy).toMatchObject({ version: 5, status: 'pending_approval' });
    const manager = await t.login('manager@demo.local');
    const rejected = await t.gqlOk(`mutation { rejectPolicyVersion(version: 5, note: "不同意") { ${VERSION_FIELDS} } }`, {}, manager);
    expect(rejected.rejectPolicyVersion).toMatchObject({ version: 5, status: 'rejected', isCurrent: false });
    expect((await t.gqlOk('{ currentPolicyVersion { version } }', {}, admin)).currentPolicyVersion.version).toBe(4);
    await t.gqlOk('mutation { discardPolicyDraft { schemaVersion } }', {}, admin);
  });

  it('records every configuration change in the audit log with before and after', async () => {
    const data = await t.gqlOk(
      `{ auditLog(first: 200) { nodes { action entity entityKey actorRole actorId before after createdAt } pageInfo { hasNextPage endCursor } } }`,
      {},
      admin,
    );
    const nodes = data.auditLog.nodes as {
      action: string;
      entity: string;
      entityKey: string | null;
      before: any;
      after: any;
      actorId: string | null;
    }[];
    const wechat = nodes.find((n) => n.entity === 'channels' && n.entityKey === 'wechat');
    expect(wechat).toMatchObject({
      action: 'create',
      before: null,
      after: { key: 'wechat', name: { zh: '微信公众号' } },
      actorId: expect.any(String),
    });
    const routing = nodes.find((n) => n.action === 'set_rule_set' && n.entityKey === 'routing');
    expect(routing?.before.rows.find((r: { key: string }) => r.key === 'route-billing').then.department).toBe('finance');
    expect(routing?.after.rows.find((r: { key: string }) => r.key === 'route-billing').then.department).toBe('customer_service');
    const actions = new Set(nodes.map((n) => n.action));
    for (const action of ['publish', 'rollback', 'approve', 'reject', 'import', 'discard_draft', 'update_settings', 'delete', 'create'])
      expect(actions).toContain(action);
    const approve = nodes.find((n) => n.action === 'approve');
    expect(approve).toMatchObject({
      entity: 'policyVersion',
      entityKey: '4',
      before: { status: 'pending_approval' },
      after: { status: 'published' },
    });
    // Newest first, and pages continue where the last one ended.
    expect(nodes[0].action).toBe('discard_draft');
    const page1 = await t.gqlOk(
      '{ auditLog(first: 2, filter: { entity: "policyVersion" }) { nodes { id action } pageInfo { hasNextPage endCursor } } }',
      {},
      admin,
    );
    const page2 = await t.gqlOk(
      'query($a: String) { auditLog(first: 2, after: $a, filter: { entity: "policyVersion" }) { nodes { id action } } }',
      { a: page1.auditLog.pageInfo.endCursor },
      admin,
    );
    expect(page1.auditLog.nodes.map((n: { action: string }) => n.action)).toEqual(['reject', 'publish']);
    expect(page2.auditLog.nodes.map((n: { action: string }) => n.action)).toEqual(['approve', 'publish']);
  });

  it('refuses mutations to non-admins with FORBIDDEN and lets readers read', async () => {
    const agent = await t.login('agent@demo.local');
    const manager = await t.login('manager@demo.local');
    const analyst = await t.login('analyst@demo.local');
    for (const token of [agent, manager, analyst]) {
      const upsert = await t.gql(UPSERT.channel, { i: { key: 'x', name: { zh: 'x' } } }, token);
      expect(upsert.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const publish = await t.gql(PUBLISH, {}, token);
      expect(publish.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const rule = await t.gql(SET_RULE_SET, { k: 'sla', t: { rows: [] } }, token);
      expect(rule.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await t.gql('{ draftPolicy { schemaVersion } }', {}, agent)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql('{ auditLog { nodes { id } } }', {}, analyst)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const read = await t.gqlOk('{ draftPolicy { schemaVersion } policyVersions { version } }', {}, analyst);
    expect(read.draftPolicy.schemaVersion).toBe(1);
  });
});
