import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WriteInvalidatedCache } from '../../database/write-invalidated-cache';
import { User } from './user.entity';

/**
 * The user rows behind bearer credentials (active, role, auth version, profile for `me`), kept in process so a
 * request does not read its user from the database — while a deactivation, role change, password change or
 * sign-out-everywhere still applies to the very next request (how, per database: WriteInvalidatedCache).
 *
 * PostgreSQL: another API instance's commit leaves no trace this process can see without asking the server, so
 * here the cache is not trusted across requests — each request reads its user row once (which `me` then reuses
 * instead of a second read). Immediate revocation across instances is kept; see docs/access.md.
 */
@Injectable()
export class CredentialCache {
  private readonly cache: WriteInvalidatedCache<User>;

  constructor(dataSource: DataSource) {
    this.cache = new WriteInvalidatedCache(dataSource, User, { postgresMaxAgeMs: 0 });
  }

  /** The user row, from the cache when it is still valid, else from `load` (kept unless a write raced the load). */
  user(id: string, load: () => Promise<User | null>): Promise<User | null> {
    return this.cache.get(id, load);
  }

  /**
   * The row last loaded for this user, while no write happened since (the generation check of `user()` and the
   * eviction on writes guarantee it, on PostgreSQL too): `me`'s fallback when its context does not carry the row.
   */
  peek(id: string): User | undefined {
    return this.cache.peek(id);
  }
}
