import { MAX_PAGE_SIZE } from '../../common/page-size.pipe';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, Repository } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { AuditLog } from './audit-log.entity';
import { Clock } from '../../common/clock';
import { AuditErrors } from './audit.exception';

/** Who acted: a signed-in user, an API token, or the system (seeders, plugin installation). */
export interface AuditActor {
  tenantId: string;
  role: string;
  userId?: string;
  tokenId?: string;
  /** Client address of the request, when there was one. */
  ip?: string;
}

export interface AuditFilter {
  action?: string;
  entity?: string;
  entityKey?: string;
  actorId?: string;
  ip?: string;
  since?: Date;
  until?: Date;
}

export interface AuditPage {
  nodes: AuditLog[];
  endCursor: string | null;
  hasNextPage: boolean;
}

let lastMillis = 0;
let sequence = 0;
/**
 * A time-ordered id (UUIDv7 layout: 48-bit milliseconds, then a per-process sequence and random bits) so the
 * log lists in write order even when the business clock stands still (tests, replays).
 */
export function timeOrderedId(): string {
  const millis = Date.now();
  if (millis === lastMillis) sequence += 1;
  else {
    lastMillis = millis;
    sequence = 0;
  }
  const hex =
    millis.toString(16).padStart(12, '0') + '7' + (sequence & 0xfff).toString(16).padStart(3, '0') + randomBytes(8).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const encodeCursor = (entry: AuditLog) => Buffer.from(`${entry.createdAt.toISOString()}|${entry.id}`).toString('base64url');
function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(iso);
  if (!id || Number.isNaN(createdAt.getTime())) throw AuditErrors.create('BAD_CURSOR', { field: 'after' });
  return { createdAt, id };
}

@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditLog) private readonly entries: Repository<AuditLog>,
    private readonly clock: Clock,
  ) {}

  /**
   * Records one configuration change. Pass the transaction's `manager` so the entry commits (or rolls back) with
   * the change it describes.
   */
  async record(
    auth: AuditActor,
    action: string,
    entity: string,
    key: string | null,
    before: unknown,
    after: unknown,
    manager?: EntityManager,
  ): Promise<AuditLog> {
    const repository = manager ? manager.getRepository(AuditLog) : this.entries;
    const entry = repository.create({
      id: timeOrderedId(),
      tenantId: auth.tenantId,
      actorId: auth.userId ?? auth.tokenId ?? null,
      actorRole: auth.role,
      action,
      entity,
      entityKey: key,
      before: before ?? null,
      after: after ?? null,
      ip: auth.ip ?? null,
      createdAt: this.clock.now(),
    });
    return repository.save(entry);
  }

  /** Newest first; `after` is the `endCursor` of the previous page. */
  async list(tenantId: string, filter: AuditFilter = {}, first = 50, after?: string | null): Promise<AuditPage> {
    const limit = Math.min(Math.max(first, 1), MAX_PAGE_SIZE);
    const query = this.entries.createQueryBuilder('a').where('a.tenant_id = :tenantId', { tenantId });
    if (filter.action) query.andWhere('a.action = :action', { action: filter.action });
    if (filter.entity) query.andWhere('a.entity = :entity', { entity: filter.entity });
    if (filter.entityKey) query.andWhere('a.entity_key = :entityKey', { entityKey: filter.entityKey });
    if (filter.actorId) query.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.ip) query.andWhere('a.ip = :ip', { ip: filter.ip });
    if (filter.since) query.andWhere('a.created_at >= :since', { since: filter.since });
    if (filter.until) query.andWhere('a.created_at < :until', { until: filter.until });
    if (after) {
      const cursor = decodeCursor(after);
      query.andWhere(
        new Brackets((q) => {
          q.where('a.created_at < :cursorAt', { cursorAt: cursor.createdAt }).orWhere('a.created_at = :cursorAt AND a.id < :cursorId', {
            cursorId: cursor.id,
          });
        }),
      );
    }
    const rows = await query
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .take(limit + 1)
      .getMany();
    const nodes = rows.slice(0, limit);
    return { nodes, hasNextPage: rows.length > limit, endCursor: nodes.length ? encodeCursor(nodes[nodes.length - 1]) : null };
  }
}
