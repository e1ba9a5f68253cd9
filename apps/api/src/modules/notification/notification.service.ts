import { MAX_PAGE_SIZE } from '../../common/page-size.pipe';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource, In, IsNull } from 'typeorm';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import { PersonalDataCipher } from '../../common/crypto/personal-data';
import { StaffNotification, WebhookSubscription } from './notification.entity';
import { NotificationErrors } from './notification.exception';
import { DeliveryService } from './delivery.service';

/** Event types a webhook may subscribe to (the domain events in the outbox). */
export const WEBHOOK_EVENTS = [
  'complaint.submitted',
  'complaint.assessed',
  'complaint.routed',
  'complaint.transitioned',
  'complaint.replied',
  'complaint.closed',
  'sla.warning',
  'sla.breached',
  '*',
];

/** Webhook subscriptions and the staff's in-app notices. */
@Injectable()
export class NotificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly clock: Clock,
    private readonly deliveries: DeliveryService,
  ) {}

  private checkSubscription(url: string, events: string[]): void {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw NotificationErrors.create('INVALID_URL', { field: 'input.url' });
    }
    if (!['http:', 'https:'].includes(parsed.protocol)) throw NotificationErrors.create('INVALID_URL', { field: 'input.url' });
    const unknown = events.find((e) => !WEBHOOK_EVENTS.includes(e));
    if (unknown || !events.length)
      throw NotificationErrors.create('UNKNOWN_EVENT', { field: 'input.events', params: { event: unknown ?? '(none)' } });
  }

  subscriptions(tenantId: string): Promise<WebhookSubscription[]> {
    return this.dataSource.getRepository(WebhookSubscription).find({ where: { tenantId }, order: { createdAt: 'ASC' } });
  }

  /** Creates a subscription; the signing secret is returned this once (stored encrypted). */
  async createSubscription(
    tenantId: string,
    input: { url: string; events: string[]; description?: string | null },
  ): Promise<{ subscription: WebhookSubscription; secret: string }> {
    this.checkSubscription(input.url, input.events);
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const subscription = this.dataSource.getRepository(WebhookSubscription).create({
      id: newId(),
      tenantId,
      url: input.url,
      events: [...new Set(input.events)],
      secretEnc: this.cipher.encrypt(secret),
      active: true,
      consecutiveFailures: 0,
      description: input.description ?? null,
      disabledReason: null,
      disabledAt: null,
    });
    await this.dataSource.getRepository(WebhookSubscription).insert(subscription);
    return { subscription, secret };
  }

  /** Changes url/events or (re-)enables / disables; enabling sends what waited meanwhile, at once. */
  async updateSubscription(
    tenantId: string,
    id: string,
    input: { url?: string | null; events?: string[] | null; active?: boolean | null },
  ): Promise<WebhookSubscription> {
    const repo = this.dataSource.getRepository(WebhookSubscription);
    const row = await repo.findOne({ where: { id, tenantId } });
    if (!row) throw NotificationErrors.create('SUBSCRIPTION_NOT_FOUND', { field: 'id' });
    this.checkSubscription(input.url ?? row.url, input.events ?? row.events);
    const enabling = input.active === true && !row.active;
    await repo.update(
      { id },
      {
        url: input.url ?? row.url,
        events: input.events ?? row.events,
        active: input.active ?? row.active,
        ...(enabling ? { consecutiveFailures: 0, disabledReason: null, disabledAt: null } : {}),
        ...(input.active === false && row.active ? { disabledReason: 'disabled by an administrator', disabledAt: this.clock.now() } : {}),
      },
    );
    if (enabling) await this.deliveries.wake(tenantId, { recipientRef: id });
    return (await repo.findOne({ where: { id } }))!;
  }

  async deleteSubscription(tenantId: string, id: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(WebhookSubscription).delete({ id, tenantId });
    if (!result.affected) throw NotificationErrors.create('SUBSCRIPTION_NOT_FOUND', { field: 'id' });
    return true;
  }

  myNotifications(tenantId: string, userId: string, unreadOnly: boolean, first: number): Promise<StaffNotification[]> {
    return this.dataSource.getRepository(StaffNotification).find({
      where: { tenantId, userId, ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC' },
      take: Math.min(Math.max(first, 1), MAX_PAGE_SIZE),
    });
  }

  unreadCount(tenantId: string, userId: string): Promise<number> {
    return this.dataSource.getRepository(StaffNotification).count({ where: { tenantId, userId, readAt: IsNull() } });
  }

  /** Marks the given notices (or all) of the caller read; returns how many changed. */
  async markRead(tenantId: string, userId: string, ids: string[] | null): Promise<number> {
    const qb = this.dataSource
      .getRepository(StaffNotification)
      .createQueryBuilder()
      .update()
      .set({ readAt: this.clock.now() })
      .where('tenant_id = :tenantId AND user_id = :userId AND read_at IS NULL', { tenantId, userId });
    if (ids) {
      if (!ids.length) return 0;
      qb.andWhere({ id: In(ids) });
    }
    return (await qb.execute()).affected ?? 0;
  }
}
