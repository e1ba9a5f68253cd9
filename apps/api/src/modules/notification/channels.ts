import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import { mask, PersonalDataCipher } from '../../common/crypto/personal-data';
import { Role } from '../../common/auth/roles';
import { CustomerService } from '../customer/customer.service';
import { UserAdminService } from '../auth/user-admin.service';
import { ComplaintService } from '../complaint/complaint.service';
import { TenantService } from '../tenant/tenant.service';
import { ChannelSettingsService } from './channel-settings.service';
import { MailError, MailSender } from './mail-sender.service';
import { Delivery, StaffNotification, WebhookSubscription, type DeliveryChannel } from './notification.entity';
import { DeliveryDeferred, DeliveryRejected } from './notification.exception';
import { HttpSmsProvider, normaliseMobile, quietHoursEnd, signBody, SmsProviderError } from './sms';
import { inAppKind } from './notice-planner';

export interface SendResult {
  providerMessageId?: string | null;
  /** Where it went (masked for a customer). */
  recipient?: string | null;
}

/** Sends one delivery on its channel. Throws DeliveryDeferred / DeliveryRejected, or anything else to retry. */
export interface ChannelSender {
  channel: DeliveryChannel;
  send(delivery: Delivery): Promise<SendResult>;
}

const MINUTE = 60_000;
/** Failed webhook attempts in a row after which the subscription is disabled and the admins are told. */
export const webhookDisableAfter = () => Number(process.env.REDRESS_WEBHOOK_DISABLE_AFTER ?? 10);
export const webhookTimeoutMs = () => Number(process.env.REDRESS_WEBHOOK_TIMEOUT_MS ?? 10_000);

