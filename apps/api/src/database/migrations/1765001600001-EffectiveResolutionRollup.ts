import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columnTypes } from '../column-types';

/**
 * Effective resolution joins the daily statistics rollup: each day row counts its resolved complaints that had no
 * repeat within the repeat window, and the state row remembers the window it was counted with (a policy that
 * changes the window rebuilds the rollup). Existing rollups have no such count yet: their watermark is cleared, so the
 * next refresh rebuilds them.
 */
export class EffectiveResolutionRollup1765001600001 implements MigrationInterface {
  name = 'EffectiveResolutionRollup1765001600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.addColumn('complaint_daily_stats', new TableColumn(c.int('effectively_resolved', false, 0)));
    await queryRunner.addColumn('complaint_stats_rollup_state', new TableColumn(c.int('repeat_window_days', true)));
    await queryRunner.query('UPDATE complaint_stats_rollup_state SET watermark = NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('complaint_stats_rollup_state', 'repeat_window_days');
    await queryRunner.dropColumn('complaint_daily_stats', 'effectively_resolved');
  }
}
