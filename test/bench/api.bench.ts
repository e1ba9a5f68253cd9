import { cpus } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../../apps/api/src/config/config';
import { startPostgres, type PostgresServer } from '../support/postgres-server';
import type { BodySpec } from './bodies';
import { startChild, type Child } from './child';
import { processTreeCpuMs, uptime } from './cpu';
import { failures, numberingProblems, printTable, type DriveOptions, type HttpFigures } from './http';

/**
 * Throughput, tail latency and CPU per request of the API next to the bare framework ceiling, in one run so the
 * ratios stay meaningful on a noisy machine (issue #19, "The benchmark itself"):
 * - the bare NestJS + Apollo + Fastify ceiling and `me` (JWT + one row);
 * - `submitComplaint` (the full intake pipeline) at 8 and at 32 connections on SQLite (WAL, synchronous=FULL) and on
 *   PostgreSQL with fsync on — durable commits, as deployed;
 * - a burst of BENCH_BURST submissions (default 20,000) on each database: all acknowledged, all stored, numbers
 *   gap-free;
 * - two API instances on one PostgreSQL (16 + 16 connections) against one instance with 32.
 * Every API instance and the load generator (autocannon) run in child processes of their own: the load generator
 * never competes with an API for its event loop, and `process.cpuUsage()` of an API process, read before and after
 * each window, is that API's CPU alone. Every response body is checked; the bench asserts correctness only (no
 * failure, every returned id stored, numbers gap-free), never timings.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const BURST = Number(process.env.BENCH_BURST ?? 20_000);
/** Seconds before the load generator gives up on a submission (then a failure): autocannon's default 10. */
const TIMEOUT = Number(process.env.BENCH_TIMEOUT ?? 10);

const API_PROCESS = join(__dirname, 'api-process.ts');
const LOAD_PROCESS = join(__dirname, 'load-process.ts');

interface Api {
  child: Child;
  url: string;
  config: Pick<AppConfig, 'database' | 'encryptionKey' | 'jwtSecret'>;
}

async function startApi(options: { db: 'sqlite' | 'postgres'; databaseUrl?: string; config?: Partial<AppConfig> }): Promise<Api> {
  const child = await startChild(API_PROCESS);
  const { url, ...config } = await child.call<{ url: string } & Api['config']>('start', options);
  return { child, url, config };
}

let load: Child;
let serials = 0;
/** New complaints by new complainants: each run its own range of serials (phone numbers never repeat across runs). */
const intake = (): BodySpec => ({ generator: 'intake', from: ++serials * 1_000_000 });

const cpuMs = async (apis: Child[]) =>
  (await Promise.all(apis.map((api) => api.call<NodeJS.CpuUsage>('cpu')))).reduce((sum, u) => sum + (u.user + u.system) / 1000, 0);

/**
 * One window: `connections[i]` connections to `apis[i]`, with the API processes' CPU time (and PostgreSQL's, when
 * given) read right before and right after it.
 */
async function measure(
  name: string,
  apis: { child: Child; url: string }[],
  connections: number[],
  body: BodySpec,
  options: DriveOptions,
  pg?: PostgresServer,
): Promise<HttpFigures> {
  const pgBefore = pg ? processTreeCpuMs(pg.pid()) : 0;
  const apiBefore = await cpuMs(apis.map((a) => a.child));
  const run = await load.call<HttpFigures>(
    'drive',
    name,
    apis.map((a, i) => ({ url: a.url, connections: connections[i] })),
    body,
    options,
  );
  run.apiCpuMs = (await cpuMs(apis.map((a) => a.child))) - apiBefore;
  if (pg) run.dbCpuMs = processTreeCpuMs(pg.pid()) - pgBefore;
  await settle(apis.map((a) => a.child));
  return run;
}

/**
 * Waits until the API processes are idle: a timed window ends with up to one request per connection still being
 * worked on (the client stopped waiting, the server did not), which would otherwise run into the next window — or
 * be cut off when an instance stops. Idle: under 5% of a core over half a second, twice in a row.
 */
async function settle(apis: Child[]) {
  const deadline = Date.now() + 120_000;
  for (let quiet = 0; quiet < 2 && Date.now() < deadline;) {
    const before = await cpuMs(apis);
    await new Promise((r) => setTimeout(r, 500));
    quiet = (await cpuMs(apis)) - before < 25 ? quiet + 1 : 0;
  }
}

