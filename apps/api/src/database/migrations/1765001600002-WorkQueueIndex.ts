import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The department work queue (`complaints(filter: { department, open: true }, orderBy: RESOLUTION_DUE_ASC)`): open
 * complaints of one department, soonest deadline first, complaints without a deadline last, then by number. A partial
 * index over the open complaints only, in that order (`resolution_due_at ASC NULLS LAST`: PostgreSQL's default order
 * of an ascending index; SQLite reads its index twice, the deadlines and then the NULLs), so the first page is an
 * index range read however many complaints are closed, and the total an index-only count of the department's open ones.
 *
 * The predicate must stay textually the one `ComplaintService.applyFilter` writes for `open` (literal states): both
 * planners prove a partial index by matching it. Plain columns only — an expression column would be lost (as a column
 * named "null") when TypeORM rebuilds the complaint table on SQLite for a later `changeColumn`.
 */
export class WorkQueueIndex1765001600002 implements MigrationInterface {
  name = 'WorkQueueIndex1765001600002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'complaint',
      new TableIndex({
        name: 'ix_complaint_work_queue',
        columnNames: ['tenant_id', 'department', 'resolution_due_at', 'number'],
        where: "state NOT IN ('closed', 'invalid_closed')",
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('complaint', 'ix_complaint_work_queue');
  }
}
