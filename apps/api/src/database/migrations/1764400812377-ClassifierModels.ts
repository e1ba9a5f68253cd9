import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columnTypes } from '../column-types';

export class ClassifierModels1764400812377 implements MigrationInterface {
  name = 'ClassifierModels1764400812377';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'classifier_model',
        columns: [
          c.id(),
          c.tenant(),
          c.int('version'),
          c.text('status', false, 16),
          c.text('trigger', false, 16),
          { name: 'progress', type: 'real', default: '0' },
          c.text('message', true),
          c.time('started_at'),
          c.time('trained_at', true),
          c.int('sample_count', false, 0),
          c.json('labels'),
          c.json('metrics'),
          c.json('options'),
          // The model JSON is several MB: `text` on both databases (no JSON parsing by the database).
          c.text('model_json', true),
          c.ref('created_by', true),
          c.createdAt(),
        ],
        indices: [
          { name: 'uq_classifier_model_version', columnNames: ['tenant_id', 'version'], isUnique: true },
          { name: 'ix_classifier_model_status', columnNames: ['tenant_id', 'status', 'version'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('classifier_model');
  }
}
