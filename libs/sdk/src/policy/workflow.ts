import type { JsonLogicRule } from '@redress/rules';
import type { LocalizedText } from './types';

/**
 * Workflows as policy data (issue 18): the states a complaint moves through, the transitions between them with
 * their guards, and what happens on a transition. A complaint follows the workflow of the policy version it was
 * received under (complaints are pinned to their policy version), so publishing a changed workflow never moves a
 * complaint that is already open onto states it did not start with.
 */

/** open: somebody must act; waiting: the clocks pause (waiting for the customer, a third party); closed: done. */
export const WORKFLOW_STATE_CATEGORIES = ['open', 'waiting', 'closed'] as const;
export type WorkflowStateCategory = (typeof WORKFLOW_STATE_CATEGORIES)[number];

/**
 * What moves a complaint besides a person choosing the next state. Each operation of the product fires one trigger;
 * the first transition of the workflow with that trigger, the complaint's state in `from` and a passing guard is taken.
 */
export const WORKFLOW_TRIGGERS = [
  'manual',
  /** A department was given the complaint (assignComplaint). */
  'assigned',
  /** A reply was proposed and its severity needs approval before it is sent. */
  'reply.proposed',
  /** A reply was sent to the complainant. */
  'reply.sent',
  /** The approver refused the proposed reply. */
  'approval.rejected',
  /** 回访: the complainant is satisfied. */
  'follow_up.satisfied',
  /** 回访: the complainant is not satisfied (guards on complaint.unsatisfiedCount decide what follows). */
  'follow_up.unsatisfied',
  /** The complainant withdrew the complaint (portal). */
  'customer.withdrew',
] as const;
export type WorkflowTrigger = (typeof WORKFLOW_TRIGGERS)[number];

/**
 * States the product's own operations and reports rely on; every workflow has them (it may add its own).
 * `closed` and `invalid_closed` are the only closed states: closure dates, retention, the KPIs and the work-queue
 * index all read closure from these two keys.
 */
export const BUILT_IN_STATES = [
  'received',
  'assessed',
  'dispatched',
  'in_progress',
  'awaiting_approval',
  'responded',
  'closed',
  'invalid_closed',
] as const;
export const CLOSED_STATE_KEYS = ['closed', 'invalid_closed'] as const;

export const WORKFLOW_ACTION_TYPES = [
  'notify',
  'create_task',
  'raise_severity',
  'assign_manager',
  'restart_clocks',
  'stop_clocks',
] as const;
export type WorkflowActionType = (typeof WORKFLOW_ACTION_TYPES)[number];

export interface WorkflowAction {
  type: WorkflowActionType;
  /** notify: customer | assignee | manager | department | a role | an e-mail address. */
  to?: string;
  /** notify: the reply template sent. */
  template?: string;
  /** create_task: the department the task goes to. */
  department?: string;
  /** create_task: the task's title; restart_clocks: the reason written on the timeline. */
  title?: string;
  /** raise_severity: the severity level (one level up when absent). */
  severity?: string;
}

export interface WorkflowState {
  key: string;
  name: LocalizedText;
  category: WorkflowStateCategory;
  /** Designer layout (x, y); no meaning for handling. */
  position?: { x: number; y: number };
}

export interface WorkflowTransition {
  key: string;
  name: LocalizedText;
  /** States it leaves from. */
  from: string[];
  to: string;
  /** `manual` (a person chooses it) or the operation that takes it automatically. Default manual. */
  trigger?: WorkflowTrigger;
  /** Roles that may take a manual transition (any staff role when absent). */
  roles?: string[];
  /** JSON-logic over the complaint facts: the transition is available only when true. */
  when?: JsonLogicRule;
  /** A comment (the reason) is required. */
  requiresComment?: boolean;
  /** Form fields (complaint.form.<key>) that must have a value. */
  requiredFields?: string[];
  /** Open tasks must be finished first. */
  requiresTasksDone?: boolean;
  actions?: WorkflowAction[];
}

export interface WorkflowDefinition {
  key: string;
  name: LocalizedText;
  states: WorkflowState[];
  transitions: WorkflowTransition[];
  source?: string;
}

const WORKERS = ['admin', 'manager', 'handler'];
const OPEN_STATES = [
  'received',
  'assessed',
  'dispatched',
  'in_progress',
  'waiting_customer',
  'awaiting_approval',
  'responded',
  'follow_up',
  'reopened',
];
const name = (zh: string, en: string): LocalizedText => ({ zh, en });
/** How many unsatisfied follow-ups hand the complaint to the department's manager (REQUIREMENTS §2: the second). */
export const DEFAULT_UNSATISFIED_LIMIT = 2;

