import { defaultEngine } from '@redress/rules';
import type {
  ApprovalApprover,
  ApprovalChain,
  ApprovalProgress,
  ApprovalSigner,
  ApprovalStep,
  ApprovalSubject,
  PolicyDocument,
} from '@redress/sdk';

/** Roles the approval mutations admit (approveComplaintReply, approvePolicyVersion): only they can sign a step. */
export const APPROVER_ROLES = ['admin', 'manager'];

/** When a severity needs approval and no chain applies: one manager (or administrator) signs, as before chains. */
export const SINGLE_MANAGER_CHAIN: ApprovalChain = {
  key: 'single-manager',
  name: { zh: '经理审批', en: 'A manager approves' },
  subject: 'reply',
  steps: [{ key: 'manager', name: { zh: '经理', en: 'Manager' }, approvers: [{ role: 'manager' }, { role: 'admin' }] }],
};

/** The first chain of the subject whose condition holds on the facts (an erroring condition never applies). */
export function chainFor(
  document: Pick<PolicyDocument, 'approvalChains'>,
  subject: ApprovalSubject,
  facts: Record<string, unknown> = {},
): ApprovalChain | undefined {
  return (document.approvalChains ?? []).find((chain) => {
    if (chain.subject !== subject) return false;
    if (chain.when === undefined || chain.when === null) return true;
    const result = defaultEngine.evaluate(chain.when, facts);
    return !result.error && Boolean(result.value);
  });
}

export function approverMatches(approver: ApprovalApprover, signer: ApprovalSigner): boolean {
  if (!approver.role && !approver.department && !approver.user) return false;
  if (approver.role && approver.role !== signer.role) return false;
  if (approver.department && approver.department !== signer.departmentId) return false;
  if (approver.user && approver.user.trim().toLowerCase() !== signer.email?.trim().toLowerCase()) return false;
  return true;
}

/** `manager of jewelry_operations / qc@example.com` — who may sign, for messages and the console. */
export function describeApprovers(step: ApprovalStep): string {
  return step.approvers.map((a) => [a.role, a.department && `@${a.department}`, a.user].filter(Boolean).join(' ')).join(' / ');
}

const needed = (step: ApprovalStep) => Math.max(1, step.signatures ?? 1);

export type SignOutcome =
  | { ok: true; progress: ApprovalProgress; stepDone: boolean; chainDone: boolean; remaining: number }
  | { ok: false; reason: 'NOT_AN_APPROVER' | 'ALREADY_SIGNED'; step: ApprovalStep };

/**
 * One signature on the step that is waiting. A step is done when it has its number of signatures from different
 * people; the chain is done after its last step. Pure: the caller stores the progress.
 */
export function sign(
  chain: ApprovalChain,
  progress: ApprovalProgress,
  signer: ApprovalSigner,
  at: Date,
  comment?: string | null,
): SignOutcome {
  const step = chain.steps[progress.step];
  if (!step.approvers.some((a) => approverMatches(a, signer))) return { ok: false, reason: 'NOT_AN_APPROVER', step };
  const onStep = progress.signatures.filter((s) => s.step === step.key);
  if (onStep.some((s) => s.userId === signer.userId)) return { ok: false, reason: 'ALREADY_SIGNED', step };
  const signatures = [
    ...progress.signatures,
    { step: step.key, userId: signer.userId, role: signer.role, at: at.toISOString(), comment: comment ?? null },
  ];
  const remaining = needed(step) - onStep.length - 1;
  if (remaining > 0) return { ok: true, progress: { ...progress, signatures }, stepDone: false, chainDone: false, remaining };
  const last = progress.step === chain.steps.length - 1;
  return {
    ok: true,
    progress: { ...progress, signatures, step: last ? progress.step : progress.step + 1 },
    stepDone: true,
    chainDone: last,
    remaining: 0,
  };
}

/**
 * A rejection returns the matter to the previous step, whose signatures are withdrawn (they signed what is now
 * questioned); at the first step there is nothing to return to (null: the proposal is refused as a whole).
 */
export function returnToPrevious(chain: ApprovalChain, progress: ApprovalProgress): ApprovalProgress | null {
  if (progress.step === 0) return null;
  const previous = chain.steps[progress.step - 1];
  const current = chain.steps[progress.step];
  return {
    ...progress,
    step: progress.step - 1,
    signatures: progress.signatures.filter((s) => s.step !== previous.key && s.step !== current.key),
  };
}
