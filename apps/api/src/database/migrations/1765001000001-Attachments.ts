import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columnTypes } from '../column-types';

/** Attachments (the attachment module's table) and the portal's access codes, one-time codes and rate-limit counters. */
export class Attachments1765001000001 implements MigrationInterface {
  name = 'Attachments1765001000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'attachment',
        columns: [
          c.id(),
          c.tenant(),
          c.ref('complaint_id', true),
          c.text('filename', false, 200),
          c.text('mime_type', false, 128),
          c.int('size'),
          c.text('sha256', false, 64),
          c.text('storage_key', false, 300),
          c.text('thumbnail_key', true, 300),
          c.text('source', false, 16),
          c.ref('uploaded_by', true),
          c.createdAt(),
          c.time('claimed_at', true),
        ],
        indices: [
          { name: 'ix_attachment_complaint', columnNames: ['tenant_id', 'complaint_id'] },
          { name: 'ix_attachment_pending', columnNames: ['tenant_id', 'created_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'portal_access',
        columns: [c.id(), c.tenant(), c.ref('complaint_id'), c.text('number', false, 32), c.text('code_hash', false, 128), c.createdAt()],
        indices: [{ name: 'uq_portal_access', columnNames: ['tenant_id', 'number'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'portal_code',
        columns: [c.id(), c.tenant(), c.ref('complaint_id'), c.text('code_hash', false, 128), c.time('expires_at'), c.createdAt()],
        indices: [{ name: 'ix_portal_code', columnNames: ['tenant_id', 'complaint_id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'portal_rate',
        columns: [{ name: 'key', type: 'varchar', length: '200', isPrimary: true }, c.bigint('window_started_ms'), c.int('hits')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('portal_rate');
    await queryRunner.dropTable('portal_code');
    await queryRunner.dropTable('portal_access');
    await queryRunner.dropTable('attachment');
  }
}