/**
 * The default life cycle (REQUIREMENTS §2): received → assessed → dispatched → in progress → responded → follow-up →
 * closed, plus invalid-closed, awaiting approval, waiting for the customer and reopened. Used by policies without a
 * `default` workflow; the demo policy and the industry plugins start from it.
 */
export function defaultWorkflow(unsatisfiedLimit = DEFAULT_UNSATISFIED_LIMIT): WorkflowDefinition {
  return {
    key: 'default',
    name: name('标准投诉处理流程', 'Standard complaint handling'),
    states: [
      { key: 'received', name: name('已受理', 'Received'), category: 'open' },
      { key: 'assessed', name: name('已评估', 'Assessed'), category: 'open' },
      { key: 'dispatched', name: name('已派单', 'Dispatched'), category: 'open' },
      { key: 'in_progress', name: name('处理中', 'In progress'), category: 'open' },
      { key: 'waiting_customer', name: name('等待客户', 'Waiting for the customer'), category: 'waiting' },
      { key: 'awaiting_approval', name: name('待审批', 'Awaiting approval'), category: 'open' },
      { key: 'responded', name: name('已答复', 'Responded'), category: 'open' },
      { key: 'follow_up', name: name('回访中', 'Follow-up'), category: 'open' },
      { key: 'closed', name: name('已结案', 'Closed'), category: 'closed' },
      { key: 'invalid_closed', name: name('无效关闭', 'Closed as invalid'), category: 'closed' },
      { key: 'reopened', name: name('重新打开', 'Reopened'), category: 'open' },
    ],
    transitions: [
      {
        key: 'assess',
        name: name('完成受理评估', 'Assessed'),
        from: ['received', 'reopened'],
        to: 'assessed',
        roles: [...WORKERS, 'agent'],
      },
      {
        key: 'dispatch',
        name: name('派单', 'Dispatched'),
        from: ['assessed', 'reopened', 'in_progress'],
        to: 'dispatched',
        roles: WORKERS,
      },
      {
        key: 'start',
        name: name('开始处理', 'Work started'),
        from: ['dispatched', 'reopened', 'waiting_customer'],
        to: 'in_progress',
        roles: WORKERS,
      },
      {
        key: 'wait-customer',
        name: name('等待客户补充', 'Waiting for the customer'),
        from: ['in_progress'],
        to: 'waiting_customer',
        roles: WORKERS,
        requiresComment: true,
      },
      {
        key: 'start-follow-up',
        name: name('进入回访', 'Follow-up started'),
        from: ['responded'],
        to: 'follow_up',
        roles: [...WORKERS, 'agent'],
      },
      {
        key: 'close-invalid',
        name: name('判定无效并关闭', 'Closed as invalid'),
        from: ['received', 'assessed', 'dispatched', 'in_progress'],
        to: 'invalid_closed',
        roles: WORKERS,
        requiresComment: true,
      },
      {
        key: 'close',
        name: name('经理说明原因后结案', 'Closed by a manager with a reason'),
        from: OPEN_STATES,
        to: 'closed',
        roles: ['admin', 'manager'],
        requiresComment: true,
      },
      {
        key: 'reopen',
        name: name('重新打开', 'Reopened'),
        from: ['closed', 'invalid_closed'],
        to: 'reopened',
        roles: [...WORKERS, 'agent'],
        requiresComment: true,
      },
      {
        key: 'auto-dispatch',
        name: name('分派部门后自动派单', 'Dispatched on assignment'),
        from: ['received', 'assessed', 'reopened'],
        to: 'dispatched',
        trigger: 'assigned',
      },
      {
        key: 'auto-await-approval',
        name: name('答复需审批', 'Reply needs approval'),
        from: OPEN_STATES.filter((s) => s !== 'awaiting_approval'),
        to: 'awaiting_approval',
        trigger: 'reply.proposed',
      },
      {
        key: 'auto-responded',
        name: name('已答复客户', 'Replied to the customer'),
        from: OPEN_STATES,
        to: 'responded',
        trigger: 'reply.sent',
      },
      {
        key: 'auto-approval-rejected',
        name: name('答复被驳回', 'Reply rejected'),
        from: ['awaiting_approval'],
        to: 'in_progress',
        trigger: 'approval.rejected',
      },
      {
        key: 'auto-close-satisfied',
        name: name('客户满意结案', 'Closed: customer satisfied'),
        from: ['responded', 'follow_up'],
        to: 'closed',
        trigger: 'follow_up.satisfied',
      },
      {
        key: 'auto-unsatisfied-manager',
        name: name(`第${unsatisfiedLimit}次不满意转经理`, `Unsatisfied ${unsatisfiedLimit} times: to the manager`),
        from: ['responded', 'follow_up'],
        to: 'in_progress',
        trigger: 'follow_up.unsatisfied',
        when: { '>=': [{ var: 'complaint.unsatisfiedCount' }, unsatisfiedLimit] },
        actions: [
          { type: 'assign_manager' },
          { type: 'restart_clocks', title: `unsatisfied ${unsatisfiedLimit} times: handed to the manager` },
        ],
      },
      {
        key: 'auto-unsatisfied-redispatch',
        name: name('不满意重新派单', 'Unsatisfied: dispatched again'),
        from: ['responded', 'follow_up'],
        to: 'dispatched',
        trigger: 'follow_up.unsatisfied',
        actions: [{ type: 'restart_clocks', title: 'customer unsatisfied: dispatched again' }],
      },
      {
        key: 'auto-withdrawn',
        name: name('客户撤诉', 'Withdrawn by the complainant'),
        from: OPEN_STATES,
        to: 'closed',
        trigger: 'customer.withdrew',
      },
    ],
  };
}

