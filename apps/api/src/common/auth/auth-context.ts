import { Role } from './roles';

/** Who is calling. The tenant comes from these credentials only, never from input. */
export interface AuthContext {
  tenantId: string;
  role: Role;
  /** Set for signed-in users. */
  userId?: string;
  /** Set for API tokens. */
  tokenId?: string;
  email?: string;
  /** A signed-in person's other memberships (same e-mail, other tenants) their sign-in proved, for switchTenant. */
  otherMemberships?: { userId: string; tenantId: string; version: number }[];
  /** The client address (behind a proxy: the forwarded one), for the audit log and sign-in throttling. */
  ip?: string;
}

export interface RequestWithAuth {
  headers: Record<string, string | string[] | undefined>;
  auth?: AuthContext;
  requestId?: string;
  ip?: string;
}
