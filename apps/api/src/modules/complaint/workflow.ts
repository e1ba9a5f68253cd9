import type { Role } from '../../common/auth/roles';
import type { ComplaintState } from './complaint.entity';

export interface TransitionRule {
  from: ComplaintState[];
  to: ComplaintState;
  roles: (Role | `${Role}`)[];
  /** Needs a comment (reason) from the person. */
  requiresComment?: boolean;
  description: { zh: string; en: string };
}

const OPEN: ComplaintState[] = ['received', 'assessed', 'dispatched', 'in_progress', 'waiting_customer', 'awaiting_approval', 'responded', 'follow_up', 'reopened'];
const WORKERS = ['admin', 'manager', 'handler'] as const;

/**
 * The default life cycle (REQUIREMENTS §2): received → assessed → dispatched → in progress → responded →
 * follow-up → closed, plus invalid-closed, awaiting-approval, waiting for the customer and reopened.
 * Replies, follow-ups and approvals move the state through their own operations; these are the manual moves.
 */
export const DEFAULT_TRANSITIONS: TransitionRule[] = [
  { from: ['received', 'reopened'], to: 'assessed', roles: [...WORKERS, 'agent'], description: { zh: '完成受理评估', en: 'Assessed' } },
  { from: ['assessed', 'reopened', 'in_progress'], to: 'dispatched', roles: [...WORKERS], description: { zh: '派单', en: 'Dispatched' } },
  { from: ['dispatched', 'reopened', 'waiting_customer'], to: 'in_progress', roles: [...WORKERS], description: { zh: '开始处理', en: 'Work started' } },
  { from: ['in_progress'], to: 'waiting_customer', roles: [...WORKERS], requiresComment: true, description: { zh: '等待客户补充', en: 'Waiting for the customer' } },
  { from: ['responded'], to: 'follow_up', roles: [...WORKERS, 'agent'], description: { zh: '进入回访', en: 'Follow-up started' } },
  { from: ['received', 'assessed', 'dispatched', 'in_progress'], to: 'invalid_closed', roles: ['admin', 'manager', 'handler'], requiresComment: true, description: { zh: '判定无效并关闭', en: 'Closed as invalid' } },
  { from: OPEN, to: 'closed', roles: ['admin', 'manager'], requiresComment: true, description: { zh: '经理说明原因后结案', en: 'Closed by a manager with a reason' } },
  { from: ['closed', 'invalid_closed'], to: 'reopened', roles: ['admin', 'manager', 'handler', 'agent'], requiresComment: true, description: { zh: '重新打开', en: 'Reopened' } },
];

export type TransitionCheck =
  | { ok: true; rule: TransitionRule }
  | { ok: false; reason: 'ILLEGAL_TRANSITION' | 'ROLE_NOT_ALLOWED' | 'COMMENT_REQUIRED'; allowed: ComplaintState[] };

export function allowedTargets(from: ComplaintState, role: string, rules = DEFAULT_TRANSITIONS): ComplaintState[] {
  return rules.filter((r) => r.from.includes(from) && r.roles.includes(role as Role)).map((r) => r.to);
}

export function checkTransition(from: ComplaintState, to: ComplaintState, role: string, comment: string | undefined, rules = DEFAULT_TRANSITIONS): TransitionCheck {
  const candidates = rules.filter((r) => r.from.includes(from) && r.to === to);
  const allowed = allowedTargets(from, role, rules);
  if (!candidates.length) return { ok: false, reason: 'ILLEGAL_TRANSITION', allowed };
  const rule = candidates.find((r) => r.roles.includes(role as Role));
  if (!rule) return { ok: false, reason: 'ROLE_NOT_ALLOWED', allowed };
  if (rule.requiresComment && !comment?.trim()) return { ok: false, reason: 'COMMENT_REQUIRED', allowed };
  return { ok: true, rule };
}
