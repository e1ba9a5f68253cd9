import {
  APPROVAL_SUBJECTS,
  BUILT_IN_STATES,
  CLOSED_STATE_KEYS,
  WORKFLOW_ACTION_TYPES,
  WORKFLOW_STATE_CATEGORIES,
  WORKFLOW_TRIGGERS,
  type PolicyDocument,
  type WorkflowDefinition,
} from '@redress/sdk';
import type { JsonLogicRule } from '@redress/rules';
import { ALL_ROLES } from '../../../common/auth/roles';
import { APPROVER_ROLES } from './approval-chain';

type Add = (path: string, code: string, message: string, suggestion?: string) => void;
type Missing = (path: string, what: string, key: unknown, known: Set<string>) => void;
type Rule = (path: string, value: JsonLogicRule | undefined) => void;

/** The states intake puts a new complaint in (its decisions): where every walk through a workflow begins. */
const INTAKE_STATES = ['received', 'assessed', 'dispatched', 'invalid_closed'];
/** Operations that cannot do their work without a move: a workflow must say where each one goes. */
const REQUIRED_TRIGGERS = [
  'reply.proposed',
  'reply.sent',
  'approval.rejected',
  'follow_up.satisfied',
  'follow_up.unsatisfied',
  'customer.withdrew',
] as const;
const isClosed = (state: string) => (CLOSED_STATE_KEYS as readonly string[]).includes(state);

/**
 * What would make a workflow fail a complaint at run time, refused at publish with the path of the problem (issue 18):
 * unknown states, unreachable states, a closed state left automatically, guards on unknown facts, actions naming
 * nothing, operations with nowhere to go.
 */
export function workflowProblems(
  document: PolicyDocument,
  add: Add,
  missing: Missing,
  rule: Rule,
  keys: { departments: Set<string>; templates: Set<string>; levels: Set<string>; fields: Set<string> },
): void {
  const workflows = document.workflows ?? [];
  const workflowKeys = new Set(workflows.map((w) => w.key));
  for (const type of document.complaintTypes) {
    if (type.workflow && type.workflow !== 'default')
      missing(`complaintTypes[${type.key}].workflow`, 'Workflow', type.workflow, workflowKeys);
  }
  for (const workflow of workflows) checkWorkflow(workflow, add, missing, rule, keys);
}

function checkWorkflow(
  workflow: WorkflowDefinition,
  add: Add,
  missing: Missing,
  rule: Rule,
  keys: { departments: Set<string>; templates: Set<string>; levels: Set<string>; fields: Set<string> },
): void {
  const at = `workflows[${workflow.key}]`;
  const states = new Map<string, string>();
  for (const state of workflow.states ?? []) {
    const path = `${at}.states[${state.key}]`;
    if (states.has(state.key)) add(path, 'DUPLICATE_KEY', `The state "${state.key}" is listed twice`);
    states.set(state.key, state.category);
    if (!(WORKFLOW_STATE_CATEGORIES as readonly string[]).includes(state.category)) {
      add(`${path}.category`, 'INVALID_CATEGORY', `Unknown category "${String(state.category)}"`, WORKFLOW_STATE_CATEGORIES.join(', '));
    } else if (isClosed(state.key) !== (state.category === 'closed')) {
      add(
        `${path}.category`,
        'INVALID_CATEGORY',
        isClosed(state.key)
          ? `"${state.key}" is a closed state`
          : `Only ${CLOSED_STATE_KEYS.join(' and ')} are closed states (closure dates, retention and the KPIs read them); use open or waiting`,
      );
    }
  }
  for (const key of BUILT_IN_STATES) {
    if (!states.has(key))
      add(`${at}.states`, 'MISSING_STATE', `The workflow needs the state "${key}" (intake, replies and follow-ups move complaints there)`);
  }
  const stateKeys = new Set(states.keys());
  const transitionKeys = new Set<string>();
  for (const transition of workflow.transitions ?? []) {
    const path = `${at}.transitions[${transition.key}]`;
    if (transitionKeys.has(transition.key)) add(path, 'DUPLICATE_KEY', `The transition "${transition.key}" is listed twice`);
    transitionKeys.add(transition.key);
    const trigger = transition.trigger ?? 'manual';
    if (!(WORKFLOW_TRIGGERS as readonly string[]).includes(trigger))
      add(`${path}.trigger`, 'INVALID_TRIGGER', `Unknown trigger "${trigger}"`, WORKFLOW_TRIGGERS.join(', '));
    if (!transition.from?.length) add(`${path}.from`, 'MISSING_FROM', 'A transition leaves from at least one state');
    (transition.from ?? []).forEach((from, index) => {
      missing(`${path}.from[${index}]`, 'State', from, stateKeys);
      if (trigger !== 'manual' && isClosed(from)) {
        add(
          `${path}.from[${index}]`,
          'CLOSED_STATE_AUTOMATIC',
          `The closed state "${from}" must not be left automatically (${trigger}); reopening is a person's decision`,
        );
      }
    });
    missing(`${path}.to`, 'State', transition.to, stateKeys);
    (transition.roles ?? []).forEach((role, index) => missing(`${path}.roles[${index}]`, 'Role', role, new Set<string>(ALL_ROLES)));
    rule(`${path}.when`, transition.when as JsonLogicRule | undefined);
    (transition.requiredFields ?? []).forEach((field, index) => missing(`${path}.requiredFields[${index}]`, 'Field', field, keys.fields));
    (transition.actions ?? []).forEach((action, index) => {
      const actionPath = `${path}.actions[${index}]`;
      if (!(WORKFLOW_ACTION_TYPES as readonly string[]).includes(action.type)) {
        add(`${actionPath}.type`, 'INVALID_ACTION', `Unknown action "${String(action.type)}"`, WORKFLOW_ACTION_TYPES.join(', '));
        return;
      }
      if (action.type === 'notify' && !action.to?.trim())
        add(
          `${actionPath}.to`,
          'MISSING_RECIPIENT',
          'A notice names who gets it (customer, assignee, manager, department, a role or an e-mail)',
        );
      if (action.template) missing(`${actionPath}.template`, 'Template', action.template, keys.templates);
      if (action.type === 'create_task') {
        if (!action.title?.trim()) add(`${actionPath}.title`, 'MISSING_TITLE', 'A task needs a title');
        if (action.department) missing(`${actionPath}.department`, 'Department', action.department, keys.departments);
      }
      if (action.type === 'raise_severity' && action.severity)
        missing(`${actionPath}.severity`, 'Severity level', action.severity, keys.levels);
    });
  }
  for (const trigger of REQUIRED_TRIGGERS) {
    if (!(workflow.transitions ?? []).some((t) => t.trigger === trigger)) {
      add(
        `${at}.transitions`,
        'MISSING_AUTOMATIC_TRANSITION',
        `No transition is taken on "${trigger}": that operation would be refused on every complaint`,
      );
    }
  }
  // Unreachable: states no walk from intake's states can reach (by any transition, manual or automatic).
  const reached = new Set(INTAKE_STATES.filter((s) => stateKeys.has(s)));
  for (let grew = true; grew;) {
    grew = false;
    for (const transition of workflow.transitions ?? []) {
      if (!reached.has(transition.to) && stateKeys.has(transition.to) && (transition.from ?? []).some((from) => reached.has(from))) {
        reached.add(transition.to);
        grew = true;
      }
    }
  }
  for (const key of stateKeys) {
    if (!reached.has(key))
      add(
        `${at}.states[${key}]`,
        'UNREACHABLE_STATE',
        `No transition leads to "${key}" from the states complaints start in (${INTAKE_STATES.join(', ')})`,
      );
  }
}

