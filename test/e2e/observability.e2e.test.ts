import { Writable } from 'node:stream';
import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { submit } from '../support/complaints';

/** Collects the API's JSON log lines. */
function logSink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

/** One sample value from the Prometheus text format, by metric name and exact label set. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

// One sink for the file: pino's destination is bound once per process (nestjs-pino), so the second database's app
// writes where the first one's did — as one API process per deployment does.
const sink = logSink();

describe.each(testDatabases())('logs and metrics on %s', (db) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ db, logger: ['error', 'warn', 'log'], logStream: sink.stream });
    await t.seedDemo();
  });
  afterAll(() => t?.close());

  it('exposes request, intake, outbox, SLA, pool and event-loop metrics after traffic', async () => {
    const agent = await t.login('agent@demo.local');
    await t.gqlOk('{ me { email } }', {}, agent);
    await t.gqlOk('{ me { email } }', {}, agent);
    await submit(t, agent, {
      channel: 'phone',
      type: 'service.attitude',
      text: '态度差',
      form: { staff_name: '小王', outlet: 'bj_chaoyang', expected_remedy: 'apology' },
    });
    await t.gql('{ complaints(first: 1000) { totalCount } }', {}, agent);
    await t.gql('{ complaints { totalCount } }');

    const response = await fetch(`${t.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(sample(text, 'redress_graphql_requests_total', 'operation="me",outcome="ok"')).toBe(2);
    expect(sample(text, 'redress_graphql_requests_total', 'operation="login",outcome="ok"')).toBe(1);
    expect(sample(text, 'redress_graphql_requests_total', 'operation="submitComplaint",outcome="ok"')).toBe(1);
    expect(sample(text, 'redress_graphql_requests_total', 'operation="complaints",outcome="BAD_USER_INPUT"')).toBe(1);
    expect(sample(text, 'redress_graphql_requests_total', 'operation="complaints",outcome="UNAUTHENTICATED"')).toBe(1);
    expect(sample(text, 'redress_graphql_request_duration_seconds_count', 'operation="me",outcome="ok"')).toBe(2);
    expect(sample(text, 'redress_graphql_request_duration_seconds_bucket', 'le="+Inf",operation="me",outcome="ok"')).toBe(2);
    expect(sample(text, 'redress_intake_accepted_total')).toBe(1);
    expect(sample(text, 'redress_outbox_messages', 'status="pending"')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'redress_outbox_messages', 'status="dead"')).toBe(0);
    expect(sample(text, 'redress_sla_scheduler_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'redress_db_pool_connections', 'state="total"')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    // No tenant, user or personal data in any label (values are numbers: a heap size may well read 139…).
    const labels = [...text.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]).join('\n');
    expect(labels).toContain('operation="me"');
    expect(labels).not.toMatch(/tenant=|user=|139\d{8}/);

    t.config.metricsToken = 'scrape-secret';
    try {
      expect((await fetch(`${t.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${t.url}/metrics`, { headers: { authorization: 'Bearer scrape-secret' } })).status).toBe(200);
    } finally {
      t.config.metricsToken = undefined;
    }
  });

  it('writes one JSON line per request with request id, tenant, user and role, and no personal data', async () => {
    const agent = await t.login('agent@demo.local');
    sink.lines.length = 0;
    const phone = '13987654321';
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${agent}`, 'x-request-id': 'trace-42' },
      body: JSON.stringify({
        query: 'mutation($i: SubmitComplaintInput!) { submitComplaint(input: $i) { id } }',
        variables: {
          i: {
            channel: 'phone',
            type: 'service.attitude',
            text: `请回电 ${phone}`,
            complainant: { name: '王秘密', phone },
            form: { staff_name: '小王', outlet: 'bj_chaoyang', expected_remedy: 'apology' },
          },
        },
      }),
    });
    expect(response.headers.get('x-request-id')).toBe('trace-42');
    await response.json();
    // The line is written when the response has gone out, just after the client has it.
    let completed: any;
    for (let i = 0; i < 100 && !completed; i += 1) {
      completed = sink.lines.map((line) => JSON.parse(line)).find((e) => e.requestId === 'trace-42' && e.statusCode);
      if (!completed) await new Promise((r) => setTimeout(r, 20));
    }
    expect(completed).toMatchObject({
      level: 30,
      method: 'POST',
      path: '/graphql',
      statusCode: 200,
      tenant: expect.any(String),
      user: expect.any(String),
      role: 'agent',
    });
    expect(completed.responseTime).toEqual(expect.any(Number));
    const all = sink.lines.join('\n');
    for (const secret of [phone, '王秘密', agent, 'authorization', 'demo1234']) expect(all).not.toContain(secret);
  });
});
