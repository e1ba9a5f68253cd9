import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';
import { GroupCommit } from './group-commit';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Group commit on the embedded database as the API opens it, checked from a second connection (committed rows only). */
describe('GroupCommit', () => {
  let dir: string;
  let file: string;
  let db: DataSource;
  let group: GroupCommit;
  let observer: Database.Database;
  const committed = () => (observer.prepare('SELECT id FROM t ORDER BY id').all() as { id: string }[]).map((r) => r.id);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redress-group-'));
    file = join(dir, 'db.sqlite');
    db = createDataSource({ type: 'sqlite', path: file });
    await db.initialize();
    await db.query('PRAGMA foreign_keys = ON');
    await db.query('CREATE TABLE parent (id TEXT PRIMARY KEY)');
    await db.query('CREATE TABLE t (id TEXT PRIMARY KEY, parent_id TEXT REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)');
    group = new GroupCommit(db);
    observer = new Database(file, { readonly: true });
  });
  afterEach(async () => {
    observer.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('units arriving together share a commit; a failing unit is rolled back alone', async () => {
    const seenAtAnswer: Record<string, string[]> = {};
    const unit = (id: string, fail = false) =>
      group
        .run(async (m) => {
          await m.query('INSERT INTO t (id) VALUES (?)', [id]);
          await tick();
          if (fail) throw new Error(`${id} refused`);
          return id;
        })
        .then((value) => {
          // Answered only once durable: a separate connection already sees the row.
          seenAtAnswer[id] = committed();
          return value;
        });
    const results = await Promise.allSettled([unit('a'), unit('b'), unit('c', true), unit('d')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason.message).toBe('c refused');
    expect(committed()).toEqual(['a', 'b', 'd']);
    // Queued in the same turn of the event loop, the four shared one transaction: each was answered after the one
    // commit that stored the three good ones.
    for (const id of ['a', 'b', 'd']) expect(seenAtAnswer[id]).toEqual(['a', 'b', 'd']);
    // One that arrives on a later turn gets a commit of its own.
    await unit('e');
    expect(seenAtAnswer.e).toEqual(['a', 'b', 'd', 'e']);
  });

  it('a failed COMMIT rejects every unit of the batch and stores none of them', async () => {
    await group.run(async (m) => m.query("INSERT INTO t (id) VALUES ('first')"));
    // These two share a batch; the dangling reference (checked at COMMIT: deferred) fails that batch.
    const good = group.run(async (m) => m.query("INSERT INTO t (id) VALUES ('good')"));
    const dangling = group.run(async (m) => m.query("INSERT INTO t (id, parent_id) VALUES ('dangling', 'nobody')"));
    await expect(good).rejects.toThrow(/FOREIGN KEY/);
    await expect(dangling).rejects.toThrow(/FOREIGN KEY/);
    expect(committed()).toEqual(['first']);
    // The queue goes on after a failed batch.
    await group.run(async (m) => m.query("INSERT INTO t (id) VALUES ('after')"));
    expect(committed()).toEqual(['after', 'first']);
  });
});
