import autocannon from 'autocannon';

export interface HttpFigures {
  name: string;
  /** Body-checked: responses with HTTP 2xx AND data without a GraphQL `errors` array, per second. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
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

/**
 * Drives a GraphQL operation over loopback HTTP with autocannon and returns throughput and latency. Every response
 * body is checked: GraphQL reports errors with HTTP 200, so a status check alone counted failed requests as
 * successes (throughput of refusals).
 */
export async function benchGraphQL(
  name: string,
  url: string,
  body: unknown | (() => unknown),
  options: { token?: string; connections?: number; duration?: number; amount?: number; keepData?: boolean } = {},
): Promise<HttpFigures> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const dynamic = typeof body === 'function';
  let succeeded = 0;
  let graphqlErrors = 0;
  const failuresByCode: Record<string, number> = {};
  const data: unknown[] = [];
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
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers,
    connections: options.connections ?? 32,
    ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? 5 }),
    requests: [
      dynamic
        ? { setupRequest: (req: any) => ({ ...req, body: JSON.stringify((body as () => unknown)()) }), onResponse }
        : { body: JSON.stringify(body), onResponse },
    ],
  });
  return {
    name,
    requestsPerSecond: Math.round(succeeded / Math.max(result.duration, 1e-9)),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    graphqlErrors,
    succeeded,
    failuresByCode,
    data,
  };
}

/** Every kind of failure of a run: connection errors, non-2xx, and 2xx bodies that are not GraphQL successes. */
export const failures = (r: HttpFigures) => r.errors + r.non2xx + r.graphqlErrors;

export function printTable(title: string, rows: HttpFigures[], baseline?: HttpFigures) {
  console.log(`\n${title}`);
  console.log('| operation | successful req/s | p50 ms | p99 ms | vs baseline (req/s) | failed |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const ratio = baseline ? (r.requestsPerSecond / baseline.requestsPerSecond).toFixed(3) : '';
    const failed = failures(r) ? `${failures(r)} ${JSON.stringify(r.failuresByCode)}` : '0';
    console.log(`| ${r.name} | ${r.requestsPerSecond} | ${r.p50Ms} | ${r.p99Ms} | ${ratio} | ${failed} |`);
  }
}
