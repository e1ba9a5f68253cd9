import type { Complaint } from '../complaint/complaint.entity';

/**
 * The facts SLA conditions and escalation rules read: the decision facts stored on the complaint, with its
 * CURRENT state, severity, department and assignee laid over `complaint.*` (they change after intake), so
 * stale copies in the stored or extra facts never win.
 */
export function complaintFacts(complaint: Complaint, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const stored = (complaint.facts ?? {}) as Record<string, unknown>;
  const storedComplaint = isRecord(stored.complaint) ? stored.complaint : {};
  const extraComplaint = isRecord(extra.complaint) ? extra.complaint : {};
  return {
    ...stored,
    ...extra,
    severity: complaint.severity,
    complaint: {
      ...storedComplaint,
      ...extraComplaint,
      id: complaint.id,
      number: complaint.number,
      state: complaint.state,
      severity: complaint.severity,
      department: complaint.department ?? null,
      team: complaint.team ?? null,
      assigneeId: complaint.assigneeId ?? null,
      type: complaint.typeKey,
      kind: complaint.kind,
      channel: complaint.channel,
      valid: complaint.valid,
      unsatisfiedCount: complaint.unsatisfiedCount ?? 0,
      reopenCount: complaint.reopenCount ?? 0,
      slaStatus: complaint.slaStatus,
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
