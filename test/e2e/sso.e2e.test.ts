import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';
import { UserAdminService } from '../../apps/api/src/modules/auth/user-admin.service';
import { createTestApp, testDatabases, type GraphQLResponse, type TestApp } from '../support/test-app';
import { freePort } from '../support/postgres-server';

const PUBLIC_URL = 'https://console.redress.test';
const CLIENT = { client_id: 'redress-console', client_secret: 'provider-side-secret-1' };

interface TestProvider {
  issuer: string;
  /** The account the next interaction signs in as (an e-mail). */
  account: { email: string; verified?: boolean };
  /** Make the provider issue ID tokens for another audience (a misbehaving or misconfigured provider). */
  foreignAudience: boolean;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) on loopback. Its login and consent pages are replaced by an
 * interaction handler that signs in `account` at once, so the test drives the real authorization code flow.
 */
async function startProvider(): Promise<TestProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const state: TestProvider = { issuer, account: { email: '' }, foreignAudience: false, close: async () => {} };
  const provider = new Provider(issuer, {
    clients: [{ ...CLIENT, redirect_uris: [`${PUBLIC_URL}/sso/callback`], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, email: id, email_verified: state.account.verified ?? true, name: `SSO ${id.split('@')[0]}` }),
    }),
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    cookies: { keys: ['test-cookie-key'] },
  });
  const issue = provider.IdToken.prototype.issue;
  provider.IdToken.prototype.issue = function patched(this: { client: { clientId: string } }, ...args: unknown[]) {
    if (state.foreignAudience) this.client = Object.create(this.client, { clientId: { value: 'some-other-app' } });
    return issue.apply(this, args as never);
  };
  const callback = provider.callback();
  const server: Server = createServer(async (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      const details = await provider.interactionDetails(req, res);
      const accountId = state.account.email;
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope('openid email profile');
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
      return;
    }
    callback(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/** Follows the provider's redirects like a browser (with cookies) until it redirects to the console's callback. */
async function browse(url: string): Promise<string> {
  const cookies = new Map<string, string>();
  let next = url;
  for (let hop = 0; hop < 15; hop += 1) {
    if (next.startsWith(`${PUBLIC_URL}/sso/callback`)) return next;
    const response = await fetch(next, {
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      cookies.set(name.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`No redirect from ${next}: ${response.status} ${await response.text()}`);
    next = new URL(location, next).href;
  }
  throw new Error('Too many redirects');
}

const reasonOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.reason;
const BEGIN = 'mutation($t: String!) { beginSsoLogin(tenant: $t) }';
const COMPLETE = 'mutation($u: String!) { completeSsoLogin(callbackUrl: $u) { token user { email role displayName } } }';
const SETTINGS = `mutation($i: SsoSettingsInput!) { updateSsoSettings(input: $i) { enabled issuer clientId hasClientSecret defaultRole autoProvision redirectUri } }`;

describe.each(testDatabases())('OpenID Connect sign-on on %s', (db) => {
  let t: TestApp;
  let idp: TestProvider;
  let admin: string;
  const settings = () => ({
    enabled: true,
    issuer: idp.issuer,
    clientId: CLIENT.client_id,
    clientSecret: CLIENT.client_secret,
    defaultRole: 'agent',
    autoProvision: true,
  });

  beforeAll(async () => {
    idp = await startProvider();
    t = await createTestApp({ db, config: { publicUrl: PUBLIC_URL } });
    await t.seedDemo();
    admin = await t.login('admin@demo.local');
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  async function signOn(email: string): Promise<GraphQLResponse> {
    idp.account = { email };
    const begun = await t.gqlOk(BEGIN, { t: 'demo' });
    return t.gql(COMPLETE, { u: await browse(begun.beginSsoLogin) });
  }

  it('is configured by the tenant admin; the secret never comes back', async () => {
    expect(reasonOf(await t.gql(BEGIN, { t: 'demo' }))).toBe('SSO_NOT_CONFIGURED');
    expect(reasonOf(await t.gql(SETTINGS, { i: { ...settings(), issuer: 'http://idp.example.com' } }, admin))).toBe('SSO_SETTINGS_INVALID');
    expect(reasonOf(await t.gql(SETTINGS, { i: { ...settings(), defaultRole: 'admin' } }, admin))).toBe('SSO_SETTINGS_INVALID');
    const saved = await t.gqlOk(SETTINGS, { i: settings() }, admin);
    expect(saved.updateSsoSettings).toEqual({
      enabled: true,
      issuer: idp.issuer,
      clientId: CLIENT.client_id,
      hasClientSecret: true,
      defaultRole: 'agent',
      autoProvision: true,
      redirectUri: `${PUBLIC_URL}/sso/callback`,
    });
    const read = await t.gqlOk('{ ssoSettings { hasClientSecret } }', {}, admin);
    expect(JSON.stringify(read)).not.toContain(CLIENT.client_secret);
    expect((await t.gqlOk('{ ssoAvailable(tenant: "demo") }')).ssoAvailable).toBe(true);
    const agent = await t.login('agent@demo.local');
    expect((await t.gql('{ ssoSettings { issuer } }', {}, agent)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('signs in an existing user matched by e-mail, and provisions a new one with the default role', async () => {
    const existing = await signOn('Handler@demo.local');
    expect(existing.data?.completeSsoLogin.user).toEqual({ email: 'handler@demo.local', role: 'handler', displayName: '处理专员 陈刚' });
    const me = await t.gqlOk('{ me { email } }', {}, existing.data!.completeSsoLogin.token);
    expect(me.me.email).toBe('handler@demo.local');

    const fresh = await signOn('new.person@demo.local');
    expect(fresh.data?.completeSsoLogin.user).toEqual({ email: 'new.person@demo.local', role: 'agent', displayName: 'SSO new.person' });
    const audit = await t.gqlOk('{ auditLog(filter: { action: "provision" }) { nodes { after } } }', {}, admin);
    expect(audit.auditLog.nodes[0].after).toMatchObject({ email: 'new.person@demo.local', role: 'agent', issuer: idp.issuer });

    // A member of another tenant only: provisioned here as a membership of its own, the other one untouched.
    const other = await t.app.get(UserAdminService).createTenant({ name: '别的公司', slug: `other-${db}`, adminEmail: 'both@demo.local' });
    const provisioned = await signOn('both@demo.local');
    expect(provisioned.data?.completeSsoLogin.user).toMatchObject({ email: 'both@demo.local', role: 'agent' });
    const mine = (await t.gqlOk('{ me { id tenant { slug } } }', {}, provisioned.data!.completeSsoLogin.token)).me;
    expect(mine.tenant.slug).toBe('demo');
    expect(mine.id).not.toBe(other.admin.id);
    const rows = await t.dataSource.query("SELECT role FROM app_user WHERE email = 'both@demo.local' ORDER BY role");
    expect(rows.map((r: { role: string }) => r.role)).toEqual(['admin', 'agent']);
  });

  it('refuses a replayed callback, a deactivated user and unknown people when provisioning is off', async () => {
    idp.account = { email: 'agent@demo.local' };
    const begun = await t.gqlOk(BEGIN, { t: 'demo' });
    const callback = await browse(begun.beginSsoLogin);
    expect((await t.gqlOk(COMPLETE, { u: callback })).completeSsoLogin.user.email).toBe('agent@demo.local');
    expect(reasonOf(await t.gql(COMPLETE, { u: callback }))).toBe('SSO_STATE_INVALID');

    const users = await t.gqlOk('{ users(filter: { search: "new.person" }) { id } }', {}, admin);
    await t.gqlOk('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: users.users[0].id }, admin);
    expect(reasonOf(await signOn('new.person@demo.local'))).toBe('ACCOUNT_DEACTIVATED');

    await t.gqlOk(SETTINGS, { i: { ...settings(), clientSecret: undefined, autoProvision: false } }, admin);
    const unknown = await signOn('stranger@demo.local');
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SSO_USER_UNKNOWN' });
    expect(unknown.errors?.[0].extensions?.messages['zh-CN']).toBe('该邮箱不是本租户的用户，请联系管理员');
    const count = await t.gqlOk('{ users(filter: { search: "stranger" }) { id } }', {}, admin);
    expect(count.users).toEqual([]);
  });

  it('refuses a wrong nonce, a wrong audience and a wrong issuer with coded errors', async () => {
    idp.account = { email: 'agent@demo.local' };
    // The browser is sent to the provider with another nonce than the one the sign-on stored.
    const begun = await t.gqlOk(BEGIN, { t: 'demo' });
    const tampered = new URL(begun.beginSsoLogin);
    tampered.searchParams.set('nonce', 'attacker-chosen-nonce');
    const nonce = await t.gql(COMPLETE, { u: await browse(tampered.href) });
    expect(nonce.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SSO_NONCE_MISMATCH' });

    idp.foreignAudience = true;
    try {
      const audience = await signOn('agent@demo.local');
      expect(audience.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SSO_AUDIENCE_MISMATCH' });
      expect(audience.errors?.[0].extensions?.messages.en).toBe('The ID token was not issued to this application (audience mismatch)');
    } finally {
      idp.foreignAudience = false;
    }

    // The provider's discovery document names another issuer than the one configured (localhost vs 127.0.0.1).
    await t.gqlOk(SETTINGS, { i: { ...settings(), issuer: idp.issuer.replace('127.0.0.1', 'localhost') } }, admin);
    expect(reasonOf(await t.gql(BEGIN, { t: 'demo' }))).toBe('SSO_ISSUER_MISMATCH');
    const failures = await t.gqlOk('{ auditLog(filter: { action: "sign_in_failed", entity: "sso" }) { nodes { after } } }', {}, admin);
    expect(failures.auditLog.nodes.map((n: { after: { reason: string } }) => n.after.reason)).toEqual(
      expect.arrayContaining(['SSO_NONCE_MISMATCH', 'SSO_AUDIENCE_MISMATCH']),
    );
  });
});
