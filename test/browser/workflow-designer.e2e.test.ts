import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/test-app';
import { ensureConsoleBuilt } from '../support/console-build';
import { submit } from '../support/complaints';

/**
 * Issue 18's done-means in a real Chromium against a real API on SQLite: an administrator copies the standard workflow,
 * designs a new state with a guarded transition in the workflow designer (the guard built in the rule builder), gives
 * the workflow to a complaint type, publishes the policy on the publishing screen, then a manager moves a complaint
 * received after the publish through the new state — the button appears only when the guard holds, and the move asks
 * for the comment the transition requires.
 * Screenshots go to test-results/screenshots/workflow-*.png.
 */
const ROOT = resolve(__dirname, '../..');
const SHOTS = join(ROOT, 'test-results/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let t: TestApp;
let browser: Browser;
let current: Page | undefined;

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `workflow-${name}.png`), fullPage: true });

async function signedIn(email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1500, height: 950 } });
  const page = await context.newPage();
  current = page;
  await page.goto(`${t.url}/`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill('demo1234');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('main-menu').waitFor();
  return page;
}

/** The tenant's draft policy (JSON on the wire: a string or an object). */
async function draftDocument(token: string): Promise<any> {
  const value = (await t.gqlOk<{ draftPolicyJson: unknown }>('{ draftPolicyJson }', {}, token)).draftPolicyJson;
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** Picks an option of a MUI select (TextField select) by the select's label and the option's text. */
async function choose(page: Page, scope: ReturnType<Page['getByTestId']>, label: string, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  // The menu's backdrop would take the next click or drag while it fades out.
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

/** Adds options to a MUI Autocomplete (multiple) by typing and picking. */
async function pick(page: Page, scope: ReturnType<Page['getByTestId']>, label: string, options: string[]) {
  const box = scope.getByRole('combobox', { name: label });
  for (const option of options) {
    await box.click();
    await box.fill(option.slice(0, 2));
    await page.getByRole('option', { name: option }).click();
  }
  await box.press('Escape');
}

describe('workflow designer in a browser', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ensureConsoleBuilt();
    t = await createTestApp({ db: 'sqlite' });
    await t.seedDemo();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 300_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && current && !current.isClosed()) {
      await current
        .screenshot({ path: join(SHOTS, `workflow-failed-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}.png`), fullPage: true })
        .catch(() => undefined);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('designs a guarded state, publishes it, and moves a complaint received afterwards through it', async () => {
    const adminToken = await t.login('admin@demo.local');
    const versionBefore = (await t.gqlOk<any>('{ currentPolicyVersion { version } }', {}, adminToken)).currentPolicyVersion.version;

    // 1. From the policy studio's menu: the workflows (the built-in standard one), and a new one copied from it.
    const admin = await signedIn('admin@demo.local');
    await admin.getByTestId('main-menu').getByText('处理流程').click();
    await admin.getByText('标准投诉处理流程').waitFor();
    await admin.locator('a[href="#/workflows/create"]').click();
    await admin.locator('input[name="key"]').fill('large_claims');
    await admin.locator('input[name="name.zh"]').fill('大额索赔处理流程');
    expect(await admin.getByRole('combobox', { name: '复制自' }).innerText()).toContain('标准投诉处理流程（default）');
    await admin.getByRole('button', { name: '保存' }).click();
    // The designer: the copy drawn as a graph.
    await admin.waitForFunction(() => window.location.hash === '#/workflows/large_claims');
    const graph = admin.getByTestId('workflow-graph');
    await graph.getByTestId('state-node-in_progress').waitFor();
    expect(await graph.getByTestId('state-node-in_progress').innerText()).toContain('处理中');
    expect(await graph.getByTestId('state-node-waiting_customer').getAttribute('data-category')).toBe('waiting');
    // Automatic transitions are drawn with their trigger (dashed), manual ones with their name.
    const edgeLabels = await graph.locator('.react-flow__edge-text').allTextContents();
    expect(edgeLabels).toEqual(expect.arrayContaining(['开始处理', '已答复客户 ⚡答复发出时']));
    await shot(admin, '01-designer');

    // 2. A new state: 法务审核, waiting (the clocks pause while legal reviews).
    await admin.getByTestId('add-state').click();
    const panel = admin.getByTestId('workflow-side-panel');
    await panel.locator('input[name="state-key"]').fill('legal_review');
    await panel.locator('input[name="state-name-zh"]').fill('法务审核');
    await panel.locator('input[name="state-name-en"]').fill('Legal review');
    await choose(admin, panel, '类别', '等待中');
    const legal = graph.getByTestId('state-node-legal_review');
    await legal.waitFor();
    expect(await legal.innerText()).toContain('法务审核');
    expect(await legal.getAttribute('data-category')).toBe('waiting');

    // It appears in the middle of the graph as it is shown.
    const box = (await legal.boundingBox())!;
    const area = (await graph.boundingBox())!;
    expect(box.x > area.x && box.x + box.width < area.x + area.width && box.y > area.y && box.y + box.height < area.y + area.height).toBe(
      true,
    );
    // The node's place in the graph's own coordinates (React Flow draws it with a translate).
    const flowPosition = () =>
      graph.locator('.react-flow__node[data-id="legal_review"]').evaluate((el) => {
        const match = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec((el as HTMLElement).style.transform)!;
        return { x: Math.round(Number(match[1])), y: Math.round(Number(match[2])) };
      });
    const added = await flowPosition();
    // Dragged to where the administrator wants it (saved with the workflow).
    // A loaded machine may drop the first drag's pointer events or draw the move late: drag again until it has moved.
    const moved = async () => {
      const now = await flowPosition();
      return now.x > added.x && now.y > added.y;
    };
    for (let attempt = 0; attempt < 3 && !(await moved()); attempt++) {
      const from = (await legal.boundingBox())!;
      await admin.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await admin.mouse.down();
      await admin.mouse.move(from.x + from.width / 2 + 40, from.y + from.height / 2 + 130, { steps: 8 });
      await admin.mouse.up();
      await expect
        .poll(moved, { timeout: 5_000 })
        .toBe(true)
        .catch(() => undefined);
    }
    const dropped = await flowPosition();
    expect(dropped.x).toBeGreaterThan(added.x);
    expect(dropped.y).toBeGreaterThan(added.y);

    // Saved as it is, nothing leads to it yet: the draft check names the state, and the designer marks it.
    await admin.getByTestId('save-workflow').click();
    await admin.getByTestId('workflow-problem-count').waitFor();
    await expect.poll(() => legal.locator('.MuiChip-root').innerText()).toBe('1');
    await legal.click();
    expect(await panel.getByTestId('state-problems').innerText()).toContain('legal_review');
    await shot(admin, '02-unreachable');

    // 3. The transition from 处理中 to it: managers and handlers, a comment required, and a guard built in the rule builder.
    await graph.getByTestId('state-node-in_progress').click();
    await admin.getByTestId('add-transition').click();
    await panel.getByTestId('transition-panel').waitFor();
    await panel.locator('input[name="transition-key"]').fill('to-legal');
    await panel.locator('input[name="transition-name-zh"]').fill('大额索赔转法务');
    await panel.locator('input[name="transition-name-en"]').fill('Large claim to legal');
    expect(await panel.getByRole('button', { name: '处理中（in_progress）' }).count()).toBe(1); // "from" preset to the selected state
    await choose(admin, panel, '到', '法务审核（legal_review）');
    await pick(admin, panel, '可操作的角色', ['经理', '处理专员']);
    await panel.getByLabel('必须填写说明').check();
    const guard = panel.getByTestId('transition-guard');
    await guard.getByRole('button', { name: '添加条件', exact: true }).click();
    await guard.locator('.rule-fields').click();
    await admin.getByRole('option', { name: /complaint\.form\.compensation_amount/ }).click();
    await guard.locator('.rule-operators').click();
    await admin.getByRole('option', { name: '大于等于', exact: true }).click();
    await guard.locator('.rule-value input').fill('5000');
    await shot(admin, '03-guard');

    // And the way back once legal has given its opinion.
    await graph.getByTestId('state-node-legal_review').click();
    await admin.getByTestId('add-transition').click();
    await panel.locator('input[name="transition-key"]').fill('legal-done');
    await panel.locator('input[name="transition-name-zh"]').fill('法务意见已出');
    await choose(admin, panel, '到', '处理中（in_progress）');
    await expect
      .poll(() => graph.locator('.react-flow__edge-text').allTextContents())
      .toEqual(expect.arrayContaining(['大额索赔转法务 ◆', '法务意见已出']));

    // 4. Saved to the draft; the draft check has nothing against it.
    await admin.getByTestId('save-workflow').click();
    await admin.getByText('流程已保存到草稿').waitFor();
    await admin.getByTestId('workflow-valid').waitFor();
    const saved = (await draftDocument(adminToken)).workflows.find((w: any) => w.key === 'large_claims');
    const state = saved.states.find((s: any) => s.key === 'legal_review');
    expect(state).toMatchObject({ name: { zh: '法务审核', en: 'Legal review' }, category: 'waiting' });
    // Where it was dragged to.
    expect(state.position).toEqual(dropped);
    expect(saved.transitions.find((tr: any) => tr.key === 'to-legal')).toMatchObject({
      from: ['in_progress'],
      to: 'legal_review',
      roles: ['manager', 'handler'],
      requiresComment: true,
      when: expect.objectContaining({}),
    });
    expect(JSON.stringify(saved.transitions.find((tr: any) => tr.key === 'to-legal').when)).toContain(
      '{">=":[{"var":"complaint.form.compensation_amount"},5000]}',
    );
    await shot(admin, '04-saved');

    // 5. Service complaints (服务质量 and its sub-types) follow it: chosen on the complaint type's form.
    await admin.goto(`${t.url}/#/complaintTypes/service`);
    await admin.getByRole('combobox', { name: '处理流程' }).click();
    await admin.getByRole('option', { name: '大额索赔处理流程（large_claims）' }).click();
    await admin.getByRole('button', { name: '保存' }).click();
    await admin.waitForFunction(() => window.location.hash === '#/complaintTypes');
    expect((await draftDocument(adminToken)).complaintTypes.find((c: any) => c.key === 'service').workflow).toBe('large_claims');

    // 6. Published on the publishing screen.
    admin.on('dialog', (dialog) => dialog.accept()); // "publish now?"
    await admin.goto(`${t.url}/#/publishing`);
    await admin.getByTestId('check-draft').click();
    await expect.poll(() => admin.getByTestId('publish-tests').getAttribute('class')).toContain('Success');
    await admin.getByTestId('publish').getByRole('button', { name: '发布' }).click();
    await admin.getByText('操作成功').first().waitFor();
    const versionAfter = (await t.gqlOk<any>('{ currentPolicyVersion { version } }', {}, adminToken)).currentPolicyVersion.version;
    expect(versionAfter).toBe(versionBefore + 1);
    await admin.context().close();

    // 7. Complaints received after the publish: a large claim and a small one.
    const agentToken = await t.login('agent@demo.local');
    const claim = {
      channel: 'phone',
      type: 'service.attitude',
      text: '店员辱骂顾客，要求赔偿精神损失。',
      form: { outlet: 'bj_chaoyang', expected_remedy: 'compensation', compensation_amount: 8000 },
    };
    const large = await submit(t, agentToken, claim);
    const small = await submit(t, agentToken, { ...claim, form: { ...claim.form, compensation_amount: 100 } });
    expect([large.policyVersion, small.policyVersion]).toEqual([versionAfter, versionAfter]);
    const handlerToken = await t.login('handler@demo.local');
    await t.gqlOk('mutation($id: ID!) { transition(id: $id, to: "in_progress") { state } }', { id: small.id }, handlerToken);

    // 8. The manager (service.attitude inherits the workflow from 服务质量): a small claim is not offered to legal.
    const manager = await signedIn('manager@demo.local');
    await manager.goto(`${t.url}/#/complaints/${small.id}/show`);
    const moves = manager.getByTestId('action-transition');
    await moves.getByRole('button').first().waitFor();
    expect(await manager.getByTestId('complaint-state').innerText()).toBe('处理中');
    expect(await moves.getByRole('button', { name: '大额索赔转法务' }).count()).toBe(0);

    // The large claim: started in the console, then sent to legal with the comment the transition requires.
    await manager.goto(`${t.url}/#/complaints/${large.id}/show`);
    await moves.getByRole('button').first().waitFor();
    if (large.state !== 'in_progress') {
      await moves.getByTestId('transition-to-in_progress').click();
      await manager.getByTestId('confirm-transition').click();
      await expect.poll(() => manager.getByTestId('complaint-state').innerText()).toBe('处理中');
    }
    await moves.getByRole('button', { name: '大额索赔转法务' }).click();
    const dialog = manager.getByTestId('transition-dialog');
    expect(await dialog.innerText()).toContain('处理中 → 法务审核');
    expect(await dialog.getByTestId('confirm-transition').isDisabled()).toBe(true);
    await dialog.getByLabel('说明（必填）').fill('索赔金额较大，需法务出具意见');
    await shot(manager, '05-comment');
    await dialog.getByTestId('confirm-transition').click();
    // The designed state by its workflow name, on the header and the timeline.
    await expect.poll(() => manager.getByTestId('complaint-state').innerText()).toBe('法务审核');
    await manager.getByRole('tab', { name: '处理记录' }).click();
    await expect.poll(() => manager.getByTestId('timeline').innerText()).toContain('处理中 → 法务审核：索赔金额较大，需法务出具意见');
    await shot(manager, '06-in-legal-review');

    // And back: the opinion is in.
    await moves.getByRole('button', { name: '法务意见已出' }).click();
    await manager.getByTestId('confirm-transition').click();
    await expect.poll(() => manager.getByTestId('complaint-state').innerText()).toBe('处理中');
    await expect.poll(() => manager.getByTestId('timeline').innerText()).toContain('法务审核 → 处理中');
    const timeline = (
      await t.gqlOk<any>('query($id: ID!) { complaint(id: $id) { state timeline { type data } } }', { id: large.id }, handlerToken)
    ).complaint;
    expect(timeline.state).toBe('in_progress');
    expect(timeline.timeline.filter((e: any) => e.type === 'transitioned').map((e: any) => e.data.transition)).toEqual(
      expect.arrayContaining(['to-legal', 'legal-done']),
    );
    await shot(manager, '07-back-in-progress');
  }, 300_000);
});
