import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columnTypes } from '../column-types';

/**
 * Free text is stored encrypted (ops/privacy/free-text-at-rest.ts): the ciphertext of a 300-character title or
 * subject is ~4× longer, so the two bounded columns become unbounded text (PostgreSQL enforced the bound).
 * The length limits stay where they always were: input validation.
 */
export class FreeTextAtRest1765001100001 implements MigrationInterface {
  name = 'FreeTextAtRest1765001100001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.changeColumn('complaint', 'title', new TableColumn(c.text('title', true)));
    await queryRunner.changeColumn('complaint_reply', 'subject', new TableColumn(c.text('subject', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.changeColumn('complaint', 'title', new TableColumn(c.text('title', true, 300)));
    await queryRunner.changeColumn('complaint_reply', 'subject', new TableColumn(c.text('subject', true, 300)));
  }
}
