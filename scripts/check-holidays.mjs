#!/usr/bin/env node
// Coverage check of the bundled Chinese holiday data (issue 16): which years the installed chinese-days knows, whether
// the registry has a newer release, and whether next year is covered. Exit 1 when the current or — from October, when
// the State Council publishes it — the next year is missing: upgrade (npm install chinese-days@latest -w @redress/api)
// or enter the year's schedule through importHolidayNotice.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';

const require = createRequire(new URL('../apps/api/package.json', import.meta.url));
const data = require('chinese-days/dist/chinese-days.json');
const installed = require('chinese-days/package.json').version;
const years = Object.keys(data.holidays).map((d) => Number(d.slice(0, 4)));
const lastYear = Math.max(...years);
const now = new Date(Date.now() + 8 * 3_600_000); // Asia/Shanghai
const year = now.getUTCFullYear();
let latest = 'unknown (registry not reachable)';
try {
  latest = execFileSync('npm', ['view', 'chinese-days', 'version'], { encoding: 'utf8', timeout: 20_000 }).trim();
} catch {
  /* offline: report the installed data only */
}
console.log(`chinese-days ${installed} (latest ${latest}): holidays ${Math.min(...years)}–${lastYear}`);
const missing = lastYear < year ? year : now.getUTCMonth() >= 9 && lastYear < year + 1 ? year + 1 : null;
if (missing) {
  console.error(
    `No official holiday data for ${missing}: deadlines crossing into it are flagged (sla.holiday_data_missing). ` +
      (latest !== installed
        ? `Upgrade: npm install chinese-days@${latest} -w @redress/api`
        : 'Enter the State Council notice with importHolidayNotice.'),
  );
  process.exit(1);
}
