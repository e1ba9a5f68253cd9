import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { columnTypes } from '../column-types';

/**
 * - complaint.request_hash: SHA-256 of the submitted input (personal values as their blind index), so a retry
 *   with the same idempotency key is told apart from a different complaint reusing the key.
 * - complaint cause indices: the "same cause in 30 days" intake fact counts by confirmed or predicted cause.
 * - sla_clock.round: a complaint handled again after an unsatisfied follow-up gets a new round of clocks; the
 *   stopped clocks of earlier rounds stay as they were (history, KPIs).
 */
export class IntakeFingerprintAndClockRounds1765000200001 implements MigrationInterface {
  name = 'IntakeFingerprintAndClockRounds1765000200001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.addColumn('complaint', new TableColumn(c.text('request_hash', true, 64)));
    await queryRunner.createIndex(
      'complaint',
      new TableIndex({ name: 'ix_complaint_cause', columnNames: ['tenant_id', 'cause', 'received_at'] }),
    );
    await queryRunner.createIndex(
      'complaint',
      new TableIndex({ name: 'ix_complaint_predicted_cause', columnNames: ['tenant_id', 'predicted_cause', 'received_at'] }),
    );
    await queryRunner.addColumn('sla_clock', new TableColumn(c.int('round', false, 1)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('sla_clock', 'round');
    await queryRunner.dropIndex('complaint', 'ix_complaint_predicted_cause');
    await queryRunner.dropIndex('complaint', 'ix_complaint_cause');
    await queryRunner.dropColumn('complaint', 'request_hash');
  }
}
