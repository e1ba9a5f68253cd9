import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columnTypes } from '../column-types';

/** Deliveries (e-mail, SMS, webhooks, in-app), per-tenant channel settings, webhook subscriptions, staff notifications. */
export class Notifications1765000500001 implements MigrationInterface {
  name = 'Notifications1765000500001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'delivery',
        columns: [
          c.id(),
          c.tenant(),
          c.ref('complaint_id', true),
          c.ref('source_id', true),
          c.text('topic', false, 128),
          c.text('notice_key', true, 120),
          c.text('channel', false, 16),
          c.text('recipient_kind', false, 16),
          c.text('recipient_ref', false, 254),
          c.text('recipient', true, 254),
          c.text('template_key', true, 120),
          c.text('subject', true),
          c.text('body'),
          c.bool('urgent'),
          { ...c.text('status', false, 16), default: "'pending'" },
          c.int('attempts', false, 0),
          c.text('provider_message_id', true, 255),
          c.text('last_error', true),
          c.text('idempotency_key', false, 255),
          c.time('next_attempt_at'),
          c.time('sent_at', true),
          c.createdAt(),
          c.time('updated_at'),
        ],
        indices: [
          { name: 'ux_delivery_idempotency', columnNames: ['tenant_id', 'idempotency_key'], isUnique: true },
          { name: 'ix_delivery_due', columnNames: ['status', 'next_attempt_at'] },
          { name: 'ix_delivery_complaint', columnNames: ['tenant_id', 'complaint_id'] },
          { name: 'ix_delivery_created', columnNames: ['tenant_id', 'created_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'channel_setting',
        columns: [
          c.id(),
          c.tenant(),
          c.text('channel', false, 16),
          c.bool('enabled', true),
          c.json('config'),
          c.text('secret_enc', true),
          c.time('updated_at'),
        ],
        indices: [{ name: 'ux_channel_setting', columnNames: ['tenant_id', 'channel'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'webhook_subscription',
        columns: [
          c.id(),
          c.tenant(),
          c.text('url', false, 2000),
          c.json('events'),
          c.text('secret_enc'),
          c.bool('active', true),
          c.int('consecutive_failures', false, 0),
          c.text('disabled_reason', true),
          c.time('disabled_at', true),
          c.text('description', true, 500),
          c.createdAt(),
        ],
        indices: [{ name: 'ix_webhook_subscription', columnNames: ['tenant_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'staff_notification',
        columns: [
          c.id(),
          c.tenant(),
          c.ref('user_id'),
          c.text('kind', false, 32),
          c.text('title', false, 500),
          c.text('body', true),
          c.ref('complaint_id', true),
          c.ref('delivery_id', true),
          c.time('read_at', true),
          c.createdAt(),
        ],
        indices: [{ name: 'ix_staff_notification_user', columnNames: ['tenant_id', 'user_id', 'read_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['staff_notification', 'webhook_subscription', 'channel_setting', 'delivery']) await queryRunner.dropTable(table);
  }
}
