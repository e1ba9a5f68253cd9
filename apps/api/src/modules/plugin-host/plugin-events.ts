import type { ComplaintSnapshot, RedressEvent } from '@redress/sdk';

/** The complaint as stored (the subset events need). */
export interface StoredComplaint {
  id: string;
  tenantId: string;
  number: string;
  typeKey: string;
  channel: string;
  kind: string;
  severity: string | null;
  state: string;
  department?: string | null;
  team?: string | null;
  title?: string | null;
  text: string;
  form: Record<string, unknown>;
  valid: boolean;
  invalidReason?: string | null;
  policyVersion: number;
  slaPolicy?: string | null;
  receivedAt: Date;
  occurredAt?: Date | null;
  updatedAt?: Date | null;
  closedAt?: Date | null;
  facts: Record<string, unknown>;
  unsatisfiedCount?: number;
  satisfaction?: string | null;
}

/** The payload of an outbox `event` row (complaint/plugin-hooks.ts, sla.scheduler.ts). */
export interface EventPayload {
  type: string;
  at: string;
  complaint?: Partial<Record<keyof ComplaintSnapshot | 'slaPolicy', unknown>>;
  [extra: string]: unknown;
}

const iso = (value: Date | string | null | undefined): string | null => (value ? new Date(value).toISOString() : null);

/**
 * The snapshot a plugin sees: state at the time of the event (from the outbox payload), text and form from the row.
 * Personal form values are masked; plugins never see them in clear.
 */
export function snapshotOf(row: StoredComplaint, payload: EventPayload, personalKeys: ReadonlySet<string>): ComplaintSnapshot {
  const at = payload.complaint ?? {};
  const pick = <T>(key: string, fallback: T): T => (key in at ? (at[key as keyof typeof at] as T) : fallback);
  const form = Object.fromEntries(Object.entries(row.form ?? {}).map(([key, value]) => [key, personalKeys.has(key) ? '****' : value]));
  return {
    id: row.id,
    number: row.number,
    tenantId: row.tenantId,
    type: row.typeKey,
    channel: row.channel,
    kind: row.kind as ComplaintSnapshot['kind'],
    severity: pick('severity', row.severity),
    state: pick('state', row.state),
    department: pick('department', row.department ?? null),
    title: row.title ?? null,
    text: row.text,
    form,
    valid: pick('valid', row.valid),
    invalidReason: pick('invalidReason', row.invalidReason ?? null),
    policyVersion: row.policyVersion,
    receivedAt: iso(row.receivedAt) as string,
    occurredAt: iso(row.occurredAt),
    updatedAt: iso(row.updatedAt),
    closedAt: iso(row.closedAt),
  };
}

/**
 * The plugin event one outbox `event` row stands for (intake queues submitted, assessed and — when a department was
 * found — routed as separate rows). Event ids are derived from the outbox row, so a redelivery carries the same id
 * (handlers dedupe on it). Members the payload carries (routing, validity, facts …) win over the stored row.
 */
export function eventsFor(
  messageId: string,
  topic: string,
  payload: EventPayload,
  row: StoredComplaint,
  personalKeys: ReadonlySet<string>,
): RedressEvent[] {
  const complaint = snapshotOf(row, payload, personalKeys);
  const base = { tenantId: row.tenantId, occurredAt: payload.at ?? complaint.receivedAt };
  const id = (name: string) => `${messageId}:${name}`;
  const routing = { department: complaint.department ?? '', ...(row.team ? { team: row.team } : {}) };
  const slaPolicy = (payload.complaint?.slaPolicy as string | null | undefined) ?? row.slaPolicy ?? null;
  switch (topic) {
    case 'complaint.submitted':
      return [
        {
          name: 'complaint.submitted',
          id: id(topic),
          ...base,
          complaint,
          facts: (payload.facts as Record<string, unknown> | undefined) ?? row.facts ?? {},
        },
      ];
    case 'complaint.assessed': {
      const validity = (payload.validity as { valid: boolean; reason?: string | null } | undefined) ?? {
        valid: complaint.valid !== false,
        reason: complaint.invalidReason,
      };
      return [
        {
          name: 'complaint.assessed',
          id: id(topic),
          ...base,
          complaint,
          severity: (payload.severity as string | undefined) ?? complaint.severity,
          validity: validity.valid ? { valid: true } : { valid: false, ...(validity.reason ? { reason: validity.reason } : {}) },
        },
      ];
    }
    case 'complaint.routed': {
      const given = payload.routing as
        { department?: string | null; team?: string | null; assignee?: string; strategy?: string } | undefined;
      const outcome = given?.department
        ? {
            department: given.department,
            ...(given.team ? { team: given.team } : {}),
            ...(given.strategy ? { strategy: given.strategy as never } : {}),
          }
        : routing;
      return [{ name: 'complaint.routed', id: id(topic), ...base, complaint, routing: outcome, slaPolicy }];
    }
    case 'complaint.transitioned':
      return [
        {
          name: 'complaint.transitioned',
          id: id(topic),
          ...base,
          complaint,
          from: String(payload.from ?? ''),
          to: String(payload.to ?? complaint.state),
          actorId: (payload.actorId as string | undefined) ?? null,
          note: (payload.note as string | undefined) ?? null,
        },
      ];
    case 'complaint.replied':
      return [
        {
          name: 'complaint.replied',
          id: id(topic),
          ...base,
          complaint,
          templateKey: (payload.templateKey as string | undefined) ?? null,
          body: (payload.body as string | undefined) ?? null,
        },
      ];
    case 'complaint.followedUp':
      return [
        {
          name: 'complaint.followedUp',
          id: id(topic),
          ...base,
          complaint,
          satisfied: typeof payload.satisfied === 'boolean' ? payload.satisfied : row.satisfaction === 'satisfied',
          attempt: typeof payload.attempt === 'number' ? payload.attempt : (row.unsatisfiedCount ?? 0) + 1,
        },
      ];
    case 'complaint.closed':
      return [
        {
          name: 'complaint.closed',
          id: id(topic),
          ...base,
          complaint,
          reason: String(payload.reason ?? complaint.invalidReason ?? 'resolved'),
          satisfied: row.satisfaction ? row.satisfaction === 'satisfied' : null,
          closedBy: complaint.state === 'invalid_closed' ? 'system' : 'workflow',
        },
      ];
    case 'sla.warning':
      return [
        {
          name: 'sla.warning',
          id: id(topic),
          ...base,
          complaint,
          target: String(payload.target ?? ''),
          dueAt: String(payload.dueAt ?? ''),
          elapsedPercent: Number(payload.elapsedPercent ?? 0),
        },
      ];
    case 'sla.breached':
      return [
        {
          name: 'sla.breached',
          id: id(topic),
          ...base,
          complaint,
          target: String(payload.target ?? ''),
          dueAt: String(payload.dueAt ?? ''),
          overdueMinutes: Number(payload.overdueMinutes ?? 0),
        },
      ];
    default:
      return [];
  }
}

/** Sets a dotted fact path (`telecom.area`) in nested facts without mutating the input. */
export function withFact(facts: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (!rest.length) return { ...facts, [head]: value };
  const inner = facts[head];
  return {
    ...facts,
    [head]: withFact(
      inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>) : {},
      rest.join('.'),
      value,
    ),
  };
}
