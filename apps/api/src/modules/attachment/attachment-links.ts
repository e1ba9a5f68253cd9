import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signed download link grants: one file (or its thumbnail) of one tenant, for a role, until `expiresAt`. */
export interface LinkGrant {
  attachmentId: string;
  tenantId: string;
  /** The viewer's role when the link was made (`customer` for the portal). */
  role: string;
  variant: 'file' | 'thumbnail';
  /** For the portal: the complaint the customer is signed in to. */
  complaintId?: string;
  expiresAt: number;
}

/** Links live this long: long enough to open a page of thumbnails, too short to pass around. */
export const LINK_TTL_MS = 5 * 60_000;

export function signLink(key: Buffer, grant: LinkGrant): string {
  const payload = Buffer.from(
    JSON.stringify([
      grant.attachmentId,
      grant.tenantId,
      grant.role,
      grant.variant === 'thumbnail' ? 't' : 'f',
      grant.complaintId ?? '',
      grant.expiresAt,
    ]),
  ).toString('base64url');
  return `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
}

/** The grant of a link, or why it is refused: `invalid` (forged, altered, malformed) or `expired`. */
export function verifyLink(key: Buffer, token: string, now: number): { grant: LinkGrant } | { refused: 'invalid' | 'expired' } {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return { refused: 'invalid' };
  const expected = createHmac('sha256', key).update(payload).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { refused: 'invalid' };
  try {
    const [attachmentId, tenantId, role, variant, complaintId, expiresAt] = JSON.parse(Buffer.from(payload, 'base64url').toString()) as [
      string,
      string,
      string,
      string,
      string,
      number,
    ];
    if (expiresAt <= now) return { refused: 'expired' };
    return {
      grant: {
        attachmentId,
        tenantId,
        role,
        variant: variant === 't' ? 'thumbnail' : 'file',
        complaintId: complaintId || undefined,
        expiresAt,
      },
    };
  } catch {
    return { refused: 'invalid' };
  }
}

/** The link key, derived from the JWT secret so a deployment needs no new secret and links die with a key rotation. */
export function linkKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('redress:attachment-links').digest();
}
