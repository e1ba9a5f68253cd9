import type { ApiProblem } from '../../graphql/client';
import type { WorkflowAction, WorkflowDefinition, WorkflowState, WorkflowTransition } from '../../../../../libs/sdk/src/policy/workflow';

// The workflow vocabulary is the SDK's (the API validates against the same lists): one source of truth.
export {
  BUILT_IN_STATES,
  WORKFLOW_ACTION_TYPES,
  WORKFLOW_STATE_CATEGORIES,
  WORKFLOW_TRIGGERS,
  effectiveWorkflows,
  workflowFor,
} from '../../../../../libs/sdk/src/policy/workflow';
export type { WorkflowAction, WorkflowDefinition, WorkflowState, WorkflowTransition };

/** Roles a manual transition may be limited to (the API's staff roles that work complaints). */
export const TRANSITION_ROLES = ['admin', 'manager', 'handler', 'agent', 'expert'] as const;

export const isAutomatic = (transition: Pick<WorkflowTransition, 'trigger'>) => !!transition.trigger && transition.trigger !== 'manual';

/** Where the designer draws states that have no saved position. */
export const COLUMN_WIDTH = 210;
export const ROW_HEIGHT = 100;

/**
 * The built-in states' places (column, row): the main road left to right (received → … → closed), the side roads
 * above (waiting, approval) and below (invalid, reopened). Every workflow has these states, so every workflow that
 * was never laid out starts from the same readable picture.
 */
const BUILT_IN_PLACES: Record<string, [number, number]> = {
  received: [0, 1],
  assessed: [1, 1],
  dispatched: [2, 1],
  in_progress: [3, 1],
  waiting_customer: [3, 0],
  awaiting_approval: [4, 0],
  responded: [4, 1],
  follow_up: [5, 1],
  closed: [6, 1],
  invalid_closed: [6, 3],
  reopened: [4, 3],
};

/**
 * A position for every state: the saved one, else the built-in state's place, else one column to the right of the
 * first state a transition comes from (in the row below the built-in picture), so a designed state lands next to
 * where complaints reach it.
 */
export function layout(workflow: WorkflowDefinition): Record<string, { x: number; y: number }> {
  const positions: Record<string, { x: number; y: number }> = {};
  const taken = new Set<string>();
  const put = (key: string, x: number, y: number) => {
    positions[key] = { x, y };
    taken.add(`${Math.round(x)},${Math.round(y)}`);
  };
  for (const state of workflow.states) {
    const place = BUILT_IN_PLACES[state.key];
    if (state.position) put(state.key, state.position.x, state.position.y);
    else if (place) put(state.key, place[0] * COLUMN_WIDTH, place[1] * ROW_HEIGHT);
  }
  for (const state of workflow.states) {
    if (positions[state.key]) continue;
    const from = workflow.transitions.find((t) => t.to === state.key && t.from.some((f) => positions[f]))?.from.find((f) => positions[f]);
    let x = from ? positions[from].x + COLUMN_WIDTH : 0;
    let y = 2 * ROW_HEIGHT;
    while (taken.has(`${Math.round(x)},${Math.round(y)}`)) y += ROW_HEIGHT;
    if (y > 8 * ROW_HEIGHT) [x, y] = [x + COLUMN_WIDTH, 2 * ROW_HEIGHT];
    put(state.key, x, y);
  }
  return positions;
}

/** A free key like `state_3` / `transition_2` (keys are the policy's contract: lower case, no display text). */
export function freeKey(prefix: string, taken: string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`${prefix}_${n}`)) n += 1;
  return `${prefix}_${n}`;
}

/** The transitions a state's removal takes with it: those going to it, and those leaving only from it. */
export function transitionsRemovedWith(workflow: WorkflowDefinition, stateKey: string): WorkflowTransition[] {
  return workflow.transitions.filter((t) => t.to === stateKey || (t.from.includes(stateKey) && t.from.every((f) => f === stateKey)));
}

/** Removes a state with its transitions; transitions that also leave from other states just lose it from `from`. */
export function removeState(workflow: WorkflowDefinition, stateKey: string): WorkflowDefinition {
  const removed = new Set(transitionsRemovedWith(workflow, stateKey).map((t) => t.key));
  return {
    ...workflow,
    states: workflow.states.filter((s) => s.key !== stateKey),
    transitions: workflow.transitions
      .filter((t) => !removed.has(t.key))
      .map((t) => (t.from.includes(stateKey) ? { ...t, from: t.from.filter((f) => f !== stateKey) } : t)),
  };
}

