import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChannelSetting, Delivery, StaffNotification, WebhookSubscription } from './notification.entity';
import { ChannelSettingsService } from './channel-settings.service';
import { MailSender } from './mail-sender.service';
import { NoticePlanner } from './notice-planner';
import { EmailChannel, InAppChannel, RecipientDirectory, SmsChannel, WebhookChannel, type ChannelSender } from './channels';
import { CHANNEL_SENDERS, DeliveryService, DeliveryWorker } from './delivery.service';
import { NotificationService } from './notification.service';
import { NotificationResolver } from './notification.resolver';
import { EmailIntakeService } from './email-intake.service';
import { AccessMailBridge } from './access-mail';
import { CustomerModule } from '../customer/customer.module';

/**
 * Delivery as a capability (docs/notifications.md): outbox rows become deliveries (policy notice rules, escalations,
 * webhooks), a worker sends them over e-mail (SMTP), SMS (HTTP provider), webhooks and in-app, and every outcome is
 * recorded. MailSender is exported for other modules that mail; AccessMailBridge mails invitation and reset links.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Delivery, ChannelSetting, WebhookSubscription, StaffNotification]), CustomerModule],
  providers: [
    ChannelSettingsService,
    MailSender,
    NoticePlanner,
    RecipientDirectory,
    EmailChannel,
    SmsChannel,
    InAppChannel,
    WebhookChannel,
    {
      provide: CHANNEL_SENDERS,
      useFactory: (...senders: ChannelSender[]) => senders,
      inject: [EmailChannel, SmsChannel, InAppChannel, WebhookChannel],
    },
    DeliveryService,
    DeliveryWorker,
    NotificationService,
    NotificationResolver,
    EmailIntakeService,
    AccessMailBridge,
  ],
  exports: [MailSender, ChannelSettingsService, DeliveryService, DeliveryWorker, NotificationService, EmailIntakeService],
})
export class NotificationModule {}
