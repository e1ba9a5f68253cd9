import type { EntityManager } from 'typeorm';
import type { RedressPlugin } from '@redress/sdk';
import { Complaint } from '../complaint/complaint.entity';

const HOUR = 3_600_000;
/** Bound on the rows read per intake: an hour of one tenant's complaints, far above any mass-fault threshold. */
const AREA_SCAN_LIMIT = 5_000;

const normalizeArea = (area: unknown): string | null =>
  typeof area === 'string' ? area.normalize('NFKC').trim().toUpperCase().replace(/\s+/g, '') || null : null;

/**
 * Counts of EARLIER complaints that plugins ask for (they cannot query the database). Only what an enabled plugin
 * reads is computed: telecom's complaints per network area in the last hour (`telecom.areaComplaintsLastHour:<AREA>`).
 */
export async function hostAggregates(
  manager: EntityManager,
  tenantId: string,
  facts: Record<string, unknown>,
  plugins: readonly RedressPlugin[],
  now: Date,
): Promise<Record<string, number>> {
  const aggregates: Record<string, number> = {};
  if (plugins.some((p) => 'telecom.areaComplaintsLastHour' in p.facts)) {
    const form = (facts.complaint as { form?: Record<string, unknown> } | undefined)?.form ?? {};
    const area = normalizeArea(form.cell_area);
    if (area) {
      const rows = await manager
        .getRepository(Complaint)
        .createQueryBuilder('c')
        .select(['c.id', 'c.form'])
        .where('c.tenant_id = :tenantId AND c.received_at >= :since AND c.received_at <= :now', {
          tenantId,
          since: new Date(now.getTime() - HOUR),
          now,
        })
        .orderBy('c.received_at', 'DESC')
        .limit(AREA_SCAN_LIMIT)
        .getMany();
      aggregates[`telecom.areaComplaintsLastHour:${area}`] = rows.filter((r) => normalizeArea(r.form?.cell_area) === area).length;
    }
  }
  return aggregates;
}