/** One line per window as it ends (the tables come at the end of the run). */
const logRun = (r: HttpFigures) =>
  console.log(
    `${r.name}: ${r.requestsPerSecond} successful/s (${r.succeeded} in ${r.seconds} s), p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, failed ${failures(r)} ${JSON.stringify(r.failuresByCode)}`,
  );

/** The complaint ids the successful submissions returned. */
const createdIds = (run: HttpFigures) => run.data.map((d) => (d as { submitComplaint: { id: string } }).submitComplaint.id);

interface DatabaseRuns {
  me: HttpFigures;
  at8: HttpFigures;
  at32: HttpFigures;
  burst: HttpFigures;
  twoInstances?: HttpFigures;
  /** What the correctness checks found wrong (asserted after the tables are printed, so a failed run still shows its figures). */
  problems: string[];
}

/** Everything measured on one database, then checked against the stored rows. */
async function onDatabase(db: 'sqlite' | 'postgres', pg?: PostgresServer): Promise<DatabaseRuns> {
  const databaseUrl = pg ? await pg.createDatabase(`bench_${randomBytes(4).toString('hex')}`) : undefined;
  const api = await startApi({ db, databaseUrl });
  const runs: HttpFigures[] = [];
  const problems: string[] = [];
  // Complaints that may be stored without their answer counted: requests in flight when a timed window closes.
  let inFlightAllowance = 0;
  try {
    const query = <T = any>(sql: string) => api.child.call<T[]>('query', sql);
    // The method holds only with durable commits: check the settings the run really has.
    if (db === 'sqlite') {
      const [{ journal_mode: journal }] = await query('PRAGMA journal_mode');
      const [{ synchronous }] = await query('PRAGMA synchronous');
      console.log(`sqlite: journal_mode=${journal} synchronous=${synchronous} (2 = FULL)`);
      expect([journal, Number(synchronous)]).toEqual(['wal', 2]);
    } else {
      const settings = await query<{ name: string; setting: string }>(
        `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method') ORDER BY name`,
      );
      console.log(`postgres: ${settings.map((s) => `${s.name}=${s.setting}`).join(' ')}`);
      expect(settings.filter((s) => s.name !== 'wal_sync_method').map((s) => s.setting)).toEqual(['on', 'on', 'on']);
    }
    await api.child.call('seedDemo');
    const admin = await api.child.call<string>('login', 'admin@demo.local');
    const agent = await api.child.call<string>('login', 'agent@demo.local');
    const submitting = { token: agent, keepData: true, timeout: TIMEOUT };
    const timed = (connections: number[]) => {
      inFlightAllowance += connections.reduce((a, b) => a + b, 0);
      return { ...submitting, duration: SECONDS };
    };
    const run = async (...args: Parameters<typeof measure>) => {
      const figures = await measure(...args);
      runs.push(figures);
      logRun(figures);
      return figures;
    };

    await run('warm-up', [api], [32], { query: '{ me { id } }' }, { token: admin, duration: 1 });
    const me = await run(`\`me\` on ${db}`, [api], [32], { query: '{ me { id email role } }' }, { token: admin, duration: SECONDS });
    await run('warm-up', [api], [8], intake(), { ...submitting, amount: 100 });
    const at8 = await run(`\`submitComplaint\` on ${db}, 8 connections`, [api], [8], intake(), timed([8]), pg);
    const at32 = await run(`\`submitComplaint\` on ${db}, 32 connections`, [api], [32], intake(), timed([32]), pg);

    let twoInstances: HttpFigures | undefined;
    if (pg) {
      // A second instance of the same deployment: same database, same keys (it reads what the first encrypted, and
      // the first's tokens are valid on it).
      const { encryptionKey, jwtSecret } = api.config;
      const second = await startApi({ db, databaseUrl, config: { encryptionKey, jwtSecret } });
      try {
        await run('warm-up', [second], [8], intake(), { ...submitting, amount: 100 });
        twoInstances = await run(
          '`submitComplaint`, two instances on one PostgreSQL, 16 + 16 connections',
          [api, second],
          [16, 16],
          intake(),
          timed([16, 16]),
          pg,
        );
      } finally {
        await second.child.stop();
      }
    }

    const burst = await run(
      `burst of ${BURST} \`submitComplaint\` on ${db}, 32 connections`,
      [api],
      [32],
      intake(),
      { ...submitting, amount: BURST },
      pg,
    );

    // Body-checked: no run may hide refusals behind HTTP 200.
    for (const r of runs) if (failures(r)) problems.push(`${r.name}: ${failures(r)} failed ${JSON.stringify(r.failuresByCode)}`);
    if (burst.succeeded !== BURST) problems.push(`burst on ${db}: ${burst.succeeded} of ${BURST} acknowledged`);
    // Every success is a stored complaint (found by the id it returned); beyond them only requests still in flight
    // when a timed window closed (or that failed on the client's side) may be stored.
    const ids = runs.flatMap(createdIds);
    if (new Set(ids).size !== ids.length) problems.push(`${db}: ${ids.length - new Set(ids).size} complaint ids returned twice`);
    const rows = await query<{ id: string; tenant_id: string; number: string }>('SELECT id, tenant_id, number FROM complaint');
    const stored = new Set(rows.map((r) => r.id));
    const found = ids.filter((id) => stored.has(id)).length;
    const burstStored = createdIds(burst).filter((id) => stored.has(id)).length;
    const allowance = inFlightAllowance + runs.reduce((sum, r) => sum + failures(r), 0);
    const numbering = numberingProblems(rows);
    console.log(
      `${db}: ${ids.length} successful submissions, ${found} of their ids stored (burst: ${burst.succeeded} acknowledged, ${burstStored} stored); ${rows.length} complaints stored in all (at most ${allowance} beyond the successes: in flight at window ends or failed); numbers ${numbering.length ? numbering.join('; ') : `gap-free (${rows.length} serials from 1)`}`,
    );
    if (found !== ids.length) problems.push(`${db}: ${ids.length - found} acknowledged complaints not stored`);
    if (rows.length < ids.length || rows.length - ids.length > allowance)
      problems.push(`${db}: ${rows.length} stored for ${ids.length} successes (at most ${allowance} more allowed)`);
    problems.push(...numbering.map((p) => `${db} numbers: ${p}`));
    return { me, at8, at32, burst, twoInstances, problems };
  } finally {
    await api.child.stop();
  }
}

