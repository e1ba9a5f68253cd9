import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columnTypes } from '../column-types';

/** The quality gate's decision and the two accuracies it compared, per trained classifier model. */
export class ClassifierGate1765000600001 implements MigrationInterface {
  name = 'ClassifierGate1765000600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.addColumn('classifier_model', new TableColumn(c.json('gate', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('classifier_model', 'gate');
  }
}