/** The policy's workflows with the built-in default added when the policy has no workflow keyed `default`. */
export function effectiveWorkflows(document: { workflows?: WorkflowDefinition[] }): WorkflowDefinition[] {
  const own = document.workflows ?? [];
  return own.some((w) => w.key === 'default') ? own : [...own, defaultWorkflow()];
}

/**
 * The workflow complaints of a type follow: the type's own `workflow`, else its nearest ancestor's, else `default`.
 * An unknown key falls back to `default` here; publishing refuses a policy that names one (validatePolicy).
 */
export function workflowFor(
  document: { workflows?: WorkflowDefinition[]; complaintTypes: { key: string; parentKey?: string | null; workflow?: string }[] },
  typeKey: string | null | undefined,
): WorkflowDefinition {
  const workflows = effectiveWorkflows(document);
  const byKey = new Map(workflows.map((w) => [w.key, w]));
  const types = new Map(document.complaintTypes.map((t) => [t.key, t]));
  const seen = new Set<string>();
  for (
    let type = typeKey ? types.get(typeKey) : undefined;
    type && !seen.has(type.key);
    type = type.parentKey ? types.get(type.parentKey) : undefined
  ) {
    seen.add(type.key);
    if (type.workflow && byKey.has(type.workflow)) return byKey.get(type.workflow)!;
  }
  return byKey.get('default')!;
}

/**
 * The default life cycle with a plugin's or tenant's own steps added (e.g. a jewelry store's 送检 between work started
 * and the reply), and its "unsatisfied N times → manager" limit.
 */
export function extendDefaultWorkflow(extension: {
  key: string;
  name: LocalizedText;
  unsatisfiedLimit?: number;
  states?: WorkflowState[];
  transitions?: WorkflowTransition[];
  source?: string;
}): WorkflowDefinition {
  const base = defaultWorkflow(extension.unsatisfiedLimit);
  return {
    key: extension.key,
    name: extension.name,
    states: [...base.states, ...(extension.states ?? [])],
    transitions: [...base.transitions, ...(extension.transitions ?? [])],
    ...(extension.source ? { source: extension.source } : {}),
  };
}

/**
 * A step out of handling and back that waits for another department's task (送检, 上门维修, 上门查看): a state, a
 * transition into it from dispatched / in progress that creates the task, and one back to in progress once the task
 * is done. For extendDefaultWorkflow's states and transitions.
 */
export function taskStep(step: {
  state: string;
  name: LocalizedText;
  send: { key: string; name: LocalizedText };
  done: { key: string; name: LocalizedText };
  department: string;
  taskTitle: string;
  category?: WorkflowStateCategory;
}): { states: WorkflowState[]; transitions: WorkflowTransition[] } {
  const roles = ['admin', 'manager', 'handler'];
  return {
    states: [{ key: step.state, name: step.name, category: step.category ?? 'open' }],
    transitions: [
      {
        ...step.send,
        from: ['dispatched', 'in_progress'],
        to: step.state,
        roles,
        actions: [{ type: 'create_task', department: step.department, title: step.taskTitle }],
      },
      { ...step.done, from: [step.state], to: 'in_progress', roles, requiresTasksDone: true },
    ],
  };
}