describe('API throughput', () => {
  let pg: PostgresServer | undefined;
  beforeAll(async () => {
    load = await startChild(LOAD_PROCESS);
  });
  afterAll(async () => {
    await load?.stop();
    await pg?.stop();
  });

  it('ceiling, me, submitComplaint at 8 and 32 connections, a burst and two instances, on SQLite and PostgreSQL (fsync on)', async () => {
    const start = uptime();
    console.log(
      `machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}; BENCH_SECONDS=${SECONDS} BENCH_BURST=${BURST} BENCH_TIMEOUT=${TIMEOUT}`,
    );
    console.log(`uptime at the start: ${start}`);

    const bare = await startChild(API_PROCESS);
    let ceiling: HttpFigures;
    try {
      const { url } = await bare.call<{ url: string }>('startBare');
      const target = { child: bare, url };
      await measure('warm-up', [target], [32], { query: '{ ping }' }, { duration: 1 });
      ceiling = await measure(
        'bare `{ ping }` on Fastify (framework ceiling)',
        [target],
        [32],
        { query: '{ ping }' },
        { duration: SECONDS },
      );
      logRun(ceiling);
    } finally {
      await bare.stop();
    }
    expect(failures(ceiling)).toBe(0);

    const sqlite = await onDatabase('sqlite');
    pg = await startPostgres({ fsync: true });
    const postgres = await onDatabase('postgres', pg);
    const end = uptime();

    printTable(`Framework ceiling and \`me\` (32 connections, ${SECONDS} s)`, [ceiling, sqlite.me, postgres.me], ceiling);
    printTable(`\`submitComplaint\`, durable commits (SQLite WAL synchronous=FULL; PostgreSQL fsync=on), ${SECONDS} s each`, [
      sqlite.at8,
      sqlite.at32,
      postgres.at8,
      postgres.at32,
    ]);
    printTable(`Burst: ${BURST} submissions, 32 connections (all acknowledged, all stored, numbers gap-free — checked)`, [
      sqlite.burst,
      postgres.burst,
    ]);
    printTable(`Two API instances on one PostgreSQL (fsync=on), ${SECONDS} s each; API CPU is both processes'`, [
      postgres.at32,
      postgres.twoInstances!,
    ]);
    console.log(`\nuptime at the start: ${start}\nuptime at the end:   ${end}`);
    expect([...sqlite.problems, ...postgres.problems]).toEqual([]);
  });
});
