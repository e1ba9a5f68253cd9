import autocannon from 'autocannon';
import { intakeBody, type BodySpec } from './bodies';

export interface HttpFigures {
  name: string;
  /** Body-checked: responses with HTTP 2xx AND data without a GraphQL `errors` array, per second. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Length of the window (from the first request to the last answer), seconds. */
  seconds: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** HTTP 2xx whose body is not a GraphQL success (an `errors` array, no data, or not JSON). */
  graphqlErrors: number;
  /** The successful responses, counted one by one. */
  succeeded: number;
  /** Failures by `extensions.reason` / `extensions.code` (or `HTTP <status>`), for the report. */
  failuresByCode: Record<string, number>;
  /** `data` of each successful response, when `keepData` asks for it (e.g. the ids of created rows). */
  data: unknown[];
  /** CPU time of the API process(es) over the window, ms (set by the caller that sampled it). */
  apiCpuMs?: number;
  /**
   * CPU time of the process that drove the load, ms: near 100% of a core the load generator, not the server, may be
   * what limits the figure (the cheap framework ceiling).
   */
  loadCpuMs: number;
  /** CPU time of the database server (PostgreSQL: the postmaster and its backends) over the window, ms. */
  dbCpuMs?: number;
}

/** A GraphQL response body judged the way a client judges it: HTTP 200 with an `errors` array is a failure. */
export function judgeGraphQLResponse(status: number, body: string): { ok: true; data: unknown } | { ok: false; code: string } {
  if (status < 200 || status >= 300) return { ok: false, code: `HTTP ${status}` };
  let parsed: { data?: unknown; errors?: { extensions?: { code?: string; reason?: string } }[] };
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, code: 'NOT_JSON' };
  }
  if (Array.isArray(parsed.errors) && parsed.errors.length) {
    const first = parsed.errors[0]?.extensions;
    return { ok: false, code: first?.reason ?? first?.code ?? 'GRAPHQL_ERROR' };
  }
  if (parsed.data === undefined || parsed.data === null) return { ok: false, code: 'NO_DATA' };
  return { ok: true, data: parsed.data };
}

/** One server to drive and the connections it gets (two API instances share one run: 16 + 16). */
export interface Target {
  url: string;
  connections: number;
}

