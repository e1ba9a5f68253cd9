import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnTypes } from '../column-types';

/** The daily statistics rollup (analytics) and the indexes its watermark refresh reads changes through. */
export class StatsRollup1764501730911 implements MigrationInterface {
  name = 'StatsRollup1764501730911';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    const keys = () => [
      c.id(),
      c.tenant(),
      c.text('day', false, 10),
      c.text('type_key', false, 128),
      c.text('cause', true, 128),
      c.text('department', true, 128),
      c.text('channel', false, 64),
      c.text('severity', false, 64),
    ];
    await queryRunner.createTable(
      new Table({
        name: 'complaint_daily_stats',
        columns: [
          ...keys(),
          c.int('received'),
          c.int('valid'),
          c.int('closed'),
          c.int('followed_up'),
          c.int('satisfied'),
          c.int('resolved'),
          c.int('responded'),
          c.float('working_minutes', false),
        ],
        indices: [{ name: 'ix_complaint_daily_stats', columnNames: ['tenant_id', 'day'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'complaint_daily_on_time',
        columns: [...keys(), c.text('target', false, 128), c.int('stopped'), c.int('met')],
        indices: [{ name: 'ix_complaint_daily_on_time', columnNames: ['tenant_id', 'day'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'complaint_stats_rollup_state',
        columns: [
          { ...c.tenant(), isPrimary: true },
          c.text('time_zone', false, 64),
          c.time('watermark', true),
          c.time('refreshed_at', true),
        ],
      }),
    );
    // The refresh finds what changed since its last run by updated_at (complaints and their SLA clocks).
    await queryRunner.createIndex('complaint', new TableIndex({ name: 'ix_complaint_updated', columnNames: ['tenant_id', 'updated_at'] }));
    await queryRunner.createIndex('sla_clock', new TableIndex({ name: 'ix_sla_clock_updated', columnNames: ['tenant_id', 'updated_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('sla_clock', 'ix_sla_clock_updated');
    await queryRunner.dropIndex('complaint', 'ix_complaint_updated');
    for (const table of ['complaint_stats_rollup_state', 'complaint_daily_on_time', 'complaint_daily_stats'])
      await queryRunner.dropTable(table);
  }
}
