#!/usr/bin/env node
// `npm test` runs this first (the `pretest` script). The suites need three things from Debian that npm cannot
// install: Chromium (the console's browser suite), PostgreSQL's server binaries (every end-to-end file also runs
// on a throwaway PostgreSQL) and a CJK font (readable Chinese screenshots). When something is missing we install it
// if we can (root with apt-get), otherwise we stop with the exact command — a suite is never skipped silently.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What the tests need, each with how to tell it is present and the Debian package that provides it. */
export const PREREQUISITES = [
  {
    name: 'Chromium (browser suite)',
    debianPackage: 'chromium',
    present: (probe) => probe.fileExists(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
  },
  {
    name: 'PostgreSQL server binaries (PostgreSQL suites)',
    debianPackage: 'postgresql',
    present: (probe) => probe.postgresBinDirs().some((dir) => probe.fileExists(join(dir, 'initdb'))),
  },
  {
    name: 'CJK font (Chinese screenshots)',
    debianPackage: 'fonts-wqy-zenhei',
    present: (probe) => probe.debianPackageInstalled('fonts-wqy-zenhei'),
  },
];

export const realProbe = {
  fileExists: (path) => existsSync(path),
  postgresBinDirs: () => {
    const root = '/usr/lib/postgresql';
    if (!existsSync(root)) return [];
    return readdirSync(root).map((version) => join(root, version, 'bin'));
  },
  debianPackageInstalled: (name) => spawnSync('dpkg', ['-s', name], { stdio: 'ignore' }).status === 0,
  isRoot: () => typeof process.getuid === 'function' && process.getuid() === 0,
  hasAptGet: () => spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0,
};

/** Pure decision: nothing to do, install these packages, or stop and tell the person the command to run. */
export function planPrerequisites(probe) {
  const missing = PREREQUISITES.filter((p) => !p.present(probe));
  if (missing.length === 0) return { action: 'none', missing: [] };
  const packages = missing.map((p) => p.debianPackage);
  const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  if (probe.isRoot() && probe.hasAptGet()) return { action: 'install', missing, packages, command };
  return { action: 'stop', missing, packages, command: probe.hasAptGet() ? `sudo sh -c '${command}'` : command };
}

function main() {
  const plan = planPrerequisites(realProbe);
  if (plan.action === 'none') return 0;
  const names = plan.missing.map((p) => p.name).join(', ');
  if (plan.action === 'stop') {
    console.error(`The tests need ${names}, which npm cannot install. Run:\n\n  ${plan.command}\n\nthen npm test again.`);
    return 1;
  }
  console.log(`Installing what the tests need from Debian: ${plan.packages.join(' ')} (${names})`);
  try {
    // apt's progress is hundreds of lines; it is shown only when the install fails.
    const quiet = { stdio: 'pipe', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
    execFileSync('apt-get', ['update', '-qq'], quiet);
    execFileSync('apt-get', ['install', '-y', '-qq', ...plan.packages], quiet);
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.split('\n').slice(-30).join('\n');
    console.error(`${output}\nCould not install ${plan.packages.join(' ')}: ${error.message}\nRun:\n\n  ${plan.command}\n`);
    return 1;
  }
  const after = planPrerequisites(realProbe);
  if (after.action !== 'none') {
    console.error(`Still missing after installing: ${after.missing.map((p) => p.name).join(', ')}. Run:\n\n  ${after.command}\n`);
    return 1;
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(main());
