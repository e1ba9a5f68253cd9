import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { startPostgres, type PostgresServer } from '../support/postgres-server';
import { submit } from '../support/complaints';

const COMPLAINT = {
  channel: 'phone',
  type: 'service.attitude',
  text: '态度差',
  form: { staff_name: '小王', outlet: 'bj_chaoyang', expected_remedy: 'apology' },
};
const LIST = '{ complaints(first: 100) { totalCount edges { node { id } } } }';

async function post(t: TestApp, query: string, token?: string) {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as any };
}
/** The API's JSON log lines (pino's destination is bound once per process: every app of this file writes here). */
const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});
const status = async (t: TestApp, path: string) => (await fetch(`${t.url}${path}`)).status;

describe.runIf(testDatabases().includes('postgres'))('database outage on a dedicated PostgreSQL server', () => {
  let pg: PostgresServer;
  let t: TestApp;
  let agent: string;

  beforeAll(async () => {
    // durable: a commit PostgreSQL acknowledged must survive the kill (the suite's shared server trades that for speed)
    pg = await startPostgres({ durable: true });
    const url = await pg.createDatabase(`outage_${randomBytes(4).toString('hex')}`);
    t = await createTestApp({ db: 'postgres', databaseUrl: url, logStream });
    await t.seedDemo();
    agent = await t.login('agent@demo.local');
  });
  afterAll(async () => {
    await t?.close();
    await pg?.stop();
  });

  it('answers UNAVAILABLE (retryable, HTTP 503) while PostgreSQL is down and works again, with every acknowledged complaint, once it is back', async () => {
    const acknowledged = [(await submit(t, agent, COMPLAINT)).id, (await submit(t, agent, COMPLAINT)).id];
    const before = (await post(t, LIST, agent)).body.data.complaints;
    expect(before.edges.map((e: any) => e.node.id)).toEqual(expect.arrayContaining(acknowledged));
    expect(await status(t, '/health/ready')).toBe(200);

    await pg.pause();
    const read = await post(t, LIST, agent);
    expect(read.status).toBe(503);
    expect(read.body.errors[0].extensions).toMatchObject({ code: 'UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE', retryable: true });
    expect(read.body.errors[0].extensions.http).toBeUndefined();
    const write = await post(
      t,
      `mutation { submitComplaint(input: { channel: "phone", type: "service.attitude", text: "停机时提交",
      complainant: { name: "李四", phone: "13900001111" }, form: { staff_name: "小王", outlet: "bj_chaoyang", expected_remedy: "apology" } }) { id } }`,
      agent,
    );
    expect(write.status).toBe(503);
    expect(write.body.errors[0].extensions).toMatchObject({ code: 'UNAVAILABLE', retryable: true });
    expect(await status(t, '/health/ready')).toBe(503);
    expect(await status(t, '/health/live')).toBe(200);
    // an outage under load is a line or two in the log, not one per failed request
    const failures = await Promise.all(Array.from({ length: 40 }, () => post(t, LIST, agent)));
    expect(failures.every((f) => f.status === 503)).toBe(true);
    const unavailable = logLines.map((l) => JSON.parse(l)).filter((e) => String(e.msg).startsWith('Database unavailable'));
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.length).toBeLessThanOrEqual(3);

    await pg.resume();
    // The pool reconnects on the next checkout; a client that retries retryable errors gets through.
    let after: any;
    for (let attempt = 0; attempt < 50 && !after; attempt += 1) {
      const result = await post(t, LIST, agent);
      if (result.body.data) after = result.body.data.complaints;
      else {
        expect(result.body.errors[0].extensions, JSON.stringify(result.body.errors)).toMatchObject({
          code: 'UNAVAILABLE',
          retryable: true,
        });
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    // nothing acknowledged before the kill is lost, and the refused submission left nothing behind
    expect(after.edges.map((e: any) => e.node.id).sort()).toEqual(before.edges.map((e: any) => e.node.id).sort());
    expect(after.totalCount).toBe(before.totalCount);
    await submit(t, agent, COMPLAINT);
    expect(await status(t, '/health/ready')).toBe(200);
  });
});

describe.each(testDatabases())('a draining instance on %s', (db) => {
  let t: TestApp;
  let agent: string;
  let closing: Promise<void> | undefined;

  beforeAll(async () => {
    t = await createTestApp({ db, config: { shutdownGraceMs: 5000 } });
    await t.seedDemo();
    agent = await t.login('agent@demo.local');
  });
  afterAll(async () => {
    await (closing ?? t?.close());
  });

  it('reports not-ready and refuses new work with UNAVAILABLE while it shuts down', async () => {
    expect((await post(t, '{ me { email } }', agent)).body.data.me.email).toBe('agent@demo.local');
    closing = t.close();
    let ready = 200;
    for (let i = 0; i < 100 && ready === 200; i += 1) {
      ready = await status(t, '/health/ready');
      if (ready === 200) await new Promise((r) => setTimeout(r, 20));
    }
    expect(ready).toBe(503);
    for (const query of ['{ me { email } }', LIST]) {
      const refused = await post(t, query, agent);
      expect(refused.status).toBe(503);
      expect(refused.retryAfter).toBe('5');
      expect(refused.body.errors[0].extensions).toMatchObject({ code: 'UNAVAILABLE', reason: 'SHUTTING_DOWN', retryable: true });
    }
    expect(await status(t, '/health/live')).toBe(200);
    await closing;
  });
});
