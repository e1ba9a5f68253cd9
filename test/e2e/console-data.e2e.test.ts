import { createTestApp, testDatabases, type TestApp } from '../support/test-app';

/**
 * What the console's screens read, per role: every role that opens a complaint can load what the screen needs
 * (the published policy's departments, templates and field labels; the people to assign to) without a FORBIDDEN
 * query, and the audit log says when and by whom.
 */
describe.each(testDatabases())('data the console screens need on %s', (db) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp({ db });
    await t.seedDemo();
    for (const who of ['admin', 'manager', 'handler', 'agent', 'analyst']) tokens[who] = await t.login(`${who}@demo.local`);
  });
  afterAll(() => t?.close());

  it('audit entries name their actor: a user by e-mail and name, an API token by name, the system by nothing', async () => {
    await t.gqlOk(
      'mutation { upsertDepartment(input: { key: "audit_probe", name: { zh: "审计探针", en: "Audit probe" } }) { key } }',
      {},
      tokens.admin,
    );
    const created = await t.gqlOk('mutation { createApiToken(name: "呼叫中心对接", role: admin) { secret } }', {}, tokens.admin);
    await t.gqlOk(
      'mutation { upsertDepartment(input: { key: "audit_probe2", name: { zh: "审计探针2", en: "Audit probe 2" } }) { key } }',
      {},
      created.createApiToken.secret,
    );
    const { auditLog } = await t.gqlOk(
      '{ auditLog(first: 200) { nodes { entityKey actorId actorEmail actorName actorRole createdAt } } }',
      {},
      tokens.admin,
    );
    const byKey = (key: string) => auditLog.nodes.find((n: any) => n.entityKey === key);
    expect(byKey('audit_probe')).toMatchObject({ actorEmail: 'admin@demo.local', actorName: '系统管理员 王敏', actorRole: 'admin' });
    expect(byKey('audit_probe2')).toMatchObject({ actorEmail: null, actorName: '呼叫中心对接' });
    expect(Number.isNaN(Date.parse(byKey('audit_probe').createdAt))).toBe(false);
    const system = auditLog.nodes.filter((n: any) => n.actorId === null);
    expect(system.length).toBeGreaterThan(0);
    for (const entry of system) expect(entry).toMatchObject({ actorEmail: null, actorName: null });
  });

  it.each(['admin', 'manager', 'handler', 'agent'])('lets %s load the published policy and the people to assign to', async (who) => {
    const result = await t.gql(
      '{ currentPolicyVersion { version documentJson } assignableUsers { id email displayName role } }',
      {},
      tokens[who],
    );
    expect(result.errors ?? []).toEqual([]);
    const raw = result.data.currentPolicyVersion.documentJson;
    const document = typeof raw === 'string' ? JSON.parse(raw) : raw;
    // What the complaint screen shows: departments to assign to, reply templates, field labels.
    expect(document.departments.length).toBeGreaterThan(0);
    expect(document.templates.length).toBeGreaterThan(0);
    expect(document.fields.every((f: any) => typeof f.label?.zh === 'string')).toBe(true);
    const people = result.data.assignableUsers;
    expect(people.map((u: any) => u.email).sort()).toEqual(['admin@demo.local', 'handler@demo.local', 'manager@demo.local']);
    expect(people.find((u: any) => u.email === 'handler@demo.local')).toMatchObject({ displayName: '处理专员 陈刚', role: 'handler' });
  });

  it('keeps the people list from roles that do not assign work, and the full user list for administrators', async () => {
    const analyst = await t.gql('{ assignableUsers { id } }', {}, tokens.analyst);
    expect(analyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const handler = await t.gql('{ users { id } }', {}, tokens.handler);
    expect(handler.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('reports form problems in Chinese and English, each required field by its label', async () => {
    const result = await t.gql(
      'mutation($i: SubmitComplaintInput!) { submitComplaint(input: $i) { id } }',
      {
        i: { type: 'billing', channel: 'phone', text: '账单多扣了钱', form: {}, complainant: { name: '王芳' } },
      },
      tokens.agent,
    );
    const error = result.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FORM_INVALID' });
    const problems = error!.extensions!.problems as { field: string; message: string; messages: Record<string, string> }[];
    expect(problems.find((p) => p.field === 'input.form.amount')).toMatchObject({
      message: 'Amount (CNY) is required',
      messages: { 'zh-CN': '请填写“金额（元）”', en: 'Amount (CNY) is required' },
    });
    expect(problems.find((p) => p.field === 'input.complainant.phone')?.messages['zh-CN']).toBe('请至少填写一种联系方式（电话或电子邮箱）');
    for (const p of problems) expect(p.messages['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  });
});
