import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { Clock } from '../../common/clock';
import { Role } from '../../common/auth/roles';
import { mask } from '../../common/crypto/personal-data';
import { Complaint } from '../complaint/complaint.entity';
import { ComplaintIntakeService } from '../complaint/complaint-intake.service';
import { ComplaintTimeline } from '../complaint/complaint-timeline';
import { ChannelSetting } from './notification.entity';
import { AttachmentService } from '../attachment/attachment.service';
import { AppError } from '../../common/errors/app-error';
import type { EmailConfig } from './channel-settings.service';

/** Limits of one incoming mail (env overrides). */
export const intakeLimits = () => ({
  maxBytes: Number(process.env.REDRESS_INTAKE_MAX_BYTES ?? 10 * 1024 * 1024),
  maxAttachments: Number(process.env.REDRESS_INTAKE_MAX_ATTACHMENTS ?? 10),
});

/** What became of one incoming mail. */
export type IntakeOutcome =
  | { kind: 'complaint'; complaintId: string; number: string }
  | { kind: 'threaded'; complaintId: string; number: string }
  | { kind: 'ignored'; reason: string };

/** A refusal the sending server turns into a bounce (SMTP code and reason). */
export class IntakeRejected extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

interface RefusedFile {
  filename: string;
  reason: string;
  message: string;
}

const NUMBER_TAG = /^[A-Za-z0-9][A-Za-z0-9_-]{2,40}$/;

/**
 * E-mail intake: an SMTP server (smtp-server) for the tenants' intake addresses. A mail to a tenant's address becomes
 * a complaint (channel `email`, the sender as complainant, attachments kept); a customer's answer to a Redress mail —
 * found by the plus tag of the Reply-To (`complaints+<number>@…`), the In-Reply-To / References Message-IDs
 * (`<delivery.<number>@…>`) or `[<number>]` in the subject — is appended to that complaint's timeline. Auto-replies
 * (Auto-Submitted, Precedence: bulk/auto_reply, X-Autoreply, mailer-daemon) are accepted and dropped, so two robots
 * never answer each other. Oversized mail and too many attachments are refused with a reason the sender sees.
 */
