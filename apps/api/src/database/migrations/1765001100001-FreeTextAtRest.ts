import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columnTypes } from '../column-types';

/** Bounded columns that now hold ciphertext, with the bound they had. */
const WIDENED: [table: string, column: string, length: number, nullable: boolean][] = [
  ['complaint', 'title', 300, true],
  ['complaint_reply', 'subject', 300, true],
  ['staff_notification', 'title', 500, false],
];

/**
 * Free text is stored encrypted (ops/privacy/free-text-at-rest.ts): the ciphertext of a 300-character title or
 * subject is ~4× longer, so the bounded columns become unbounded text (PostgreSQL enforced the bound).
 * The length limits stay where they always were: input validation.
 *
 * PostgreSQL: ALTER COLUMN … TYPE in place — TypeORM's changeColumn drops and re-adds a column whose type or length
 * changes there, which would empty it. SQLite: changeColumn rebuilds the table with its rows.
 */
export class FreeTextAtRest1765001100001 implements MigrationInterface {
  name = 'FreeTextAtRest1765001100001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.retype(queryRunner, false);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.retype(queryRunner, true);
  }

  private async retype(queryRunner: QueryRunner, bounded: boolean): Promise<void> {
    const c = columnTypes(queryRunner);
    for (const [table, column, bound, nullable] of WIDENED) {
      const length = bounded ? bound : null;
      if (c.pg) {
        await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE ${length ? `varchar(${length})` : 'text'}`);
      } else {
        await queryRunner.changeColumn(table, column, new TableColumn(c.text(column, nullable, length ?? undefined)));
      }
    }
  }
}
