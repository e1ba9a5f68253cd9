/**
 * Pure planning of 批量事件 grouping, so the rule's meaning is testable without a database: complaints equal on the
 * rule's group-by facts, each within `windowMinutes` of the run's first one, form an incident once there are
 * `threshold` of them; while an incident of the same key is open, a complaint within the window of its latest member
 * joins it (an outage keeps producing complaints after the threshold is crossed).
 */
export interface GroupCandidate {
  id: string;
  receivedAt: Date;
  /** Group-by values joined; null when a group-by fact is missing (such a complaint is never grouped by rule). */
  key: string | null;
}

export interface OpenGroup {
  id: string;
  key: string;
  lastAt: Date;
}

export interface GroupingPlan {
  joins: { incidentId: string; complaintIds: string[]; lastAt: Date }[];
  creations: { key: string; complaintIds: string[]; firstAt: Date; lastAt: Date }[];
}

/** The group key of a complaint: every group-by value present and non-empty, normalised like area codes are typed. */
export function groupKeyOf(values: unknown[]): string | null {
  const parts: string[] = [];
  for (const value of values) {
    if (value === null || value === undefined) return null;
    const text = (Array.isArray(value) ? value.join(',') : String(value)).normalize('NFKC').trim().toUpperCase().replace(/\s+/g, '');
    if (!text) return null;
    parts.push(text);
  }
  return parts.length ? parts.join('|') : null;
}

export function planGrouping(
  candidates: readonly GroupCandidate[],
  open: readonly OpenGroup[],
  windowMinutes: number,
  threshold: number,
): GroupingPlan {
  const windowMs = windowMinutes * 60_000;
  const plan: GroupingPlan = { joins: [], creations: [] };
  const openByKey = new Map(open.map((g) => [g.key, { ...g }]));
  const byKey = new Map<string, GroupCandidate[]>();
  for (const candidate of candidates) {
    if (!candidate.key) continue;
    byKey.set(candidate.key, [...(byKey.get(candidate.key) ?? []), candidate]);
  }
  for (const [key, list] of [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...list].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id.localeCompare(b.id));
    const existing = openByKey.get(key);
    const rest: GroupCandidate[] = [];
    if (existing) {
      const joined: string[] = [];
      for (const candidate of sorted) {
        if (candidate.receivedAt.getTime() - existing.lastAt.getTime() <= windowMs) {
          joined.push(candidate.id);
          if (candidate.receivedAt > existing.lastAt) existing.lastAt = candidate.receivedAt;
        } else rest.push(candidate);
      }
      if (joined.length) plan.joins.push({ incidentId: existing.id, complaintIds: joined, lastAt: existing.lastAt });
    } else rest.push(...sorted);
    let start = 0;
    while (start < rest.length) {
      const startMs = rest[start].receivedAt.getTime();
      let end = start;
      while (end + 1 < rest.length && rest[end + 1].receivedAt.getTime() - startMs <= windowMs) end += 1;
      const run = rest.slice(start, end + 1);
      if (run.length >= threshold) {
        plan.creations.push({
          key,
          complaintIds: run.map((c) => c.id),
          firstAt: run[0].receivedAt,
          lastAt: run[run.length - 1].receivedAt,
        });
        start = end + 1;
      } else start += 1;
    }
  }
  return plan;
}
