import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { newPostgresDatabase, testDatabases } from '../support/test-app';
import { complainant } from '../support/complaints';
import { startChild, type Child } from '../bench/child';

const SUBMIT = 'mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id number } }';
const CONNECTIONS = 16;

/**
 * kill -9 of the API under intake load: every complaint the API acknowledged is stored, with the number it was told,
 * and nothing else is (beyond the requests in flight at the kill), numbers gap-free. This is what group commit must
 * keep: an intake is answered only after the COMMIT that holds it returned — not when its savepoint was released.
 * The API runs in a process of its own (the benchmark's child), killed with SIGKILL: no shutdown hook runs.
 */
describe.each(testDatabases())('kill -9 during intake on %s', (db) => {
  let dir: string;
  let api: Child | undefined;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'redress-kill-'));
  });
  afterAll(async () => {
    await api?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores every acknowledged complaint, and only those in flight besides', async () => {
    const databaseUrl = db === 'sqlite' ? `sqlite:${join(dir, 'redress.sqlite')}` : await newPostgresDatabase();
    api = await startChild(join(__dirname, '../bench/api-process.ts'));
    const { url } = await api.call<{ url: string }>('start', { db, databaseUrl });
    await api.call('seedDemo');
    const token = await api.call<string>('login', 'agent@demo.local');

    const acknowledged = new Map<string, string>();
    let killed = false;
    let sent = 0;
    const worker = async () => {
      while (!killed) {
        sent += 1;
        const input = {
          channel: 'phone',
          type: 'service.efficiency',
          text: `断电前的投诉 ${sent}：营业厅排队时间过长。`,
          complainant: complainant(),
          form: { order_no: `K-${sent}` },
        };
        try {
          const response = await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: SUBMIT, variables: { input } }),
          });
          const body = (await response.json()) as { data?: { submitComplaint?: { id: string; number: string } }; errors?: unknown[] };
          if (body.errors?.length) throw new Error(`refused: ${JSON.stringify(body.errors)}`);
          const created = body.data!.submitComplaint!;
          acknowledged.set(created.id, created.number);
        } catch (error) {
          if (!killed) throw error;
        }
      }
    };
    const workers = Array.from({ length: CONNECTIONS }, worker);
    // Kill in the middle of the stream, once enough are acknowledged that several batches have committed.
    while (acknowledged.size < 120) await new Promise((resolve) => setTimeout(resolve, 5));
    killed = true;
    process.kill(api.pid, 'SIGKILL');
    await Promise.all(workers);
    api = undefined;

    const rows = await storedComplaints(db, databaseUrl);
    const stored = new Map(rows.map((r) => [r.id, r.number]));
    for (const [id, number] of acknowledged) expect(stored.get(id), `acknowledged ${number} (${id})`).toBe(number);
    expect(rows.length - acknowledged.size).toBeGreaterThanOrEqual(0);
    expect(rows.length - acknowledged.size).toBeLessThanOrEqual(CONNECTIONS);
    const serials = rows.map((r) => Number(r.number.split('-').pop())).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
  });
});

/** The complaints as a fresh process finds them after the crash (SQLite recovers its WAL on open). */
async function storedComplaints(db: 'sqlite' | 'postgres', databaseUrl: string): Promise<{ id: string; number: string }[]> {
  if (db === 'sqlite') {
    const file = new Database(databaseUrl.replace(/^sqlite:/, ''));
    try {
      return file.prepare('SELECT id, number FROM complaint').all() as { id: string; number: string }[];
    } finally {
      file.close();
    }
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ id: string; number: string }>('SELECT id, number FROM complaint')).rows;
  } finally {
    await client.end();
  }
}
