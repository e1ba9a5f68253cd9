import { Injectable } from '@nestjs/common';
import {
  DataSource,
  type EntitySubscriberInterface,
  type InsertEvent,
  type RemoveEvent,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
  type UpdateEvent,
} from 'typeorm';
import { User } from './user.entity';

/** Bounds memory: past this many users the cache starts over (a miss costs one primary-key read). */
const MAX_ENTRIES = 10_000;
const CHANGED = 'credentialsChanged';

/**
 * The user rows behind bearer credentials (active, role, auth version, profile for `me`), kept in process so a
 * request does not read its user from the database — while a deactivation, role change, password change or
 * sign-out-everywhere still applies to the very next request:
 *
 * - Writes through this process: every insert, update or removal of a `User` (repository, query builder or
 *   entity manager) empties the cache at once and again when its transaction commits, and a load that raced
 *   a write is not kept (generation check) — so a row read before the commit cannot outlive it.
 * - Writes by other processes on the same SQLite file (a second API instance, a maintenance script): SQLite's
 *   `PRAGMA data_version` changes whenever another connection commits. It is read per request from the
 *   in-process database (no I/O, microseconds); a change empties the cache.
 * - PostgreSQL: another API instance's commit leaves no trace this process can see without asking the server, so
 *   here the cache is not trusted across requests — each request reads its user row once (which `me` then reuses
 *   instead of a second read). Immediate revocation across instances is kept; see docs/access.md.
 */
@Injectable()
export class CredentialCache implements EntitySubscriberInterface<User> {
  private readonly users = new Map<string, User>();
  private generation = 0;
  private readonly dataVersion?: () => number;
  private lastDataVersion?: number;

  constructor(dataSource: DataSource) {
    dataSource.subscribers.push(this);
    if (dataSource.options.type === 'better-sqlite3') {
      const database = (dataSource.driver as unknown as { databaseConnection: { prepare(sql: string): { pluck(): { get(): unknown } } } })
        .databaseConnection;
      const statement = database.prepare('PRAGMA data_version').pluck();
      this.dataVersion = () => Number(statement.get());
    }
  }

  /** Whether rows stay valid across requests (SQLite, see above); on PostgreSQL each request loads its row. */
  get trusted(): boolean {
    return this.dataVersion !== undefined;
  }

  /** The user row, from the cache when it is still valid, else from `load` (kept unless a write raced the load). */
  async user(id: string, load: () => Promise<User | null>): Promise<User | null> {
    this.checkOtherWriters();
    const cached = this.users.get(id);
    if (cached && this.trusted) return cached;
    const generation = this.generation;
    const user = await load();
    if (user && generation === this.generation) {
      if (this.users.size >= MAX_ENTRIES) this.users.clear();
      this.users.set(id, user);
    }
    return user;
  }

  /**
   * The row the current request authenticated with (`me` reuses it instead of reading it again): on PostgreSQL only
   * while no write happened since, which the generation check of `user()` and the eviction below guarantee.
   */
  peek(id: string): User | undefined {
    this.checkOtherWriters();
    return this.users.get(id);
  }

  invalidate(): void {
    this.generation += 1;
    this.users.clear();
  }

  private checkOtherWriters(): void {
    if (!this.dataVersion) return;
    const version = this.dataVersion();
    if (version !== this.lastDataVersion) {
      this.lastDataVersion = version;
      this.invalidate();
    }
  }

  // ------------------------------------------------------------- TypeORM subscriber

  listenTo(): typeof User {
    return User;
  }

  afterInsert(event: InsertEvent<User>): void {
    this.written(event);
  }

  afterUpdate(event: UpdateEvent<User>): void {
    this.written(event);
  }

  afterRemove(event: RemoveEvent<User>): void {
    this.written(event);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    this.settle(event);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.settle(event);
  }

  /** Now (a request that reads after this sees no stale row) and, inside a transaction, again at its end. */
  private written(event: InsertEvent<User> | UpdateEvent<User> | RemoveEvent<User>): void {
    this.invalidate();
    if (event.queryRunner.isTransactionActive) (event.queryRunner.data as Record<string, unknown>)[CHANGED] = true;
  }

  private settle(event: TransactionCommitEvent | TransactionRollbackEvent): void {
    const data = event.queryRunner.data as Record<string, unknown> | undefined;
    // A savepoint released inside the transaction is not its end: the flag waits for the outermost commit.
    if (!data?.[CHANGED] || event.queryRunner.isTransactionActive) return;
    delete data[CHANGED];
    this.invalidate();
  }
}
