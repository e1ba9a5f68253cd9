import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columnTypes } from '../column-types';

export class Complaints1764100000000 implements MigrationInterface {
  name = 'Complaints1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'customer',
        columns: [
          c.id(),
          c.tenant(),
          c.text('name_enc', true),
          c.text('phone_enc', true),
          c.text('email_enc', true),
          c.text('id_number_enc', true),
          c.text('reference_enc', true),
          c.text('phone_hash', true, 64),
          c.text('email_hash', true, 64),
          c.text('id_number_hash', true, 64),
          c.text('reference_hash', true, 64),
          c.createdAt(),
        ],
        indices: [
          { name: 'ix_customer_phone', columnNames: ['tenant_id', 'phone_hash'] },
          { name: 'ix_customer_idnum', columnNames: ['tenant_id', 'id_number_hash'] },
          { name: 'ix_customer_ref', columnNames: ['tenant_id', 'reference_hash'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'complaint',
        columns: [
          c.id(),
          c.tenant(),
          c.text('number', false, 32),
          c.text('idempotency_key', true, 128),
          c.text('channel', false, 64),
          c.text('type_key', false, 128),
          c.text('kind', false, 16),
          c.text('title', true, 300),
          c.text('text'),
          c.text('requested_remedy', true),
          c.text('reference', true, 128),
          c.time('occurred_at', true),
          c.time('received_at'),
          c.json('form'),
          c.json('attachments'),
          c.ref('customer_id'),
          c.text('state', false, 32),
          c.bool('valid', true),
          c.text('invalid_reason', true, 128),
          c.text('severity', false, 64),
          c.text('department', true, 128),
          c.text('team', true, 128),
          c.ref('assignee_id', true),
          c.ref('first_contact_id', true),
          c.text('sla_policy', true, 128),
          c.int('policy_version'),
          c.json('facts'),
          c.text('cause', true, 128),
          c.text('predicted_cause', true, 128),
          { name: 'predicted_confidence', type: 'real', isNullable: true },
          c.text('satisfaction', true, 16),
          c.int('satisfaction_score', true),
          c.int('unsatisfied_count', false, 0),
          c.int('reopen_count', false, 0),
          c.time('resolution_due_at', true),
          { ...c.text('sla_status', false, 16), default: "'on_time'" },
          c.text('approval_status', true, 16),
          c.json('pending_reply', true),
          c.createdAt(),
          c.time('updated_at'),
          c.time('responded_at', true),
          c.time('closed_at', true),
          c.int('version'),
        ],
        indices: [
          { name: 'uq_complaint_number', columnNames: ['tenant_id', 'number'], isUnique: true },
          { name: 'uq_complaint_idempotency', columnNames: ['tenant_id', 'idempotency_key'], isUnique: true },
          { name: 'ix_complaint_queue', columnNames: ['tenant_id', 'state', 'resolution_due_at'] },
          { name: 'ix_complaint_customer', columnNames: ['tenant_id', 'customer_id', 'received_at'] },
          { name: 'ix_complaint_type', columnNames: ['tenant_id', 'type_key', 'received_at'] },
          { name: 'ix_complaint_department', columnNames: ['tenant_id', 'department', 'state'] },
          { name: 'ix_complaint_assignee', columnNames: ['tenant_id', 'assignee_id', 'state'] },
          { name: 'ix_complaint_received', columnNames: ['tenant_id', 'received_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'complaint_event',
        columns: [
          c.id(),
          c.tenant(),
          c.ref('complaint_id'),
          c.int('seq'),
          c.text('type', false, 64),
          c.ref('actor_id', true),
          c.text('actor_role', true, 32),
          c.json('data'),
          c.createdAt(),
          c.time('occurred_at'),
        ],
        indices: [{ name: 'ix_complaint_event', columnNames: ['complaint_id', 'seq'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'complaint_task',
        columns: [
          c.id(),
          c.tenant(),
          c.ref('complaint_id'),
          c.text('department', false, 128),
          c.ref('assignee_id', true),
          c.text('title', false, 300),
          { ...c.text('state', false, 16), default: "'open'" },
          c.text('result', true),
          c.createdAt(),
          c.time('completed_at', true),
        ],
        indices: [{ name: 'ix_complaint_task', columnNames: ['tenant_id', 'complaint_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'complaint_reply',
        columns: [
          c.id(),
          c.tenant(),
          c.ref('complaint_id'),
          c.text('template_key', true, 128),
          c.text('channel', false, 64),
          c.text('subject', true, 300),
          c.text('body'),
          c.ref('sent_by', true),
          c.ref('approved_by', true),
          c.createdAt(),
        ],
        indices: [{ name: 'ix_complaint_reply', columnNames: ['tenant_id', 'complaint_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'complaint_counter',
        columns: [{ ...c.tenant(), isPrimary: true }, { ...c.text('period', false, 16), isPrimary: true }, c.int('last_value')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'outbox_message',
        columns: [
          c.id(),
          c.tenant(),
          c.text('kind', false, 64),
          c.text('topic', false, 128),
          c.json('payload'),
          c.ref('complaint_id', true),
          c.text('dedupe_key', true, 255),
          { ...c.text('status', false, 16), default: "'pending'" },
          c.int('attempts', false, 0),
          c.time('next_attempt_at'),
          c.text('last_error', true),
          c.createdAt(),
          c.time('delivered_at', true),
        ],
        indices: [
          { name: 'ix_outbox_due', columnNames: ['status', 'next_attempt_at'] },
          { name: 'uq_outbox_dedupe', columnNames: ['tenant_id', 'dedupe_key'], isUnique: true },
          { name: 'ix_outbox_complaint', columnNames: ['tenant_id', 'complaint_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'outbox_message',
      'complaint_counter',
      'complaint_reply',
      'complaint_task',
      'complaint_event',
      'complaint',
      'customer',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
