import type {
  DataSource,
  EntitySubscriberInterface,
  InsertEvent,
  RemoveEvent,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  UpdateEvent,
} from 'typeorm';

/** Bounds memory: past this many rows the cache starts over (a miss costs one primary-key read). */
const MAX_ENTRIES = 10_000;

export interface WriteInvalidatedCacheOptions {
  /**
   * PostgreSQL only: how long a row read on this instance may answer later requests. Another instance's commit leaves
   * nothing this process can see without asking the server, so this is the bound on how late another instance's
   * change is seen here. 0 (the default): not trusted across requests at all — each `get` reads the row.
   */
  postgresMaxAgeMs?: number;
}

/**
 * Values read from the rows of one entity (the rows themselves, or something made of them: `V`), kept in process
 * and emptied by every write to that entity that could make them stale:
 *
 * - Writes through this process: every insert, update or removal of the entity (repository, query builder or
 *   entity manager) empties the cache at once and again when its transaction commits, and a load that raced a
 *   write is not kept (generation check) — so a row read before the commit cannot outlive it.
 * - Writes by other processes on the same SQLite file (a second API instance, the tenant CLI): SQLite's
 *   `PRAGMA data_version` changes whenever another connection commits. It is read on each access from the
 *   in-process database (no I/O, microseconds); a change empties the cache.
 * - PostgreSQL: another instance's commit cannot be seen without asking the server, so a row is trusted only for
 *   `postgresMaxAgeMs` (0: not across requests — the caller's `get` reads it every time).
 *
 * Not covered: raw SQL writes through this process's own connection (`query('UPDATE …')`), which no code path
 * uses for the cached entities.
 */
export class WriteInvalidatedCache<V extends object, E extends object = V> implements EntitySubscriberInterface<E> {
  private readonly rows = new Map<string, { row: V; at: number }>();
  private generation = 0;
  private readonly dataVersion?: () => number;
  private lastDataVersion?: number;
  private readonly maxAgeMs: number;
  /** Marks a transaction that wrote the entity, so its end empties the cache again. */
  private readonly changed = Symbol('changed');

  constructor(
    dataSource: DataSource,
    private readonly entity: new () => E,
    options: WriteInvalidatedCacheOptions = {},
  ) {
    dataSource.subscribers.push(this);
    if (dataSource.options.type === 'better-sqlite3') {
      const database = (dataSource.driver as unknown as { databaseConnection: { prepare(sql: string): { pluck(): { get(): unknown } } } })
        .databaseConnection;
      const statement = database.prepare('PRAGMA data_version').pluck();
      this.dataVersion = () => Number(statement.get());
      this.maxAgeMs = Infinity;
    } else {
      this.maxAgeMs = options.postgresMaxAgeMs ?? 0;
    }
  }

  /** The row, from the cache while it is valid, else from `load` (kept unless a write raced the load). */
  async get(key: string, load: () => Promise<V | null>): Promise<V | null> {
    this.checkOtherWriters();
    const cached = this.rows.get(key);
    if (cached && performance.now() - cached.at < this.maxAgeMs) return cached.row;
    const generation = this.generation;
    const row = await load();
    if (row && generation === this.generation) {
      if (this.rows.size >= MAX_ENTRIES) this.rows.clear();
      this.rows.set(key, { row, at: performance.now() });
    }
    return row;
  }

  /** The row last loaded for `key` while no write happened since — also on PostgreSQL, where `get` would read again. */
  peek(key: string): V | undefined {
    this.checkOtherWriters();
    return this.rows.get(key)?.row;
  }

  invalidate(): void {
    this.generation += 1;
    this.rows.clear();
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

  listenTo(): new () => E {
    return this.entity;
  }

  afterInsert(event: InsertEvent<E>): void {
    this.written(event);
  }

  afterUpdate(event: UpdateEvent<E>): void {
    this.written(event);
  }

  afterRemove(event: RemoveEvent<E>): void {
    this.written(event);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    this.settle(event);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.settle(event);
  }

  /** Now (a request that reads after this sees no stale row) and, inside a transaction, again at its end. */
  private written(event: InsertEvent<E> | UpdateEvent<E> | RemoveEvent<E>): void {
    this.invalidate();
    if (event.queryRunner.isTransactionActive) (event.queryRunner.data as Record<symbol, unknown>)[this.changed] = true;
  }

  private settle(event: TransactionCommitEvent | TransactionRollbackEvent): void {
    const data = event.queryRunner.data as Record<symbol, unknown> | undefined;
    // A savepoint released inside the transaction is not its end: the flag waits for the outermost commit.
    if (!data?.[this.changed] || event.queryRunner.isTransactionActive) return;
    delete data[this.changed];
    this.invalidate();
  }
}
