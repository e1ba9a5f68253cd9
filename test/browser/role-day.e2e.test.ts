import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/test-app';
import { ensureConsoleBuilt } from '../support/console-build';

/**
 * Issue 20 done-means: every demo role's day in zh-CN against the live demo (300 complaints of history), with a
 * screenshot per screen and, on every visited screen, a check of the rendered text — no untranslated message key,
 * no raw workflow value (`in_progress`, `on_time` …) on the work screens — and of every GraphQL response: no error,
 * no FORBIDDEN on the role's own screens (the menu's). Writes test-results/console-timing.md: per-screen load times
 * (navigation to network idle), a figure for docs/console-timing.md, not an assertion.
 *
 * REDRESS_TIMING_COMPLAINTS=100000 clones the demo complaints up to that many rows (SQLite) before the walk, to time
 * the screens at scale; the clones have no timeline or clocks, so only list and count timings mean anything then.
 */
const ROOT = resolve(__dirname, '../..');
const SHOTS = join(ROOT, 'test-results/screenshots/role-day');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCALE = Number(process.env.REDRESS_TIMING_COMPLAINTS ?? 0);

const ROLES = ['admin', 'manager', 'agent', 'handler', 'analyst'] as const;
/** Workflow values a person must never read raw (the state and SLA status names). */
const RAW_VALUES = [
  'in_progress',
  'waiting_customer',
  'invalid_closed',
  'awaiting_approval',
  'follow_up',
  'on_time',
  'at_risk',
  'breached',
  'customer_service',
];
/**
 * Screens where keys are identifiers the administrator edits or integrates with (a rule's `state` values, department
 * keys, webhook topics such as `sla.breached`): there the raw-value check does not apply, the key check does.
 */
const KEY_SCREENS =
  /^#\/(complaintTypes|workflows|fields|channels|departments|teams|severityLevels|calendars|holidaySchedules|slaPolicies|escalations|incidentRules|templates|notices|findingCodes|policySettings|rules|tests|publishing|policyVersions|plugins|auditLog|deliveries|notification-settings)/;
const UNTRANSLATED = /\b(?:app|resources|ra)\.[A-Za-z_]+(?:\.[A-Za-z_$]+)+/g;

let t: TestApp;
let browser: Browser;
const timings: { role: string; screen: string; ms: number }[] = [];
const problems: string[] = [];

interface Watch {
  errors: string[];
  stop(): void;
}

/** Every GraphQL response of the page: errors (with their code) are collected for the assertions. */
function watchGraphQL(page: Page, role: string): Watch {
  const errors: string[] = [];
  const onResponse = async (response: import('playwright-core').Response) => {
    if (!response.url().endsWith('/graphql')) return;
    try {
      const body = await response.json();
      for (const error of body.errors ?? []) {
        const operation = /(?:query|mutation)\s+(\w+)/.exec(String(response.request().postDataJSON()?.query ?? ''))?.[1] ?? '?';
        errors.push(
          `${role} ${await page.evaluate(() => window.location.hash).catch(() => '?')} ${operation}: ${error.extensions?.code ?? ''} ${error.message}`,
        );
      }
    } catch {
      // A body that is not JSON (a download) is not a GraphQL answer.
    }
  };
  page.on('response', onResponse);
  return { errors, stop: () => page.off('response', onResponse) };
}

/** The rendered text of the screen: no message key shown as is; on work screens no raw workflow value. */
async function checkText(page: Page, where: string) {
  const text = await page.locator('body').innerText();
  const keys = [...new Set(text.match(UNTRANSLATED) ?? [])];
  if (keys.length) problems.push(`${where}: untranslated ${keys.join(', ')}`);
  const hash = await page.evaluate(() => window.location.hash);
  if (!KEY_SCREENS.test(hash)) {
    const raw = RAW_VALUES.filter((v) => new RegExp(`(^|[^A-Za-z_])${v}($|[^A-Za-z_])`).test(text));
    if (raw.length) problems.push(`${where}: raw values ${raw.join(', ')}`);
  }
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
  // react-admin shows a progress bar while queries run.
  await page
    .locator('.MuiLinearProgress-root, [role="progressbar"]')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
}

async function visit(page: Page, role: string, route: string, name: string) {
  const started = Date.now();
  await page.goto(`${t.url}/#${route}`);
  await settle(page);
  timings.push({ role, screen: name, ms: Date.now() - started });
  await page.screenshot({ path: join(SHOTS, `${role}-${name.replace(/[^\w-]+/g, '_')}.png`), fullPage: true });
  await checkText(page, `${role} ${name}`);
}

