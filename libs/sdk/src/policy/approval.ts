import type { JsonLogicRule } from '@redress/rules';
import type { LocalizedText } from './types';

/**
 * Approval chains (issue 18): who must sign before something takes effect, step by step. The seeds' jewelry manual
 * has the store manager, then the region, then quality sign a large return; a bank changes its complaint policy on
 * four signatures.
 *
 * - `reply`: a proposed reply to the complainant (compensation, refunds …: use `when` on the complaint's facts);
 *   the first chain whose `when` holds applies; without one, a severity with `requiresApproval` needs one manager.
 * - `closure`: a person's move to `closed` (not a satisfied follow-up): the complaint stays where it is until the
 *   chain is signed, then the move is taken.
 * - `extension`: a deadline extension request (the first chain whose `when` holds on the complaint's facts); without
 *   one, the SLA target's `extensionApprovalRole` decides alone.
 * - `policy`: publishing a policy version; the chain of the policy IN FORCE applies (a draft cannot lift its own).
 */
export const APPROVAL_SUBJECTS = ['reply', 'closure', 'extension', 'policy'] as const;
export type ApprovalSubject = (typeof APPROVAL_SUBJECTS)[number];

/** Who may sign a step: every given member must match (a manager OF a department; a named person by e-mail). */
export interface ApprovalApprover {
  role?: string;
  /** The department key of the signer's user account (users.departmentId). */
  department?: string;
  /** A named person: the e-mail of an active user. */
  user?: string;
}

export interface ApprovalStep {
  key: string;
  name: LocalizedText;
  /** Anyone matching one of these may sign. */
  approvers: ApprovalApprover[];
  /** Signatures of different people the step needs (parallel sign-off); default 1. */
  signatures?: number;
}

export interface ApprovalChain {
  key: string;
  name: LocalizedText;
  subject: ApprovalSubject;
  /** For `reply`: JSON-logic over the complaint facts (e.g. complaint.form.compensation_amount ≥ 5000). */
  when?: JsonLogicRule;
  /** Steps in order: step 2 starts when step 1 has all its signatures. */
  steps: ApprovalStep[];
  source?: string;
}

/** Who is signing. */
export interface ApprovalSigner {
  userId: string;
  role: string;
  email?: string | null;
  departmentId?: string | null;
}

export interface ApprovalSignature {
  step: string;
  userId: string;
  role: string;
  at: string;
  comment?: string | null;
}

/** Where a chain stands: the step waiting for signatures and everything signed so far. */
export interface ApprovalProgress {
  chain: string;
  step: number;
  signatures: ApprovalSignature[];
}
