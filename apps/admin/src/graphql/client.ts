import { currentLocale } from '../i18n/locale';

/** One problem the API reports, located by a JSON path (`rules.routing.rows[0].when`) or an input path. */
export interface ApiProblem {
  path?: string;
  field?: string;
  code?: string;
  message: string;
  /** The message per language (form problems have them); the reader's is shown. */
  messages?: Record<string, string>;
  suggestion?: string;
}

interface RawGraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: {
    code?: string;
    reason?: string;
    field?: string;
    problems?: ApiProblem[];
    messages?: Record<string, string>;
    details?: Record<string, unknown>;
  };
}

/** A GraphQL error in the reader's language, with the API's field problems kept for display beside the field. */
export class GraphQLRequestError extends Error {
  readonly code?: string;
  readonly reason?: string;
  readonly field?: string;
  readonly problems: ApiProblem[];
  /** Structured details of the error (e.g. the tenants of TENANT_CHOICE_REQUIRED, TOO_MANY_ATTEMPTS' retry-after). */
  readonly details: Record<string, unknown>;
  /** react-admin reads `status` to decide when to sign the user out. */
  readonly status: number;
  /** react-admin's server-side validation: `body.errors` maps form sources to messages shown at the inputs. */
  readonly body: { errors: Record<string, unknown> };

  constructor(errors: RawGraphQLError[]) {
    const first = errors[0];
    const locale = currentLocale();
    const text = first.extensions?.messages?.[locale] ?? first.extensions?.messages?.en ?? first.message;
    super(text);
    this.code = first.extensions?.code;
    this.reason = first.extensions?.reason;
    this.field = first.extensions?.field;
    this.details = first.extensions?.details ?? {};
    this.problems = errors.flatMap((e) => e.extensions?.problems ?? []).map((p) => ({ ...p, message: p.messages?.[locale] ?? p.message }));
    this.status = this.code === 'UNAUTHENTICATED' ? 401 : this.code === 'FORBIDDEN' ? 403 : 400;
    const byField: Record<string, unknown> = {};
    if (this.field) byField[formSource(this.field)] = text;
    for (const problem of this.problems) {
      const at = problem.field ?? problem.path;
      if (at) byField[formSource(at)] = problem.message;
    }
    this.body = { errors: byField };
  }
}

/** `input.name.zh` / `$.name.zh` → `name.zh` (the form's source); `options[0].value` → `options.0.value`. */
export function formSource(path: string): string {
  return path
    .replace(/^\$\.?/, '')
    .replace(/^input\./, '')
    .replace(/\[(\d+)\]/g, '.$1');
}

const TOKEN_KEY = 'redress.token';

export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

/** Sends one operation to the API's /graphql with the signed-in user's bearer token. */
export async function gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const token = tokenStore.get();
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  let body: { data?: T; errors?: RawGraphQLError[] };
  try {
    body = await response.json();
  } catch {
    throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });
  }
  if (body.errors?.length) throw new GraphQLRequestError(body.errors);
  return body.data as T;
}