/** Clones the demo complaints (SQLite) until there are `target` rows: for timing the screens at scale only. */
async function scaleTo(target: number) {
  const columns = ((await t.dataSource.query(`PRAGMA table_info(complaint)`)) as { name: string }[]).map((c) => c.name);
  const current = Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM complaint'))[0].n);
  const rounds = Math.ceil((target - current) / current);
  const select = columns
    .map((c) =>
      c === 'id'
        ? `lower(hex(randomblob(16))) AS id`
        : c === 'number'
          ? `number || '#' || r.k AS number`
          : c === 'idempotency_key'
            ? 'NULL AS idempotency_key'
            : `c.${c}`,
    )
    .join(', ');
  for (let k = 1; k <= rounds; k++) {
    await t.dataSource.query(
      `INSERT INTO complaint (${columns.join(', ')}) SELECT ${select.replace(/r\.k/g, String(k))} FROM complaint c WHERE c.number NOT LIKE '%#%' LIMIT ${Math.min(current, target - current - (k - 1) * current)}`.replace(
        /, r\.k/g,
        '',
      ),
    );
  }
}

describe("each demo role's day in Chinese", () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ensureConsoleBuilt();
    t = await createTestApp({ db: 'sqlite', config: { demoComplaints: 300 } });
    await t.seedDemo();
    if (SCALE > 300) await scaleTo(SCALE);
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
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    const count = Number((await t?.dataSource.query('SELECT COUNT(*) AS n FROM complaint').catch(() => [{ n: 0 }]))?.[0]?.n ?? 0);
    const table = ['| Role | Screen | ms |', '|---|---|---:|', ...timings.map((r) => `| ${r.role} | ${r.screen} | ${r.ms} |`)].join('\n');
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(join(ROOT, 'test-results/console-timing.md'), `Complaints in the database: ${count || SCALE || 300}\n\n${table}\n`);
  });

  for (const role of ROLES) {
    it(`walks the ${role}'s screens`, async () => {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      const watch = watchGraphQL(page, role);
      const started = Date.now();
      await page.goto(`${t.url}/`);
      await page.locator('input[name="email"]').fill(`${role}@demo.local`);
      await page.locator('input[name="password"]').fill('demo1234');
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByTestId('main-menu').waitFor();
      await settle(page);
      timings.push({ role, screen: 'sign-in → home', ms: Date.now() - started });
      await checkText(page, `${role} home`);

      const routes = await page
        .getByTestId('main-menu')
        .locator('a[href^="#/"]')
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')!.slice(1)));
      expect(routes.length).toBeGreaterThan(0);
      for (const route of [...new Set(routes)]) await visit(page, role, route, route === '/' ? 'dashboard' : route.slice(1));

      if (role === 'admin') {
        // Versions are picked from a list with the live one marked; export / import of the policy is offered.
        await page.goto(`${t.url}/#/publishing`);
        await page.getByTestId('policy-transfer').waitFor();
        await page.getByTestId('rollback').getByRole('combobox').click();
        await page.getByRole('option', { name: /当前生效/ }).waitFor();
        await page.keyboard.press('Escape');
        await page.goto(`${t.url}/#/policyVersions`);
        await page.getByTestId('live-version').waitFor();
      }

      if (routes.includes('/complaints')) {
        // A complaint of the role's queue, every tab of it.
        await visit(page, role, '/complaints', 'complaints');
        await page.getByTestId('complaint-list').locator('tbody tr').first().click();
        await page.getByTestId('complaint-header').waitFor();
        await settle(page);
        // Roles that work with complainants read the name and phone; others get them masked, never a raw key.
        const complainant = await page.getByTestId('complainant').innerText();
        if (['admin', 'manager', 'handler', 'agent'].includes(role)) expect(complainant).toMatch(/1\d{10}/);
        else expect(complainant).not.toMatch(/1\d{10}/);
        // Action forms only for what the role may do: nobody but a manager or admin sees the approval form, analysts none.
        const actions = await page.getByTestId('complaint-actions').innerText();
        if (role === 'analyst') expect(await page.locator('[data-testid^="action-"]').count()).toBe(0);
        if (role === 'handler' || role === 'agent') expect(await page.getByTestId('action-approve').count()).toBe(0);
        expect(actions).not.toContain('app.');
        const tabs = page.getByRole('tab');
        for (let i = 0; i < (await tabs.count()); i++) {
          const tabStarted = Date.now();
          await tabs.nth(i).click();
          await settle(page);
          const label = await tabs.nth(i).innerText();
          timings.push({ role, screen: `complaint › ${label}`, ms: Date.now() - tabStarted });
          await page.screenshot({ path: join(SHOTS, `${role}-complaint-${i}.png`), fullPage: true });
          await checkText(page, `${role} complaint tab ${label}`);
        }
      }
      watch.stop();
      await context.close();
      expect(watch.errors, "GraphQL errors on the role's own screens").toEqual([]);
    }, 600_000);
  }

  it('found no untranslated key and no raw value on any visited screen', () => {
    expect(problems).toEqual([]);
  });
});
