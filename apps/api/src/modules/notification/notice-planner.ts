import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { NoticeRule } from '@redress/sdk';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import { Role } from '../../common/auth/roles';
import { OutboxService } from '../outbox/outbox.service';
import type { OutboxMessage } from '../outbox/outbox.entity';
import { PolicyService } from '../policy/policy.service';
import type { CompiledPolicy } from '../policy/engine/compiled-policy';
import { matchingNotices } from '../policy/engine/notices';
import type { Complaint } from '../complaint/complaint.entity';
import { ComplaintService } from '../complaint/complaint.service';
import { renderTemplate, formatLocalDateTime } from '../complaint/template-render';
import { CustomerService } from '../customer/customer.service';
import { UserAdminService } from '../auth/user-admin.service';
import { TenantService } from '../tenant/tenant.service';
import { recipientOf } from '../sla/escalation/escalation.service';
import { Delivery, WebhookSubscription, type DeliveryChannel, type RecipientKind } from './notification.entity';

/** Whom a notice goes to, as the SLA/escalation engines and notice rules describe it. */
export interface NoticeRecipient {
  kind: 'customer' | 'user' | 'role' | 'department';
  customerId?: string;
  userId?: string;
  email?: string;
  role?: string;
  department?: string | null;
}

/** What one notice says and how it travels, before it is split into deliveries per channel and person. */
export interface PlannedNotice {
  topic: string;
  noticeKey: string | null;
  recipient: NoticeRecipient;
  channels: string[];
  templateKey: string | null;
  /** Content when no template renders it (a reply letter, an escalation's explanation). */
  subject: string | null;
  body: string | null;
  urgent: boolean;
  extra: Record<string, unknown>;
}

const STAFF_CHANNELS = ['email', 'in_app'];
const CUSTOMER_CHANNELS = ['email', 'sms'];

/**
 * Turns outbox rows into deliveries (docs/notifications.md):
 * - kind `notification` (reply letters, extension notices, escalation notices): the payload names the recipient and
 *   template, or — with `event` — the notice rules of that event decide;
 * - kind `event` (every domain event): the tenant's webhook subscriptions for it, and the policy's notice rules for it.
 * Each delivery has an idempotency key derived from the outbox row, so a redelivered row plans nothing twice.
 */
@Injectable()
export class NoticePlanner implements OnModuleInit {
  constructor(
    private readonly outbox: OutboxService,
    private readonly dataSource: DataSource,
    private readonly policies: PolicyService,
    private readonly complaints: ComplaintService,
    private readonly tenants: TenantService,
    private readonly clock: Clock,
    private readonly customers: CustomerService,
    private readonly users: UserAdminService,
  ) {}

  onModuleInit(): void {
    this.outbox.registerAdapter({ kind: 'notification', deliver: (message) => this.fromNotification(message) });
    this.outbox.registerAdapter({ kind: 'event', deliver: (message) => this.fromEvent(message) });
  }

  private async complaintOf(message: OutboxMessage): Promise<{ complaint: Complaint; policy: CompiledPolicy } | null> {
    const id = message.complaintId ?? (message.payload.complaint as { id?: string } | undefined)?.id;
    if (!id) return null;
    const [complaint] = await this.complaints.findByIds(message.tenantId, [id]);
    if (!complaint) return null;
    return { complaint, policy: await this.policies.getVersion(complaint.tenantId, complaint.policyVersion) };
  }

