import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnTypes } from '../column-types';

export class Analytics1764300517203 implements MigrationInterface {
  name = 'Analytics1764300517203';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'analytics_alert',
        columns: [
          c.id(),
          c.tenant(),
          c.text('kind', false, 32),
          c.text('dimension', false, 32),
          c.text('key', false, 128),
          c.text('day', false, 10),
          { ...c.text('status', false, 16), default: "'open'" },
          c.text('message'),
          c.json('evidence'),
          c.createdAt(),
          c.time('raised_at'),
          c.ref('acknowledged_by', true),
          c.time('acknowledged_at', true),
        ],
        indices: [
          { name: 'uq_analytics_alert', columnNames: ['tenant_id', 'dimension', 'key', 'day'], isUnique: true },
          { name: 'ix_analytics_alert_status', columnNames: ['tenant_id', 'status', 'created_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'weekly_report',
        columns: [
          c.id(),
          c.tenant(),
          c.text('week_start', false, 10),
          c.text('time_zone', false, 64),
          c.json('content'),
          c.createdAt(),
          c.time('generated_at'),
        ],
        indices: [{ name: 'uq_weekly_report', columnNames: ['tenant_id', 'week_start'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'export_job',
        columns: [
          c.id(),
          c.tenant(),
          c.ref('requested_by', true),
          c.text('requested_role', false, 32),
          c.text('source', false, 32),
          c.text('format', false, 8),
          c.json('params'),
          c.text('status', false, 16),
          { name: 'progress', type: 'real', default: '0' },
          c.int('row_count', true),
          c.text('file_name', true, 200),
          c.text('error', true),
          c.createdAt(),
          c.time('requested_at'),
          c.time('finished_at', true),
          c.time('expires_at'),
        ],
        indices: [{ name: 'ix_export_job_tenant', columnNames: ['tenant_id', 'created_at'] }],
      }),
    );
    // Statistics scan one tenant's period: on PostgreSQL a covering index answers the grouped counts from the index
    // alone (index-only scan); SQLite has no INCLUDE, so the key columns carry the grouping fields there.
    if (c.pg) {
      await queryRunner.query(`CREATE INDEX ix_complaint_stats ON complaint (tenant_id, received_at)
        INCLUDE (type_key, channel, severity, department, state, valid, satisfaction, cause, predicted_cause)`);
    } else {
      await queryRunner.createIndex(
        'complaint',
        new TableIndex({ name: 'ix_complaint_stats', columnNames: ['tenant_id', 'received_at', 'type_key', 'state'] }),
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('complaint', 'ix_complaint_stats');
    for (const table of ['export_job', 'weekly_report', 'analytics_alert']) await queryRunner.dropTable(table);
  }
}
