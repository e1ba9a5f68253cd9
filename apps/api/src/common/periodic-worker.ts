import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { failureLog } from './errors/failures';

/**
 * A background sweep on an interval, the same way for every module: off when `REDRESS_WORKERS=0`, one sweep at a
 * time per instance, and stopped — with a sweep in progress allowed to finish — BEFORE the data source closes.
 * Tests call `tick()` directly with an injected clock instead of waiting for the interval.
 */
export abstract class PeriodicWorker<T> implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected abstract readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<T>;

  protected constructor(private readonly intervalMs: number) {
    // setInterval turns undefined, NaN, 0 or a negative delay into 1 ms: a worker would sweep a thousand times a
    // second (an idle server at 44% CPU). Refuse to construct instead, naming the worker.
    if (typeof intervalMs !== 'number' || !Number.isFinite(intervalMs) || intervalMs <= 0) {
      throw new Error(`${new.target.name}: the sweep interval must be a positive number of milliseconds, got ${String(intervalMs)}`);
    }
  }

  /** One pass of the work. */
  protected abstract sweep(): Promise<T>;

  /** Other work of the module to await at shutdown (background jobs it started). */
  protected async settle(): Promise<void> {}

  onApplicationBootstrap(): void {
    if (process.env.REDRESS_WORKERS === '0') return;
    this.timer = setInterval(() => {
      if (!this.running)
        void this.tick().catch((error) =>
          failureLog.error(this.logger, `Sweep failed: ${(error as Error).message}`, (error as Error).stack),
        );
    }, this.intervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
    await this.settle();
  }

  /** Runs a sweep now, or joins the one under way. */
  tick(): Promise<T> {
    if (!this.running) {
      // One line per sweep at LOG_LEVEL=debug: how often each worker runs is visible (and tested) in the built server.
      this.logger.debug(`sweep (every ${this.intervalMs} ms)`);
      this.running = this.sweep().finally(() => (this.running = undefined));
    }
    return this.running;
  }

  protected get busy(): boolean {
    return this.running !== undefined;
  }
}