/** Renames a state's key everywhere the workflow names it (only offered for states not yet saved). */
export function renameState(workflow: WorkflowDefinition, from: string, to: string): WorkflowDefinition {
  const swap = (key: string) => (key === from ? to : key);
  return {
    ...workflow,
    states: workflow.states.map((s) => (s.key === from ? { ...s, key: to } : s)),
    transitions: workflow.transitions.map((t) => ({ ...t, from: t.from.map(swap), to: swap(t.to) })),
  };
}

export interface LocatedWorkflowProblems {
  /** Problems of the workflow as a whole (missing states, operations with nowhere to go) and its types. */
  workflow: string[];
  states: Record<string, string[]>;
  /** By transition key; `when` problems are also kept apart for the rule builder. */
  transitions: Record<string, string[]>;
  guards: Record<string, string[]>;
}

const PATH = /^workflows\[([^\]]+)\](?:\.(states|transitions)(?:\[([^\]]+)\])?(?:\.(.+))?)?$/;

/**
 * Places the API's problems (`validatePolicyDraft`, or `extensions.problems` of a refused save) at the state or
 * transition they name. Paths look like `workflows[default].transitions[to-legal].when` and
 * `workflows[default].states[orphan]`; problems of other workflows are left out.
 */
export function locateWorkflowProblems(problems: ApiProblem[], workflowKey: string): LocatedWorkflowProblems {
  const located: LocatedWorkflowProblems = { workflow: [], states: {}, transitions: {}, guards: {} };
  for (const problem of problems) {
    const path = (problem.path ?? problem.field ?? '').replace(/^input\./, '');
    const text = problem.suggestion ? `${problem.message}（${problem.suggestion}）` : problem.message;
    if (/^complaintTypes\[[^\]]+\]\.workflow$/.test(path)) {
      if (problem.message.includes(`"${workflowKey}"`)) located.workflow.push(text);
      continue;
    }
    const match = PATH.exec(path);
    if (!match || match[1] !== workflowKey) continue;
    const [, , collection, key, rest] = match;
    if (!collection || !key) located.workflow.push(text);
    else if (collection === 'states') (located.states[key] ??= []).push(text);
    else {
      (located.transitions[key] ??= []).push(rest ? `${rest}: ${text}` : text);
      if (rest?.startsWith('when')) (located.guards[key] ??= []).push(text);
    }
  }
  return located;
}

/** Only what the action type uses (a form switched from notify to create_task must not send a stale `to`). */
const ACTION_FIELDS: Record<string, (keyof WorkflowAction)[]> = {
  notify: ['to', 'template'],
  create_task: ['department', 'title'],
  raise_severity: ['severity'],
  assign_manager: [],
  restart_clocks: ['title'],
  stop_clocks: [],
};

/**
 * The workflow as `upsertWorkflow` takes it: empty optional parts left out (an empty guard is "always"), action
 * fields the type does not use dropped, positions rounded to whole pixels.
 */
export function toWorkflowInput(workflow: WorkflowDefinition): WorkflowDefinition {
  return {
    key: workflow.key,
    name: workflow.name,
    ...(workflow.source ? { source: workflow.source } : {}),
    states: workflow.states.map((s) => ({
      key: s.key,
      name: s.name,
      category: s.category,
      ...(s.position ? { position: { x: Math.round(s.position.x), y: Math.round(s.position.y) } } : {}),
    })),
    transitions: workflow.transitions.map((t) => {
      const out: WorkflowTransition = { key: t.key, name: t.name, from: t.from, to: t.to };
      if (t.trigger && t.trigger !== 'manual') out.trigger = t.trigger;
      if (t.roles?.length) out.roles = t.roles;
      if (t.when !== undefined && t.when !== null && t.when !== true) out.when = t.when;
      if (t.requiresComment) out.requiresComment = true;
      if (t.requiredFields?.length) out.requiredFields = t.requiredFields;
      if (t.requiresTasksDone) out.requiresTasksDone = true;
      if (t.actions?.length) {
        out.actions = t.actions.map((a) => {
          const kept: WorkflowAction = { type: a.type };
          for (const field of ACTION_FIELDS[a.type] ?? []) if (a[field]) (kept as any)[field] = a[field];
          return kept;
        });
      }
      return out;
    }),
  };
}

/** A state's name in the reader's language from a workflow, if the workflow has the state. */
export function stateOf(workflow: WorkflowDefinition | undefined, key: string): WorkflowState | undefined {
  return workflow?.states.find((s) => s.key === key);
}

/** The manual transition a person takes from `from` to `to` (what the console's button does), if any. */
export function manualTransition(workflow: WorkflowDefinition | undefined, from: string, to: string): WorkflowTransition | undefined {
  return workflow?.transitions.find((t) => !isAutomatic(t) && t.to === to && t.from.includes(from));
}
