import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

interface Job<T> {
  work: (manager: EntityManager) => Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** At most this many units share one transaction: bounds the wait of the last one and the savepoint stack. */
export const GROUP_COMMIT_MAX = 64;

/**
 * Group commit: units of work that arrive while a transaction is committing share the next transaction and its one
 * fsync, instead of each paying its own (SQLite `synchronous=FULL`: ~2 ms of blocked event loop per commit;
 * PostgreSQL `fsync=on`: one WAL flush per commit, and a row lock on the monthly number counter held until it).
 *
 * Isolation is kept per unit: each runs in its own SAVEPOINT, so a unit that fails (bad input found late, a plugin
 * refusal, a unique violation) is rolled back alone and its neighbours commit. Durability is kept per unit: nobody
 * is answered before the shared COMMIT returns — a unit that succeeded is resolved only after its rows are durable,
 * and if the COMMIT itself fails every unit of the batch is rejected (none was acknowledged, none is stored).
 *
 * Units of one batch run one after another on the batch's connection, in arrival order; the next batch starts when
 * the previous one has committed. With nothing else waiting a unit is a batch of one, delayed by one turn of the
 * event loop.
 */
@Injectable()
export class GroupCommit implements BeforeApplicationShutdown {
  private readonly queue: Job<unknown>[] = [];
  private running = false;
  /** The batches under way, so shutdown lets them commit before the connections close. */
  private draining: Promise<void> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve, reject } as Job<unknown>);
      if (this.running) return;
      this.running = true;
      // Start on the next turn of the event loop, not now: requests read in the same turn (they queued up while the
      // last commit blocked or waited) each reach this point within it, and all join the batch. Started at once, a
      // batch on SQLite — where every statement is synchronous — would finish before the next request is even read,
      // and every intake would pay its own fsync.
      this.draining = new Promise<void>((done) => setImmediate(() => void this.drain().finally(done)));
    });
  }

  /** Nest calls this before closing the database: intakes already queued are committed (or refused) first. */
  async beforeApplicationShutdown(): Promise<void> {
    while (this.running) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, GROUP_COMMIT_MAX);
        const outcomes: Outcome[] = [];
        try {
          await this.dataSource.transaction(async (manager) => {
            const runner = manager.queryRunner!;
            // A batch of one needs no savepoint: if its unit fails, the whole transaction is rolled back.
            if (batch.length === 1) {
              outcomes.push({ ok: true, value: await batch[0].work(manager) });
              return;
            }
            for (const [i, job] of batch.entries()) {
              // Each unit in a SAVEPOINT of its own: a failing unit is rolled back to it, alone. The savepoints are
              // not released one by one (COMMIT ends them all): a RELEASE per unit was one more statement — on
              // PostgreSQL one more round trip — for every intake.
              await runner.query(`SAVEPOINT unit_${i}`);
              try {
                outcomes.push({ ok: true, value: await job.work(manager) });
              } catch (error) {
                await runner.query(`ROLLBACK TO SAVEPOINT unit_${i}`);
                outcomes.push({ ok: false, error });
              }
            }
          });
        } catch (error) {
          // BEGIN or COMMIT failed, or the only unit of the batch did: nothing of this batch is stored, so nobody may
          // be told otherwise.
          for (const job of batch) job.reject(error);
          continue;
        }
        batch.forEach((job, i) => {
          const outcome = outcomes[i];
          if (outcome.ok) job.resolve(outcome.value);
          else job.reject(outcome.error);
        });
      }
    } finally {
      this.running = false;
    }
  }
}
