import { createTestApp, testDatabases, type TestApp } from '../support/test-app';

describe.each(testDatabases())('platform foundation on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db });
    await t.seedDemo();
  });
  afterAll(() => t?.close());

  it('reports health with database and migrations', async () => {
    const response = await fetch(`${t.url}/health`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'ok', database: { type: db, reachable: true }, migrations: { current: true, pending: [] } });
  });

  it('signs in the demo admin and answers me', async () => {
    const token = await t.login('admin@demo.local');
    const data = await t.gqlOk('{ me { email role displayName tenant { name slug } } }', {}, token);
    expect(data.me).toEqual({
      email: 'admin@demo.local',
      role: 'admin',
      displayName: '系统管理员 王敏',
      tenant: { name: '演示公司', slug: 'demo' },
    });
  });

  it('rejects a wrong password and an unknown email with the same UNAUTHENTICATED error', async () => {
    const q = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
    const wrongPassword = await t.gql(q, { e: 'admin@demo.local', p: 'nope-nope' });
    const unknownUser = await t.gql(q, { e: 'nobody@demo.local', p: 'demo1234' });
    expect(wrongPassword.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknownUser.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(wrongPassword.errors?.[0].message).toBe(unknownUser.errors?.[0].message);
  });

  it('requires credentials, and refuses a role without permission with FORBIDDEN', async () => {
    const anonymous = await t.gql('{ me { email } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const agent = await t.login('agent@demo.local');
    const forbidden = await t.gql('mutation { createApiToken(name: "x", role: admin) { secret } }', {}, agent);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const garbage = await t.gql('{ me { email } }', {}, 'not-a-token');
    expect(garbage.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers malformed GraphQL and wrong input types with BAD_USER_INPUT and the field', async () => {
    const token = await t.login('admin@demo.local');
    const malformed = await t.gql('{ me { email ', {}, token);
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const wrongType = await t.gql('mutation($r: Role!) { createApiToken(name: "x", role: $r) { secret } }', { r: 'superuser' }, token);
    expect(wrongType.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'r' });
    const unknownField = await t.gql('{ me { shoeSize } }', {}, token);
    expect(unknownField.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'shoeSize' });
  });

  it('creates, uses and revokes an API token scoped to its tenant and role', async () => {
    const admin = await t.login('admin@demo.local');
    const created = await t.gqlOk(
      'mutation { createApiToken(name: "呼叫中心", role: api_client) { secret token { id name role } } }',
      {},
      admin,
    );
    const { secret, token } = created.createApiToken;
    expect(secret).toMatch(/^rdt_/);
    const me = await t.gqlOk('{ me { role tenant { slug } } }', {}, secret);
    expect(me.me).toEqual({ role: 'api_client', tenant: { slug: 'demo' } });
    const listed = await t.gqlOk('{ apiTokens { id name } }', {}, admin);
    expect(listed.apiTokens.map((x: { id: string }) => x.id)).toContain(token.id);
    // The secret never comes back after creation.
    expect(JSON.stringify(listed)).not.toContain(secret.split('_')[2]);
    const forbidden = await t.gql('{ apiTokens { id } }', {}, secret);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await t.gqlOk('mutation($id: ID!) { revokeApiToken(id: $id) }', { id: token.id }, admin);
    const revoked = await t.gql('{ me { role } }', {}, secret);
    expect(revoked.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('start-up safety', () => {
  it('refuses to start on an unmigrated database with a clear message', async () => {
    await expect(createTestApp({ db: 'sqlite', autoMigrate: false })).rejects.toThrow(/migration\(s\) pending.*npm run migrate/s);
  });
});
