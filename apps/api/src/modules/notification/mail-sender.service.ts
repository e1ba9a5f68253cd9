import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { ChannelSettingsService, EMAIL_ADDRESS, type EmailConfig } from './channel-settings.service';

/** One e-mail as a caller hands it over; encoding (UTF-8 subject words, base64/QP bodies) is nodemailer's job. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  replyTo?: string | null;
  /** `<id@domain>`: set it to thread replies back (e-mail intake reads In-Reply-To / References). */
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
}

export interface SentMail {
  messageId: string;
  response: string;
}

/** Why a mail did not go out, and whether trying again can help. */
export class MailError extends Error {
  constructor(
    message: string,
    readonly kind: 'not_configured' | 'permanent' | 'transient',
  ) {
    super(message);
  }
}

/**
 * Sends e-mail through the tenant's SMTP server (settings per tenant, password decrypted only here). Reusable by any
 * module that mails (notices, invitations): `send(tenantId, mail)`. Errors are MailError with a kind: the caller
 * decides to retry (transient), give up (permanent: 5xx, bad address) or wait for settings (not_configured).
 * Credentials never appear in errors or logs.
 */
@Injectable()
export class MailSender implements OnApplicationShutdown {
  private readonly logger = new Logger('MailSender');
  private readonly transports = new Map<string, { stamp: number; transport: Transporter; config: EmailConfig }>();

  constructor(private readonly settings: ChannelSettingsService) {}

  /** The tenant's e-mail settings (without the password), or null when not configured or disabled. */
  async config(tenantId: string): Promise<EmailConfig | null> {
    const stored = await this.settings.get(tenantId, 'email');
    return stored?.enabled ? stored.config : null;
  }

  async send(tenantId: string, mail: OutgoingMail): Promise<SentMail> {
    if (!EMAIL_ADDRESS.test(mail.to)) throw new MailError(`INVALID_ADDRESS: "${mail.to}" is not an e-mail address`, 'permanent');
    const { transport, config } = await this.transportFor(tenantId);
    try {
      const info = await transport.sendMail({
        from: config.fromName ? { name: config.fromName, address: config.from } : config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        replyTo: mail.replyTo ?? undefined,
        messageId: mail.messageId,
        inReplyTo: mail.inReplyTo,
        references: mail.references,
        headers: mail.headers,
      });
      return { messageId: String(info.messageId ?? mail.messageId ?? ''), response: String(info.response ?? '') };
    } catch (error) {
      const e = error as { responseCode?: number; code?: string; message?: string };
      // The server's answer, never our credentials (nodemailer does not echo them).
      const message = `SMTP ${e.code ?? ''} ${e.responseCode ?? ''} ${e.message ?? String(error)}`.replace(/\s+/g, ' ').trim();
      const permanent = (e.responseCode !== undefined && e.responseCode >= 500 && e.code !== 'EAUTH') || e.code === 'EENVELOPE';
      throw new MailError(message, permanent ? 'permanent' : 'transient');
    }
  }

  private async transportFor(tenantId: string): Promise<{ transport: Transporter; config: EmailConfig }> {
    const stored = await this.settings.get(tenantId, 'email');
    if (!stored?.enabled) throw new MailError('EMAIL_NOT_CONFIGURED: the tenant has no SMTP settings', 'not_configured');
    const cached = this.transports.get(tenantId);
    if (cached && cached.stamp === stored.updatedAt.getTime()) return cached;
    cached?.transport.close();
    const config = stored.config;
    const transport = createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      requireTLS: Boolean(config.requireTls),
      auth: config.user ? { user: config.user, pass: stored.secret ?? '' } : undefined,
      tls: { rejectUnauthorized: !config.allowSelfSigned },
      // A hanging server must not hold a delivery worker.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      pool: true,
      maxConnections: 2,
    });
    const entry = { stamp: stored.updatedAt.getTime(), transport, config };
    this.transports.set(tenantId, entry);
    this.logger.debug(`SMTP transport for tenant ${tenantId}: ${config.host}:${config.port}`);
    return entry;
  }

  onApplicationShutdown(): void {
    for (const { transport } of this.transports.values()) transport.close();
    this.transports.clear();
  }
}
