import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columnTypes } from '../column-types';

/**
 * complaint.pending_closure: a closure waiting for the signatures of the policy's `closure` approval chain (issue 18):
 * the transition asked for, its reason, who asked, and the chain's progress. Null when no closure is waiting.
 */
export class PendingClosure1765001800003 implements MigrationInterface {
  name = 'PendingClosure1765001800003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('complaint', new TableColumn(columnTypes(queryRunner).json('pending_closure', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('complaint', 'pending_closure');
  }
}
