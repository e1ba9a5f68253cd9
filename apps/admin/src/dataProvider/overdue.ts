import type { GetListParams, GetListResult } from 'react-admin';
import { loadSchema } from '../graphql/schema';
import { fieldPerId } from './byId';

/**
 * Overdue & escalations (超时与升级): open complaints whose SLA is breached or at risk, soonest deadline first (the
 * API's complaints query with `slaStatus` and RESOLUTION_DUE_ASC), each with its most pressing clock as the API
 * computes it now (working minutes left or overdue — the API's clock, not the browser's) and its escalations.
 */

/** Timeline events that are escalations: an escalation rule fired, the severity was raised, the complaint went up to a manager. */
export const ESCALATION_TYPES = ['escalation', 'severity.raised', 'escalated'];

export const OVERDUE_SELECTION = `{ totalCount pageInfo { hasNextPage } edges { node {
  id number title text severity department assigneeId state slaStatus resolutionDueAt receivedAt
  timeline { id seq type at data actorRole } } } }`;

/** The screen's filters (department, one severity) on top of the fixed ones; the deadline order unless another is asked. */
export function overdueParams(params: GetListParams): GetListParams {
  const { department, severity, slaStatus } = (params.filter ?? {}) as Record<string, unknown>;
  const wanted = slaStatus === 'breached' || slaStatus === 'at_risk' ? [slaStatus] : ['breached', 'at_risk'];
  const filter: Record<string, unknown> = { slaStatus: wanted, open: true };
  if (department) filter.department = department;
  if (severity) filter.severity = Array.isArray(severity) ? severity : [severity];
  return { ...params, filter, sort: params.sort?.field === 'receivedAt' ? params.sort : { field: 'resolutionDueAt', order: 'ASC' } };
}

export interface TimelineEventLike {
  id?: string;
  seq?: number;
  type: string;
  at: string;
  data?: Record<string, unknown> | null;
  actorRole?: string | null;
}

const newestFirst = (a: TimelineEventLike, b: TimelineEventLike) => String(b.at).localeCompare(String(a.at)) || (b.seq ?? 0) - (a.seq ?? 0);

/**
 * A complaint's escalations, newest first. A severity raised by an escalation rule is told by the rule's own event
 * (its action names the new severity): counted once.
 */
export function escalationsOf(timeline: TimelineEventLike[] | undefined): TimelineEventLike[] {
  return (timeline ?? [])
    .filter((e) => ESCALATION_TYPES.includes(e.type) && !(e.type === 'severity.raised' && e.data?.ruleKey))
    .sort(newestFirst);
}

/** The latest escalation moment (a breach may notify and raise the severity at once), in order, and how many came before. */
export function latestEscalations(timeline: TimelineEventLike[] | undefined): { latest: TimelineEventLike[]; earlier: number } {
  const all = escalationsOf(timeline);
  const latest = all.filter((e) => e.at === all[0]?.at).reverse();
  return { latest, earlier: all.length - latest.length };
}

export interface RecentEscalation {
  complaintId: string;
  number: string;
  event: TimelineEventLike;
}

/** The latest escalations across the listed complaints, newest first. */
export function recentEscalations(rows: { id: string; number: string; timeline?: TimelineEventLike[] }[], limit = 10): RecentEscalation[] {
  return rows
    .flatMap((row) => escalationsOf(row.timeline).map((event) => ({ complaintId: row.id, number: row.number, event })))
    .sort((a, b) => newestFirst(a.event, b.event))
    .slice(0, limit);
}

export interface ClockLike {
  target: string;
  status: string;
  dueAt: string;
  remainingWorkingMinutes?: number | null;
  round?: number;
}

const URGENCY: Record<string, number> = { breached: 3, at_risk: 2, on_time: 1, paused: 0 };

/** The clock that makes the complaint late (or nearly): the worst status, then the earliest due; stopped clocks never. */
export function pressingClock(clocks: ClockLike[] | undefined): ClockLike | undefined {
  return (clocks ?? [])
    .filter((c) => c.status in URGENCY)
    .sort((a, b) => URGENCY[b.status] - URGENCY[a.status] || String(a.dueAt).localeCompare(String(b.dueAt)))[0];
}

/** Each listed complaint's SLA clocks; none when the API lacks the query. */
async function clocksOf(ids: string[]): Promise<Map<string, ClockLike[]>> {
  if (!ids.length || !(await loadSchema()).queries.has('slaClocks')) return new Map();
  return fieldPerId<ClockLike[]>(
    'ConsoleOverdueClocks',
    (v) => `slaClocks(complaintId: ${v}) { target status dueAt remainingWorkingMinutes round }`,
    ids,
  );
}

/** The page of complaints with the clock that presses on each. */
export async function withPressingClocks(result: GetListResult): Promise<GetListResult> {
  const clocks = await clocksOf(result.data.map((row) => String(row.id)));
  return { ...result, data: result.data.map((row) => ({ ...row, pressingClock: pressingClock(clocks.get(String(row.id))) ?? null })) };
}
