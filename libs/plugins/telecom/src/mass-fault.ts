import type { RedressEventOf } from '@redress/sdk';

/** What mass-fault grouping needs of a complaint. */
export interface AreaComplaint {
  id: string;
  /** Network cell or area code (`SZ-NS-0231`). */
  area: string;
  receivedAt: string;
}

export interface MassFaultGroup {
  area: string;
  /** Received time of the first and last complaint of the group. */
  firstAt: string;
  lastAt: string;
  complaintIds: string[];
}

/** Areas are typed by agents: `sz-ns-0231 ` and `SZ-NS-0231` are the same cell. */
export function normalizeArea(area: unknown): string | null {
  if (typeof area !== 'string') return null;
  const normalized = area.normalize('NFKC').trim().toUpperCase().replace(/\s+/g, '');
  return normalized || null;
}

/**
 * Groups complaints into mass faults: per area, a run of complaints where each arrives within `windowMinutes` of the
 * run's first one and the run has at least `threshold` complaints. Each group becomes one parent incident.
 */
export function groupMassFaults(complaints: readonly AreaComplaint[], threshold: number, windowMinutes = 60): MassFaultGroup[] {
  const byArea = new Map<string, AreaComplaint[]>();
  for (const complaint of complaints) {
    const area = normalizeArea(complaint.area);
    if (!area) continue;
    byArea.set(area, [...(byArea.get(area) ?? []), complaint]);
  }
  const windowMs = windowMinutes * 60_000;
  const groups: MassFaultGroup[] = [];
  for (const [area, list] of [...byArea.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...list].sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
    let start = 0;
    while (start < sorted.length) {
      const startMs = Date.parse(sorted[start].receivedAt);
      let end = start;
      while (end + 1 < sorted.length && Date.parse(sorted[end + 1].receivedAt) - startMs <= windowMs) end += 1;
      const run = sorted.slice(start, end + 1);
      if (run.length >= threshold) {
        groups.push({ area, firstAt: run[0].receivedAt, lastAt: run[run.length - 1].receivedAt, complaintIds: run.map((c) => c.id) });
        start = end + 1;
      } else {
        start += 1;
      }
    }
  }
  return groups;
}

/** The aggregate key the host fills with the number of earlier complaints in this area within the last hour. */
export function areaAggregateKey(area: string): string {
  return `telecom.areaComplaintsLastHour:${area}`;
}

/**
 * Complaints in the complaint's area within the last hour, this one included. The plugin cannot query the database:
 * it reads the count the host put in `event.aggregates` (per-area key first, then the plain fact name) and falls back
 * to 1 (just this complaint) when the host gave none.
 */
export function areaComplaintsLastHour(event: RedressEventOf<'complaint.submitted'>): number {
  const area = normalizeArea(event.complaint.form.cell_area);
  const aggregates = event.aggregates ?? {};
  const earlier = (area ? aggregates[areaAggregateKey(area)] : undefined) ?? aggregates['telecom.areaComplaintsLastHour'] ?? 0;
  return (Number.isFinite(earlier) && earlier > 0 ? Math.floor(earlier) : 0) + 1;
}