@Injectable()
export class EmailIntakeService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EmailIntake');
  private server?: SMTPServer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly intake: ComplaintIntakeService,
    private readonly timeline: ComplaintTimeline,
    private readonly clock: Clock,
    private readonly attachments: AttachmentService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = process.env.REDRESS_INTAKE_SMTP_PORT;
    if (port) await this.listen(Number(port), process.env.REDRESS_INTAKE_SMTP_HOST ?? '0.0.0.0');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  /** Starts the SMTP listener (port 0: any free port); returns the port. */
  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    const { maxBytes } = intakeLimits();
    const server = new SMTPServer({
      // Plain SMTP as an MX behind the organisation's relay; TLS is the relay's job (docs/notifications.md).
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      size: maxBytes,
      logger: false,
      banner: 'Redress intake',
      onRcptTo: (address, _session, callback) => {
        this.tenantOf(address.address).then(
          (found) => callback(found ? undefined : Object.assign(new Error('No such intake mailbox'), { responseCode: 550 })),
          callback,
        );
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
            this.logger.warn(
              `Refused mail from ${session.envelope.mailFrom ? mask(session.envelope.mailFrom.address, 'email') : '?'}: larger than ${maxBytes} bytes`,
            );
            return callback(Object.assign(new Error(`Message exceeds the limit of ${maxBytes} bytes`), { responseCode: 552 }));
          }
          const recipients = session.envelope.rcptTo.map((r) => r.address);
          this.receive(Buffer.concat(chunks), recipients).then(
            () => callback(),
            (error) => {
              const code = error instanceof IntakeRejected ? error.responseCode : 451;
              if (!(error instanceof IntakeRejected)) this.logger.error(error);
              callback(
                Object.assign(new Error(error instanceof IntakeRejected ? error.message : 'Temporary failure, try again later'), {
                  responseCode: code,
                }),
              );
            },
          );
        });
      },
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.on('error', reject);
      server.listen(port, host, () => resolve());
    });
    return (server.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The tenant and its e-mail settings for an intake address (`complaints+tag@x` matches `complaints@x`). */
  async tenantOf(address: string): Promise<{ tenantId: string; config: EmailConfig; tag: string | null } | null> {
    const [local, domain] = address.toLowerCase().split('@');
    if (!local || !domain) return null;
    const plus = local.indexOf('+');
    const base = `${plus >= 0 ? local.slice(0, plus) : local}@${domain}`;
    const tag = plus >= 0 ? address.slice(plus + 1, address.lastIndexOf('@')) : null;
    const rows = await this.dataSource.getRepository(ChannelSetting).find({ where: { channel: 'email', enabled: true } });
    const row = rows.find((r) => String((r.config as unknown as EmailConfig).intakeAddress ?? '').toLowerCase() === base);
    return row ? { tenantId: row.tenantId, config: row.config as unknown as EmailConfig, tag } : null;
  }

  /** Handles one raw message for the given envelope recipients. */
  async receive(raw: Buffer, recipients: string[]): Promise<IntakeOutcome> {
    let target: Awaited<ReturnType<EmailIntakeService['tenantOf']>> = null;
    for (const address of recipients) if ((target = await this.tenantOf(address))) break;
    if (!target) throw new IntakeRejected(550, 'No such intake mailbox');
    let mail: ParsedMail;
    try {
      mail = await simpleParser(raw);
    } catch (error) {
      throw new IntakeRejected(554, `Malformed message: ${(error as Error).message}`);
    }
    const from = mail.from?.value[0];
    const automatic = automaticReason(mail, from?.address ?? '');
    if (automatic) {
      this.logger.log(`Ignored automatic mail to ${target.config.intakeAddress} (${automatic})`);
      return { kind: 'ignored', reason: automatic };
    }
    if (!from?.address) throw new IntakeRejected(550, 'The message has no sender address');
    const files = (mail.attachments ?? []).filter((a) => a.contentDisposition !== 'inline' || !a.related);
    const { maxAttachments } = intakeLimits();
    if (files.length > maxAttachments) throw new IntakeRejected(552, `Too many attachments: ${files.length} (at most ${maxAttachments})`);

    const text =
      (mail.text ?? '').trim() ||
      (typeof mail.html === 'string'
        ? mail.html
            .replace(/<[^>]+>/g, ' ')
            .replace(/\s+/g, ' ')
            .trim()
        : '');
    const subject = (mail.subject ?? '').trim();
    const existing = await this.threadOf(target.tenantId, target.tag, mail);
    if (!existing && !text && !subject) throw new IntakeRejected(550, 'The message is empty');
    const { attachments, refused } = await this.keep(target.tenantId, files);
    if (existing) {
      await this.appendReply(existing, { subject, text: stripQuoted(text), messageId: mail.messageId ?? null, attachments, refused });
      return { kind: 'threaded', complaintId: existing.id, number: existing.number };
    }
    const type = target.config.intakeType ?? 'consultation';
    try {
      const complaint = await this.intake.submit({ tenantId: target.tenantId, role: Role.api_client }, {
        channel: 'email',
        type,
        title: subject.slice(0, 200) || null,
        text: text || subject,
        attachments,
        complainant: { name: from.name || null, email: from.address },
        idempotencyKey: mail.messageId ? `email:${mail.messageId}`.slice(0, 200) : undefined,
      } as never);
      if (refused.length) await this.appendEvent(complaint, 'attachment.refused', { channel: 'email', files: refused });
      return { kind: 'complaint', complaintId: complaint.id, number: complaint.number };
    } catch (error) {
      const reason = (error as { extensions?: { reason?: string } }).extensions?.reason ?? (error as Error).message;
      this.logger.warn(`Mail to ${target.config.intakeAddress} refused by intake: ${reason}`);
      throw new IntakeRejected(550, `The complaint could not be taken: ${(error as Error).message}`);
    }
  }

  /** The complaint a mail answers: plus tag, then Message-IDs Redress gave its mails, then `[number]` in the subject. */
  private async threadOf(tenantId: string, tag: string | null, mail: ParsedMail): Promise<Complaint | null> {
    const candidates: string[] = [];
    if (tag && NUMBER_TAG.test(tag)) candidates.push(tag);
    const ids = [mail.inReplyTo ?? '', ...(Array.isArray(mail.references) ? mail.references : mail.references ? [mail.references] : [])];
    for (const id of ids) {
      const match = /^<?[0-9a-f-]{36}\.([^@>]+)@/i.exec(id.trim());
      if (match) candidates.push(match[1]);
    }
    const bracket = /\[([A-Za-z0-9][A-Za-z0-9_-]{2,40})\]/.exec(mail.subject ?? '');
    if (bracket) candidates.push(bracket[1]);
    for (const number of candidates) {
      const complaint = await this.dataSource.getRepository(Complaint).findOne({ where: { tenantId, number } });
      if (complaint) return complaint;
    }
    return null;
  }

  private async appendReply(
    complaint: Complaint,
    reply: { subject: string; text: string; messageId: string | null; attachments: string[]; refused: RefusedFile[] },
  ): Promise<void> {
    await this.appendEvent(
      complaint,
      'customer.replied',
      {
        channel: 'email',
        subject: reply.subject,
        text: reply.text.slice(0, 20_000),
        messageId: reply.messageId,
        attachments: reply.attachments,
        ...(reply.refused.length ? { refusedFiles: reply.refused } : {}),
      },
      reply.attachments,
    );
  }

  /** One customer event on the complaint's timeline (row locked), claiming the files it brings. */
  private async appendEvent(
    complaint: Complaint,
    type: string,
    data: Record<string, unknown>,
    attachmentIds: string[] = [],
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const qb = manager.getRepository(Complaint).createQueryBuilder('c').where('c.id = :id', { id: complaint.id });
      if (manager.connection.options.type === 'postgres') qb.setLock('pessimistic_write');
      const locked = await qb.getOne();
      if (!locked) return;
      if (attachmentIds.length)
        await this.attachments.claim(manager, locked.tenantId, locked.id, attachmentIds, await this.attachments.limits(locked.tenantId));
      await this.timeline.append(manager, locked, type, data, { role: 'customer' }, this.clock.now());
    });
  }

  /**
   * Stores the mail's files as attachments (type by content, policy limits). A refused file does not lose the mail:
   * the complaint is taken and its timeline names the file and why.
   */
  private async keep(tenantId: string, files: ParsedMail['attachments']): Promise<{ attachments: string[]; refused: RefusedFile[] }> {
    if (!files.length) return { attachments: [], refused: [] };
    const limits = await this.attachments.limits(tenantId);
    const attachments: string[] = [];
    const refused: RefusedFile[] = [];
    for (const file of files) {
      try {
        attachments.push(
          (await this.attachments.upload(tenantId, { filename: file.filename, data: file.content, source: 'email' }, limits)).id,
        );
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        refused.push({ filename: file.filename ?? 'attachment', reason: error.reason, message: error.message });
      }
    }
    return { attachments, refused };
  }
}

/** Why a mail is an automatic one (RFC 3834 Auto-Submitted, common vacation/bulk markers, bounces), or null. */
export function automaticReason(mail: ParsedMail, from: string): string | null {
  const header = (name: string) => String(mail.headers.get(name) ?? '').toLowerCase();
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(header('precedence'))) return `Precedence: ${header('precedence')}`;
  if (mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond')) return 'X-Autoreply';
  if (/^(mailer-daemon|postmaster)@/i.test(from)) return 'bounce';
  return null;
}

/** The customer's new text without the quoted message below it. */
export function stripQuoted(text: string): string {
  const lines = text.split(/\r?\n/);
  const cut = lines.findIndex(
    (line) =>
      /^>/.test(line) ||
      /^On .+wrote:$/.test(line.trim()) ||
      /^在.+写道[:：]$/.test(line.trim()) ||
      /^-{2,}\s*(Original Message|原始邮件)/i.test(line.trim()),
  );
  return (cut >= 0 ? lines.slice(0, cut) : lines).join('\n').trim();
}
