import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccessLinkDelivery, type AccessMessage } from '../auth/access-link';
import { MailError, MailSender } from './mail-sender.service';

const stamp = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** The invitation or reset e-mail in the tenant's language (zh-CN unless the tenant chose English). */
export function accessMail(message: AccessMessage): { subject: string; text: string } {
  const { kind, displayName, tenantName, url } = message;
  const until = stamp(message.expiresAt);
  if (message.locale.startsWith('en')) {
    return kind === 'invitation'
      ? {
          subject: `You are invited to ${tenantName} on Redress`,
          text:
            `Hello ${displayName},\n\nAn administrator of ${tenantName} invited you to Redress. Open this link to set your password ` +
            `(valid until ${until}, usable once):\n\n${url}\n\nIf you did not expect this, ignore this e-mail.`,
        }
      : {
          subject: `Reset your Redress password for ${tenantName}`,
          text:
            `Hello ${displayName},\n\nAn administrator of ${tenantName} started a password reset for you. Open this link to set a new ` +
            `password (valid until ${until}, usable once):\n\n${url}\n\nYour current password keeps working until then.`,
        };
  }
  return kind === 'invitation'
    ? {
        subject: `邀请您加入「${tenantName}」的 Redress 投诉管理系统`,
        text:
          `${displayName}，您好：\n\n「${tenantName}」的管理员邀请您使用 Redress 投诉管理系统。请打开下面的链接设置密码` +
          `（有效期至 ${until}，只能使用一次）：\n\n${url}\n\n如非本人相关，请忽略本邮件。`,
      }
    : {
        subject: `重置您在「${tenantName}」的 Redress 密码`,
        text:
          `${displayName}，您好：\n\n「${tenantName}」的管理员为您发起了密码重置。请打开下面的链接设置新密码` +
          `（有效期至 ${until}，只能使用一次）：\n\n${url}\n\n在此之前，您当前的密码仍然有效。`,
      };
}

/**
 * Mails invitation and password-reset links through the tenant's SMTP settings (MailSender). A tenant without mail
 * settings, or a failing server, gets `false`: the link then goes back to the admin to pass on (AccessLinkDelivery).
 */
@Injectable()
export class AccessMailBridge implements OnModuleInit {
  constructor(
    private readonly delivery: AccessLinkDelivery,
    private readonly mail: MailSender,
  ) {}

  onModuleInit(): void {
    this.delivery.useSender((message) => this.send(message));
  }

  async send(message: AccessMessage): Promise<boolean> {
    if (!(await this.mail.config(message.tenantId))) return false;
    try {
      await this.mail.send(message.tenantId, { to: message.to, ...accessMail(message) });
      return true;
    } catch (error) {
      if (error instanceof MailError && error.kind === 'not_configured') return false;
      throw error;
    }
  }
}
