import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/test-app';
import { ensureConsoleBuilt } from '../support/console-build';
import { launchChromium, photographFailure } from '../support/browser';
import { submit } from '../support/complaints';
import { SlaScheduler } from '../../apps/api/src/modules/sla/sla.scheduler';

/**
 * Issue 18's console screens in a real Chromium against a real API on SQLite: the approvals inbox (审批待办) — a
 * handler proposes a reply on a severity that needs approval, a manager approves it from the inbox, a manager's own
 * proposal is refused clearly (SELF_APPROVAL) — and the overdue & escalations view (超时与升级), which lists a complaint
 * once the test clock has passed its deadline. Screenshots go to test-results/screenshots/approvals/.
 * Run alone: REDRESS_TEST_DB=sqlite npx vitest run --project e2e test/browser/approvals-overdue.e2e.test.ts
 */
const ROOT = resolve(__dirname, '../..');
const SHOTS = join(ROOT, 'test-results/screenshots/approvals');
const DAY = 24 * 3600_000;

let t: TestApp;
let browser: Browser;
let current: Page | undefined;

async function signedIn(email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  current = page;
  await page.goto(`${t.url}/`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill('demo1234');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('main-menu').waitFor();
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

describe('approvals inbox and overdue view in a browser', () => {
  let agent: string;
  let admin: string;
  let manager: string;
  let handler: string;
  let handlerId: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ensureConsoleBuilt();
    t = await createTestApp({ db: 'sqlite' });
    await t.seedDemo();
    [agent, admin, manager, handler] = await Promise.all(
      ['agent', 'admin', 'manager', 'handler'].map((who) => t.login(`${who}@demo.local`)),
    );
    const { users } = await t.gqlOk<{ users: { id: string; email: string }[] }>('{ users { id email } }', {}, admin);
    handlerId = users.find((u) => u.email === 'handler@demo.local')!.id;
    browser = await launchChromium();
  }, 300_000);

  afterEach((context) => photographFailure(context.task, current, SHOTS));

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A regulator-forwarded billing complaint: severity 重大, whose replies wait for a manager (demo policy). */
  async function majorComplaint(text: string) {
    const c = await submit(t, agent, { channel: 'regulator', type: 'billing', text, form: { amount: 388.5, expected_remedy: 'refund' } });
    expect(c.severity).toBe('major');
    await t.gqlOk(
      'mutation($i: AssignInput!) { assignComplaint(input: $i) { id } }',
      { i: { complaintId: c.id, assigneeId: handlerId, reason: '指定处理人' } },
      admin,
    );
    await t.gqlOk('mutation($id: ID!) { transition(id: $id, to: "in_progress") { state } }', { id: c.id }, handler);
    return c as { id: string; number: string };
  }

  it('lets a manager approve from the inbox the reply a handler proposed, and refuses the manager’s own proposal clearly', async () => {
    const byHandler = await majorComplaint('银保监转办：客户反映信用卡被重复扣费两笔。');
    const byManager = await majorComplaint('银保监转办：客户反映分期手续费计算有误。');

    // The handler proposes the reply on the complaint page: it waits for approval.
    const handlerPage = await signedIn('handler@demo.local');
    await handlerPage.goto(`${t.url}/#/complaints/${byHandler.id}/show`);
    const reply = handlerPage.getByTestId('action-reply');
    await reply.locator('textarea[name="body"]').fill('经核实系系统重复扣费，已全额退还 388.5 元，并向您致歉。');
    await reply.getByRole('button', { name: '发送答复' }).click();
    await expect.poll(() => handlerPage.getByTestId('complaint-header').innerText(), { timeout: 20_000 }).toContain('待审批');
    await shot(handlerPage, '01-handler-proposed');
    // A handler decides nothing: the inbox is not in the menu.
    expect(await handlerPage.getByTestId('main-menu').innerText()).not.toContain('审批待办');
    await handlerPage.context().close();

    // The manager proposes a reply too (through the API), which only someone else may approve. A minute apart each.
    t.clock.advance(60_000);
    await t.gqlOk(
      'mutation($i: ReplyInput!) { replyToComplaint(input: $i) { state } }',
      { i: { complaintId: byManager.id, body: '手续费已按合同重新计算。' } },
      manager,
    );

    // A deadline extension asked for by the handler, and a policy version held for a second person (maker-checker).
    const forExtension = await majorComplaint('银保监转办：客户要求调取三年交易流水。');
    t.clock.advance(60_000);
    await t.gqlOk(
      'mutation($id: ID!) { extendDeadline(complaintId: $id, target: "regulatory_answer", reason: "需调取三年交易流水") { status } }',
      { id: forExtension.id },
      handler,
    );
    t.clock.advance(60_000);
    await t.gqlOk('mutation { updatePolicySettings(input: { requirePublishApproval: true }) { requirePublishApproval } }', {}, admin);
    const held = await t.gqlOk<{ publishPolicy: { version: number; status: string } }>(
      'mutation { publishPolicy(note: "启用双人复核") { version status } }',
      {},
      admin,
    );
    expect(held.publishPolicy.status).toBe('pending_approval');

    const page = await signedIn('manager@demo.local');
    // The menu counts what waits.
    await expect.poll(() => page.getByTestId('approvals-badge').innerText(), { timeout: 20_000 }).toBe('4');
    await page.getByTestId('main-menu').getByText('审批待办').click();
    const list = page.getByTestId('approvals-list');
    const handlerRow = list.locator('tbody tr', { hasText: byHandler.number });
    const managerRow = list.locator('tbody tr', { hasText: byManager.number });
    await handlerRow.waitFor();
    // What it is, the complaint, who proposed it (by name) and the proposal; newest first.
    expect(await handlerRow.innerText()).toContain('答复待审批');
    expect(await handlerRow.innerText()).toContain('处理专员 陈刚');
    expect(await handlerRow.innerText()).toContain('已全额退还 388.5 元');
    const subjects = await list.locator('tbody tr [data-testid="approval-subject"]').allInnerTexts();
    expect(subjects.map((text) => text.split(' · ')[0])).toEqual([
      `策略版本 v${held.publishPolicy.version}`,
      forExtension.number,
      byManager.number,
      byHandler.number,
    ]);
    await shot(page, '02-manager-inbox');

    // Approving one's own proposal: the API's SELF_APPROVAL, said plainly on the row; the row stays.
    await managerRow.getByTestId('approve').click();
    const refusal = managerRow.getByTestId('approval-error');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('不能审批自己提交的事项');
    await shot(page, '03-self-approval-refused');

    // Approving the handler's reply: it is sent, the complaint is 已答复 and leaves the inbox.
    await handlerRow.getByTestId('approve').click();
    await handlerRow.waitFor({ state: 'detached', timeout: 20_000 });
    expect(await managerRow.count()).toBe(1);
    await expect.poll(() => page.getByTestId('approvals-badge').innerText(), { timeout: 20_000 }).toBe('3');

    // The extension: its complaint, the deadline and the reason; approved, the deadline moves to its next stage.
    const extensionRow = list.locator('tbody tr', { hasText: forExtension.number });
    expect(await extensionRow.innerText()).toContain('时限延期申请');
    expect(await extensionRow.innerText()).toContain('需调取三年交易流水');
    await extensionRow.getByTestId('approve').click();
    await extensionRow.waitFor({ state: 'detached', timeout: 20_000 });
    const clocks = await t.gqlOk<{ slaClocks: { target: string; extensions: { stage: number }[] }[] }>(
      'query($id: ID!) { slaClocks(complaintId: $id) { target extensions { stage } } }',
      { id: forExtension.id },
      manager,
    );
    expect(clocks.slaClocks.find((k) => k.target === 'regulatory_answer')?.extensions).toEqual([{ stage: 1 }]);

    // The policy version: approved by someone other than its author, it goes live.
    const versionRow = list.locator('tbody tr', { hasText: `策略版本 v${held.publishPolicy.version}` });
    expect(await versionRow.innerText()).toContain('启用双人复核');
    await versionRow.getByTestId('approve').click();
    await versionRow.waitFor({ state: 'detached', timeout: 20_000 });
    expect(
      (await t.gqlOk<{ currentPolicyVersion: { version: number } }>('{ currentPolicyVersion { version } }', {}, manager))
        .currentPolicyVersion.version,
    ).toBe(held.publishPolicy.version);
    await expect.poll(() => page.getByTestId('approvals-badge').innerText(), { timeout: 20_000 }).toBe('1');
    const { complaint } = await t.gqlOk<{ complaint: { state: string; replies: { approvedBy: string | null }[] } }>(
      'query($id: ID!) { complaint(id: $id) { state replies { approvedBy } } }',
      { id: byHandler.id },
      manager,
    );
    expect(complaint.state).toBe('responded');
    expect(complaint.replies[0].approvedBy).toBeTruthy();
    await page.goto(`${t.url}/#/complaints/${byHandler.id}/show`);
    await expect.poll(() => page.getByTestId('complaint-header').innerText()).toContain('已答复');
    await shot(page, '04-approved-responded');

    await page.context().close();

    // Rejecting asks for the reason (another approver: an administrator), and the reply goes back with it.
    const admin2 = await signedIn('admin@demo.local');
    await admin2.goto(`${t.url}/#/approvals`);
    const adminRow = admin2.getByTestId('approvals-list').locator('tbody tr', { hasText: byManager.number });
    await adminRow.getByTestId('reject').click();
    const confirm = admin2.getByTestId('reject-confirm');
    expect(await confirm.isDisabled()).toBe(true);
    await admin2.locator('textarea[name="rejectReason"]').fill('手续费依据未附，请补充合同条款');
    await confirm.click();
    await adminRow.waitFor({ state: 'detached', timeout: 20_000 });
    const rejected = await t.gqlOk<{ complaint: { approvalStatus: string; timeline: { type: string; data: { comment?: string } }[] } }>(
      'query($id: ID!) { complaint(id: $id) { approvalStatus timeline { type data } } }',
      { id: byManager.id },
      manager,
    );
    expect(rejected.complaint.approvalStatus).toBe('rejected');
    expect(rejected.complaint.timeline.find((e) => e.type === 'approval.rejected')?.data.comment).toBe('手续费依据未附，请补充合同条款');
    await shot(admin2, '05-rejected-with-reason');
    await admin2.context().close();
  }, 240_000);

  it('lists a complaint in 超时与升级 once the clock passes its deadline, with how late it is and its escalations', async () => {
    const c = await submit(t, agent, {
      channel: 'phone',
      type: 'service.attitude',
      text: '营业厅工作人员态度恶劣，不耐烦地打断我说话。',
      form: {},
    });
    // More late complaints than the API lets one request alias (15): the screen asks for their clocks in batches.
    for (let i = 0; i < 16; i++) {
      t.clock.advance(60_000);
      await submit(t, agent, {
        channel: 'web',
        type: 'service.attitude',
        text: `第 ${i + 1} 位客户：营业员服务态度差，嫌我问题多。`,
        form: {},
      });
    }
    const page = await signedIn('manager@demo.local');
    await page.goto(`${t.url}/#/overdue`);
    await page.waitForLoadState('networkidle');
    // On time: not listed.
    expect(await page.getByTestId('overdue-list').locator('tbody tr', { hasText: c.number }).count()).toBe(0);

    // Ten days later the resolution deadline (3 working days) has passed; the SLA sweep records the breach and escalates.
    t.clock.advance(10 * DAY);
    await t.app.get(SlaScheduler).tick();
    const { complaint } = await t.gqlOk<{ complaint: { slaStatus: string; resolutionDueAt: string } }>(
      'query($id: ID!) { complaint(id: $id) { slaStatus resolutionDueAt } }',
      { id: c.id },
      manager,
    );
    expect(complaint.slaStatus).toBe('breached');

    await page.reload();
    const row = page.getByTestId('overdue-list').locator('tbody tr', { hasText: c.number });
    await row.waitFor({ timeout: 20_000 });
    // How late, by the API's clock (working time), and the escalation the breach caused (the demo raises it to 紧急).
    const chip = row.getByTestId('sla-chip');
    expect(await chip.getAttribute('data-status')).toBe('breached');
    expect(await chip.innerText()).toContain('超出');
    expect(await row.getByTestId('latest-escalation').innerText()).toContain('紧急');
    expect(await row.innerText()).toContain('客服中心');
    expect(await page.getByTestId('recent-escalations').innerText()).toContain(c.number);
    // Every row has its clock from the API, soonest deadline first (the first complaint came first).
    const rows = page.getByTestId('overdue-list').locator('tbody tr');
    const later = rows.filter({ hasText: '位客户：营业员服务态度差' });
    expect(await later.count()).toBe(16);
    // "超出 …": overdue by the API's clock (the browser's clock has not moved).
    const chips = await later.getByTestId('sla-chip').allInnerTexts();
    expect(chips.filter((text) => text.includes('超出'))).toHaveLength(16);
    const texts = await rows.allInnerTexts();
    const at = (needle: string) => texts.findIndex((text) => text.includes(needle));
    expect(at(c.number)).toBeLessThan(at('第 1 位客户'));
    expect(at('第 1 位客户')).toBeLessThan(at('第 16 位客户'));
    await shot(page, '06-overdue');

    // Narrowed to another department, it is gone; back to its own, the row opens the complaint.
    const department = async (name: string) => {
      await page.getByRole('combobox', { name: '部门' }).click();
      await page.getByRole('option', { name }).click();
    };
    await department('合规与风险管理部');
    await expect
      .poll(() => page.getByTestId('overdue-list').locator('tbody tr', { hasText: c.number }).count(), { timeout: 20_000 })
      .toBe(0);
    await department('客服中心');
    await row.click();
    await page.getByTestId('complaint-number').filter({ hasText: c.number }).waitFor();
    await shot(page, '07-overdue-opened');
    await page.context().close();
  }, 240_000);
});
