import { createHash } from 'node:crypto';
import { createTestApp, testDatabases, type GraphQLResponse, type TestApp } from '../support/test-app';

/**
 * One person, a role per tenant: the same e-mail is a member of two tenants (handler in one, admin in the other),
 * chooses the tenant at sign-in, switches between them, and is deactivated in one without losing the other. Plus the
 * audit of failed sign-ins that concern no member (unknown e-mails), without creating accounts or changing the answer.
 */
const STRONG = 'Lantern-Orchid-93-Basin';
const OPERATOR = 'operator-secret-2';
const PERSON = 'pat.lin@multi.example';

const LOGIN = `mutation($e: String!, $p: String!, $t: String) { login(email: $e, password: $p, tenant: $t) { token user { id role tenant { slug } } } }`;
const ACCEPT = 'mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { token user { id role } } }';
const CREATE_TENANT = 'mutation($i: CreateTenantInput!) { createTenant(input: $i) { tenant { id slug } adminUserId setupLink } }';
const MY_TENANTS = '{ myTenants { slug name role current } }';
const SWITCH = 'mutation($id: ID!) { switchTenant(tenantId: $id) { token user { role tenant { slug } } } }';

const reasonOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.reason;
const tokenFrom = (link: string) => new URL(link.replace('/#/', '/')).searchParams.get('token')!;

/** GraphQL from a chosen client address (the API trusts X-Forwarded-For from its proxy), optionally with a bearer. */
async function gqlFrom(
  t: TestApp,
  ip: string,
  query: string,
  variables: Record<string, unknown>,
  bearer?: string,
): Promise<GraphQLResponse> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return response.json() as Promise<GraphQLResponse>;
}

