import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columnTypes } from '../column-types';

/**
 * sla_extension_request.approval: where a deadline-extension request stands in the policy's `extension` approval
 * chain (issue 18), the step and the signatures so far; null for requests decided by the target's approval role alone.
 */
export class ExtensionApprovalProgress1765001800002 implements MigrationInterface {
  name = 'ExtensionApprovalProgress1765001800002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('sla_extension_request', new TableColumn(columnTypes(queryRunner).json('approval', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('sla_extension_request', 'approval');
  }
}
