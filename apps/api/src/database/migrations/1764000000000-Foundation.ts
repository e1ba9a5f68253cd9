import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columnTypes } from '../column-types';

export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'tenant',
        columns: [
          c.id(),
          c.text('slug', false, 64),
          c.text('name', false, 200),
          { ...c.text('time_zone', false, 64), default: "'Asia/Shanghai'" },
          { ...c.text('locale', false, 16), default: "'zh-CN'" },
          c.json('settings'),
          c.createdAt(),
        ],
        uniques: [{ name: 'uq_tenant_slug', columnNames: ['slug'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'app_user',
        columns: [
          c.id(),
          c.tenant(),
          c.text('email', false, 254),
          c.text('password_hash', false, 255),
          c.text('display_name', false, 200),
          c.text('role', false, 32),
          c.ref('department_id', true),
          c.bool('active', true),
          c.createdAt(),
          c.time('last_login_at', true),
        ],
        uniques: [{ name: 'uq_app_user_email', columnNames: ['email'] }],
        indices: [{ name: 'ix_app_user_tenant_role', columnNames: ['tenant_id', 'role'] }],
        foreignKeys: [{ columnNames: ['tenant_id'], referencedTableName: 'tenant', referencedColumnNames: ['id'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'api_token',
        columns: [
          c.id(),
          c.tenant(),
          c.text('name', false, 200),
          c.text('role', false, 32),
          c.text('secret_hash', false, 64),
          c.ref('created_by', true),
          c.createdAt(),
          c.time('revoked_at', true),
          c.time('last_used_at', true),
        ],
        indices: [{ name: 'ix_api_token_tenant', columnNames: ['tenant_id'] }],
        foreignKeys: [{ columnNames: ['tenant_id'], referencedTableName: 'tenant', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('api_token');
    await queryRunner.dropTable('app_user');
    await queryRunner.dropTable('tenant');
  }
}
