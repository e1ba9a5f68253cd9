import { loadPublishedPolicy, parsePolicyDocument } from '../complaints/publishedPolicy';
import { GraphQLRequestError } from '../graphql/client';
import { loadDraft, type PolicyDocument } from '../dataProvider/policyDraft';

/**
 * What the intake form follows. `published`: the policy in force, which every role that registers complaints may read
 * (`currentPolicyVersion`). `draft`: no version is published yet and the caller may read the draft (administrators
 * setting up a tenant). `unavailable`: neither can be read; the form cannot offer types or fields and says so (the
 * API would validate a submission against the published policy anyway).
 */
export type IntakePolicy = { mode: 'published' | 'draft'; doc: PolicyDocument } | { mode: 'unavailable'; doc: null };

const forbidden = (error: unknown) => error instanceof GraphQLRequestError && error.status === 403;

export { parsePolicyDocument };

export async function loadIntakePolicy(): Promise<IntakePolicy> {
  try {
    const published = await loadPublishedPolicy();
    if (published) return { mode: 'published', doc: published };
  } catch (error) {
    if (!forbidden(error)) throw error;
  }
  try {
    return { mode: 'draft', doc: await loadDraft() };
  } catch (error) {
    if (!forbidden(error)) throw error;
  }
  return { mode: 'unavailable', doc: null };
}