/**
 * Approval chains that could not be signed (issue 18): no steps, a step naming nobody, unknown roles or departments,
 * a condition on unknown facts. Whether anybody can sign (active users) is checked with the tenant's users at publish
 * (approvalSignerProblems).
 */
export function approvalChainProblems(
  document: PolicyDocument,
  add: Add,
  missing: Missing,
  rule: Rule,
  keys: { departments: Set<string> },
): void {
  for (const chain of document.approvalChains ?? []) {
    const at = `approvalChains[${chain.key}]`;
    if (!(APPROVAL_SUBJECTS as readonly string[]).includes(chain.subject))
      add(`${at}.subject`, 'INVALID_SUBJECT', `Unknown subject "${String(chain.subject)}"`, APPROVAL_SUBJECTS.join(', '));
    if (chain.subject === 'policy' && chain.when !== undefined && chain.when !== null) {
      add(`${at}.when`, 'CONDITION_NOT_SUPPORTED', 'A policy-publishing chain applies to every version; it has no condition');
    } else rule(`${at}.when`, chain.when as JsonLogicRule | undefined);
    if (!chain.steps?.length) add(`${at}.steps`, 'MISSING_STEPS', 'A chain needs at least one step');
    const stepKeys = new Set<string>();
    for (const step of chain.steps ?? []) {
      const path = `${at}.steps[${step.key}]`;
      if (stepKeys.has(step.key)) add(path, 'DUPLICATE_KEY', `The step "${step.key}" is listed twice`);
      stepKeys.add(step.key);
      if (!step.approvers?.length) add(`${path}.approvers`, 'NO_APPROVER', 'The step names nobody who may sign');
      (step.approvers ?? []).forEach((approver, index) => {
        const approverPath = `${path}.approvers[${index}]`;
        if (!approver.role && !approver.department && !approver.user)
          add(approverPath, 'NO_APPROVER', 'Name a role, a department or a person');
        if (approver.role) missing(`${approverPath}.role`, 'Approver role', approver.role, new Set<string>(APPROVER_ROLES));
        if (approver.department) missing(`${approverPath}.department`, 'Department', approver.department, keys.departments);
        if (approver.user !== undefined && !/^[^@\s]+@[^@\s]+$/.test(approver.user))
          add(`${approverPath}.user`, 'INVALID_EMAIL', `"${approver.user}" is not an e-mail address`);
      });
      if (step.signatures !== undefined && !(Number.isInteger(step.signatures) && step.signatures >= 1 && step.signatures <= 20)) {
        add(`${path}.signatures`, 'INVALID_SIGNATURES', 'A step needs 1 to 20 signatures');
      }
    }
  }
}
