import { callOperation, loadSchema } from '../graphql/schema';
import { GraphQLRequestError } from '../graphql/client';
import { loadDraft, type PolicyDocument } from '../dataProvider/policyDraft';

/** A complaint type or channel the agent can pick without reading the policy (key + the name the API reported). */
export interface KnownChoice {
  key: string;
  name?: string | null;
}

/**
 * What the intake form follows. `published` / `draft`: the whole policy (types, channels, each type's fields).
 * `basic`: the caller's role may not read the policy (agents, handlers), so the form asks for the type and channel
 * keys itself, offers the ones seen on complaints the caller may read, and learns required fields from the API's
 * answer (the API still validates everything against the published policy).
 */
export type IntakePolicy =
  | { mode: 'published' | 'draft'; doc: PolicyDocument }
  | { mode: 'basic'; doc: null; types: KnownChoice[]; channels: KnownChoice[] };

/** Channels every policy starts from (REQUIREMENTS §2 intake channels); offered in the basic form. */
export const STANDARD_CHANNELS = [
  'phone', 'email', 'letter', 'fax', 'visit', 'comment_book', 'web', 'app', 'social_media', 'news_media', 'regulator', 'leadership',
] as const;

const forbidden = (error: unknown) => error instanceof GraphQLRequestError && error.status === 403;

const parse = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as PolicyDocument;

/** Types and channels of the complaints the caller may read (their keys and the names the API gave them). */
export function choicesFromComplaints(nodes: { type?: string; typeName?: string | null; channel?: string }[]): { types: KnownChoice[]; channels: KnownChoice[] } {
  const types = new Map<string, KnownChoice>();
  const channels = new Map<string, KnownChoice>(STANDARD_CHANNELS.map((key) => [key, { key }]));
  for (const node of nodes) {
    if (node.type && !types.has(node.type)) types.set(node.type, { key: node.type, name: node.typeName });
    if (node.channel && !channels.has(node.channel)) channels.set(node.channel, { key: node.channel });
  }
  return { types: [...types.values()].sort((a, b) => a.key.localeCompare(b.key)), channels: [...channels.values()] };
}

export async function loadIntakePolicy(): Promise<IntakePolicy> {
  const schema = await loadSchema();
  if (schema.queries.has('currentPolicyVersion')) {
    try {
      const current = await callOperation<any>('query', 'currentPolicyVersion', {}, { selection: '{ documentJson }' });
      if (current?.documentJson) return { mode: 'published', doc: parse(current.documentJson) };
    } catch (error) {
      if (!forbidden(error)) throw error;
    }
  }
  try {
    return { mode: 'draft', doc: await loadDraft() };
  } catch (error) {
    if (!forbidden(error)) throw error;
  }
  const connection = await callOperation<any>('query', 'complaints', { first: 200 }, { selection: '{ edges { node { type typeName channel } } }' }).catch(() => null);
  return { mode: 'basic', doc: null, ...choicesFromComplaints((connection?.edges ?? []).map((e: any) => e.node)) };
}

/** Form keys the API named in its problems (`form.card_last4` → `card_last4`), so the basic form can ask for them. */
export function formKeysFromProblems(errors: Record<string, unknown>): string[] {
  return Object.keys(errors).filter((path) => path.startsWith('form.')).map((path) => path.slice('form.'.length));
}
