import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { startSmtpServer } from '../support/mail-server';

/**
 * Invitation and reset links are e-mailed through the tenant's SMTP server when mail is configured (a real SMTP
 * server on loopback), and handed to the admin when it is not or when the server refuses.
 */
const SMTP_USER = 'redress-mailer';
const SMTP_PASS = 'mail-Secret-42';
const STRONG = 'Lantern-Orchid-93-Basin';
const EMAIL_SETTINGS = 'mutation($i: EmailSettingsInput!, $p: String) { updateEmailSettings(input: $i, password: $p) { hasPassword } }';
const INVITE = 'mutation($i: InviteUserInput!) { inviteUser(input: $i) { delivered link expiresAt user { id } } }';
const ACCEPT = 'mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { token user { email } } }';
const linkIn = (text: string) => /https?:\/\/\S+#\/(?:accept-invitation|reset-password)\?token=[\w-]+/.exec(text)?.[0];
const tokenFrom = (link: string) => new URL(link.replace('/#/', '/')).searchParams.get('token')!;

describe.each(testDatabases())('access links by e-mail on %s', (db) => {
  let t: TestApp;
  let admin: string;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    smtp = await startSmtpServer({ auth: { user: SMTP_USER, pass: SMTP_PASS } });
    t = await createTestApp({ db });
    await t.seedDemo();
    admin = await t.login('admin@demo.local');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('hands the link to the admin while the tenant has no mail settings', async () => {
    const invited = (await t.gqlOk(INVITE, { i: { email: 'no.mail@demo.local', displayName: '未配邮件', role: 'agent' } }, admin))
      .inviteUser;
    expect(invited.delivered).toBe(false);
    expect(invited.link).toMatch(/#\/accept-invitation\?token=/);
    expect(smtp.messages).toHaveLength(0);
  });

  it('e-mails the invitation in the tenant’s language once SMTP is configured; the mailed link works once', async () => {
    await t.gqlOk(
      EMAIL_SETTINGS,
      {
        i: {
          enabled: true,
          host: '127.0.0.1',
          port: smtp.port,
          secure: false,
          user: SMTP_USER,
          from: 'service@demo.example.cn',
          fromName: '演示公司',
        },
        p: SMTP_PASS,
      },
      admin,
    );
    const invited = (await t.gqlOk(INVITE, { i: { email: 'Mailed.Person@demo.local', displayName: '邮件 邀请', role: 'handler' } }, admin))
      .inviteUser;
    expect(invited).toMatchObject({ delivered: true, link: null });
    const mail = smtp.messages.find((m) => m.envelope.to.includes('mailed.person@demo.local'))!;
    expect(mail.user).toBe(SMTP_USER);
    expect(mail.parsed.subject).toBe('邀请您加入「演示公司」的 Redress 投诉管理系统');
    expect(mail.parsed.text).toContain('邮件 邀请，您好');
    const link = linkIn(mail.parsed.text ?? '')!;
    expect(link).toBeTruthy();
    const accepted = await t.gqlOk(ACCEPT, { t: tokenFrom(link), p: STRONG });
    expect(accepted.acceptInvitation.user.email).toBe('mailed.person@demo.local');
    expect((await t.gql(ACCEPT, { t: tokenFrom(link), p: STRONG })).errors?.[0].extensions?.reason).toBe('LINK_USED');

    const reset = (await t.gqlOk('mutation($id: ID!) { requestPasswordReset(id: $id) { delivered link } }', { id: invited.user.id }, admin))
      .requestPasswordReset;
    expect(reset).toEqual({ delivered: true, link: null });
    const resetMail = smtp.messages.filter((m) => m.envelope.to.includes('mailed.person@demo.local')).at(-1)!;
    expect(resetMail.parsed.subject).toBe('重置您在「演示公司」的 Redress 密码');
    expect(linkIn(resetMail.parsed.text ?? '')).toMatch(/#\/reset-password\?token=/);
  });

  it('gives the link to the admin when the mail server refuses: nothing is lost', async () => {
    smtp.state.reject = { code: 550, message: 'Mailbox unavailable' };
    try {
      const invited = (await t.gqlOk(INVITE, { i: { email: 'bounced@demo.local', displayName: '退信', role: 'agent' } }, admin)).inviteUser;
      expect(invited.delivered).toBe(false);
      expect(invited.link).toMatch(/#\/accept-invitation\?token=/);
      await t.gqlOk(ACCEPT, { t: tokenFrom(invited.link), p: STRONG });
    } finally {
      smtp.state.reject = null;
    }
  });
});
