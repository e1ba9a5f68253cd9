import { randomBytes } from 'node:crypto';
import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { startPostgres, type PostgresServer } from '../support/postgres-server';
import { submit } from '../support/complaints';

const COMPLAINT = { channel: 'phone', type: 'service.attitude', text: '态度差', form: { staff_name: '小王', store: 'bj_chaoyang', expected_remedy: 'apology' } };

async function post(t: TestApp, query: string, token?: string) {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as any };
}
const status = async (t: TestApp, path: string) => (await fetch(`${t.url}${path}`)).status;

describe('database outage on a dedicated PostgreSQL server', () => {
  let pg: PostgresServer;
  let t: TestApp;
  let agent: string;

  beforeAll(async () => {
    pg = await startPostgres();
    const url = await pg.createDatabase(`outage_${randomBytes(4).toString('hex')}`);
    t = await createTestApp({ db: 'postgres', databaseUrl: url });
    await t.seedDemo();
    agent = await t.login('agent@demo.local');
  });
  afterAll(async () => {
    await t?.close();
    await pg?.stop();
  });

  it('answers UNAVAILABLE (retryable, HTTP 503) while PostgreSQL is down and works again once it is back', async () => {
    const before = await submit(t, agent, COMPLAINT);
    expect(await status(t, '/health/ready')).toBe(200);

    await pg.pause();
    const read = await post(t, '{ complaints(first: 5) { totalCount } }', agent);
    expect(read.status).toBe(503);
    expect(read.body.errors[0].extensions).toMatchObject({ code: 'UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE', retryable: true });
    expect(read.body.errors[0].extensions.http).toBeUndefined();
    const write = await post(t, `mutation { submitComplaint(input: { channel: "phone", type: "service.attitude", text: "停机时提交",
      complainant: { name: "李四", phone: "13900001111" }, form: { staff_name: "小王", store: "bj_chaoyang", expected_remedy: "apology" } }) { id } }`, agent);
    expect(write.status).toBe(503);
    expect(write.body.errors[0].extensions).toMatchObject({ code: 'UNAVAILABLE', retryable: true });
    expect(await status(t, '/health/ready')).toBe(503);
    expect(await status(t, '/health/live')).toBe(200);

    await pg.resume();
    // The pool reconnects on the next checkout; a client that retries gets through.
    let after: any;
    for (let attempt = 0; attempt < 50 && !after; attempt += 1) {
      const result = await post(t, '{ complaints(first: 5) { totalCount edges { node { id } } } }', agent);
      if (result.body.data) after = result.body.data;
      else await new Promise((r) => setTimeout(r, 200));
    }
    expect(after.complaints.edges.map((e: any) => e.node.id)).toContain(before.id);
    expect(after.complaints.totalCount).toBe(1);
    await submit(t, agent, COMPLAINT);
    expect(await status(t, '/health/ready')).toBe(200);
  });
});

describe.each(testDatabases())('a draining instance on %s', (db) => {
  let t: TestApp;
  let agent: string;

  beforeAll(async () => {
    t = await createTestApp({ db, config: { shutdownGraceMs: 1500 } });
    await t.seedDemo();
    agent = await t.login('agent@demo.local');
  });

  it('reports not-ready and refuses new work with UNAVAILABLE while it shuts down', async () => {
    expect((await post(t, '{ me { email } }', agent)).body.data.me.email).toBe('agent@demo.local');
    const closing = t.close();
    let ready = 200;
    for (let i = 0; i < 50 && ready === 200; i += 1) {
      ready = await status(t, '/health/ready');
      if (ready === 200) await new Promise((r) => setTimeout(r, 20));
    }
    expect(ready).toBe(503);
    const refused = await post(t, '{ me { email } }', agent);
    expect(refused.status).toBe(503);
    expect(refused.retryAfter).toBe('5');
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'UNAVAILABLE', reason: 'SHUTTING_DOWN', retryable: true });
    expect(await status(t, '/health/live')).toBe(200);
    await closing;
  });
});
