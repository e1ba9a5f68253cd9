import type { GetListParams, GetListResult } from 'react-admin';
import { gql } from '../graphql/client';
import { loadSchema } from '../graphql/schema';

/**
 * Overdue & escalations (超时与升级): open complaints whose SLA is breached or at risk, soonest deadline first (the
 * API's complaints query with `slaStatus` and RESOLUTION_DUE_ASC), each with its most pressing clock as the API
 * computes it now (working minutes left or overdue — the API's clock, not the browser's) and its escalations.
 */

/** Timeline events that are escalations: an escalation rule fired, the severity was raised, the complaint went up to a manager. */
export const ESCALATION_TYPES = ['escalation', 'severity.raised', 'escalated'];

export const OVERDUE_SELECTION = `{ totalCount pageInfo { hasNextPage } edges { node {
  id number title text severity department assigneeId state slaStatus resolutionDueAt receivedAt
  timeline { id type at data actorRole } } } }`;

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
  type: string;
  at: string;
  data?: Record<string, unknown> | null;
  actorRole?: string | null;
}

/** A complaint's escalations, newest first. */
export function escalationsOf(timeline: TimelineEventLike[] | undefined): TimelineEventLike[] {
  return (timeline ?? []).filter((e) => ESCALATION_TYPES.includes(e.type)).sort((a, b) => String(b.at).localeCompare(String(a.at)));
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
    .sort((a, b) => String(b.event.at).localeCompare(String(a.event.at)))
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

/** Each listed complaint's SLA clocks, in one request (aliased `slaClocks(complaintId:)`); none when the API lacks the query. */
async function clocksOf(ids: string[]): Promise<Map<string, ClockLike[]>> {
  if (!ids.length || !(await loadSchema()).queries.has('slaClocks')) return new Map();
  const declarations = ids.map((_, i) => `$c${i}: ID!`).join(', ');
  const fields = ids.map((_, i) => `c${i}: slaClocks(complaintId: $c${i}) { target status dueAt remainingWorkingMinutes round }`).join(' ');
  const data = await gql<Record<string, ClockLike[]>>(`query ConsoleOverdueClocks(${declarations}) { ${fields} }`, Object.fromEntries(ids.map((id, i) => [`c${i}`, id])));
  return new Map(ids.map((id, i) => [id, data[`c${i}`] ?? []]));
}

/** The page of complaints with the clock that presses on each. */
export async function withPressingClocks(result: GetListResult): Promise<GetListResult> {
  const clocks = await clocksOf(result.data.map((row) => String(row.id)));
  return { ...result, data: result.data.map((row) => ({ ...row, pressingClock: pressingClock(clocks.get(String(row.id))) ?? null })) };
}
