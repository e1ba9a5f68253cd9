import type { RaRecord } from 'react-admin';
import { callOperation, OperationUnavailableError } from '../graphql/schema';
import { fieldPerId } from './byId';

/**
 * The approvals inbox (审批待办): everything waiting for the signed-in manager's or administrator's decision, from
 * three owners — complaint replies held for approval (complaint module), policy versions waiting for a second person
 * (maker-checker, policy module) and deadline-extension requests (SLA module) — as one list, newest first.
 * Each row's id names its owner and key (`reply:<complaintId>`, `policy:<version>`, `extension:<requestId>`), so a
 * decision goes back to the mutation of that owner.
 */
export type ApprovalKind = 'reply' | 'policy' | 'extension';

export interface ApprovalRow extends RaRecord {
  id: string;
  kind: ApprovalKind;
  /** The complaint concerned (replies and extensions). */
  complaintId?: string;
  number?: string;
  title?: string;
  /** Policy versions. */
  version?: number;
  /** What is proposed: the reply's text, the version's note, the extension's reason. */
  summary?: string;
  /** Extensions: the deadline (SLA target) and the stage asked for. */
  target?: string;
  stage?: number;
  proposedBy: string | null;
  proposedAt: string;
}

export type Decision = 'approve' | 'reject';

interface PendingComplaint {
  id: string;
  number: string;
  title?: string | null;
  text?: string | null;
  approvalStatus?: string | null;
  pendingReply?: Record<string, unknown> | null;
  updatedAt?: string;
}
interface PolicyVersionLike {
  version: number;
  status: string;
  createdBy?: string | null;
  createdAt: string;
  note?: string | null;
}
interface ExtensionRequestLike {
  id: string;
  complaintId: string;
  target: string;
  stage: number;
  reason: string;
  status: string;
  requestedBy?: string | null;
  requestedAt: string;
}

const titleOf = (c: { title?: string | null; text?: string | null }) => c.title || (c.text ? String(c.text).slice(0, 40) : '');

/** Complaints in `awaiting_approval` whose reply is still pending (a rejected one went back to the handler). */
export function replyApprovals(complaints: PendingComplaint[]): ApprovalRow[] {
  return complaints
    .filter((c) => c.approvalStatus === 'pending' && c.pendingReply)
    .map((c) => {
      const reply = c.pendingReply!;
      return {
        id: `reply:${c.id}`,
        kind: 'reply',
        complaintId: c.id,
        number: c.number,
        title: titleOf(c),
        summary: String(reply.solution || reply.body || ''),
        proposedBy: (reply.proposedBy as string) ?? null,
        proposedAt: String(reply.proposedAt ?? c.updatedAt ?? ''),
      };
    });
}

/** Versions published by one person and waiting for another (maker-checker). */
export function policyApprovals(versions: PolicyVersionLike[]): ApprovalRow[] {
  return versions
    .filter((v) => v.status === 'pending_approval')
    .map((v) => ({
      id: `policy:${v.version}`,
      kind: 'policy',
      version: v.version,
      summary: v.note ?? '',
      proposedBy: v.createdBy ?? null,
      proposedAt: v.createdAt,
    }));
}

/** Deadline extensions asked for by someone who may not grant them; the complaint's number and title by its id. */
export function extensionApprovals(
  requests: ExtensionRequestLike[],
  complaints: Map<string, { number: string; title?: string | null; text?: string | null }>,
): ApprovalRow[] {
  return requests
    .filter((r) => r.status === 'requested')
    .map((r) => {
      const complaint = complaints.get(r.complaintId);
      return {
        id: `extension:${r.id}`,
        kind: 'extension',
        complaintId: r.complaintId,
        number: complaint?.number,
        title: complaint ? titleOf(complaint) : undefined,
        target: r.target,
        stage: r.stage,
        summary: r.reason,
        proposedBy: r.requestedBy ?? null,
        proposedAt: r.requestedAt,
      };
    });
}

/** One list, newest proposal first. */
export function mergeApprovals(...lists: ApprovalRow[][]): ApprovalRow[] {
  return lists.flat().sort((a, b) => String(b.proposedAt).localeCompare(String(a.proposedAt)));
}

/** The mutation that decides a row, with its arguments (a rejection carries the reason). */
export function decisionCall(id: string, decision: Decision, reason?: string): { mutation: string; args: Record<string, unknown> } {
  const at = id.indexOf(':');
  const kind = id.slice(0, at) as ApprovalKind;
  const key = id.slice(at + 1);
  const text = reason?.trim() || undefined;
  switch (kind) {
    case 'reply':
      return { mutation: decision === 'approve' ? 'approveComplaintReply' : 'rejectComplaintReply', args: { id: key, comment: text } };
    case 'policy':
      return {
        mutation: decision === 'approve' ? 'approvePolicyVersion' : 'rejectPolicyVersion',
        args: { version: Number(key), note: text },
      };
    case 'extension':
      return decision === 'approve'
        ? { mutation: 'approveDeadlineExtension', args: { requestId: key } }
        : { mutation: 'rejectDeadlineExtension', args: { requestId: key, reason: text } };
    default:
      throw new Error(`unknown approval ${id}`);
  }
}

/** A source whose operation this API does not offer contributes nothing (the inbox shows what is deployed). */
async function optional<T>(load: () => Promise<T[]>): Promise<T[]> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof OperationUnavailableError) return [];
    throw error;
  }
}

/** Number and title of the complaints the extension requests are about. */
const complaintsById = (ids: string[]) =>
  fieldPerId<{ id: string; number: string; title?: string | null; text?: string | null }>(
    'ConsoleApprovalComplaints',
    (v) => `complaint(id: ${v}) { id number title text }`,
    ids,
  );

/** Replies on complaints awaiting approval (one page of the API's maximum size: an inbox longer than that is read in turns). */
const PENDING_REPLIES = 100;

export async function loadApprovals(): Promise<ApprovalRow[]> {
  const [replies, versions, requests] = await Promise.all([
    optional(async () => {
      const connection = await callOperation<{ edges: { node: PendingComplaint }[] }>(
        'query',
        'complaints',
        { first: PENDING_REPLIES, filter: { state: ['awaiting_approval'] } },
        { selection: '{ edges { node { id number title text approvalStatus pendingReply updatedAt } } }' },
      );
      return connection.edges.map((e) => e.node);
    }),
    optional(() =>
      callOperation<PolicyVersionLike[]>('query', 'policyVersions', {}, { selection: '{ version status createdBy createdAt note }' }),
    ),
    optional(() =>
      callOperation<ExtensionRequestLike[]>(
        'query',
        'pendingDeadlineExtensions',
        {},
        { selection: '{ id complaintId target stage reason status requestedBy requestedAt }' },
      ),
    ),
  ]);
  const complaints = await complaintsById(requests.map((r) => r.complaintId));
  return mergeApprovals(replyApprovals(replies), policyApprovals(versions), extensionApprovals(requests, complaints));
}

/** Sends the decision to the row's owner; the API's refusal (e.g. SELF_APPROVAL) is thrown as is. */
export async function decideApproval(id: string, decision: Decision, reason?: string): Promise<void> {
  const { mutation, args } = decisionCall(id, decision, reason);
  await callOperation('mutation', mutation, args, {
    selection: mutation.includes('Policy') ? '{ version status }' : mutation.includes('Deadline') ? '{ __typename }' : '{ id state }',
  });
}
