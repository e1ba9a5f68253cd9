import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, MoreThan, Not } from 'typeorm';
import { Complaint, ComplaintEvent } from '../complaint/complaint.entity';
import type { Sample } from './classifier';
import { causeText } from './cause-predictor';

/** Newest confirmed complaints used for training (the similarity index keeps the newest 5,000 of them). */
export const MAX_TRAINING_SAMPLES = 50_000;
/** The uncertain-predictions queue ranks the newest this many valid complaints without a confirmed cause. */
export const MAX_UNCONFIRMED_SCAN = 5_000;

export interface UnconfirmedComplaint {
  id: string;
  number: string;
  title: string | null;
  text: string;
  state: string;
  receivedAt: Date;
}

/**
 * Read-only view of the complaint module's data that the classifier learns from: complaints whose cause people
 * confirmed (`confirmComplaintCause`, `acceptPredictedCause`). The complaint service has no such bulk read,
 * so this reader queries its tables directly — always by tenant, never writing.
 */
@Injectable()
export class ConfirmedCauseSource {
  constructor(private readonly dataSource: DataSource) {}

  /** Training samples, oldest first (so the newest end up in the similarity index). */
  async samples(tenantId: string): Promise<Sample[]> {
    const rows = await this.dataSource.getRepository(Complaint).find({
      select: { id: true, title: true, text: true, cause: true, receivedAt: true },
      where: { tenantId, cause: Not(IsNull()) },
      order: { receivedAt: 'DESC', id: 'DESC' },
      take: MAX_TRAINING_SAMPLES,
    });
    return rows
      .reverse()
      .filter((r) => r.cause)
      .map((r) => ({ id: r.id, label: r.cause!, text: causeText(r.title, r.text) }));
  }

  /** Causes confirmed or corrected by people since `since` (all of them when null). */
  confirmationsSince(tenantId: string, since: Date | null): Promise<number> {
    return this.dataSource.getRepository(ComplaintEvent).count({
      where: { tenantId, type: 'cause.confirmed', ...(since ? { occurredAt: MoreThan(since) } : {}) },
    });
  }

  /** Valid complaints nobody confirmed a cause for, newest first (what the uncertain-predictions queue ranks). */
  async unconfirmed(tenantId: string, limit = MAX_UNCONFIRMED_SCAN): Promise<UnconfirmedComplaint[]> {
    const rows = await this.dataSource.getRepository(Complaint).find({
      select: { id: true, number: true, title: true, text: true, state: true, receivedAt: true },
      where: { tenantId, cause: IsNull(), valid: true },
      order: { receivedAt: 'DESC', id: 'DESC' },
      take: limit,
    });
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title ?? null,
      text: r.text,
      state: r.state,
      receivedAt: r.receivedAt,
    }));
  }

  /** Numbers of the given complaints of the tenant, by id. */
  async numbers(tenantId: string, ids: string[]): Promise<Map<string, { number: string; cause: string | null }>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource.getRepository(Complaint).find({
      select: { id: true, number: true, cause: true },
      where: { tenantId, id: In(ids) },
    });
    return new Map(rows.map((r) => [r.id, { number: r.number, cause: r.cause ?? null }]));
  }
}