describe.each(testDatabases())('one person in several tenants on %s', (db) => {
  let t: TestApp;
  let demoAdmin: string;
  let north: { id: string; slug: string };
  let demoMembershipId: string;

  beforeAll(async () => {
    t = await createTestApp({ db, config: { platformToken: 'sha256:' + createHash('sha256').update(OPERATOR).digest('hex') } });
    await t.seedDemo();
    demoAdmin = await t.login('admin@demo.local');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('makes one e-mail a handler in one tenant and the admin of another', async () => {
    const created = await t.gqlOk(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: { email: PERSON, displayName: '林帕特', role: 'handler', password: STRONG },
      },
      demoAdmin,
    );
    demoMembershipId = created.createUser.id;
    // The platform operator creates a tenant whose first admin is the same person: no USER_EXISTS across tenants.
    const tenant = await t.gqlOk(
      CREATE_TENANT,
      { i: { name: '北方水务', slug: `north-${db}`, adminEmail: 'Pat.Lin@Multi.example' } },
      OPERATOR,
    );
    north = tenant.createTenant.tenant;
    expect(tenant.createTenant.adminUserId).not.toBe(demoMembershipId);
    const accepted = await t.gqlOk(ACCEPT, { t: tokenFrom(tenant.createTenant.setupLink), p: STRONG });
    expect(accepted.acceptInvitation.user.role).toBe('admin');
    // Still unique within a tenant.
    const duplicate = await t.gql(
      'mutation($i: InviteUserInput!) { inviteUser(input: $i) { link } }',
      {
        i: { email: PERSON.toUpperCase(), displayName: 'x', role: 'agent' },
      },
      accepted.acceptInvitation.token,
    );
    expect(duplicate.errors?.[0].extensions).toMatchObject({ reason: 'USER_EXISTS', field: 'email' });
  });

  it('asks which tenant when the password opens several, then signs in to the chosen one', async () => {
    const ambiguous = await t.gql(LOGIN, { e: PERSON, p: STRONG });
    expect(ambiguous.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TENANT_CHOICE_REQUIRED', field: 'tenant' });
    expect(ambiguous.errors?.[0].extensions?.messages).toEqual({
      'zh-CN': '该邮箱属于多个租户，请选择要登录的租户',
      en: 'This e-mail belongs to several tenants; choose the tenant to sign in to',
    });
    const choices = ambiguous.errors?.[0].extensions?.details.tenants.map((c: any) => [c.slug, c.role]).sort();
    expect(choices).toEqual([
      ['demo', 'handler'],
      [`north-${db}`, 'admin'],
    ]);
    // A wrong password reveals no tenants: the usual answer.
    const wrong = await t.gql(LOGIN, { e: PERSON, p: 'Not-The-Password-42' });
    expect(reasonOf(wrong)).toBe('INVALID_CREDENTIALS');
    expect(JSON.stringify(wrong)).not.toContain('north');

    const asHandler = (await t.gqlOk(LOGIN, { e: PERSON, p: STRONG, t: 'demo' })).login;
    expect(asHandler.user).toMatchObject({ id: demoMembershipId, role: 'handler', tenant: { slug: 'demo' } });
    const asAdmin = (await t.gqlOk(LOGIN, { e: PERSON, p: STRONG, t: north.slug })).login;
    expect(asAdmin.user).toMatchObject({ role: 'admin', tenant: { slug: north.slug } });
    // Sessions are per tenant: the handler session cannot administer, the admin one sees only its tenant's people.
    expect((await t.gql('{ users { email } }', {}, asHandler.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gqlOk('{ users { email } }', {}, asAdmin.token)).users).toEqual([{ email: PERSON }]);
    // An unknown tenant answers like a wrong password.
    expect(reasonOf(await t.gql(LOGIN, { e: PERSON, p: STRONG, t: 'no-such-tenant' }))).toBe('INVALID_CREDENTIALS');
  });

  it('switches between the tenants the sign-in opened', async () => {
    const handler = (await t.gqlOk(LOGIN, { e: PERSON, p: STRONG, t: 'demo' })).login.token;
    const mine = (await t.gqlOk(MY_TENANTS, {}, handler)).myTenants;
    expect(mine).toEqual([
      { slug: 'demo', name: '演示公司', role: 'handler', current: true },
      { slug: north.slug, name: '北方水务', role: 'admin', current: false },
    ]);
    const switched = (await t.gqlOk(SWITCH, { id: north.id }, handler)).switchTenant;
    expect(switched.user).toEqual({ role: 'admin', tenant: { slug: north.slug } });
    expect((await t.gqlOk('{ me { role tenant { slug } } }', {}, switched.token)).me).toEqual({
      role: 'admin',
      tenant: { slug: north.slug },
    });
    // And back: the new session remembers the membership it came from.
    const back = (await t.gqlOk(SWITCH, { id: (await t.gqlOk('{ me { tenant { id } } }', {}, handler)).me.tenant.id }, switched.token))
      .switchTenant;
    expect(back.user).toEqual({ role: 'handler', tenant: { slug: 'demo' } });
    // Someone else's session cannot switch into the person's tenant.
    expect(reasonOf(await t.gql(SWITCH, { id: north.id }, demoAdmin))).toBe('TENANT_NOT_SWITCHABLE');
    const audit = await t.gqlOk('{ auditLog(filter: { action: "sign_in" }) { nodes { after } } }', {}, switched.token);
    expect(audit.auditLog.nodes.some((n: any) => n.after.via === 'tenant_switch')).toBe(true);
  });

  it('keeps the last active admin rule per tenant', async () => {
    const admin = (await t.gqlOk(LOGIN, { e: PERSON, p: STRONG, t: north.slug })).login;
    const self = await t.gql('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: admin.user.id }, admin.token);
    expect(reasonOf(self)).toBe('LAST_ADMIN');
    const demote = await t.gql(
      'mutation($id: ID!) { updateUser(id: $id, input: { role: manager }) { role } }',
      { id: admin.user.id },
      admin.token,
    );
    expect(reasonOf(demote)).toBe('LAST_ADMIN');
    // The demo tenant's admins do not count for the northern tenant, and the reverse: the demo's handler stays a handler.
    expect((await t.gqlOk('{ user(id: "' + demoMembershipId + '") { role active } }', {}, demoAdmin)).user).toEqual({
      role: 'handler',
      active: true,
    });
  });

  it('deactivating the person in one tenant leaves the other membership working', async () => {
    const handler = (await t.gqlOk(LOGIN, { e: PERSON, p: STRONG, t: 'demo' })).login.token;
    const admin = (await t.gqlOk(LOGIN, { e: PERSON, p: STRONG, t: north.slug })).login.token;
    await t.gqlOk('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: demoMembershipId }, demoAdmin);
    expect(reasonOf(await t.gql('{ me { id } }', {}, handler))).toBe('ACCOUNT_DEACTIVATED');
    expect((await t.gqlOk('{ me { role } }', {}, admin)).me.role).toBe('admin');
    // Only one active membership is left: the sign-in needs no tenant any more.
    expect((await t.gqlOk(LOGIN, { e: PERSON, p: STRONG })).login.user.tenant.slug).toBe(north.slug);
    expect(reasonOf(await t.gql(LOGIN, { e: PERSON, p: STRONG, t: 'demo' }))).toBe('ACCOUNT_DEACTIVATED');
    // The switch into the deactivated membership is gone.
    expect((await t.gqlOk(MY_TENANTS, {}, admin)).myTenants.map((c: any) => c.slug)).toEqual([north.slug]);
    const demoId = (await t.gqlOk('{ me { tenant { id } } }', {}, demoAdmin)).me.tenant.id;
    expect(reasonOf(await t.gql(SWITCH, { id: demoId }, admin))).toBe('TENANT_NOT_SWITCHABLE');
  });

  it('audits failed sign-ins of unknown e-mails and their lockout, with the same answer as for a member', async () => {
    const usersBefore = (await t.gqlOk('{ users { id } }', {}, demoAdmin)).users.length;
    const unknown = await gqlFrom(t, '192.0.2.10', LOGIN, { e: 'Nobody@Nowhere.example', p: 'Guess-Guess-123' });
    const member = await gqlFrom(t, '192.0.2.11', LOGIN, { e: 'agent@demo.local', p: 'Guess-Guess-123' });
    expect(unknown.data).toEqual(member.data);
    expect(unknown.errors?.map(({ message, extensions }) => ({ message, extensions }))).toEqual(
      member.errors?.map(({ message, extensions }) => ({ message, extensions })),
    );

    // Naming a tenant puts the failure into that tenant's log; naming none, into the platform's.
    await gqlFrom(t, '192.0.2.10', LOGIN, { e: 'ghost@nowhere.example', p: 'Guess-Guess-123', t: 'demo' });
    const tenantLog = await t.gqlOk(
      '{ auditLog(filter: { action: "sign_in_failed", ip: "192.0.2.10" }) { nodes { entityKey after } } }',
      {},
      demoAdmin,
    );
    expect(tenantLog.auditLog.nodes).toEqual([{ entityKey: null, after: { email: 'ghost@nowhere.example', reason: 'unknown_account' } }]);

    for (let i = 0; i < 3; i += 1) await gqlFrom(t, '192.0.2.10', LOGIN, { e: 'nobody@nowhere.example', p: `Guess-${i}` });
    const locked = await gqlFrom(t, '192.0.2.10', LOGIN, { e: 'nobody@nowhere.example', p: 'Guess-last' });
    expect(locked.errors?.[0].extensions).toMatchObject({ reason: 'TOO_MANY_ATTEMPTS', details: { retryAfterSeconds: 900 } });

    const query = '{ platformAuditLog { action entity entityKey after ip } }';
    expect(reasonOf(await t.gql(query, {}, demoAdmin))).toBe('PLATFORM_TOKEN_INVALID');
    const platform = (await t.gqlOk(query, {}, OPERATOR)).platformAuditLog;
    const nobody = platform.filter((e: any) => e.after.email === 'nobody@nowhere.example');
    expect(nobody.filter((e: any) => e.action === 'sign_in_failed')).toHaveLength(5);
    expect(platform[0]).toEqual({
      action: 'lockout',
      entity: 'user',
      entityKey: null,
      after: { email: 'nobody@nowhere.example', scopes: ['account'] },
      ip: '192.0.2.10',
    });
    // The sign-in that named an unknown tenant concerned no member either.
    expect(platform.filter((e: any) => e.after.email === PERSON)).toEqual([
      { action: 'sign_in_failed', entity: 'user', entityKey: null, after: { email: PERSON, reason: 'unknown_account' }, ip: '127.0.0.1' },
    ]);
    // No account was created for any of them.
    expect((await t.gqlOk('{ users { id } }', {}, demoAdmin)).users.length).toBe(usersBefore);
    const strangers = await t.dataSource.query("SELECT COUNT(*) AS n FROM app_user WHERE email LIKE '%nowhere.example'");
    expect(Number(strangers[0].n)).toBe(0);
    t.clock.advance(16 * 60_000);
  });
});
