import { defineErrors } from '../../common/errors/app-error';

export const NotificationErrors = defineErrors({
  DELIVERY_NOT_FOUND: { category: 'NOT_FOUND', zh: '未找到该投递记录', en: 'Delivery not found' },
  NOT_RETRYABLE: {
    category: 'CONFLICT',
    zh: '只有失败或已放弃的投递可以重试（当前：{status}）',
    en: 'Only failed or dead deliveries can be retried (this one is {status})',
  },
  INVALID_SETTING: { category: 'BAD_USER_INPUT', zh: '设置有误：{message}', en: 'Invalid setting: {message}' },
  SUBSCRIPTION_NOT_FOUND: { category: 'NOT_FOUND', zh: '未找到该 Webhook 订阅', en: 'Webhook subscription not found' },
  INVALID_URL: { category: 'BAD_USER_INPUT', zh: 'Webhook 地址必须是 http(s) URL', en: 'The webhook URL must be an http(s) URL' },
  UNKNOWN_EVENT: { category: 'BAD_USER_INPUT', zh: '未知的事件类型：{event}', en: 'Unknown event type: {event}' },
  NOTIFICATION_NOT_FOUND: { category: 'NOT_FOUND', zh: '未找到该通知', en: 'Notification not found' },
});

/**
 * A delivery that cannot go out yet for a reason that will pass (no SMTP settings, quiet hours, subscription
 * disabled): it stays pending with the reason, and is tried again at `until` — not counted as an attempt.
 */
export class DeliveryDeferred extends Error {
  constructor(
    readonly reason: string,
    readonly until: Date,
  ) {
    super(reason);
  }
}

/** A delivery that can never succeed as it is (invalid address, internal template to a customer): dead at once. */
export class DeliveryRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}
