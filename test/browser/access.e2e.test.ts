import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/test-app';
import { ensureConsoleBuilt } from '../support/console-build';

/**
 * Staff access in a real Chromium against a real API on SQLite: the admin invites a colleague, the colleague sets a
 * password through the one-time link and is signed in, the admin deactivates them, and their open session is refused.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PASSWORD = 'Lantern-Orchid-93-Basin';

describe('staff access in the console', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    ensureConsoleBuilt();
    t = await createTestApp({ db: 'sqlite' });
    await t.seedDemo();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const newPage = async (): Promise<Page> =>
    (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } })).newPage();

  it('admin invites → invitee sets a password → signs in → admin deactivates → the open session is refused', async () => {
    const admin = await newPage();
    await admin.goto(`${t.url}/`);
    await admin.locator('input[name="email"]').fill('admin@demo.local');
    await admin.locator('input[name="password"]').fill('demo1234');
    await admin.getByRole('button', { name: '登录' }).click();
    await admin.getByTestId('main-menu').waitFor();

    await admin.goto(`${t.url}/#/users/create`);
    await admin.locator('input[name="email"]').fill('zhou.xin@demo.local');
    await admin.locator('input[name="displayName"]').fill('坐席 周欣');
    await admin.getByRole('button', { name: '邀请' }).click();
    const link = (await admin.getByTestId('access-link').innerText()).trim();
    expect(link).toMatch(/#\/accept-invitation\?token=/);

    // The invitee opens the link (its origin is the configured public URL; here the test server).
    const invitee = await newPage();
    await invitee.goto(`${t.url}/${link.slice(link.indexOf('#'))}`);
    await invitee.locator('input[name="password"]').fill('demo1234');
    await invitee.locator('input[name="password2"]').fill('demo1234');
    await invitee.getByRole('button', { name: '保存并登录' }).click();
    expect(await invitee.getByTestId('set-password-error').innerText()).toContain('密码至少需要 10 个字符');
    await invitee.locator('input[name="password"]').fill(PASSWORD);
    await invitee.locator('input[name="password2"]').fill(PASSWORD);
    await invitee.getByRole('button', { name: '保存并登录' }).click();
    await invitee.getByTestId('main-menu').waitFor();
    expect(await invitee.evaluate(() => window.location.hash)).toBe('#/intake');

    await admin.goto(`${t.url}/#/users`);
    await admin.getByText('坐席 周欣').click();
    await admin.getByTestId('deactivate-user').click();
    await admin.getByRole('button', { name: '确认' }).click();
    await admin.getByRole('button', { name: '重新启用' }).waitFor();

    // The invitee's next request is refused and the console returns to the sign-in page.
    await invitee.goto(`${t.url}/#/complaints`);
    await invitee.locator('input[name="email"]').waitFor({ timeout: 30_000 });
    const login = await t.gql('mutation { login(email: "zhou.xin@demo.local", password: "' + PASSWORD + '") { token } }');
    expect(login.errors?.[0].extensions?.reason).toBe('ACCOUNT_DEACTIVATED');
  }, 180_000);
});
