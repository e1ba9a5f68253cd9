import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';

/** One limit: at most `max` hits per `windowMs` for a key. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

/**
 * The portal's limits. Per address they are low enough to stop a script, per tenant high enough for a real rush;
 * from `challengeAt` (a share of a limit) on, a proof-of-work is asked for.
 */
export const PORTAL_LIMITS = {
  submitPerAddress: { max: 10, windowMs: 60 * 60_000 },
  submitPerTenant: { max: 500, windowMs: 60 * 60_000 },
  uploadPerAddress: { max: 60, windowMs: 60 * 60_000 },
  /** Wrong number/code pairs: per address and per complaint number (a number cannot be guessed at from many addresses). */
  accessFailuresPerAddress: { max: 10, windowMs: 15 * 60_000 },
  accessFailuresPerNumber: { max: 5, windowMs: 15 * 60_000 },
  /** One-time codes sent: per address, and per complaint number (nobody floods a complainant's phone). */
  codePerAddress: { max: 10, windowMs: 60 * 60_000 },
  codePerNumber: { max: 3, windowMs: 15 * 60_000 },
  actionPerAddress: { max: 120, windowMs: 60 * 60_000 },
  readPerAddress: { max: 2000, windowMs: 60 * 60_000 },
  challengeAt: 0.5,
} as const;

/**
 * Fixed-window counters in the database (table portal_rate), so every API instance on the database shares them —
 * the same approach as sign-in throttling. One upsert per hit counts atomically (and restarts an expired window).
 */
@Injectable()
export class PortalRateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  private query<T = Record<string, unknown>>(sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [query, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    return this.dataSource.query(query, values);
  }

  /** Counts a hit; returns the count in the window (this hit included) and when the window ends. */
  async hit(key: string, limit: RateLimit): Promise<{ count: number; resetInMs: number }> {
    const now = this.clock.now().getTime();
    const [row] = await this.query<{ hits: string | number; window_started_ms: string | number }>(
      `INSERT INTO portal_rate (key, window_started_ms, hits) VALUES (:key, :now, 1)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN portal_rate.window_started_ms < :windowStart THEN 1 ELSE portal_rate.hits + 1 END,
         window_started_ms = CASE WHEN portal_rate.window_started_ms < :windowStart THEN :now ELSE portal_rate.window_started_ms END
       RETURNING hits, window_started_ms`,
      { key, now, windowStart: now - limit.windowMs },
    );
    return { count: Number(row.hits), resetInMs: Number(row.window_started_ms) + limit.windowMs - now };
  }

  /** The count in the current window without counting (0 when none or expired). */
  async peek(key: string, limit: RateLimit): Promise<{ count: number; resetInMs: number }> {
    const now = this.clock.now().getTime();
    const [row] = await this.query<{ hits: string | number; window_started_ms: string | number }>(
      'SELECT hits, window_started_ms FROM portal_rate WHERE key = :key',
      { key },
    );
    if (!row || Number(row.window_started_ms) < now - limit.windowMs) return { count: 0, resetInMs: 0 };
    return { count: Number(row.hits), resetInMs: Number(row.window_started_ms) + limit.windowMs - now };
  }

  /** Records a one-time value (a solved challenge); false when it was seen before within `ttlMs`. */
  async once(key: string, ttlMs: number): Promise<boolean> {
    const { count } = await this.hit(key, { max: 1, windowMs: ttlMs });
    return count === 1;
  }

  /** Forgets expired counters (called now and then by the portal). */
  async sweep(olderThanMs: number): Promise<void> {
    await this.query('DELETE FROM portal_rate WHERE window_started_ms < :before', { before: this.clock.now().getTime() - olderThanMs });
  }
}
