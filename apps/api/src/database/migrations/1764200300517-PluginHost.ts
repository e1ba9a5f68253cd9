import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columnTypes } from '../column-types';

/** Plugin installations per tenant and the failures of plugin hooks and handlers. */
export class PluginHost1764200300517 implements MigrationInterface {
  name = 'PluginHost1764200300517';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'plugin_installation',
        columns: [
          c.id(),
          c.tenant(),
          c.text('plugin_id', false, 64),
          c.text('plugin_version', false, 32),
          c.bool('enabled'),
          c.json('preset_args'),
          c.json('settings'),
          c.time('enabled_at', true),
          c.time('disabled_at', true),
          c.time('updated_at'),
        ],
        indices: [{ name: 'ux_plugin_installation', columnNames: ['tenant_id', 'plugin_id'], isUnique: true }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'plugin_failure',
        columns: [
          c.id(),
          c.tenant(),
          c.text('plugin_id', false, 64),
          c.text('event_name', false, 64),
          c.text('phase', false, 16),
          c.ref('complaint_id', true),
          c.ref('message_id', true),
          c.int('attempt', false, 1),
          c.bool('timed_out'),
          c.text('error'),
          c.time('occurred_at'),
        ],
        indices: [{ name: 'ix_plugin_failure', columnNames: ['tenant_id', 'plugin_id', 'occurred_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('plugin_failure');
    await queryRunner.dropTable('plugin_installation');
  }
}
