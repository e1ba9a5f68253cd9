import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ADMIN = resolve(__dirname, '../../apps/admin');

function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSource(join(path, name))));
}

/** Builds the console when dist is missing or older than its sources (the API serves apps/admin/dist). */
export function ensureConsoleBuilt(): void {
  const built = join(ADMIN, 'dist/index.html');
  const sources = Math.max(...['src', 'index.html', 'vite.config.mts', 'package.json'].map((p) => newestSource(join(ADMIN, p))));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  // NODE_ENV is 'test' under vitest; the console must be the production build (React's dev build is several times slower).
  execFileSync('npx', ['vite', 'build'], { cwd: ADMIN, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } });
}

const PORTAL = resolve(__dirname, '../../apps/portal');

/** Builds the complainant portal (apps/portal, served at /c/<slug>) when dist is missing or older than its sources. */
export function ensurePortalBuilt(): void {
  const built = join(PORTAL, 'dist/index.html');
  const sources = Math.max(...['src', 'index.html', 'vite.config.mts', 'package.json'].map((p) => newestSource(join(PORTAL, p))));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  execFileSync('npx', ['vite', 'build'], { cwd: PORTAL, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } });
}
