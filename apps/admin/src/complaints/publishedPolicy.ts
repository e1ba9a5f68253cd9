import { useQuery } from '@tanstack/react-query';
import { callOperation, loadSchema } from '../graphql/schema';
import type { PolicyDocument } from '../dataProvider/policyDraft';

/**
 * What the complaint screens read from policy: the PUBLISHED version (the one deciding complaints), which every role
 * that works on complaints may read — not the draft, which only administrators may (its resources answer FORBIDDEN
 * to handlers, managers and agents, who then saw no reply templates, no departments and raw field keys).
 */

/** `documentJson` is JSON on the wire (a string or an already parsed object). */
export function parsePolicyDocument(value: unknown): PolicyDocument {
  return (typeof value === 'string' ? JSON.parse(value) : value) as PolicyDocument;
}

/** The policy in force, or null before the first publish. */
export async function loadPublishedPolicy(): Promise<PolicyDocument | null> {
  const schema = await loadSchema();
  if (!schema.queries.has('currentPolicyVersion')) return null;
  const current = await callOperation<{ version: number; documentJson: unknown } | null>(
    'query',
    'currentPolicyVersion',
    {},
    { selection: '{ version documentJson }' },
  );
  return current?.documentJson ? parsePolicyDocument(current.documentJson) : null;
}

export const usePublishedPolicy = () => useQuery({ queryKey: ['publishedPolicy'], queryFn: loadPublishedPolicy, staleTime: 60_000 });

export interface AssignableUser {
  id: string;
  email: string;
  displayName: string;
  role: string;
}

/** The people a complaint can be assigned to (`assignableUsers`, open to the roles that assign work). */
export const useAssignableUsers = (enabled = true) =>
  useQuery({
    queryKey: ['assignableUsers'],
    // Off for roles that may not assign (the API answers them FORBIDDEN).
    enabled,
    queryFn: () => callOperation<AssignableUser[]>('query', 'assignableUsers', {}, { selection: '{ id email displayName role }' }),
    staleTime: 60_000,
  });

/** A field key's label in the published policy (form values are stored by key). */
export function fieldLabels(policy: PolicyDocument | null | undefined): Record<string, PolicyDocument['fields'][number]['label']> {
  return Object.fromEntries((policy?.fields ?? []).map((field) => [field.key, field.label]));
}
