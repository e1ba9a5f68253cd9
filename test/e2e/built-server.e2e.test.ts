import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../support/postgres-server';
import { newPostgresDatabase, testDatabases } from '../support/test-app';

/**
 * `npm start` runs the CommonJS build (`apps/api/dist/main.js`), not the ESM that vitest loads: a CommonJS-only
 * fault (a constructor parameter named `exports` shadowing the module's `exports` turned the analytics interval
 * into `undefined`, i.e. a 1 ms loop) passed every other test while an idle server burned 44% of a core. This file
 * builds the API the way `npm start` does and watches the real process at rest: with LOG_LEVEL=debug every worker
 * logs one line per sweep, so the sweeps per worker over a few seconds are counted from its output.
 */
const root = resolve(__dirname, '../..');
const WATCH_MS = 4_000;

let built: Promise<unknown> | undefined;
/** The API and the libraries it needs, built once per run (nx caches unchanged projects). */
const buildApi = () =>
  (built ??= promisify(execFile)('npx', ['nx', 'run', '@redress/api:build', '--outputStyle=stream'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  }));

interface Line {
  at: number;
  text: string;
}

/**
 * The server logs JSON lines (nestjs-pino): `{"level":20,"context":"SlaScheduler","msg":"sweep (every 1000 ms)"}`.
 * They are read back as `[SlaScheduler] sweep (every 1000 ms)`, with `ERROR` in front of error-level lines (≥ 50).
 */
function readable(text: string): string {
  if (!text.startsWith('{')) return text;
  try {
    const line = JSON.parse(text) as { level?: number; context?: string; msg?: string };
    if (typeof line.msg !== 'string') return text;
    return `${(line.level ?? 0) >= 50 ? 'ERROR ' : ''}${line.context ? `[${line.context}] ` : ''}${line.msg}`;
  } catch {
    return text;
  }
}

describe.each(testDatabases())('the built server (npm start) at rest on %s', (db) => {
  let child: ChildProcess;
  let dataDir: string;
  const lines: Line[] = [];
  let listening = 0;

  beforeAll(async () => {
    await buildApi();
    dataDir = mkdtempSync(join(tmpdir(), 'redress-built-'));
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      REDRESS_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'debug',
      NO_COLOR: '1',
    };
    for (const name of ['NODE_ENV', 'REDRESS_WORKERS', 'REDRESS_DEMO', 'DATABASE_URL', 'VITEST', 'VITEST_MODE']) delete env[name];
    const url = db === 'postgres' ? await newPostgresDatabase() : undefined;
    if (url) Object.assign(env, { DATABASE_URL: url, REDRESS_AUTO_MIGRATE: '1' });
    child = spawn(process.execPath, ['apps/api/dist/main.js'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => {
      for (const text of chunk.toString('utf8').split('\n')) if (text) lines.push({ at: Date.now(), text: readable(text) });
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    await new Promise<void>((ready, fail) => {
      const check = setInterval(() => {
        if (lines.some((l) => l.text.includes('API and console on'))) {
          clearInterval(check);
          listening = Date.now();
          ready();
        }
      }, 50);
      child.once('exit', (code) => {
        clearInterval(check);
        fail(new Error(`the server exited with ${code}:\n${lines.map((l) => l.text).join('\n')}`));
      });
    });
    // Idle: no request at all while the workers run on their own timers.
    await new Promise((r) => setTimeout(r, WATCH_MS));
  }, 900_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const sweepsSinceListening = () => {
    const counts: Record<string, number> = {};
    for (const { at, text } of lines) {
      // Any interval text: a broken one ("undefined", "NaN") must be counted too, not slip past the pattern.
      const match = /\[(\w+)\] sweep \(every ([^)]*) ms\)/.exec(text);
      if (match && at >= listening) counts[match[1]] = (counts[match[1]] ?? 0) + 1;
    }
    return counts;
  };

  it('sweeps at each worker’s own interval: SLA once a second, analytics and the classifier not within seconds', () => {
    const counts = sweepsSinceListening();
    // The SLA scheduler runs every second; the analytics (5 min) and classifier (10 min) ones have not come due.
    expect(counts.SlaScheduler ?? 0).toBeLessThanOrEqual(WATCH_MS / 1_000 + 1);
    expect(counts.AnalyticsScheduler ?? 0).toBe(0);
    expect(counts.ClassifierScheduler ?? 0).toBe(0);
    // And the debug line is really there (a silent logger would pass the bounds above trivially).
    expect(lines.some((l) => /\[SlaScheduler\] sweep \(every 1000 ms\)/.test(l.text))).toBe(true);
    // Every worker's interval, as it logs it, is a positive number of milliseconds.
    const intervals = new Set(lines.flatMap((l) => /sweep \(every ([^)]*) ms\)/.exec(l.text)?.[1] ?? []));
    for (const interval of intervals) expect(Number(interval), `interval "${interval}"`).toBeGreaterThan(0);
  });

  it('seeds the demo without logging errors (no "No policy has been published yet" while it seeds)', () => {
    const text = lines.map((l) => l.text).join('\n');
    expect(text).toContain('Created demo tenant');
    expect(text).not.toMatch(/No policy has been published yet/);
    expect(lines.filter((l) => /\bERROR\b/.test(l.text)).map((l) => l.text)).toEqual([]);
  });
});
