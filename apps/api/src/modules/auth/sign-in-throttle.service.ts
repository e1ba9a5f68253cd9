import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { AuthErrors } from './auth.exception';

/** Failed sign-ins allowed per key within the window before it is locked for `lockMs`. */
export const SIGN_IN_LIMITS = {
  account: { failures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  /** Per client address: higher, because one office may sit behind one address. */
  address: { failures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
};

type Scope = keyof typeof SIGN_IN_LIMITS;

export interface ThrottleKeys {
  email: string;
  ip?: string;
}

const keysOf = (keys: ThrottleKeys): [Scope, string][] => [
  ['account', `account:${keys.email}`],
  ...(keys.ip ? ([['address', `address:${keys.ip}`]] as [Scope, string][]) : []),
];

/**
 * Sign-in throttling stored in the database, so every API instance on the same database sees the same counts.
 * A failure is one upsert that increments (or restarts an expired window) atomically; the key is locked when the
 * count reaches the limit.
 */
@Injectable()
export class SignInThrottleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  private query<T = Record<string, unknown>>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    return this.dataSource.query(query, values);
  }

  /** Throws TOO_MANY_ATTEMPTS (with retryAfterSeconds) while the account or the address is locked. */
  async assertAllowed(keys: ThrottleKeys): Promise<void> {
    const now = this.clock.now().getTime();
    const rows = await this.query<{ locked_until_ms: string | number | null }>(
      'SELECT locked_until_ms FROM sign_in_throttle WHERE key IN (:...keys) AND locked_until_ms > :now',
      { keys: keysOf(keys).map(([, key]) => key), now },
    );
    if (!rows.length) return;
    const until = Math.max(...rows.map((row) => Number(row.locked_until_ms)));
    throw tooManyAttempts(until - now);
  }

  /** Counts a failure; returns the scopes that became locked by it. */
  async recordFailure(keys: ThrottleKeys): Promise<Scope[]> {
    const now = this.clock.now().getTime();
    const locked: Scope[] = [];
    for (const [scope, key] of keysOf(keys)) {
      const limit = SIGN_IN_LIMITS[scope];
      const [row] = await this.query<{ failures: string | number }>(
        `INSERT INTO sign_in_throttle (key, failures, window_started_ms, locked_until_ms) VALUES (:key, 1, :now, NULL)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN sign_in_throttle.window_started_ms < :windowStart THEN 1 ELSE sign_in_throttle.failures + 1 END,
           window_started_ms = CASE WHEN sign_in_throttle.window_started_ms < :windowStart THEN :now ELSE sign_in_throttle.window_started_ms END
         RETURNING failures`,
        { key, now, windowStart: now - limit.windowMs },
      );
      if (Number(row.failures) >= limit.failures) {
        // A fresh count after the lock ends.
        await this.query('UPDATE sign_in_throttle SET locked_until_ms = :until, failures = 0, window_started_ms = :now WHERE key = :key', {
          key,
          now,
          until: now + limit.lockMs,
        });
        locked.push(scope);
      }
    }
    return locked;
  }

  /** A successful sign-in clears the account's count (not the address's: one good password must not unlock a spray). */
  async recordSuccess(email: string): Promise<void> {
    await this.query('DELETE FROM sign_in_throttle WHERE key = :key', { key: `account:${email}` });
  }
}

export const tooManyAttempts = (remainingMs: number) => {
  const seconds = Math.max(1, Math.ceil(remainingMs / 1000));
  return AuthErrors.create('TOO_MANY_ATTEMPTS', { params: { seconds }, details: { retryAfterSeconds: seconds } });
};
