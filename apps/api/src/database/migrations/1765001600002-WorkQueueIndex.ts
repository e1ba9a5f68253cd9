import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The department work queue (`complaints(filter: { department, open: true }, orderBy: RESOLUTION_DUE_ASC)`): open
 * complaints of one department, soonest deadline first, complaints without a deadline last, then by number. A partial
 * index over the open complaints only, in exactly that order, so the first page is an index range read however many
 * complaints are closed, and the total an index-only count of the department's open ones.
 *
 * Raw SQL because the QueryRunner index API has neither expression columns nor (on SQLite) partial predicates; the
 * statement is the same on SQLite and PostgreSQL. The predicate and the expression must stay identical to the ones
 * `ComplaintService.applyFilter` / `list` write, or the planners (which match them textually) skip the index.
 */
export class WorkQueueIndex1765001600002 implements MigrationInterface {
  name = 'WorkQueueIndex1765001600002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX ix_complaint_work_queue ON complaint (tenant_id, department, (resolution_due_at IS NULL), resolution_due_at, number)
      WHERE state NOT IN ('closed', 'invalid_closed')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX ix_complaint_work_queue');
  }
}
