import type { Logger } from '@nestjs/common';

/**
 * Driver codes that mean "the database is not there right now" rather than "this statement is wrong": connection
 * refused/reset/timed out, PostgreSQL's connection-exception class (08…), shutdown (57P01–57P03) and too many
 * connections (53300); SQLite busy/locked past its timeout, cannot open, I/O errors.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '08007',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end|Connection is not established|The database connection is not open|terminating connection due to administrator command/i;

/** Whether an error (or what it wraps: TypeORM's driverError, a cause) says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    originalError?: unknown;
    errors?: unknown;
  };
  if (typeof e.code === 'string' && (UNAVAILABLE_CODES.has(e.code) || e.code.startsWith('SQLITE_IOERR'))) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  // Node's AggregateError (a host resolving to several addresses, all refused) keeps the causes in `errors`.
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return [e.driverError, e.cause, e.originalError].some((inner) => inner !== error && isDatabaseUnavailable(inner, depth + 1));
}

/**
 * Logs a failure once, then stays quiet about the same failure for `windowMs` and says how often it recurred: a
 * database outage under load would otherwise write the same line thousands of times a second.
 */
export class RateLimitedLog {
  private readonly seen = new Map<string, { until: number; suppressed: number }>();

  constructor(
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Calls `write` unless the same key was written within the window; returns whether it wrote. */
  write(key: string, write: (suppressedBefore: number) => void): boolean {
    const at = this.now();
    const entry = this.seen.get(key);
    if (entry && at < entry.until) {
      entry.suppressed += 1;
      return false;
    }
    write(entry?.suppressed ?? 0);
    this.seen.set(key, { until: at + this.windowMs, suppressed: 0 });
    if (this.seen.size > 1000) this.seen.clear();
    return true;
  }

  /** Logs an error through a Nest logger, rate-limited by its message (ids and numbers do not make it new). */
  error(logger: Pick<Logger, 'error'>, message: string, stack?: string): boolean {
    const key = message.replace(/[0-9a-f]{8}-[0-9a-f-]{27}|\d+/gi, '#');
    return this.write(key, (suppressed) =>
      logger.error(suppressed ? `${message} (and ${suppressed} more like it since the last report)` : message, stack),
    );
  }
}

/** One limiter for the process: the same outage seen by GraphQL, REST and the background workers is one story. */
export const failureLog = new RateLimitedLog();