/** Looks up addresses when a delivery is sent: a customer's contact is decrypted here and nowhere else. */
@Injectable()
export class RecipientDirectory {
  constructor(
    private readonly customers: CustomerService,
    private readonly users: UserAdminService,
    private readonly complaints: ComplaintService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async email(delivery: Delivery): Promise<{ address: string; shown: string }> {
    if (delivery.recipientKind === 'customer') {
      const customer = await this.customers.find(delivery.tenantId, delivery.recipientRef);
      const address = this.cipher.decrypt(customer?.emailEnc ?? null);
      if (!address) throw new DeliveryRejected('NO_ADDRESS: the customer left no e-mail address');
      return { address, shown: mask(address, 'email') ?? '' };
    }
    if (delivery.recipientKind === 'user') {
      const user = await this.users.find(delivery.tenantId, delivery.recipientRef);
      if (!user?.active) throw new DeliveryRejected('NO_ADDRESS: the user no longer exists or is inactive');
      return { address: user.email, shown: user.email };
    }
    return { address: delivery.recipientRef, shown: delivery.recipientRef };
  }

  async mobile(delivery: Delivery): Promise<{ number: string; shown: string }> {
    if (delivery.recipientKind !== 'customer') throw new DeliveryRejected('NO_ADDRESS: staff accounts have no mobile number');
    const customer = await this.customers.find(delivery.tenantId, delivery.recipientRef);
    const raw = this.cipher.decrypt(customer?.phoneEnc ?? null);
    if (!raw) throw new DeliveryRejected('NO_ADDRESS: the customer left no phone number');
    const number = normaliseMobile(raw);
    if (!number) throw new DeliveryRejected(`INVALID_PHONE: ${mask(raw, 'phone')} is not a mobile number`);
    return { number, shown: mask(number, 'phone') ?? '' };
  }

  /** The number of the delivery's complaint (for the e-mail's thread tag), or null. */
  async complaintNumber(delivery: Delivery): Promise<string | null> {
    if (!delivery.complaintId) return null;
    const [complaint] = await this.complaints.findByIds(delivery.tenantId, [delivery.complaintId]);
    return complaint?.number ?? null;
  }
}

/** `complaints+2611-0001@example.com`: replies come back to the intake mailbox tagged with the complaint. */
export function plusAddress(address: string, tag: string): string {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at)}+${tag}${address.slice(at)}`;
}

@Injectable()
export class EmailChannel implements ChannelSender {
  readonly channel = 'email' as const;
  constructor(
    private readonly mail: MailSender,
    private readonly recipients: RecipientDirectory,
    private readonly clock: Clock,
  ) {}

  async send(delivery: Delivery): Promise<SendResult> {
    const config = await this.mail.config(delivery.tenantId);
    if (!config)
      throw new DeliveryDeferred(
        'EMAIL_NOT_CONFIGURED: no SMTP settings for this tenant (Settings → E-mail)',
        new Date(this.clock.now().getTime() + 10 * MINUTE),
      );
    const { address, shown } = await this.recipients.email(delivery);
    const number = await this.recipients.complaintNumber(delivery);
    let subject = delivery.subject?.trim() || (number ? `投诉 ${number}` : 'Redress');
    if (number && !subject.includes(number)) subject = `[${number}] ${subject}`;
    const domain = config.from.slice(config.from.lastIndexOf('@') + 1);
    // The Message-ID carries the complaint number: a reply's In-Reply-To/References lead back to the complaint.
    const messageId = `<${delivery.id}${number ? `.${number}` : ''}@${domain}>`;
    try {
      const sent = await this.mail.send(delivery.tenantId, {
        to: address,
        subject,
        text: delivery.body,
        messageId,
        replyTo: config.intakeAddress ? (number ? plusAddress(config.intakeAddress, number) : config.intakeAddress) : null,
        headers: {
          'Auto-Submitted': 'auto-generated',
          'X-Redress-Delivery': delivery.id,
          ...(number ? { 'X-Redress-Complaint': number } : {}),
        },
      });
      return { providerMessageId: sent.messageId || messageId, recipient: shown };
    } catch (error) {
      if (error instanceof MailError && error.kind === 'permanent') throw new DeliveryRejected(error.message);
      if (error instanceof MailError && error.kind === 'not_configured')
        throw new DeliveryDeferred(error.message, new Date(this.clock.now().getTime() + 10 * MINUTE));
      throw error;
    }
  }
}

@Injectable()
export class SmsChannel implements ChannelSender {
  readonly channel = 'sms' as const;
  constructor(
    private readonly settings: ChannelSettingsService,
    private readonly recipients: RecipientDirectory,
    private readonly tenants: TenantService,
    private readonly clock: Clock,
  ) {}

  async send(delivery: Delivery): Promise<SendResult> {
    const now = this.clock.now();
    const stored = await this.settings.get(delivery.tenantId, 'sms');
    if (!stored?.enabled)
      throw new DeliveryDeferred(
        'SMS_NOT_CONFIGURED: no SMS provider for this tenant (Settings → SMS)',
        new Date(now.getTime() + 10 * MINUTE),
      );
    if (delivery.recipientKind === 'customer' && !delivery.urgent) {
      const until = quietHoursEnd(now, stored.config.quietHours, (await this.tenants.get(delivery.tenantId)).timeZone);
      if (until)
        throw new DeliveryDeferred(
          `QUIET_HOURS: held until ${until.toISOString()} (${stored.config.quietHours?.start}–${stored.config.quietHours?.end})`,
          until,
        );
    }
    const { number, shown } = await this.recipients.mobile(delivery);
    try {
      const result = await new HttpSmsProvider(stored.config, stored.secret, () => this.clock.now()).send({
        to: number,
        text: delivery.body,
        reference: delivery.idempotencyKey,
      });
      return {
        providerMessageId: result.providerMessageId || null,
        recipient: `${shown} (${result.segments} segment${result.segments > 1 ? 's' : ''})`,
      };
    } catch (error) {
      if (error instanceof SmsProviderError && error.permanent) throw new DeliveryRejected(error.message);
      throw error;
    }
  }
}

@Injectable()
export class InAppChannel implements ChannelSender {
  readonly channel = 'in_app' as const;
  constructor(private readonly dataSource: DataSource) {}

  async send(delivery: Delivery): Promise<SendResult> {
    if (delivery.recipientKind !== 'user') throw new DeliveryRejected('NOT_STAFF: in-app notices go to staff accounts only');
    const repo = this.dataSource.getRepository(StaffNotification);
    const existing = await repo.findOne({ where: { tenantId: delivery.tenantId, deliveryId: delivery.id } });
    const id = existing?.id ?? newId();
    if (!existing) {
      await repo.insert({
        id,
        tenantId: delivery.tenantId,
        userId: delivery.recipientRef,
        kind: inAppKind(delivery.topic),
        title: (delivery.subject ?? delivery.body).slice(0, 500),
        body: delivery.body,
        complaintId: delivery.complaintId ?? null,
        deliveryId: delivery.id,
        readAt: null,
      });
    }
    return { providerMessageId: id, recipient: delivery.recipientRef };
  }
}

/**
 * Webhooks: POST the event, signed (`X-Redress-Signature: v1=HMAC-SHA256(secret, "<timestamp>.<body>")` with
 * `X-Redress-Timestamp`), with `Idempotency-Key` — the same on every retry and replay, so a receiver that got it
 * before drops the copy. A time limit per request: a receiver that hangs costs one slot for that long, never a worker.
 */
@Injectable()
export class WebhookChannel implements ChannelSender {
  readonly channel = 'webhook' as const;
  private readonly logger = new Logger('Webhooks');
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
    private readonly users: UserAdminService,
  ) {}

  async send(delivery: Delivery): Promise<SendResult> {
    const repo = this.dataSource.getRepository(WebhookSubscription);
    const subscription = await repo.findOne({ where: { id: delivery.recipientRef, tenantId: delivery.tenantId } });
    if (!subscription) throw new DeliveryRejected('SUBSCRIPTION_DELETED: the webhook subscription no longer exists');
    // Paused, not lost: re-enabling the subscription sends these at once.
    if (!subscription.active)
      throw new DeliveryDeferred(
        `SUBSCRIPTION_DISABLED: ${subscription.disabledReason ?? 'disabled by an administrator'}`,
        new Date(this.clock.now().getTime() + 24 * 60 * MINUTE),
      );
    const secret = this.cipher.decrypt(subscription.secretEnc) ?? '';
    const timestamp = String(Math.floor(this.clock.now().getTime() / 1000));
    const type = (JSON.parse(delivery.body) as { type?: string }).type ?? delivery.topic;
    let failure: string | null = null;
    try {
      const response = await fetch(subscription.url, {
        method: 'POST',
        body: delivery.body,
        signal: AbortSignal.timeout(webhookTimeoutMs()),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Redress-Webhooks/1',
          'x-redress-event': type,
          'x-redress-delivery': delivery.id,
          'idempotency-key': delivery.idempotencyKey,
          'x-redress-timestamp': timestamp,
          'x-redress-signature': signBody(secret, timestamp, delivery.body),
        },
      });
      await response.text().catch(() => '');
      if (!response.ok) failure = `receiver answered ${response.status}`;
    } catch (error) {
      failure = `receiver unreachable: ${(error as Error).name === 'TimeoutError' ? `no answer within ${webhookTimeoutMs()} ms` : (error as Error).message}`;
    }
    if (!failure) {
      if (subscription.consecutiveFailures) await repo.update({ id: subscription.id }, { consecutiveFailures: 0 });
      return { recipient: subscription.url };
    }
    await this.recordFailure(subscription, failure);
    throw new Error(failure);
  }

  private async recordFailure(subscription: WebhookSubscription, failure: string): Promise<void> {
    const repo = this.dataSource.getRepository(WebhookSubscription);
    await repo
      .createQueryBuilder()
      .update()
      .set({ consecutiveFailures: () => 'consecutive_failures + 1' })
      .where('id = :id', { id: subscription.id })
      .execute();
    const fresh = await repo.findOne({ where: { id: subscription.id } });
    if (!fresh?.active || fresh.consecutiveFailures < webhookDisableAfter()) return;
    const reason = `${fresh.consecutiveFailures} failed attempts in a row (last: ${failure})`;
    const disabled = await repo
      .createQueryBuilder()
      .update()
      .set({ active: false, disabledReason: reason, disabledAt: this.clock.now() })
      .where('id = :id AND active = :active', { id: fresh.id, active: true })
      .execute();
    if (!disabled.affected) return;
    this.logger.warn(`Webhook ${fresh.id} of tenant ${fresh.tenantId} disabled: ${reason}`);
    const admins = await this.users.list(fresh.tenantId, { role: Role.admin, active: true });
    if (admins.length) {
      await this.dataSource.getRepository(StaffNotification).insert(
        admins.map((admin) => ({
          id: newId(),
          tenantId: fresh.tenantId,
          userId: admin.id,
          kind: 'webhook_disabled',
          title: `Webhook 已停用：${fresh.url}`.slice(0, 500),
          body: `${reason}。事件会保留，修复接收端后在“Webhook”中重新启用即可补发。`,
          complaintId: null,
          deliveryId: null,
          readAt: null,
        })),
      );
    }
  }
}
