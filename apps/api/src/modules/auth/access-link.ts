import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager, IsNull } from 'typeorm';
import { AccessLink, type AccessLinkPurpose } from './access-link.entity';
import { AuthErrors } from './auth.exception';
import { newId } from '../../common/db/columns';

export const LINK_TTL_MS: Record<AccessLinkPurpose, number> = {
  invitation: 7 * 24 * 3600_000,
  password_reset: 2 * 3600_000,
};

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The console route that opens a link: it asks for the new password and calls acceptInvitation / resetPassword. */
export const linkUrl = (publicUrl: string, purpose: AccessLinkPurpose, secret: string) =>
  `${publicUrl}/#/${purpose === 'invitation' ? 'accept-invitation' : 'reset-password'}?token=${secret}`;

export interface IssuedLink {
  url: string;
  expiresAt: Date;
}

/**
 * Issues a single-use link inside the caller's transaction. Earlier unused links of the same purpose for the same
 * person are spent, so only the newest one works.
 */
export async function issueAccessLink(
  manager: EntityManager,
  input: { tenantId: string; userId: string; purpose: AccessLinkPurpose; createdBy: string | null; now: Date; publicUrl: string },
): Promise<IssuedLink> {
  const links = manager.getRepository(AccessLink);
  await links.update({ tenantId: input.tenantId, userId: input.userId, purpose: input.purpose, usedAt: IsNull() }, { usedAt: input.now });
  const secret = randomBytes(32).toString('base64url');
  const expiresAt = new Date(input.now.getTime() + LINK_TTL_MS[input.purpose]);
  await links.insert({
    id: newId(),
    tenantId: input.tenantId,
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: sha256(secret),
    expiresAt,
    usedAt: null,
    createdBy: input.createdBy,
    createdAt: input.now,
  });
  return { url: linkUrl(input.publicUrl, input.purpose, secret), expiresAt };
}

/**
 * Spends a link inside the caller's transaction: unknown → LINK_INVALID, expired → LINK_EXPIRED, spent → LINK_USED.
 * The conditional update is the single-use guarantee when two requests race with the same link.
 */
export async function consumeAccessLink(
  manager: EntityManager,
  secret: string,
  purpose: AccessLinkPurpose,
  now: Date,
): Promise<AccessLink> {
  const links = manager.getRepository(AccessLink);
  const link = await links.findOne({ where: { tokenHash: sha256(secret.trim()), purpose } });
  if (!link) throw AuthErrors.create('LINK_INVALID', { field: 'token' });
  if (link.usedAt) throw AuthErrors.create('LINK_USED', { field: 'token' });
  if (link.expiresAt.getTime() <= now.getTime()) throw AuthErrors.create('LINK_EXPIRED', { field: 'token' });
  const result = await links.update({ id: link.id, usedAt: IsNull() }, { usedAt: now });
  if (!result.affected) throw AuthErrors.create('LINK_USED', { field: 'token' });
  return link;
}

export interface AccessMessage {
  kind: AccessLinkPurpose;
  /** Whose mail settings send it. */
  tenantId: string;
  to: string;
  displayName: string;
  tenantName: string;
  locale: string;
  url: string;
  expiresAt: Date;
}

/** Sends an access message; resolves true when the message was handed to a mail server. */
export type AccessMessageSender = (message: AccessMessage) => Promise<boolean>;

/**
 * Delivery of invitation and reset links. With no sender registered (no mail configured) nothing is sent and the
 * link is handed back to the admin to pass on. A mail module registers its sender with `useSender` at start-up.
 * A failing sender never loses the link: the admin gets it instead.
 */
@Injectable()
export class AccessLinkDelivery {
  private readonly logger = new Logger('AccessLinks');
  private sender?: AccessMessageSender;

  useSender(sender: AccessMessageSender | undefined): void {
    this.sender = sender;
  }

  async deliver(message: AccessMessage): Promise<boolean> {
    if (!this.sender) return false;
    try {
      return await this.sender(message);
    } catch (error) {
      this.logger.warn(`Could not send the ${message.kind} to ${message.to}: ${error instanceof Error ? error.message : error}`);
      return false;
    }
  }
}
