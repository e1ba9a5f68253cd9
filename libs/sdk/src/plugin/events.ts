import type { LocalizedText, RoutingOutcome, ValidityOutcome } from '../policy/types';

/**
 * A complaint as plugins see it: what the event is about, never a database row. Personal form values are
 * already masked by the host (`138****5678`); timestamps are ISO-8601 strings because events travel through
 * the outbox as JSON.
 */
export interface ComplaintSnapshot {
  id: string;
  /** Human number, `YYMM-serial` (e.g. `2611-0001`). */
  number: string;
  tenantId: string;
  /** Complaint type key. */
  type: string;
  channel: string;
  kind?: 'complaint' | 'suggestion' | 'consultation';
  /** Severity level key; null until assessed. */
  severity: string | null;
  /** Workflow state key (`submitted`, `assigned`, `resolved`, `closed` …). */
  state: string;
  /** Responsible department key; null until routed. */
  department: string | null;
  title?: string | null;
  text: string;
  /** Form values keyed by field key; personal values masked. */
  form: Record<string, unknown>;
  valid?: boolean | null;
  invalidReason?: string | null;
  /** Policy version that decided this complaint. */
  policyVersion?: number | null;
  receivedAt: string;
  occurredAt?: string | null;
  updatedAt?: string | null;
  closedAt?: string | null;
}

/** The payload of every event, by event name. */
export interface RedressEventPayloads {
  'complaint.submitted': {
    complaint: ComplaintSnapshot;
    /** Facts assembled so far (dotted paths → values), before plugin facts are added. */
    facts: Record<string, unknown>;
    /**
     * Counts of EARLIER complaints the host computed for this intake (a plugin cannot query the database), keyed by
     * names plugins document, e.g. `{ 'telecom.areaComplaintsLastHour:SZ-NS-0231': 11 }`. Optional: a host that does
     * not compute them leaves it out and plugins must cope.
     */
    aggregates?: Record<string, number>;
  };
  'complaint.assessed': {
    complaint: ComplaintSnapshot;
    validity: ValidityOutcome;
    severity: string | null;
    /** Matched decision-row keys per rule set. */
    matched?: Record<string, string[]>;
  };
  'complaint.routed': {
    complaint: ComplaintSnapshot;
    routing: RoutingOutcome;
    slaPolicy?: string | null;
  };
  'complaint.transitioned': {
    complaint: ComplaintSnapshot;
    from: string;
    to: string;
    actorId?: string | null;
    note?: string | null;
  };
  'complaint.replied': {
    complaint: ComplaintSnapshot;
    templateKey?: string | null;
    replyChannel?: string | null;
    /** The reply text as sent (already rendered). */
    body?: string | null;
  };
  'complaint.followedUp': {
    complaint: ComplaintSnapshot;
    satisfied: boolean;
    /** 1 for the first call-back, 2 for the second … */
    attempt: number;
    note?: string | null;
  };
  'complaint.closed': {
    complaint: ComplaintSnapshot;
    /** Closure reason code (`resolved`, `mistaken_complaint`, `not_rights_holder` …). */
    reason: string;
    satisfied?: boolean | null;
    /** Who closed it: the normal flow or a manager's decision. */
    closedBy?: 'workflow' | 'manager' | 'system';
  };
  'sla.warning': {
    complaint: ComplaintSnapshot;
    /** SLA target key (`dispatch`, `resolution` …). */
    target: string;
    dueAt: string;
    elapsedPercent: number;
  };
  'sla.breached': {
    complaint: ComplaintSnapshot;
    target: string;
    dueAt: string;
    /** Minutes past due when the breach was detected. */
    overdueMinutes: number;
  };
  'analytics.alert': {
    /** Stable alert code (`cause_spike`, `repeat_complainant` …). */
    alert: string;
    message: LocalizedText;
    /** The measured values that raised it. */
    metrics: Record<string, number>;
    complaintIds?: string[];
  };
}

export type RedressEventName = keyof RedressEventPayloads;

export const REDRESS_EVENT_NAMES: readonly RedressEventName[] = [
  'complaint.submitted',
  'complaint.assessed',
  'complaint.routed',
  'complaint.transitioned',
  'complaint.replied',
  'complaint.followedUp',
  'complaint.closed',
  'sla.warning',
  'sla.breached',
  'analytics.alert',
];

/** Events whose blocking hooks the host runs inside the transaction (only intake, so a hook can add facts or reject). */
export const BLOCKING_EVENT_NAMES: readonly RedressEventName[] = ['complaint.submitted'];

/** Envelope fields every event carries. */
export interface RedressEventEnvelope<N extends RedressEventName> {
  name: N;
  /** Unique event id (idempotency key for after-handlers: the same id may be delivered more than once). */
  id: string;
  tenantId: string;
  occurredAt: string;
}

export type RedressEventOf<N extends RedressEventName> = RedressEventEnvelope<N> & RedressEventPayloads[N];

/** Every event, discriminated by `name`. */
export type RedressEvent = { [N in RedressEventName]: RedressEventOf<N> }[RedressEventName];

export function isRedressEventName(value: unknown): value is RedressEventName {
  return typeof value === 'string' && (REDRESS_EVENT_NAMES as readonly string[]).includes(value);
}
