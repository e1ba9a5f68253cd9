import { solve } from './pow';

export interface ApiError {
  status: number;
  reason?: string;
  message?: string;
  messages?: { 'zh-CN': string; en: string };
  field?: string;
  problems?: { field: string; code: string; message: string; messages?: { 'zh-CN': string; en: string } }[];
  details?: Record<string, any>;
}

export const slug = decodeURIComponent(location.pathname.replace(/^\/c\//, '').split('/')[0] ?? '');
const base = `/api/portal/${encodeURIComponent(slug)}`;

/**
 * One call to the portal API. A 429 asking for a proof-of-work is solved (WebCrypto) and the call sent once more;
 * `onChallenge` lets the page say that it is checking.
 */
export async function call<T>(
  path: string,
  init: { method?: string; body?: unknown; raw?: Blob; session?: string | null; onChallenge?: () => void } = {},
): Promise<T> {
  let pow: string | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    const headers: Record<string, string> = {};
    if (init.raw) headers['content-type'] = 'application/octet-stream';
    else if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.session) headers['x-portal-session'] = init.session;
    if (pow) headers['x-portal-pow'] = pow;
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method: init.method ?? (init.body !== undefined || init.raw ? 'POST' : 'GET'),
        headers,
        body: init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
      });
    } catch {
      throw { status: 0, reason: 'NETWORK' } as ApiError;
    }
    const json = await response.json().catch(() => ({}));
    if (response.ok) return json as T;
    const error = { status: response.status, ...json } as ApiError;
    if (attempt === 0 && (error.reason === 'CHALLENGE_REQUIRED' || error.reason === 'CHALLENGE_INVALID') && error.details?.challenge) {
      init.onChallenge?.();
      pow = `${error.details.challenge} ${await solve(error.details.challenge, error.details.difficulty)}`;
      continue;
    }
    throw error;
  }
  throw { status: 0, reason: 'NETWORK' } as ApiError;
}

export const upload = (file: File) =>
  call<{ id: string; filename: string; mimeType: string; size: number }>(`/uploads?name=${encodeURIComponent(file.name)}`, { raw: file });