export interface DriveOptions {
  token?: string;
  /** Seconds of load (default 5), unless `amount` asks for a fixed number of requests instead. */
  duration?: number;
  /** Exactly this many requests in all (split over the targets by their connections). */
  amount?: number;
  keepData?: boolean;
  /** Seconds before a request counts as timed out (a failure); autocannon's default 10. */
  timeout?: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;

/**
 * Drives a GraphQL operation over loopback HTTP with autocannon (one instance per target, all at once) and returns
 * throughput and latency. Every response body is checked: GraphQL reports errors with HTTP 200, so a status check
 * alone counted failed requests as successes (throughput of refusals). Runs in the process that calls it — the
 * benchmark calls it in its load-generator child process (`LoadGenerator`), never in the API's.
 */
export async function driveGraphQL(name: string, targets: Target[], body: BodySpec, options: DriveOptions = {}): Promise<HttpFigures> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const next = 'generator' in body && body.generator === 'intake' ? intakeBody(body.from) : undefined;
  let succeeded = 0;
  let graphqlErrors = 0;
  const failuresByCode: Record<string, number> = {};
  const data: unknown[] = [];
  // Latency of every answer, across targets (percentiles of two autocannon runs cannot be merged afterwards).
  const latencies: number[] = [];
  const onResponse = (status: number, responseBody: string) => {
    const verdict = judgeGraphQLResponse(status, responseBody);
    if (verdict.ok) {
      succeeded += 1;
      if (options.keepData) data.push(verdict.data);
      return;
    }
    failuresByCode[verdict.code] = (failuresByCode[verdict.code] ?? 0) + 1;
    // Non-2xx are autocannon's `non2xx` already.
    if (status >= 200 && status < 300) graphqlErrors += 1;
  };
  const totalConnections = targets.reduce((sum, t) => sum + t.connections, 0);
  let amountLeft = options.amount ?? 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const results: { errors: number; non2xx: number }[] = await Promise.all(
    targets.map((target, index) => {
      // Split a fixed amount by connections; the last target takes the rounding rest.
      const amount = options.amount
        ? index === targets.length - 1
          ? amountLeft
          : Math.round((options.amount * target.connections) / totalConnections)
        : 0;
      amountLeft -= amount;
      const instance = autocannon({
        url: `${target.url}/graphql`,
        method: 'POST',
        headers,
        connections: target.connections,
        timeout: options.timeout ?? 10,
        ...(options.amount ? { amount } : { duration: options.duration ?? 5 }),
        requests: [
          next
            ? { setupRequest: (req: any) => ({ ...req, body: JSON.stringify(next()) }), onResponse }
            : { body: JSON.stringify(body), onResponse },
        ],
      });
      instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
      // Timeouts and connection errors, by kind (autocannon counts them in `errors`).
      instance.on('reqError', (error: NodeJS.ErrnoException) => {
        const code = error.code ?? (error.message === 'request timed out' ? `timeout (> ${options.timeout ?? 10} s)` : error.message);
        failuresByCode[code] = (failuresByCode[code] ?? 0) + 1;
      });
      return instance;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  return {
    name,
    requestsPerSecond: Math.round(succeeded / Math.max(seconds, 1e-9)),
    p50Ms: Math.round(percentile(latencies, 50)),
    p99Ms: Math.round(percentile(latencies, 99)),
    seconds: Math.round(seconds * 100) / 100,
    loadCpuMs: (cpu.user + cpu.system) / 1000,
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    graphqlErrors,
    succeeded,
    failuresByCode,
    data,
  };
}

/** Serials missing from or repeated in 1..max, per tenant and month (the number's text before its serial). */
export function numberingProblems(rows: { tenant_id: string; number: string }[]): string[] {
  const serialsByPeriod = new Map<string, number[]>();
  const problems: string[] = [];
  for (const { tenant_id: tenant, number } of rows) {
    // The serial is the trailing digits after the period (`2611-0001`, the default `{YY}{MM}-{SEQ:4}`); a pattern
    // without a separator before the serial cannot be split this way and is reported rather than guessed.
    const match = /^(.*\D)(\d+)$/.exec(number);
    if (!match) {
      problems.push(`${number}: no serial after a separator`);
      continue;
    }
    const key = `${tenant} ${match[1]}`;
    const list = serialsByPeriod.get(key) ?? [];
    list.push(Number(match[2]));
    serialsByPeriod.set(key, list);
  }
  for (const [period, list] of serialsByPeriod) {
    list.sort((a, b) => a - b);
    const duplicates = list.filter((n, i) => i > 0 && list[i - 1] === n);
    const present = new Set(list);
    const missing = Array.from({ length: list[list.length - 1] }, (_, i) => i + 1).filter((n) => !present.has(n));
    if (duplicates.length) problems.push(`${period}: duplicate serials ${duplicates.slice(0, 10).join(', ')}`);
    if (missing.length) problems.push(`${period}: missing serials ${missing.slice(0, 10).join(', ')} (${missing.length} in all)`);
  }
  return problems;
}

/** Every kind of failure of a run: connection errors, non-2xx, and 2xx bodies that are not GraphQL successes. */
export const failures = (r: HttpFigures) => r.errors + r.non2xx + r.graphqlErrors;

const perSuccess = (ms: number | undefined, r: HttpFigures) => (ms === undefined || !r.succeeded ? '' : (ms / r.succeeded).toFixed(2));

/**
 * A Markdown table of runs. The CPU columns appear when a run has them: API-process CPU per successful request and
 * the API's CPU use over the window (100% = one core; the load generator runs in its own process), and the
 * database server's CPU per successful request; always the load generator's CPU use.
 */
export function printTable(title: string, rows: HttpFigures[], baseline?: HttpFigures) {
  const api = rows.some((r) => r.apiCpuMs !== undefined);
  const db = rows.some((r) => r.dbCpuMs !== undefined);
  const header = ['operation', 'successful req/s', 'p50 ms', 'p99 ms', 'successes in window'];
  if (baseline) header.push('vs ceiling (req/s)');
  if (api) header.push('API CPU ms / success', 'API CPU %');
  if (db) header.push('PostgreSQL CPU ms / success');
  header.push('load generator CPU %', 'failed');
  console.log(`\n${title}`);
  console.log(`| ${header.join(' | ')} |`);
  console.log(
    `| --- | ${header
      .slice(1)
      .map(() => '---:')
      .join(' | ')} |`,
  );
  for (const r of rows) {
    const cells = [r.name, r.requestsPerSecond, r.p50Ms, r.p99Ms, `${r.succeeded} in ${r.seconds} s`];
    if (baseline) cells.push((r.requestsPerSecond / baseline.requestsPerSecond).toFixed(3));
    if (api) cells.push(perSuccess(r.apiCpuMs, r), r.apiCpuMs === undefined ? '' : `${Math.round(r.apiCpuMs / (r.seconds * 10))}%`);
    if (db) cells.push(perSuccess(r.dbCpuMs, r));
    cells.push(`${Math.round(r.loadCpuMs / (r.seconds * 10))}%`);
    cells.push(failures(r) ? `${failures(r)} ${JSON.stringify(r.failuresByCode)}` : '0');
    console.log(`| ${cells.join(' | ')} |`);
  }
}
