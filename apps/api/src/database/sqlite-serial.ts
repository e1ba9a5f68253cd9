import { AsyncLocalStorage } from 'node:async_hooks';
import { EntityManager, type DataSource, type QueryRunner } from 'typeorm';

/**
 * One writer, one transaction at a time, on the embedded SQLite database.
 *
 * TypeORM's better-sqlite3 driver hands every caller the SAME query runner over the one connection, with one
 * transaction-depth counter. Two requests' transactions therefore interleave: the second `BEGIN` becomes
 * `SAVEPOINT typeorm_1` inside the first, the first's "commit" only releases that savepoint (its caller is answered
 * before anything is durable), and a later failure of the second rolls back the whole transaction — an acknowledged
 * complaint lost (reproduced by `sqlite-serial.test.ts`). Statements outside any transaction ran inside whichever
 * transaction was open and read its uncommitted rows.
 *
 * Here each caller gets its own query runner on the shared connection and a FIFO lock makes transactions exclusive:
 * `BEGIN` waits for the lock, `COMMIT`/`ROLLBACK` hand it on, and a statement outside a transaction waits for the
 * lock too (so it never lands inside someone else's transaction). Code running inside a transaction's callback that
 * reaches for the data source instead of the callback's manager (a service using its own repository) is recognised
 * by its async context and runs in that transaction, as before — it would otherwise wait for a lock its own
 * transaction holds. Nested `transaction()` calls stay savepoints of the enclosing one.
 */
type Runner = QueryRunner & { holdsLock?: boolean };

class FifoLock {
  private holder: object | null = null;
  private readonly waiting: { owner: object; resume: () => void }[] = [];

  acquire(owner: object): Promise<void> | void {
    if (this.holder === null) {
      this.holder = owner;
      return;
    }
    return new Promise<void>((resume) => this.waiting.push({ owner, resume }));
  }

  release(owner: object): void {
    if (this.holder !== owner) return;
    const next = this.waiting.shift();
    this.holder = next ? next.owner : null;
    // The next holder starts on a later turn of the event loop: whatever the committing caller does as its commit
    // resolves (a microtask chain, e.g. installing the model it just marked ready) happens before anybody else's
    // statement can observe the commit — as it was when every statement simply ran in its own turn.
    if (next) setImmediate(next.resume);
  }
}

const transactionScope = new AsyncLocalStorage<Runner>();
const SERIALIZED = Symbol('redress.sqliteSerialized');

/** Installs the per-caller runners and the transaction lock on a better-sqlite3 data source (before `initialize`). */
export function serializeSqliteTransactions(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as { createQueryRunner(mode?: string): Runner; [SERIALIZED]?: boolean };
  const shared = driver.createQueryRunner('master') as Runner & { stmtCache: Map<string, unknown> };
  const RunnerClass = Object.getPrototypeOf(shared).constructor as new (driver: unknown) => Runner;
  const statements = shared.stmtCache;
  const lock = new FifoLock();

  class SerializedRunner extends RunnerClass {
    override holdsLock = false;

    constructor() {
      super(driver);
      // One prepared-statement cache for all callers (the driver's own runner kept one for everybody).
      (this as unknown as { stmtCache: Map<string, unknown> }).stmtCache = statements;
    }

    override async startTransaction(isolationLevel?: Parameters<QueryRunner['startTransaction']>[0]): Promise<void> {
      if (!this.holdsLock) {
        await lock.acquire(this);
        this.holdsLock = true;
      }
      try {
        await super.startTransaction(isolationLevel);
      } catch (error) {
        // BEGIN (or the hook before it) failed: no transaction of ours is open. A failed SAVEPOINT keeps the outer one.
        if ((this as unknown as { transactionDepth: number }).transactionDepth === 0) this.unlock();
        throw error;
      }
    }

    override async commitTransaction(): Promise<void> {
      try {
        await super.commitTransaction();
      } finally {
        if (!this.isTransactionActive) this.unlock();
      }
    }

    override async rollbackTransaction(): Promise<void> {
      try {
        await super.rollbackTransaction();
      } finally {
        if (!this.isTransactionActive) this.unlock();
      }
    }

    override async query(sql: string, parameters?: unknown[], useStructuredResult?: boolean): Promise<any> {
      if (this.holdsLock) return super.query(sql, parameters, useStructuredResult as true);
      // A single statement outside a transaction: its own turn, so it never runs inside another caller's transaction.
      await lock.acquire(this);
      try {
        return await super.query(sql, parameters, useStructuredResult as true);
      } finally {
        lock.release(this);
      }
    }

    private unlock(): void {
      if (!this.holdsLock) return;
      this.holdsLock = false;
      lock.release(this);
    }
  }

  driver.createQueryRunner = () => {
    const current = transactionScope.getStore();
    return current?.isTransactionActive ? current : new SerializedRunner();
  };
  driver[SERIALIZED] = true;
  installTransactionScope();
}

let scopeInstalled = false;

/**
 * `transaction(cb)` on a serialized SQLite data source runs `cb` in an async context that names its runner, so
 * everything `cb` awaits — including services that use their own repositories — joins that transaction.
 */
function installTransactionScope(): void {
  if (scopeInstalled) return;
  scopeInstalled = true;
  const original = EntityManager.prototype.transaction;
  EntityManager.prototype.transaction = function (this: EntityManager, ...args: unknown[]) {
    const driver = this.connection.driver as unknown as { [SERIALIZED]?: boolean };
    if (!driver[SERIALIZED] || this.queryRunner) return (original as (...a: unknown[]) => Promise<unknown>).apply(this, args);
    const runner = this.connection.createQueryRunner() as Runner;
    // Inside a transaction already (a service reaching for the data source): a savepoint of it, as before.
    if (runner === transactionScope.getStore()) return (original as (...a: unknown[]) => Promise<unknown>).apply(runner.manager, args);
    return transactionScope.run(runner, () => (original as (...a: unknown[]) => Promise<unknown>).apply(runner.manager, args));
  } as EntityManager['transaction'];
}
