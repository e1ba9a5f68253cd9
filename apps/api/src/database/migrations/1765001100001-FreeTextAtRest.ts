import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columnTypes } from '../column-types';

const WIDENED: [table: string, column: string][] = [['complaint', 'title'], ['complaint_reply', 'subject']];

/**
 * Free text is stored encrypted (ops/privacy/free-text-at-rest.ts): the ciphertext of a 300-character title or
 * subject is ~4× longer, so the two bounded columns become unbounded text (PostgreSQL enforced the bound).
 * The length limits stay where they always were: input validation.
 *
 * PostgreSQL: ALTER COLUMN … TYPE in place — TypeORM's changeColumn drops and re-adds a column whose type or length
 * changes there, which would empty it. SQLite: changeColumn rebuilds the table with its rows.
 */
export class FreeTextAtRest1765001100001 implements MigrationInterface {
  name = 'FreeTextAtRest1765001100001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.retype(queryRunner, null);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.retype(queryRunner, 300);
  }

  private async retype(queryRunner: QueryRunner, length: number | null): Promise<void> {
    const c = columnTypes(queryRunner);
    for (const [table, column] of WIDENED) {
      if (c.pg) {
        await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE ${length ? `varchar(${length})` : 'text'}`);
      } else {
        await queryRunner.changeColumn(table, column, new TableColumn(c.text(column, true, length ?? undefined)));
      }
    }
  }
}
