import { createTestApp, testDatabases, type GraphQLResponse, type TestApp } from '../support/test-app';
import { generate } from 'otplib';
import { runTenantCli } from '../../apps/api/src/cli/tenant';

const STRONG = 'Lantern-Orchid-93-Basin';
const STRONG_2 = 'Copper-Heron-Valley-58';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id email role } } }';
const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { delivered link expiresAt user { id email role teams invitationPending active } } }`;
const ACCEPT =
  'mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { token user { email invitationPending } } }';
const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, password: $p) { token } }';

const reasonOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.reason;
const tokenFrom = (link: string) => new URL(link.replace('/#/', '/')).searchParams.get('token')!;

/** POSTs GraphQL with a chosen client address (the API trusts X-Forwarded-For from its proxy). */
async function gqlFrom(t: TestApp, ip: string, query: string, variables: Record<string, unknown>): Promise<GraphQLResponse> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ query, variables }),
  });
  return response.json() as Promise<GraphQLResponse>;
}

function databaseUrlOf(t: TestApp): string {
  return t.config.database.type === 'postgres' ? t.config.database.url : `sqlite:${t.config.database.path}`;
}

describe.each(testDatabases())('staff, tenants and access on %s', (db) => {
  let t: TestApp;
  let second: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ db, config: { platformToken: 'sha256:' + (await sha256Hex('operator-secret-1')) } });
    await t.seedDemo();
    // A second API instance on the same database, with the same signing key: what a load balancer spreads requests over.
    second = await createTestApp({
      db,
      databaseUrl: databaseUrlOf(t),
      clock: t.clock,
      config: { jwtSecret: t.config.jwtSecret, encryptionKey: t.config.encryptionKey },
    });
    admin = await t.login('admin@demo.local');
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('invites a person, who sets a password through the single-use link and signs in', async () => {
    const invited = await t.gqlOk(
      INVITE,
      {
        input: { email: 'Zhao.Lei@Demo.local', displayName: '坐席 赵磊', role: 'agent', teams: ['cs_frontline'] },
      },
      admin,
    );
    const { link, user, delivered } = invited.inviteUser;
    expect(delivered).toBe(false);
    expect(link).toMatch(/\/#\/accept-invitation\?token=/);
    expect(user).toMatchObject({
      email: 'zhao.lei@demo.local',
      role: 'agent',
      teams: ['cs_frontline'],
      invitationPending: true,
      active: true,
    });
    // Not signable before the password is set.
    expect((await t.gql(LOGIN, { e: 'zhao.lei@demo.local', p: '' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const token = tokenFrom(link);
    // A weak password is refused and the link stays usable: nothing half-written.
    const short = await t.gql(ACCEPT, { t: token, p: 'demo1234' });
    expect(short.errors?.[0].extensions).toMatchObject({ reason: 'PASSWORD_TOO_SHORT', field: 'password' });
    expect(short.errors?.[0].extensions?.messages['zh-CN']).toContain('10');
    const common = await t.gql(ACCEPT, { t: token, p: 'password1234' });
    expect(reasonOf(common)).toBe('PASSWORD_TOO_COMMON');
    // The person's own e-mail scores 4 for a stranger but 0 with the user's inputs.
    const personal = await t.gql(ACCEPT, { t: token, p: 'zhao.lei@demo.local' });
    expect(reasonOf(personal)).toBe('PASSWORD_TOO_COMMON');

    const accepted = await t.gqlOk(ACCEPT, { t: token, p: STRONG });
    expect(accepted.acceptInvitation.user).toEqual({ email: 'zhao.lei@demo.local', invitationPending: false });
    const me = await t.gqlOk('{ me { email role } }', {}, accepted.acceptInvitation.token);
    expect(me.me).toEqual({ email: 'zhao.lei@demo.local', role: 'agent' });
    expect(await t.login('zhao.lei@demo.local', STRONG)).toBeTruthy();

    const reused = await t.gql(ACCEPT, { t: token, p: STRONG_2 });
    expect(reasonOf(reused)).toBe('LINK_USED');
    expect(reused.errors?.[0].extensions?.messages).toEqual({
      'zh-CN': '链接已使用过，不能再次使用',
      en: 'The link has already been used',
    });
    expect(reasonOf(await t.gql(ACCEPT, { t: 'not-a-real-token', p: STRONG_2 }))).toBe('LINK_INVALID');
  });

  it('refuses a duplicate e-mail, an expired link, and lets only the newest link work', async () => {
    const duplicate = await t.gql(INVITE, { input: { email: 'AGENT@demo.local', displayName: 'x', role: 'agent' } }, admin);
    expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'USER_EXISTS', field: 'email' });
    const before = await t.gqlOk('{ users { email } }', {}, admin);
    const invited = await t.gqlOk(INVITE, { input: { email: 'late@demo.local', displayName: '迟到的人', role: 'handler' } }, admin);
    const first = tokenFrom(invited.inviteUser.link);
    t.clock.advance(8 * 24 * 3600_000);
    try {
      expect(reasonOf(await t.gql(ACCEPT, { t: first, p: STRONG }))).toBe('LINK_EXPIRED');
    } finally {
      t.clock.advance(-8 * 24 * 3600_000);
    }
    // The admin sends a new link (an invitation again: the person never set a password); the old one is spent.
    const again = await t.gqlOk(
      'mutation($id: ID!) { requestPasswordReset(id: $id) { link delivered } }',
      { id: invited.inviteUser.user.id },
      admin,
    );
    expect(again.requestPasswordReset.link).toMatch(/accept-invitation/);
    expect(reasonOf(await t.gql(ACCEPT, { t: first, p: STRONG }))).toBe('LINK_USED');
    await t.gqlOk(ACCEPT, { t: tokenFrom(again.requestPasswordReset.link), p: STRONG });
    const after = await t.gqlOk('{ users { email } }', {}, admin);
    expect(after.users.length).toBe(before.users.length + 1);
  });

  it('creates users with the password policy, changes roles and teams, lists and searches', async () => {
    const weak = await t.gql(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: { email: 'weak@demo.local', displayName: '弱密码', role: 'handler', password: 'qwertyuiop' },
      },
      admin,
    );
    expect(reasonOf(weak)).toBe('PASSWORD_TOO_COMMON');
    expect((await t.gqlOk('{ users(filter: { search: "weak@" }) { id } }', {}, admin)).users).toEqual([]);
    const created = await t.gqlOk(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id email role } }',
      {
        i: { email: 'sun.li@demo.local', displayName: '处理专员 孙丽', role: 'handler', password: STRONG, departmentId: 'quality' },
      },
      admin,
    );
    const id = created.createUser.id;
    const updated = await t.gqlOk(
      'mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { role teams departmentId } }',
      {
        id,
        i: { role: 'manager', teams: ['quality_investigation', 'quality_investigation'] },
      },
      admin,
    );
    expect(updated.updateUser).toEqual({ role: 'manager', teams: ['quality_investigation'], departmentId: 'quality' });
    // The role applies to the next request of an existing session, on every instance.
    const session = await t.login('sun.li@demo.local', STRONG);
    await t.gqlOk(
      'mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { role } }',
      { id, i: { role: 'analyst' } },
      admin,
    );
    expect((await second.gqlOk('{ me { role } }', {}, session)).me.role).toBe('analyst');

    const search = await t.gqlOk('{ users(filter: { search: "孙丽" }) { email } }', {}, admin);
    expect(search.users).toEqual([{ email: 'sun.li@demo.local' }]);
    const analysts = await t.gqlOk('{ users(filter: { role: analyst, active: true }) { email } }', {}, admin);
    expect(analysts.users.map((u: { email: string }) => u.email).sort()).toEqual(['analyst@demo.local', 'sun.li@demo.local']);
    const team = await t.gqlOk('{ users(filter: { team: "cs_frontline" }) { email } }', {}, admin);
    expect(team.users).toEqual([{ email: 'zhao.lei@demo.local' }]);
    const agent = await t.login('agent@demo.local');
    expect((await t.gql('{ users { email } }', {}, agent)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id }, agent)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );

    const audit = await t.gqlOk(
      '{ auditLog(filter: { entity: "user", entityKey: "' + id + '" }) { nodes { action actorRole before after ip } } }',
      {},
      admin,
    );
    const actions = audit.auditLog.nodes.map((n: { action: string }) => n.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'change_role', 'sign_in']));
    const change = audit.auditLog.nodes.find(
      (n: { action: string; after: { role: string } }) => n.action === 'change_role' && n.after.role === 'analyst',
    );
    expect(change).toMatchObject({ actorRole: 'admin', before: { role: 'manager' }, after: { role: 'analyst' }, ip: '127.0.0.1' });
    expect(JSON.stringify(audit)).not.toContain('password');
  });

  it('refuses a deactivated user’s session and API tokens at once on a second instance; reactivation does not revive them', async () => {
    const created = await t.gqlOk(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: { email: 'leaver@demo.local', displayName: '经理 离职', role: 'manager', password: STRONG },
      },
      admin,
    );
    const id = created.createUser.id;
    const session = await t.login('leaver@demo.local', STRONG);
    const token = await t.gqlOk('mutation { createApiToken(name: "经理脚本", role: handler) { secret token { createdBy } } }', {}, session);
    expect(token.createApiToken.token.createdBy).toBe(id);
    const secret = token.createApiToken.secret;
    expect((await second.gqlOk('{ me { email } }', {}, session)).me.email).toBe('leaver@demo.local');
    expect((await second.gqlOk('{ me { role } }', {}, secret)).me.role).toBe('handler');

    await t.gqlOk('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id }, admin);
    const refused = await second.gql('{ me { email } }', {}, session);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_DEACTIVATED' });
    expect(refused.errors?.[0].extensions?.messages['zh-CN']).toBe('该账号已停用');
    expect(reasonOf(await second.gql('{ me { role } }', {}, secret))).toBe('ACCOUNT_DEACTIVATED');
    expect(reasonOf(await t.gql(LOGIN, { e: 'leaver@demo.local', p: STRONG }))).toBe('ACCOUNT_DEACTIVATED');

    await t.gqlOk('mutation($id: ID!) { reactivateUser(id: $id) { active } }', { id }, admin);
    expect(reasonOf(await second.gql('{ me { email } }', {}, session))).toBe('SESSION_ENDED');
    expect((await second.gqlOk('{ me { role } }', {}, secret)).me.role).toBe('handler');
    expect(await second.login('leaver@demo.local', STRONG)).toBeTruthy();
    const audit = await t.gqlOk('{ auditLog(filter: { entityKey: "' + id + '" }) { nodes { action actorId } } }', {}, admin);
    expect(audit.auditLog.nodes.map((n: { action: string }) => n.action)).toEqual(
      expect.arrayContaining(['deactivate', 'reactivate', 'sign_in']),
    );
    const byLeaver = await t.gqlOk('{ auditLog(filter: { actorId: "' + id + '", entity: "apiToken" }) { nodes { action } } }', {}, admin);
    expect(byLeaver.auditLog.nodes).toEqual([{ action: 'create_token' }]);
  });

  it('applies a deactivation, a role change and a profile change to the next request on the same instance, with the user row cached', async () => {
    const created = await t.gqlOk(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: { email: 'cached@demo.local', displayName: '缓存 甲', role: 'handler', password: STRONG },
      },
      admin,
    );
    const id = created.createUser.id;
    const session = await t.login('cached@demo.local', STRONG);
    // Warm the credential cache: the same row serves both requests.
    for (let i = 0; i < 2; i++)
      expect((await t.gqlOk('{ me { role displayName } }', {}, session)).me).toEqual({ role: 'handler', displayName: '缓存 甲' });

    await t.gqlOk(
      'mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { role } }',
      { id, i: { role: 'manager', displayName: '缓存 乙' } },
      admin,
    );
    expect((await t.gqlOk('{ me { role displayName } }', {}, session)).me).toEqual({ role: 'manager', displayName: '缓存 乙' });
    // The new role is the one checked: a manager may list API tokens, a handler may not.
    expect((await t.gqlOk('{ apiTokens { id } }', {}, session)).apiTokens).toEqual([]);

    await t.gqlOk('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id }, admin);
    expect(reasonOf(await t.gql('{ me { email } }', {}, session))).toBe('ACCOUNT_DEACTIVATED');
    expect(reasonOf(await t.gql('{ apiTokens { id } }', {}, session))).toBe('ACCOUNT_DEACTIVATED');
    await t.gqlOk('mutation($id: ID!) { reactivateUser(id: $id) { active } }', { id }, admin);
    expect(reasonOf(await t.gql('{ me { email } }', {}, session))).toBe('SESSION_ENDED');
  });

  it('never removes the last active admin', async () => {
    const users = await t.gqlOk('{ users(filter: { role: admin }) { id email } }', {}, admin);
    expect(users.users).toHaveLength(1);
    const adminId = users.users[0].id;
    const demote = await t.gql('mutation($id: ID!) { updateUser(id: $id, input: { role: manager }) { role } }', { id: adminId }, admin);
    expect(demote.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_ADMIN' });
    expect(reasonOf(await t.gql('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: adminId }, admin))).toBe('LAST_ADMIN');
    // An invited admin who has not set a password does not count.
    const pending = await t.gqlOk(INVITE, { input: { email: 'admin2@demo.local', displayName: '第二管理员', role: 'admin' } }, admin);
    expect(reasonOf(await t.gql('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: adminId }, admin))).toBe('LAST_ADMIN');
    const second = await t.gqlOk(ACCEPT, { t: tokenFrom(pending.inviteUser.link), p: STRONG_2 });
    const other = second.acceptInvitation.token;
    await t.gqlOk('mutation($id: ID!) { updateUser(id: $id, input: { role: manager }) { role } }', { id: adminId }, other);
    await t.gqlOk('mutation($id: ID!) { updateUser(id: $id, input: { role: admin }) { role } }', { id: adminId }, other);
    const me = await t.gqlOk('{ me { role } }', {}, admin);
    expect(me.me.role).toBe('admin');
  });

  it('changes one’s own password and resets a password through an admin link', async () => {
    await t.gqlOk(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: { email: 'pw@demo.local', displayName: '改密码', role: 'handler', password: STRONG },
      },
      admin,
    );
    const session = await t.login('pw@demo.local', STRONG);
    const other = await t.login('pw@demo.local', STRONG);
    const q = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }';
    expect(reasonOf(await t.gql(q, { c: 'wrong-password-1', n: STRONG_2 }, session))).toBe('CURRENT_PASSWORD_WRONG');
    expect(reasonOf(await t.gql(q, { c: STRONG, n: '12345678901' }, session))).toBe('PASSWORD_TOO_COMMON');
    const changed = await t.gqlOk(q, { c: STRONG, n: STRONG_2 }, session);
    expect(reasonOf(await t.gql('{ me { email } }', {}, other))).toBe('SESSION_ENDED');
    expect((await t.gqlOk('{ me { email } }', {}, changed.changePassword.token)).me.email).toBe('pw@demo.local');
    expect((await t.gql(LOGIN, { e: 'pw@demo.local', p: STRONG })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const users = await t.gqlOk('{ users(filter: { search: "pw@demo" }) { id } }', {}, admin);
    const reset = await t.gqlOk(
      'mutation($id: ID!) { requestPasswordReset(id: $id) { link delivered expiresAt } }',
      { id: users.users[0].id },
      admin,
    );
    expect(reset.requestPasswordReset.link).toMatch(/\/#\/reset-password\?token=/);
    const token = tokenFrom(reset.requestPasswordReset.link);
    // An invitation link is not a reset link.
    expect(reasonOf(await t.gql(ACCEPT, { t: token, p: STRONG }))).toBe('LINK_INVALID');
    const done = await t.gqlOk(RESET, { t: token, p: 'Granite-Pelican-Meadow-71' });
    expect(done.resetPassword.token).toBeTruthy();
    expect(reasonOf(await t.gql('{ me { email } }', {}, changed.changePassword.token))).toBe('SESSION_ENDED');
    expect(reasonOf(await t.gql(RESET, { t: token, p: 'Granite-Pelican-Meadow-72' }))).toBe('LINK_USED');
    expect(await t.login('pw@demo.local', 'Granite-Pelican-Meadow-71')).toBeTruthy();
    const expired = await t.gqlOk('mutation($id: ID!) { requestPasswordReset(id: $id) { link } }', { id: users.users[0].id }, admin);
    t.clock.advance(3 * 3600_000);
    try {
      expect(reasonOf(await t.gql(RESET, { t: tokenFrom(expired.requestPasswordReset.link), p: STRONG }))).toBe('LINK_EXPIRED');
    } finally {
      t.clock.advance(-3 * 3600_000);
    }
  });

  it('locks an account after repeated failures on every instance, with a retry-after', async () => {
    await t.gqlOk(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      {
        i: { email: 'target@demo.local', displayName: '被攻击', role: 'handler', password: STRONG },
      },
      admin,
    );
    for (let i = 0; i < 4; i += 1) {
      const app = i % 2 ? second : t;
      expect(reasonOf(await app.gql(LOGIN, { e: 'target@demo.local', p: `wrong-${i}` }))).toBe('INVALID_CREDENTIALS');
    }
    const fifth = await t.gql(LOGIN, { e: 'target@demo.local', p: 'wrong-5' });
    expect(fifth.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOO_MANY_ATTEMPTS' });
    expect(fifth.errors?.[0].extensions?.details.retryAfterSeconds).toBe(900);
    // Even the right password is refused while locked, on the other instance too.
    const locked = await second.gql(LOGIN, { e: 'target@demo.local', p: STRONG });
    expect(reasonOf(locked)).toBe('TOO_MANY_ATTEMPTS');
    expect(locked.errors?.[0].extensions?.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.errors?.[0].extensions?.messages['zh-CN']).toMatch(/登录失败次数过多，请在 \d+ 秒后重试/);
    t.clock.advance(16 * 60_000);
    expect(await t.login('target@demo.local', STRONG)).toBeTruthy();

    const audit = await t.gqlOk('{ auditLog(filter: { action: "lockout" }) { nodes { entityKey after ip } } }', {}, admin);
    expect(audit.auditLog.nodes[0]).toMatchObject({ after: { email: 'target@demo.local', scopes: ['account'] }, ip: '127.0.0.1' });
    const failures = await t.gqlOk('{ auditLog(filter: { action: "sign_in_failed", ip: "127.0.0.1" }) { nodes { after } } }', {}, admin);
    expect(failures.auditLog.nodes.length).toBeGreaterThanOrEqual(5);
  });

  it('throttles one client address that sprays many accounts', async () => {
    for (let i = 0; i < 29; i += 1) {
      expect(reasonOf(await gqlFrom(t, '203.0.113.7', LOGIN, { e: `spray${i}@demo.local`, p: 'x' }))).toBe('INVALID_CREDENTIALS');
    }
    expect(reasonOf(await gqlFrom(second, '203.0.113.7', LOGIN, { e: 'spray-last@demo.local', p: 'x' }))).toBe('TOO_MANY_ATTEMPTS');
    expect(reasonOf(await gqlFrom(t, '203.0.113.7', LOGIN, { e: 'agent@demo.local', p: 'demo1234' }))).toBe('TOO_MANY_ATTEMPTS');
    const elsewhere = await gqlFrom(t, '198.51.100.4', LOGIN, { e: 'agent@demo.local', p: 'demo1234' });
    expect(elsewhere.data?.login.token).toBeTruthy();
    t.clock.advance(16 * 60_000);
  });

  it('issues API tokens with expiry and lastUsedAt, never above the creator’s role', async () => {
    const manager = await t.login('manager@demo.local');
    const above = await t.gql('mutation { createApiToken(name: "x", role: admin) { secret } }', {}, manager);
    expect(above.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TOKEN_ROLE_ABOVE_CREATOR' });
    const past = await t.gql(
      'mutation($at: DateTime) { createApiToken(name: "x", role: agent, expiresAt: $at) { secret } }',
      { at: new Date(t.clock.now().getTime() - 1000).toISOString() },
      manager,
    );
    expect(reasonOf(past)).toBe('TOKEN_EXPIRY_IN_PAST');
    const expiresAt = new Date(t.clock.now().getTime() + 3600_000).toISOString();
    const created = await t.gqlOk(
      'mutation($at: DateTime) { createApiToken(name: "报表", role: agent, expiresAt: $at) { secret token { id expiresAt lastUsedAt } } }',
      { at: expiresAt },
      manager,
    );
    expect(created.createApiToken.token.lastUsedAt).toBeNull();
    const secret = created.createApiToken.secret;
    await t.gqlOk('{ me { role } }', {}, secret);
    const mine = await t.gqlOk('{ apiTokens { id lastUsedAt expiresAt createdBy } }', {}, manager);
    expect(mine.apiTokens).toHaveLength(1);
    expect(mine.apiTokens[0].lastUsedAt).not.toBeNull();
    expect(mine.apiTokens[0].expiresAt).toBe(expiresAt);
    t.clock.advance(3601_000);
    expect((await second.gql('{ me { role } }', {}, secret)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const audit = await t.gqlOk('{ auditLog(filter: { entity: "apiToken" }) { nodes { action entityKey actorRole } } }', {}, admin);
    expect(audit.auditLog.nodes.find((n: { entityKey: string }) => n.entityKey === created.createApiToken.token.id)).toMatchObject({
      action: 'create_token',
      actorRole: 'manager',
    });
  });

  it('turns on a TOTP second factor for a manager, with single-use codes and recovery codes', async () => {
    const agent = await t.login('agent@demo.local');
    expect((await t.gql('mutation { beginSecondFactorSetup { secret } }', {}, agent)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const manager = await t.login('manager@demo.local');
    const setup = await t.gqlOk('mutation { beginSecondFactorSetup { secret uri } }', {}, manager);
    const { secret, uri } = setup.beginSecondFactorSetup;
    expect(uri).toBe(`otpauth://totp/Redress:manager%40demo.local?secret=${secret}&issuer=Redress`);
    const codeAt = (offsetSeconds = 0) => generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) + offsetSeconds });
    expect(reasonOf(await t.gql('mutation($c: String!) { confirmSecondFactor(code: $c) }', { c: '000000' }, manager))).toBe(
      'SECOND_FACTOR_INVALID',
    );
    const confirmed = await t.gqlOk('mutation($c: String!) { confirmSecondFactor(code: $c) }', { c: await codeAt() }, manager);
    const recovery: string[] = confirmed.confirmSecondFactor;
    expect(recovery).toHaveLength(10);
    expect((await t.gqlOk('{ me { totpEnabled } }', {}, manager)).me.totpEnabled).toBe(true);

    const q = 'mutation($e: String!, $p: String!, $c: String) { login(email: $e, password: $p, code: $c) { token } }';
    const missing = await t.gql(q, { e: 'manager@demo.local', p: 'demo1234' });
    expect(missing.errors?.[0].extensions).toMatchObject({ reason: 'SECOND_FACTOR_REQUIRED', field: 'code' });
    // The enrolment code was accepted for its time step already: the same code cannot sign in.
    t.clock.advance(31_000);
    const fresh = await codeAt();
    expect((await t.gqlOk(q, { e: 'manager@demo.local', p: 'demo1234', c: fresh })).login.token).toBeTruthy();
    expect(reasonOf(await second.gql(q, { e: 'manager@demo.local', p: 'demo1234', c: fresh }))).toBe('SECOND_FACTOR_INVALID');
    expect(reasonOf(await t.gql(q, { e: 'manager@demo.local', p: 'wrong-pass', c: await codeAt(30) }))).toBe('INVALID_CREDENTIALS');
    // A recovery code works once, in any spelling.
    expect((await t.gqlOk(q, { e: 'manager@demo.local', p: 'demo1234', c: recovery[0].toUpperCase() })).login.token).toBeTruthy();
    expect(reasonOf(await t.gql(q, { e: 'manager@demo.local', p: 'demo1234', c: recovery[0] }))).toBe('SECOND_FACTOR_INVALID');

    // Lost device: the admin turns it off; password alone works again.
    const users = await t.gqlOk('{ users(filter: { search: "manager@demo" }) { id } }', {}, admin);
    await t.gqlOk('mutation($id: ID!) { resetUserSecondFactor(id: $id) }', { id: users.users[0].id }, admin);
    expect(await t.login('manager@demo.local')).toBeTruthy();
    const audit = await t.gqlOk('{ auditLog(filter: { entityKey: "' + users.users[0].id + '" }) { nodes { action after } } }', {}, admin);
    const actions = audit.auditLog.nodes.map((n: { action: string }) => n.action);
    expect(actions).toEqual(expect.arrayContaining(['enable_second_factor', 'disable_second_factor']));
    expect(audit.auditLog.nodes.find((n: { action: string }) => n.action === 'sign_in_failed').after.reason).toBe('second_factor');
    t.clock.advance(16 * 60_000);
  });

  it('records exports of personal data in the audit log', async () => {
    const exported = await t.gqlOk('mutation { exportComplaints(format: XLSX) { id } }', {}, admin);
    const audit = await t.gqlOk(
      '{ auditLog(filter: { action: "export_personal_data" }) { nodes { entity entityKey actorRole ip after } } }',
      {},
      admin,
    );
    expect(audit.auditLog.nodes[0]).toMatchObject({
      entity: 'complaints',
      entityKey: exported.exportComplaints.id,
      actorRole: 'admin',
      ip: '127.0.0.1',
      after: { format: 'xlsx' },
    });
  });

  it('lets the tenant admin edit the tenant settings', async () => {
    const q = 'mutation($i: TenantSettingsInput!) { updateTenant(input: $i) { name timeZone locale numberPattern } }';
    expect(reasonOf(await t.gql(q, { i: { timeZone: 'Mars/Olympus' } }, admin))).toBe('TIME_ZONE_INVALID');
    expect(reasonOf(await t.gql(q, { i: { locale: 'fr' } }, admin))).toBe('LOCALE_INVALID');
    expect(reasonOf(await t.gql(q, { i: { numberPattern: '{SEQ:4}' } }, admin))).toBe('NUMBER_PATTERN_INVALID');
    const updated = await t.gqlOk(
      q,
      { i: { name: '演示公司（华东）', timeZone: 'Asia/Urumqi', locale: 'en', numberPattern: 'TS{YYYY}{MM}-{SEQ:5}' } },
      admin,
    );
    expect(updated.updateTenant).toEqual({
      name: '演示公司（华东）',
      timeZone: 'Asia/Urumqi',
      locale: 'en',
      numberPattern: 'TS{YYYY}{MM}-{SEQ:5}',
    });
    const manager = await t.login('manager@demo.local');
    expect((await t.gql(q, { i: { name: 'x' } }, manager)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const audit = await t.gqlOk('{ auditLog(filter: { action: "update_tenant" }) { nodes { before after } } }', {}, admin);
    expect(audit.auditLog.nodes[0]).toMatchObject({
      before: { name: '演示公司', timeZone: 'Asia/Shanghai' },
      after: { timeZone: 'Asia/Urumqi' },
    });
  });

  it('creates a tenant from the command line; its first admin sets a password through the printed link', async () => {
    const lines: string[] = [];
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrlOf(t),
      ENCRYPTION_KEY: t.config.encryptionKey,
      JWT_SECRET: t.config.jwtSecret,
      REDRESS_PUBLIC_URL: 'https://redress.example.com/',
    } as NodeJS.ProcessEnv;
    const code = await runTenantCli(
      ['create', '--name', '华东银行', '--slug', `east-bank-${db}`, '--admin-email', 'Ops@East-Bank.example'],
      env,
      (l) => lines.push(l),
    );
    expect(code).toBe(0);
    const link = lines.find((l) => l.startsWith('https://redress.example.com/#/accept-invitation?token='))!;
    expect(link).toBeTruthy();
    const accepted = await t.gqlOk(ACCEPT, { t: tokenFrom(link), p: STRONG });
    const me = await t.gqlOk('{ me { email role tenant { name slug timeZone } } }', {}, accepted.acceptInvitation.token);
    expect(me.me).toEqual({
      email: 'ops@east-bank.example',
      role: 'admin',
      tenant: { name: '华东银行', slug: `east-bank-${db}`, timeZone: 'Asia/Shanghai' },
    });
    // A tenant's admin sees only their tenant's people.
    expect((await t.gqlOk('{ users { email } }', {}, accepted.acceptInvitation.token)).users).toEqual([{ email: 'ops@east-bank.example' }]);
    await expect(
      runTenantCli(['create', '--name', 'x', '--slug', `east-bank-${db}`, '--admin-email', 'other@x.example'], env, () => {}),
    ).rejects.toMatchObject({ reason: 'TENANT_SLUG_TAKEN' });
    expect(await runTenantCli(['create', '--name', 'x'], env, () => {})).toBe(2);
  });

  it('creates a tenant through GraphQL only with the platform operator credential', async () => {
    const q = 'mutation($i: CreateTenantInput!) { createTenant(input: $i) { tenant { slug locale } setupLink expiresAt } }';
    const input = { name: 'West Telecom', slug: `west-${db}`, adminEmail: 'root@west.example', locale: 'en' };
    expect(reasonOf(await t.gql(q, { i: input }))).toBe('PLATFORM_TOKEN_INVALID');
    expect(reasonOf(await t.gql(q, { i: input }, admin))).toBe('PLATFORM_TOKEN_INVALID');
    expect(reasonOf(await t.gql(q, { i: { ...input, slug: 'Bad Slug' } }, 'operator-secret-1'))).toBe('TENANT_SLUG_INVALID');
    expect(reasonOf(await t.gql(q, { i: { ...input, adminEmail: 'not-an-email' } }, 'operator-secret-1'))).toBe('VALIDATION_FAILED');
    const created = await t.gqlOk(q, { i: input }, 'operator-secret-1');
    expect(created.createTenant.tenant).toEqual({ slug: `west-${db}`, locale: 'en' });
    // The second instance has no operator credential configured: refused.
    expect(reasonOf(await second.gql(q, { i: { ...input, slug: 'w2' } }, 'operator-secret-1'))).toBe('PLATFORM_TOKEN_INVALID');
    const accepted = await t.gqlOk(ACCEPT, { t: tokenFrom(created.createTenant.setupLink), p: STRONG_2 });
    expect(accepted.acceptInvitation.user.email).toBe('root@west.example');
  });
});

async function sha256Hex(value: string): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(value).digest('hex');
}

describe('a production start on an empty database', () => {
  it('creates no demo users and prints exactly how to create the first tenant', async () => {
    const { Logger } = await import('@nestjs/common');
    const warn = vi.spyOn(Logger.prototype, 'warn');
    const t = await createTestApp({ db: 'sqlite', config: { production: true, seedDemo: false } });
    try {
      const printed = warn.mock.calls.map((call) => String(call[0])).join('\n');
      expect(printed).toContain('npm run tenant -- create --name "公司名称" --slug acme --admin-email admin@acme.example');
      expect(await t.dataSource.query('SELECT COUNT(*) AS n FROM app_user')).toEqual([{ n: 0 }]);
      expect(reasonOf(await t.gql(LOGIN, { e: 'admin@demo.local', p: 'demo1234' }))).toBe('INVALID_CREDENTIALS');
    } finally {
      warn.mockRestore();
      await t.close();
    }
  });
});
