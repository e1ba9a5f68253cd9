import { MAX_PAGE_SIZE } from '../../common/page-size.pipe';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Auth, Roles } from '../../common/auth/decorators';
import { Role, STAFF_ROLES } from '../../common/auth/roles';
import type { AuthContext } from '../../common/auth/auth-context';
import { ChannelSettingsService, type EmailConfig, type SmsConfig } from './channel-settings.service';
import { DeliveryService } from './delivery.service';
import { NotificationService } from './notification.service';
import {
  CreatedWebhookSubscription,
  DeliveryFilterInput,
  DeliveryPage,
  DeliveryView,
  EmailSettingsType,
  EmailSettingsView,
  ReplayDeliveriesInput,
  SmsSettingsType,
  SmsSettingsView,
  StaffNotificationView,
  WebhookSubscriptionInput,
  WebhookSubscriptionUpdate,
  WebhookSubscriptionView,
} from './notification.types';

/** Deliveries (what left, to whom, with what outcome), channel settings, webhooks and the staff's bell. */
@Resolver()
export class NotificationResolver {
  constructor(
    private readonly deliveryService: DeliveryService,
    private readonly settings: ChannelSettingsService,
    private readonly notifications: NotificationService,
  ) {}

  @Roles(Role.admin, Role.manager, Role.handler, Role.agent, Role.auditor)
  @Query(() => DeliveryPage, {
    description: 'Deliveries, newest first, filtered by complaint, channel, status, topic, recipient and time.',
  })
  async deliveries(
    @Auth() auth: AuthContext,
    @Args('filter', { nullable: true }) filter?: DeliveryFilterInput,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('offset', { type: () => Int, nullable: true }) offset?: number,
  ): Promise<DeliveryPage> {
    return this.deliveryService.list(
      auth.tenantId,
      filter ?? {},
      Math.min(Math.max(first ?? 50, 1), MAX_PAGE_SIZE),
      Math.max(offset ?? 0, 0),
    );
  }

  @Roles(Role.admin)
  @Mutation(() => DeliveryView, { description: 'Sends a failed or dead delivery again, with a fresh set of attempts.' })
  retryDelivery(@Auth() auth: AuthContext, @Args('id', { type: () => ID }) id: string): Promise<DeliveryView> {
    return this.deliveryService.retry(auth.tenantId, id);
  }

  @Roles(Role.admin)
  @Mutation(() => Int, {
    description: 'Sends the matching deliveries again (default: the dead ones), same idempotency keys. Returns how many.',
  })
  replayDeliveries(@Auth() auth: AuthContext, @Args('input') input: ReplayDeliveriesInput): Promise<number> {
    return this.deliveryService.replay(auth.tenantId, input);
  }

  @Roles(Role.admin)
  @Query(() => EmailSettingsView, { nullable: true, description: 'SMTP settings (the password is never returned).' })
  async emailSettings(@Auth() auth: AuthContext): Promise<EmailSettingsView | null> {
    const stored = await this.settings.get(auth.tenantId, 'email');
    return stored ? { ...stored.config, enabled: stored.enabled, hasPassword: stored.hasSecret } : null;
  }

  @Roles(Role.admin)
  @Mutation(() => EmailSettingsView, {
    description: 'Saves SMTP settings; password omitted keeps the stored one, empty clears it. Waiting e-mails go out.',
  })
  async updateEmailSettings(
    @Auth() auth: AuthContext,
    @Args('input') input: EmailSettingsType,
    @Args('password', { nullable: true }) password?: string,
  ): Promise<EmailSettingsView | null> {
    const { enabled, ...config } = input;
    await this.settings.set(auth.tenantId, 'email', { ...config } as EmailConfig, enabled, password);
    await this.deliveryService.wake(auth.tenantId, { channel: 'email' });
    return this.emailSettings(auth);
  }

