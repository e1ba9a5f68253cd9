import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../../common/db/columns';
import { fastInsert } from '../../database/fast-insert';
import { Complaint, ComplaintEvent } from './complaint.entity';

export interface Actor {
  id?: string | null;
  role?: string | null;
}

/** The append-only timeline: events are only ever inserted, numbered per complaint. */
@Injectable()
export class ComplaintTimeline {
  /**
   * Appends events after the complaint's last one. `first`: the complaint is being created in this transaction and
   * has no events yet (intake) — no need to look up its last number, and the rows are not read back after the insert
   * (their `createdAt` is left to the database and absent from the returned rows).
   */
  async appendMany(
    manager: EntityManager,
    complaint: Complaint,
    events: [string, Record<string, unknown>][],
    actor: Actor,
    at: Date,
    options: { first?: boolean } = {},
  ): Promise<ComplaintEvent[]> {
    let seq = 0;
    if (!options.first) {
      const last = await manager
        .getRepository(ComplaintEvent)
        .createQueryBuilder('e')
        .select('MAX(e.seq)', 'seq')
        .where('e.complaint_id = :id', { id: complaint.id })
        .getRawOne<{ seq: number | string | null }>();
      seq = Number(last?.seq ?? 0);
    }
    const rows = events.map(([type, data]) =>
      manager.create(ComplaintEvent, {
        id: newId(),
        tenantId: complaint.tenantId,
        complaintId: complaint.id,
        seq: ++seq,
        type,
        data,
        actorId: actor.id ?? null,
        actorRole: actor.role ?? null,
        occurredAt: at,
      }),
    );
    if (!rows.length) return rows;
    if (options.first) await fastInsert(manager, ComplaintEvent, rows);
    else await manager.insert(ComplaintEvent, rows as never);
    return rows;
  }

  append(
    manager: EntityManager,
    complaint: Complaint,
    type: string,
    data: Record<string, unknown>,
    actor: Actor,
    at: Date,
  ): Promise<ComplaintEvent[]> {
    return this.appendMany(manager, complaint, [[type, data]], actor, at);
  }
}