  async fromNotification(message: OutboxMessage): Promise<void> {
    const found = await this.complaintOf(message);
    if (!found) return;
    const { complaint, policy } = found;
    const p = message.payload as Record<string, unknown>;
    const extra = this.extraVariables(message.topic, p, await this.tenants.get(complaint.tenantId).then((t) => t.timeZone));
    let notices: PlannedNotice[];
    if (typeof p.event === 'string' && !p.recipient) {
      notices = this.rulesFor(policy, p.event, complaint, complaint.state).map((rule) => this.fromRule(message.topic, rule, p, extra));
    } else {
      const recipient =
        (p.recipient as NoticeRecipient | undefined) ??
        (p.to === 'customer' ? { kind: 'customer' as const, customerId: complaint.customerId } : null);
      if (!recipient) return;
      notices = [
        {
          topic: message.topic,
          noticeKey: (p.notice as string) ?? null,
          recipient,
          channels: (p.channels as string[] | undefined) ?? (recipient.kind === 'customer' ? CUSTOMER_CHANNELS : STAFF_CHANNELS),
          templateKey: (p.template as string) ?? null,
          subject: (p.subject as string) ?? null,
          body: (p.body as string) ?? null,
          urgent: Boolean(p.urgent),
          extra,
        },
      ];
    }
    await this.plan(message, complaint, policy, notices);
  }

  async fromEvent(message: OutboxMessage): Promise<void> {
    const p = message.payload as Record<string, unknown>;
    const type = String(p.type ?? message.topic);
    const subscriptions = await this.dataSource.getRepository(WebhookSubscription).find({ where: { tenantId: message.tenantId } });
    const found = await this.complaintOf(message);
    const rows: Partial<Delivery>[] = subscriptions
      .filter((s) => s.events.includes('*') || s.events.includes(type))
      .map((s) =>
        this.row(message, {
          complaintId: found?.complaint.id ?? message.complaintId ?? null,
          topic: type,
          channel: 'webhook',
          recipientKind: 'webhook',
          recipientRef: s.id,
          body: JSON.stringify({
            id: message.id,
            type,
            occurredAt: p.at ?? message.createdAt.toISOString(),
            tenantId: message.tenantId,
            data: p,
          }),
          idempotencyKey: `${message.id}:webhook:${s.id}`,
        }),
      );
    if (found) {
      const state = (p.complaint as { state?: string } | undefined)?.state ?? found.complaint.state;
      // A reply's letter travels as a `notification` (it carries the text); the event only feeds webhooks.
      const rules =
        type === 'complaint.replied'
          ? []
          : this.rulesFor(found.policy, type, found.complaint, state, (p.target as string | undefined) ?? null);
      const extra = this.extraVariables(type, p, (await this.tenants.get(message.tenantId)).timeZone);
      // Staff see "approval waiting", not a bare state change.
      const topic = type === 'complaint.transitioned' && state === 'awaiting_approval' ? 'approval.requested' : type;
      rows.push(
        ...(await this.rowsFor(
          message,
          found.complaint,
          found.policy,
          rules.map((rule) => this.fromRule(topic, rule, p, extra)),
        )),
      );
    }
    await this.insert(this.dataSource.manager, rows);
  }

  private rulesFor(policy: CompiledPolicy, event: string, complaint: Complaint, state: string, target: string | null = null): NoticeRule[] {
    return matchingNotices(policy.document, event, {
      typeKey: complaint.typeKey,
      typeKeys: policy.typeKeys(complaint.typeKey),
      channel: complaint.channel,
      severity: complaint.severity,
      slaPolicy: complaint.slaPolicy ?? null,
      state,
      target,
    });
  }

  private fromRule(topic: string, rule: NoticeRule, payload: Record<string, unknown>, extra: Record<string, unknown>): PlannedNotice {
    return {
      topic,
      noticeKey: rule.key,
      recipient: { kind: 'role', role: rule.to } as NoticeRecipient,
      channels: rule.channels,
      // Without a template of its own the notice carries the text it came with (a reply letter and its template).
      templateKey: rule.template ?? ((payload.templateKey as string) || null),
      subject: rule.template ? null : ((payload.subject as string) ?? null),
      body: rule.template ? null : ((payload.body as string) ?? null),
      urgent: Boolean(rule.urgent),
      extra: { ...extra, ruleTo: rule.to },
    };
  }

