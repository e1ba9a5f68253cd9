import { callOperation, loadSchema } from '../graphql/schema';
import { GraphQLRequestError } from '../graphql/client';
import { loadDraft, type PolicyDocument } from '../dataProvider/policyDraft';

/**
 * What the intake form follows. `published`: the policy in force, which every role that registers complaints may read
 * (`currentPolicyVersion`). `draft`: no version is published yet and the caller may read the draft (administrators
 * setting up a tenant). `unavailable`: neither can be read; the form cannot offer types or fields and says so (the
 * API would validate a submission against the published policy anyway).
 */
export type IntakePolicy =
  | { mode: 'published' | 'draft'; doc: PolicyDocument }
  | { mode: 'unavailable'; doc: null };

const forbidden = (error: unknown) => error instanceof GraphQLRequestError && error.status === 403;

/** `documentJson` is a JSON string on the wire; tolerate an already parsed object. */
export function parsePolicyDocument(value: unknown): PolicyDocument {
  return (typeof value === 'string' ? JSON.parse(value) : value) as PolicyDocument;
}

export async function loadIntakePolicy(): Promise<IntakePolicy> {
  const schema = await loadSchema();
  if (schema.queries.has('currentPolicyVersion')) {
    try {
      const current = await callOperation<any>('query', 'currentPolicyVersion', {}, { selection: '{ version documentJson }' });
      if (current?.documentJson) return { mode: 'published', doc: parsePolicyDocument(current.documentJson) };
    } catch (error) {
      if (!forbidden(error)) throw error;
    }
  }
  try {
    return { mode: 'draft', doc: await loadDraft() };
  } catch (error) {
    if (!forbidden(error)) throw error;
  }
  return { mode: 'unavailable', doc: null };
}