  @Roles(Role.admin)
  @Query(() => SmsSettingsView, { nullable: true })
  async smsSettings(@Auth() auth: AuthContext): Promise<SmsSettingsView | null> {
    const stored = await this.settings.get(auth.tenantId, 'sms');
    return stored ? { ...stored.config, enabled: stored.enabled, hasSecret: stored.hasSecret } : null;
  }

  @Roles(Role.admin)
  @Mutation(() => SmsSettingsView, { description: 'Saves the SMS provider (generic HTTP adapter); secret omitted keeps the stored one.' })
  async updateSmsSettings(
    @Auth() auth: AuthContext,
    @Args('input') input: SmsSettingsType,
    @Args('secret', { nullable: true }) secret?: string,
  ): Promise<SmsSettingsView | null> {
    const { enabled, ...config } = input;
    await this.settings.set(
      auth.tenantId,
      'sms',
      { ...config, quietHours: config.quietHours ? { ...config.quietHours } : null } as SmsConfig,
      enabled,
      secret,
    );
    await this.deliveryService.wake(auth.tenantId, { channel: 'sms' });
    return this.smsSettings(auth);
  }

  @Roles(Role.admin)
  @Query(() => [WebhookSubscriptionView])
  webhookSubscriptions(@Auth() auth: AuthContext): Promise<WebhookSubscriptionView[]> {
    return this.notifications.subscriptions(auth.tenantId);
  }

  @Roles(Role.admin)
  @Mutation(() => CreatedWebhookSubscription, {
    description: 'Subscribes a URL to domain events; the signing secret is returned this once.',
  })
  createWebhookSubscription(
    @Auth() auth: AuthContext,
    @Args('input') input: WebhookSubscriptionInput,
  ): Promise<CreatedWebhookSubscription> {
    return this.notifications.createSubscription(auth.tenantId, input);
  }

  @Roles(Role.admin)
  @Mutation(() => WebhookSubscriptionView, { description: 'Changes a subscription; active: true re-enables it and sends what waited.' })
  updateWebhookSubscription(
    @Auth() auth: AuthContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: WebhookSubscriptionUpdate,
  ): Promise<WebhookSubscriptionView> {
    return this.notifications.updateSubscription(auth.tenantId, id, input);
  }

  @Roles(Role.admin)
  @Mutation(() => Boolean)
  deleteWebhookSubscription(@Auth() auth: AuthContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.notifications.deleteSubscription(auth.tenantId, id);
  }

  @Roles(...STAFF_ROLES, Role.analyst, Role.expert, Role.auditor)
  @Query(() => [StaffNotificationView], { description: 'The caller’s in-app notices, newest first.' })
  myNotifications(
    @Auth() auth: AuthContext,
    @Args('unreadOnly', { nullable: true }) unreadOnly?: boolean,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
  ): Promise<StaffNotificationView[]> {
    return auth.userId
      ? this.notifications.myNotifications(auth.tenantId, auth.userId, Boolean(unreadOnly), first ?? 50)
      : Promise.resolve([]);
  }

  @Roles(...STAFF_ROLES, Role.analyst, Role.expert, Role.auditor)
  @Query(() => Int, { description: 'Unread in-app notices of the caller (the bell’s badge).' })
  unreadNotificationCount(@Auth() auth: AuthContext): Promise<number> {
    return auth.userId ? this.notifications.unreadCount(auth.tenantId, auth.userId) : Promise.resolve(0);
  }

  @Roles(...STAFF_ROLES, Role.analyst, Role.expert, Role.auditor)
  @Mutation(() => Int, { description: 'Marks the given notices read (all when ids is omitted); returns how many changed.' })
  markNotificationsRead(@Auth() auth: AuthContext, @Args('ids', { type: () => [ID], nullable: true }) ids?: string[]): Promise<number> {
    return auth.userId ? this.notifications.markRead(auth.tenantId, auth.userId, ids ?? null) : Promise.resolve(0);
  }
}
