import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The system Chromium (scripts/test-prerequisites.mjs checks it is there), headless, quiet and offline. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** For afterEach: the page a failed test was on, photographed as `<dir>/failed-<test name>.png`. */
export async function photographFailure(
  task: { name: string; result?: { state?: string } },
  page: Page | undefined,
  dir: string,
): Promise<void> {
  if (task.result?.state !== 'fail' || !page || page.isClosed()) return;
  await page
    .screenshot({ path: join(dir, `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}.png`), fullPage: true })
    .catch(() => undefined);
}
