import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Complaint } from './complaint.entity';
import type { SimulationSampleSource } from '../policy/simulation/sample-source';

/** Real complaints' stored decision facts, newest first, for policy simulation ("what if over the last N"). */
@Injectable()
export class ComplaintSampleSource implements SimulationSampleSource {
  constructor(private readonly dataSource: DataSource) {}

  async recentFacts(tenantId: string, limit: number) {
    const rows = await this.dataSource.getRepository(Complaint).find({
      where: { tenantId },
      order: { receivedAt: 'DESC', number: 'DESC' },
      take: limit,
      select: { id: true, number: true, facts: true },
    });
    return rows.map((r) => ({ id: r.id, number: r.number, facts: r.facts }));
  }
}
