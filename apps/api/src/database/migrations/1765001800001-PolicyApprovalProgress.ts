import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columnTypes } from '../column-types';

/**
 * policy_version.approval: where a version waiting for approval stands in the publishing chain of the policy in
 * force (issue 18: N signatures before a policy version is published) — the step and every signature so far.
 */
export class PolicyApprovalProgress1765001800001 implements MigrationInterface {
  name = 'PolicyApprovalProgress1765001800001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('policy_version', new TableColumn(columnTypes(queryRunner).json('approval', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('policy_version', 'approval');
  }
}
