import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columnTypes } from '../column-types';

/** SLA clocks (one row per target of a complaint) and deadline-extension requests. */
export class SlaClocks1764100900731 implements MigrationInterface {
  name = 'SlaClocks1764100900731';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'sla_clock',
        columns: [
          c.id(),
          c.tenant(),
          c.ref('complaint_id'),
          c.int('policy_version'),
          c.text('sla_policy', false, 128),
          c.text('target', false, 64),
          c.text('state', false, 16),
          c.time('started_at'),
          c.time('due_at'),
          c.time('warn_at', true),
          c.time('paused_at', true),
          { ...c.float('paused_minutes', false), default: '0' },
          c.json('pauses', true),
          c.json('duration'),
          c.int('warn_percent', false, 80),
          c.text('on_non_working_day', false, 48),
          c.text('calendar', false, 64),
          c.json('extensions'),
          c.time('warned_at', true),
          c.time('breached_at', true),
          c.time('met_at', true),
          c.time('stopped_at', true),
          c.int('recurring_count', false, 0),
          c.int('breach_count', false, 0),
          c.time('next_fire_at', true),
          c.createdAt(),
          c.time('updated_at'),
        ],
        indices: [
          { name: 'ix_sla_clock_complaint', columnNames: ['tenant_id', 'complaint_id'] },
          // The scheduler's only scan: cost follows the clocks falling due, not the clocks open.
          { name: 'ix_sla_clock_next_fire', columnNames: ['next_fire_at'] },
          { name: 'ix_sla_clock_kpi', columnNames: ['tenant_id', 'stopped_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sla_extension_request',
        columns: [
          c.id(),
          c.tenant(),
          c.ref('complaint_id'),
          c.ref('clock_id'),
          c.text('target', false, 64),
          c.int('stage'),
          c.text('reason'),
          c.text('approval_role', false, 32),
          c.text('status', false, 16),
          c.ref('requested_by', true),
          c.ref('decided_by', true),
          c.time('requested_at'),
          c.time('decided_at', true),
        ],
        indices: [{ name: 'ix_sla_extension_request', columnNames: ['tenant_id', 'complaint_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('sla_extension_request');
    await queryRunner.dropTable('sla_clock');
  }
}
