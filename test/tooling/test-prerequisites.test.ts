import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types: the pretest step must run before anything is built
import { planPrerequisites } from '../../scripts/test-prerequisites.mjs';

const script = resolve(__dirname, '../../scripts/test-prerequisites.mjs');

/** A machine described by what it has; the decision under test is the script's own. */
function machine(over: Partial<{ chromium: boolean; postgres: boolean; font: boolean; root: boolean; apt: boolean }>) {
  const m = { chromium: true, postgres: true, font: true, root: true, apt: true, ...over };
  return {
    fileExists: (path: string) => (path.endsWith('initdb') ? m.postgres : m.chromium),
    postgresBinDirs: () => ['/usr/lib/postgresql/15/bin'],
    debianPackageInstalled: () => m.font,
    isRoot: () => m.root,
    hasAptGet: () => m.apt,
  };
}

describe('npm test prerequisites (pretest)', () => {
  it('is wired as the pretest step, so `npm install && npm test` checks them on a fresh machine', () => {
    const pkg = JSON.parse(
      execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { cwd: resolve(__dirname, '../..') }).toString(),
    );
    expect(pkg.scripts.pretest).toContain('scripts/test-prerequisites.mjs');
  });

  it('does nothing when Chromium, PostgreSQL and the CJK font are present', () => {
    expect(planPrerequisites(machine({})).action).toBe('none');
  });

  it('installs exactly the missing Debian packages when it runs as root with apt-get', () => {
    const plan = planPrerequisites(machine({ chromium: false, font: false }));
    expect(plan.action).toBe('install');
    expect(plan.packages).toEqual(['chromium', 'fonts-wqy-zenhei']);
  });

  it('stops with the exact command when it cannot install (not root)', () => {
    const plan = planPrerequisites(machine({ postgres: false, root: false }));
    expect(plan.action).toBe('stop');
    expect(plan.command).toBe("sudo sh -c 'apt-get update && apt-get install -y postgresql'");
  });

  it('as an unprivileged user with Chromium missing, the real script exits non-zero and prints the command', () => {
    if (process.getuid?.() !== 0) {
      // Already unprivileged: run it directly.
      const direct = spawnSync('node', [script], { env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' } });
      expect(direct.status).toBe(1);
      expect(direct.stderr.toString()).toContain('apt-get install -y chromium');
      return;
    }
    try {
      execFileSync('id', ['-u', 'nobody'], { stdio: 'ignore' });
    } catch {
      throw new Error('this test needs the "nobody" user to run the script unprivileged');
    }
    // The checkout may sit in a folder "nobody" cannot read (CI clones as root): run a world-readable copy.
    const dir = mkdtempSync(join(tmpdir(), 'redress-pretest-'));
    chmodSync(dir, 0o755);
    const copy = join(dir, 'test-prerequisites.mjs');
    copyFileSync(script, copy);
    chmodSync(copy, 0o644);
    const result = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, copy], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', CHROMIUM_PATH: '/nonexistent/chromium' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr.toString()).toContain("sudo sh -c 'apt-get update && apt-get install -y chromium");
  });
});
