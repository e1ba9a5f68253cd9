import { callOperation, loadSchema, OperationUnavailableError, singleInputArgument } from '../graphql/schema';
import type { PolicyDocument } from '../../../../libs/sdk/src/policy/types';

export type { PolicyDocument };

/** The policy collections edited as rows; each maps to the API's upsert/delete mutations (names in the issue). */
export const POLICY_RESOURCES = {
  complaintTypes: { upsert: ['upsertComplaintType'], remove: ['deleteComplaintType'] },
  fields: { upsert: ['upsertComplaintField', 'upsertField'], remove: ['deleteComplaintField', 'deleteField'] },
  channels: { upsert: ['upsertComplaintChannel', 'upsertChannel'], remove: ['deleteComplaintChannel', 'deleteChannel'] },
  departments: { upsert: ['upsertDepartment'], remove: ['deleteDepartment'] },
  teams: { upsert: ['upsertTeam'], remove: ['deleteTeam'] },
  severityLevels: { upsert: ['upsertSeverityLevel'], remove: ['deleteSeverityLevel'] },
  calendars: { upsert: ['upsertCalendar'], remove: ['deleteCalendar'] },
  holidaySchedules: { upsert: ['upsertHolidaySchedule'], remove: ['deleteHolidaySchedule'] },
  findingCodes: { upsert: ['upsertFindingCode'], remove: ['deleteFindingCode'] },
  slaPolicies: { upsert: ['upsertSlaPolicy'], remove: ['deleteSlaPolicy'] },
  escalations: { upsert: ['upsertEscalationRule'], remove: ['deleteEscalationRule'] },
  approvalChains: { upsert: ['upsertApprovalChain'], remove: ['deleteApprovalChain'] },
  templates: { upsert: ['upsertReplyTemplate'], remove: ['deleteReplyTemplate'] },
  notices: { upsert: ['upsertNoticeRule'], remove: ['deleteNoticeRule'] },
  tests: { upsert: ['upsertRuleTest'], remove: ['deleteRuleTest'] },
  incidentRules: { upsert: ['upsertIncidentRule'], remove: ['deleteIncidentRule'] },
  workflows: { upsert: ['upsertWorkflow'], remove: ['deleteWorkflow'] },
} as const;
export type PolicyResource = keyof typeof POLICY_RESOURCES;

export const isPolicyResource = (resource: string): resource is PolicyResource => resource in POLICY_RESOURCES;

/** The first of the candidate mutation names the API offers. */
export async function mutationName(candidates: readonly string[]): Promise<string> {
  const schema = await loadSchema();
  const found = candidates.find((name) => schema.mutations.has(name));
  if (!found) throw new OperationUnavailableError(candidates[0]);
  return found;
}

/** The tenant's draft policy as one document (`draftPolicyJson`). */
export async function loadDraft(): Promise<PolicyDocument> {
  const schema = await loadSchema();
  if (schema.queries.has('draftPolicyJson')) {
    const value = await callOperation<unknown>('query', 'draftPolicyJson', {}, { selection: '' });
    return (typeof value === 'string' ? JSON.parse(value) : value) as PolicyDocument;
  }
  if (schema.queries.has('draftPolicy')) {
    const value = await callOperation<any>('query', 'draftPolicy', {}, { depth: 6 });
    return (value?.document ?? value) as PolicyDocument;
  }
  throw new OperationUnavailableError('draftPolicyJson');
}

/**
 * Drops what the form left blank: empty strings and objects left empty by them (an untouched optional
 * `help: {zh, en}` arrives as `{}`, which the API's input type refuses because `zh` is required when given).
 */
export function withoutBlanks<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutBlanks) as T;
  if (!value || typeof value !== 'object') return value;
  const kept: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const cleaned = withoutBlanks(inner);
    if (cleaned === undefined || cleaned === '') continue;
    if (cleaned && typeof cleaned === 'object' && !Array.isArray(cleaned) && Object.keys(cleaned).length === 0) continue;
    kept[key] = cleaned;
  }
  return kept as T;
}

export async function upsertPolicyItem(resource: PolicyResource, item: Record<string, unknown>): Promise<void> {
  const name = await mutationName(POLICY_RESOURCES[resource].upsert);
  await callOperation('mutation', name, await singleInputArgument(name, withoutBlanks(item)), { selection: await returnsSelection(name) });
}

export async function deletePolicyItem(resource: PolicyResource, key: string): Promise<void> {
  const name = await mutationName(POLICY_RESOURCES[resource].remove);
  const schema = await loadSchema();
  const arg = schema.mutations.get(name)!.args[0]?.name ?? 'key';
  await callOperation('mutation', name, { [arg]: key }, { selection: await returnsSelection(name) });
}

/** After a write the console re-reads the draft, so it only asks for `__typename` of an object result. */
async function returnsSelection(name: string): Promise<string> {
  const schema = await loadSchema();
  const field = schema.mutations.get(name)!;
  let ref = field.type;
  while (ref.ofType) ref = ref.ofType;
  const type = schema.types.get(ref.name ?? '');
  return type && (type.kind === 'OBJECT' || type.kind === 'INTERFACE') ? '{ __typename }' : '';
}
