import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createDataSource } from './data-source';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The embedded database as the API opens it (WAL, synchronous=FULL, one connection), on a real file. */
describe('SQLite transactions are exclusive (sqlite-serial)', () => {
  let dir: string;
  let db: DataSource;
  const ids = async () => ((await db.query('SELECT id FROM t ORDER BY id')) as { id: string }[]).map((r) => r.id);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redress-serial-'));
    db = createDataSource({ type: 'sqlite', path: join(dir, 'db.sqlite') });
    await db.initialize();
    await db.query('CREATE TABLE t (id TEXT PRIMARY KEY)');
  });
  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a committed transaction survives a concurrent one that fails', async () => {
    // Before: the second BEGIN became a savepoint inside the first; the first was answered after releasing that
    // savepoint, and the second's failure rolled back both — the acknowledged row was gone.
    const first = db.transaction(async (m) => {
      await m.query("INSERT INTO t VALUES ('a')");
      await sleep(10);
    });
    await sleep(1);
    const second = db.transaction(async (m) => {
      await sleep(5);
      await m.query("INSERT INTO t VALUES ('b')");
      await sleep(30);
      throw new Error('second fails');
    });
    await first;
    await expect(second).rejects.toThrow('second fails');
    expect(await ids()).toEqual(['a']);
  });

  it('two transactions started in the same tick both commit (no "transaction within a transaction")', async () => {
    await Promise.all(
      ['x', 'y', 'z'].map((id) =>
        db.transaction(async (m) => {
          await m.query('INSERT INTO t VALUES (?)', [id]);
          await sleep(2);
        }),
      ),
    );
    expect(await ids()).toEqual(['x', 'y', 'z']);
  });

  it('a statement outside any transaction does not see, or join, an open transaction', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const open = db.transaction(async (m) => {
      await m.query("INSERT INTO t VALUES ('uncommitted')");
      await gate;
      throw new Error('rolled back');
    });
    await sleep(5);
    const read = db.query('SELECT COUNT(*) AS n FROM t');
    const write = db.query("INSERT INTO t VALUES ('autocommit')");
    release();
    await expect(open).rejects.toThrow('rolled back');
    expect(Number((await read)[0].n)).toBe(0);
    await write;
    expect(await ids()).toEqual(['autocommit']);
  });

  it('code inside a transaction that uses the data source joins that transaction (no deadlock)', async () => {
    await db.transaction(async (m) => {
      await m.query("INSERT INTO t VALUES ('outer')");
      // A service with its own repository, called from inside the callback: it sees the uncommitted row.
      expect(Number((await db.query('SELECT COUNT(*) AS n FROM t'))[0].n)).toBe(1);
      // A nested transaction is a savepoint: its failure undoes only its own work.
      await expect(
        db.transaction(async (inner) => {
          await inner.query("INSERT INTO t VALUES ('inner')");
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
    });
    expect(await ids()).toEqual(['outer']);
  });
});