  private extraVariables(topic: string, p: Record<string, unknown>, timeZone: string): Record<string, unknown> {
    if (topic !== 'sla.extended') return {};
    return {
      extension: { reason: p.reason ?? '', newDeadline: formatLocalDateTime(p.newDueAt ? new Date(String(p.newDueAt)) : null, timeZone) },
    };
  }

  private async plan(message: OutboxMessage, complaint: Complaint, policy: CompiledPolicy, notices: PlannedNotice[]): Promise<void> {
    await this.insert(this.dataSource.manager, await this.rowsFor(message, complaint, policy, notices));
  }

  /** Deliveries for notices: one per channel and person; content rendered now, addresses looked up when sent. */
  private async rowsFor(
    message: OutboxMessage,
    complaint: Complaint,
    policy: CompiledPolicy,
    notices: PlannedNotice[],
  ): Promise<Partial<Delivery>[]> {
    const rows: Partial<Delivery>[] = [];
    for (const notice of notices) {
      const recipient = notice.extra.ruleTo
        ? (recipientOf(String(notice.extra.ruleTo), complaint, policy) as unknown as NoticeRecipient)
        : notice.recipient;
      const template = notice.templateKey ? policy.document.templates.find((t) => t.key === notice.templateKey) : undefined;
      let subject = notice.subject;
      let body = notice.body;
      let refused: string | null = null;
      if (notice.templateKey && !template)
        refused = `UNKNOWN_TEMPLATE: template "${notice.templateKey}" is not in policy v${policy.version}`;
      if (template && !body) {
        const vars = await this.complaints.templateVariables(
          { tenantId: complaint.tenantId, role: Role.admin },
          complaint,
          policy,
          notice.extra,
        );
        body = renderTemplate(template.body, vars);
        subject = template.subject ? renderTemplate(template.subject, vars) : subject;
      }
      // Defence in depth behind the reply's own check: staff-only text never goes to a customer.
      if (recipient.kind === 'customer' && template?.internal)
        refused = `INTERNAL_TEMPLATE: template "${notice.templateKey}" is for staff only and never goes to a customer`;
      body ||= defaultBody(notice.topic, complaint, message.payload);
      subject ||= defaultSubject(notice.topic, complaint, message.payload);
      for (const target of await this.targets(complaint, recipient, notice.channels)) {
        rows.push(
          this.row(message, {
            complaintId: complaint.id,
            topic: notice.topic,
            noticeKey: notice.noticeKey,
            channel: target.channel,
            recipientKind: target.kind,
            recipientRef: target.ref,
            templateKey: notice.templateKey,
            subject,
            body,
            urgent: notice.urgent,
            idempotencyKey: `${message.id}:${notice.noticeKey ?? '-'}:${target.channel}:${target.ref}`,
            ...(refused ? { status: 'dead' as const, lastError: refused } : {}),
          }),
        );
      }
    }
    return rows;
  }

  private row(message: OutboxMessage, values: Partial<Delivery>): Partial<Delivery> {
    const now = this.clock.now();
    return {
      id: newId(),
      tenantId: message.tenantId,
      sourceId: message.id,
      status: 'pending',
      attempts: 0,
      urgent: false,
      noticeKey: null,
      templateKey: null,
      subject: null,
      nextAttemptAt: now,
      updatedAt: now,
      ...values,
    };
  }

  /** Insert, ignoring rows whose idempotency key exists (a redelivered outbox row). */
  private async insert(manager: EntityManager, rows: Partial<Delivery>[]): Promise<void> {
    if (!rows.length) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(Delivery)
      .values(rows as never)
      .orIgnore()
      .execute();
  }

