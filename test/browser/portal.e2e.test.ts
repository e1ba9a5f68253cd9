import { chromium, type Browser } from 'playwright-core';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../support/test-app';
import { ensureConsoleBuilt, ensurePortalBuilt } from '../support/console-build';

/**
 * The complainant's portal in a real Chromium at a phone-sized viewport, against a real API on SQLite: submit with a
 * photo → staff see the complaint and its thumbnail in the console → staff reply → the portal shows the reply and the
 * legal clock without a reload → the customer rates unsatisfied → the complaint is dispatched again. Also records the
 * portal's first render (docs/portal.md has the figure; nothing here asserts a time).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

describe('complainant portal on a phone', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    ensureConsoleBuilt();
    ensurePortalBuilt();
    t = await createTestApp({ db: 'sqlite' });
    await t.seedDemo();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('unknown tenant: a readable 404 page', async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    const response = await page.goto(`${t.url}/c/no-such-tenant`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: '没有找到这个投诉入口' }).waitFor();
    await page.context().close();
  });

  it('submit with a photo → staff see it and the thumbnail → reply → portal shows reply and clock → unsatisfied → dispatched again', async () => {
    const phone = await (await browser.newContext(PHONE)).newPage();
    // First render: navigation start → the form usable (first paint recorded too). Cold run first, then warm.
    const timings: Record<
      string,
      { firstContentfulPaintMs: number | null; formReadyMs: number; formJsonMs: number | null; scriptMs: number | null }
    > = {};
    for (const run of ['cold', 'warm']) {
      await phone.goto(`${t.url}/c/demo`);
      await phone.locator('#f-type').waitFor();
      timings[run] = await phone.evaluate(() => {
        // Where the time goes: the form's JSON and the script, each until its last byte arrived.
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const end = (match: RegExp) => resources.find((r) => match.test(r.name))?.responseEnd ?? null;
        return {
          firstContentfulPaintMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
          formReadyMs: performance.now(),
          formJsonMs: end(/\/api\/portal\/[^/]+\/form$/),
          scriptMs: end(/\/c\/assets\/.+\.js$/),
        };
      });
    }
    console.log(`portal first render (phone viewport, localhost): ${JSON.stringify(timings)}`);

    await phone.locator('#f-type').selectOption('service.attitude');
    await phone.locator('#f-text').fill('营业厅工作人员态度恶劣，不耐烦地打断我说话。');
    await phone.locator('#f-staff_name').fill('小王');
    await phone.locator('#f-outlet').selectOption('bj_chaoyang');
    await phone.locator('#f-expected_remedy').selectOption('apology');
    await phone.locator('#f-name').fill('赵敏');
    await phone.locator('#f-phone').fill('13900003333');
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2a6' } })
      .jpeg()
      .toBuffer();
    await phone.locator('#f-files').setInputFiles({ name: '现场照片.jpg', mimeType: 'image/jpeg', buffer: photo });
    await phone.getByText('现场照片.jpg').waitFor();
    // A double tap: one complaint.
    await phone.getByRole('button', { name: '提交投诉' }).dblclick();
    const number = (await phone.getByTestId('receipt-number').innerText()).trim();
    const code = (await phone.getByTestId('receipt-code').innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{10}$/);
    const found = await t.gqlOk(
      'query($n: String!) { complaintByNumber(number: $n) { id state } }',
      { n: number },
      await t.login('handler@demo.local'),
    );
    const id = found.complaintByNumber.id as string;
    expect(
      (
        await t.gqlOk(
          'query { complaints(filter: { channel: "web", text: "不耐烦地打断我说话" }) { totalCount } }',
          {},
          await t.login('admin@demo.local'),
        )
      ).complaints.totalCount,
    ).toBe(1);

    // Staff: the complaint in the console, with the photo's thumbnail.
    const desk = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } })).newPage();
    await desk.goto(`${t.url}/`);
    await desk.locator('input[name="email"]').fill('handler@demo.local');
    await desk.locator('input[name="password"]').fill('demo1234');
    await desk.getByRole('button', { name: '登录' }).click();
    await desk.getByTestId('main-menu').waitFor();
    await desk.goto(`${t.url}/#/complaints/${id}/show`);
    await desk.getByTestId('complaint-number').getByText(number).waitFor();
    const thumbnail = desk.getByTestId('file-thumbnail');
    await thumbnail.waitFor();
    await desk.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="file-thumbnail"]');
      return Boolean(img && img.complete && img.naturalWidth === 320);
    });
    expect(await desk.getByTestId('complaint-file').innerText()).toContain('客户在线提交');

    // The customer opens the complaint; staff reply meanwhile; the page shows it without a reload.
    await phone.getByRole('button', { name: '查看进度' }).click();
    await phone.getByTestId('complaint').waitFor();
    await phone
      .getByTestId('clock')
      .getByText(/剩余 \d+ 个工作日/)
      .first()
      .waitFor();
    const handler = await t.login('handler@demo.local');
    await t.gqlOk('mutation($id: ID!) { transition(id: $id, to: "in_progress") { state } }', { id }, handler);
    await t.gqlOk(
      'mutation($i: ReplyInput!) { replyToComplaint(input: $i) { state } }',
      { i: { complaintId: id, body: '经核实，已对当事员工进行批评教育。' } },
      handler,
    );
    await phone.getByTestId('reply').getByText('经核实，已对当事员工进行批评教育。').waitFor({ timeout: 20_000 });
    expect(await phone.getByTestId('state').innerText()).toBe('已答复，请评价');
    expect(await phone.getByTestId('clock').innerText()).toMatch(/应于 .+ 前完成/);

    // Unsatisfied → dispatched again, on the customer's history and for staff.
    await phone.getByLabel('不满意').check();
    await phone.getByRole('radio', { name: '2' }).check();
    await phone.locator('#f-fu-comment').fill('没有解决我的问题');
    await phone.getByRole('button', { name: '提交评价' }).click();
    await phone.getByTestId('state').getByText('已分派给责任部门').waitFor();
    await phone.locator('[data-testid="history"] li[data-type="redispatched"]').waitFor();
    const after = await t.gqlOk(
      'query($id: ID!) { complaint(id: $id) { state satisfaction timeline { type actorRole } } }',
      { id },
      handler,
    );
    expect(after.complaint).toMatchObject({ state: 'dispatched', satisfaction: 'unsatisfied' });
    expect(after.complaint.timeline).toEqual(
      expect.arrayContaining([
        { type: 'followed_up', actorRole: 'customer' },
        { type: 'redispatched', actorRole: 'customer' },
      ]),
    );

    // Page fits the phone: nothing wider than the viewport.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.context().close();
    await desk.context().close();
  }, 240_000);
});
