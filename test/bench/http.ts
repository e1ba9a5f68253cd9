import autocannon from 'autocannon';

export interface HttpFigures {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/** Drives a GraphQL operation over loopback HTTP with autocannon and returns throughput and latency. */
export async function benchGraphQL(
  name: string,
  url: string,
  body: unknown | (() => unknown),
  options: { token?: string; connections?: number; duration?: number; amount?: number } = {},
): Promise<HttpFigures> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const dynamic = typeof body === 'function';
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers,
    connections: options.connections ?? 32,
    ...(options.amount ? { amount: options.amount } : { duration: options.duration ?? 5 }),
    ...(dynamic
      ? { requests: [{ setupRequest: (req: any) => ({ ...req, body: JSON.stringify((body as () => unknown)()) }) }] }
      : { body: JSON.stringify(body) }),
  });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export function printTable(title: string, rows: HttpFigures[], baseline?: HttpFigures) {
  console.log(`\n${title}`);
  console.log('| operation | req/s | p50 ms | p99 ms | vs baseline (req/s) | errors |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const ratio = baseline ? (r.requestsPerSecond / baseline.requestsPerSecond).toFixed(2) : '';
    console.log(`| ${r.name} | ${r.requestsPerSecond} | ${r.p50Ms} | ${r.p99Ms} | ${ratio} | ${r.errors + r.non2xx} |`);
  }
}