  /**
   * People and channels for a recipient. A customer gets a channel only if they left that contact (checked without
   * decrypting); staff get e-mail and in-app (no SMS: user accounts carry no phone).
   */
  private async targets(
    complaint: Complaint,
    recipient: NoticeRecipient,
    channels: string[],
  ): Promise<{ channel: DeliveryChannel; kind: RecipientKind; ref: string }[]> {
    const wanted = channels.filter((c): c is DeliveryChannel => ['email', 'sms', 'in_app'].includes(c));
    if (recipient.kind === 'customer') {
      const customer = await this.customers.find(complaint.tenantId, recipient.customerId ?? complaint.customerId);
      if (!customer) return [];
      return wanted
        .filter((c) => (c === 'email' && customer.emailEnc) || (c === 'sms' && customer.phoneEnc))
        .map((channel) => ({ channel, kind: 'customer' as const, ref: customer.id }));
    }
    const users = await this.staff(complaint, recipient);
    const out: { channel: DeliveryChannel; kind: RecipientKind; ref: string }[] = [];
    for (const user of users) {
      for (const channel of wanted) {
        if (channel === 'sms') continue;
        if (user.id) out.push({ channel, kind: 'user', ref: user.id });
        else if (channel === 'email') out.push({ channel, kind: 'email', ref: user.email });
      }
    }
    return out;
  }

  private async staff(complaint: Complaint, recipient: NoticeRecipient): Promise<{ id: string | null; email: string }[]> {
    const tenantId = complaint.tenantId;
    if (recipient.kind === 'user') {
      if (recipient.userId) {
        const user = await this.users.find(tenantId, recipient.userId);
        return user?.active ? [{ id: user.id, email: user.email }] : [];
      }
      const email = String(recipient.email ?? '').toLowerCase();
      const user = email ? await this.users.findByEmail(tenantId, email) : null;
      return user ? (user.active ? [{ id: user.id, email: user.email }] : []) : email ? [{ id: null, email }] : [];
    }
    if (recipient.kind === 'department') {
      const policy = await this.policies.getVersion(tenantId, complaint.policyVersion);
      const members = policy.document.teams
        .filter((t) => t.departmentKey === recipient.department)
        .flatMap((t) => t.members.map((m) => m.toLowerCase()));
      if (members.length) {
        const users = await this.users.activeByEmails(tenantId, members);
        if (users.length) return users.map((u) => ({ id: u.id, email: u.email }));
      }
      return this.staff(complaint, { kind: 'role', role: Role.manager });
    }
    const role = recipient.role ?? Role.manager;
    if (!(Object.values(Role) as string[]).includes(role)) return [];
    const users = await this.users.list(tenantId, { role: role as Role, active: true });
    return users.map((u) => ({ id: u.id, email: u.email }));
  }
}

/** Text of a notice that has no template: what happened, to which complaint. */
function defaultBody(topic: string, complaint: Complaint, p: Record<string, unknown>): string {
  const n = complaint.number;
  const explanation = p.explanation ? `：${String(p.explanation)}` : '';
  if (topic.startsWith('escalation.breach') || topic === 'sla.breached') return `投诉 ${n} 已超过处理时限${explanation}`;
  if (topic.startsWith('escalation.warning') || topic === 'sla.warning') return `投诉 ${n} 即将到期${explanation}`;
  if (topic.startsWith('escalation.')) return `投诉 ${n} 已升级${explanation}`;
  if (topic === 'complaint.routed') return `投诉 ${n} 已分派给您，请及时处理。`;
  if (topic === 'approval.requested') return `投诉 ${n} 的处理方案等待您审批。`;
  return `投诉 ${n}：${topic}`;
}

function defaultSubject(topic: string, complaint: Complaint, p: Record<string, unknown>): string {
  return defaultBody(topic, complaint, { ...p, explanation: undefined }).replace(/[，。].*$/, '');
}

/** The in-app kind of a delivery's topic. */
export function inAppKind(topic: string): string {
  if (topic === 'complaint.routed') return 'assigned';
  if (topic === 'approval.requested') return 'approval';
  if (topic.includes('warning')) return 'warning';
  if (topic.includes('breach')) return 'breach';
  return 'notice';
}
