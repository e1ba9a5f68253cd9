import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columnTypes } from '../column-types';

/** Policy draft rows, immutable policy versions and the configuration audit log. */
export class PolicyAndAudit1764000700042 implements MigrationInterface {
  name = 'PolicyAndAudit1764000700042';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    const tenantFk = { columnNames: ['tenant_id'], referencedTableName: 'tenant', referencedColumnNames: ['id'] };
    await queryRunner.createTable(
      new Table({
        name: 'policy_draft_item',
        columns: [
          c.id(),
          c.tenant(),
          c.text('collection', false, 32),
          c.text('key', false, 128),
          c.json('data'),
          c.time('updated_at'),
          c.ref('updated_by', true),
        ],
        uniques: [{ name: 'uq_policy_draft_item', columnNames: ['tenant_id', 'collection', 'key'] }],
        foreignKeys: [tenantFk],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'policy_version',
        columns: [
          c.id(),
          c.tenant(),
          c.int('version'),
          c.json('document'),
          c.text('status', false, 32),
          c.ref('created_by', true),
          c.ref('approved_by', true),
          c.text('note', true),
          c.time('created_at'),
          c.time('published_at', true),
          c.text('content_hash', false, 64),
          c.int('rolled_back_from', true),
          c.text('decision_note', true),
        ],
        uniques: [{ name: 'uq_policy_version', columnNames: ['tenant_id', 'version'] }],
        foreignKeys: [tenantFk],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          c.id(),
          c.tenant(),
          c.ref('actor_id', true),
          c.text('actor_role', false, 32),
          c.text('action', false, 64),
          c.text('entity', false, 64),
          c.text('entity_key', true, 200),
          c.json('before', true),
          c.json('after', true),
          c.time('created_at'),
        ],
        indices: [{ name: 'ix_audit_log_tenant_created', columnNames: ['tenant_id', 'created_at'] }],
        foreignKeys: [tenantFk],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_log');
    await queryRunner.dropTable('policy_version');
    await queryRunner.dropTable('policy_draft_item');
  }
}
