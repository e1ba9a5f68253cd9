import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, newPostgresDatabase, testDatabases, type TestApp } from '../support/test-app';
import { submit } from '../support/complaints';
import { backupPostgres, backupSqlite, restorePostgres, restoreSqlite } from '../../apps/api/src/modules/ops/backup/backup';

const COMPLAINT = {
  channel: 'phone',
  type: 'service.attitude',
  text: '态度差',
  form: { staff_name: '小王', outlet: 'bj_chaoyang', expected_remedy: 'apology' },
};

const idsOf = async (t: TestApp, sql: string, ids: string[]) =>
  ((await t.dataSource.query(sql.replace('$IDS', ids.map((id) => `'${id}'`).join(',')))) as { id: string }[]).map((r) => r.id).sort();

describe.each(testDatabases())('backup and restore on %s', (db) => {
  const dir = mkdtempSync(join(tmpdir(), 'redress-backup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up while complaints keep coming; a wiped database restored from it has every acknowledged complaint, clock and outbox row', async () => {
    const t = await createTestApp({ db });
    await t.seedDemo();
    const agent = await t.login('agent@demo.local');
    const acknowledged: string[] = [];
    let stop = false;
    const load = Array.from({ length: 3 }, async () => {
      while (!stop) acknowledged.push((await submit(t, agent, COMPLAINT)).id);
    });
    while (acknowledged.length < 15) await new Promise((r) => setTimeout(r, 20));

    // Everything acknowledged before the backup starts must be in it; what lands during the copy may or may not.
    const before = [...acknowledged];
    const target = join(dir, db === 'sqlite' ? 'redress.sqlite' : 'redress.dump');
    const started = performance.now();
    if (t.config.database.type === 'sqlite') await backupSqlite(t.config.database.path, target);
    else backupPostgres(t.config.database.url, target);
    const during = acknowledged.length - before.length;
    stop = true;
    await Promise.all(load);
    console.log(
      `[backup ${db}] ${Math.round(performance.now() - started)} ms under load; ${before.length} complaints before, ${during} acknowledged during the copy`,
    );
    expect(statSync(target).mode & 0o777).toBe(0o600);

    const clocks = await idsOf(t, 'SELECT id FROM sla_clock WHERE complaint_id IN ($IDS)', before);
    const outbox = await idsOf(t, 'SELECT id FROM outbox_message WHERE complaint_id IN ($IDS)', before);
    expect(clocks.length).toBeGreaterThanOrEqual(before.length);
    expect(outbox.length).toBeGreaterThanOrEqual(before.length);
    const { encryptionKey } = t.config;
    const sqlitePath = t.config.database.type === 'sqlite' ? t.config.database.path : '';
    // Closing the test app deletes its SQLite folder: the database is gone.
    await t.close();

    let url: string;
    if (db === 'sqlite') {
      restoreSqlite(target, sqlitePath);
      url = `sqlite:${sqlitePath}`;
    } else {
      url = await newPostgresDatabase();
      restorePostgres(target, url);
    }
    const restored = await createTestApp({ db, databaseUrl: url, autoMigrate: false, config: { encryptionKey } });
    try {
      expect(await idsOf(restored, 'SELECT id FROM complaint WHERE id IN ($IDS)', before)).toEqual([...before].sort());
      expect(await idsOf(restored, 'SELECT id FROM sla_clock WHERE complaint_id IN ($IDS)', before)).toEqual(clocks);
      expect(await idsOf(restored, 'SELECT id FROM outbox_message WHERE complaint_id IN ($IDS)', before)).toEqual(outbox);
      // The restored API works: sign in, read a complaint with its decrypted complainant, take a new one.
      const again = await restored.login('agent@demo.local');
      const read = await restored.gqlOk(
        'query($id: ID!) { complaint(id: $id) { id complainant { phone masked } } }',
        { id: before[0] },
        again,
      );
      expect(read.complaint.complainant).toMatchObject({ masked: false, phone: expect.stringMatching(/^139\d{8}$/) });
      await submit(restored, again, COMPLAINT);
    } finally {
      await restored.close();
      if (db === 'sqlite') rmSync(join(sqlitePath, '..'), { recursive: true, force: true });
    }
  });
});
