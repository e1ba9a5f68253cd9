import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';
import { columnTypes } from '../column-types';

/**
 * Staff and access: session versions and teams on users, token expiry, the client address in the audit log,
 * single-use links (invitation, password reset) and the sign-in throttle shared by every API instance.
 */
export class Access1765000400001 implements MigrationInterface {
  name = 'Access1765000400001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.addColumns('app_user', [new TableColumn(c.int('auth_version', false, 0)), new TableColumn(c.json('teams', true))]);
    await queryRunner.addColumn('api_token', new TableColumn(c.time('expires_at', true)));
    await queryRunner.addColumn('audit_log', new TableColumn(c.text('ip', true, 64)));
    await queryRunner.createTable(
      new Table({
        name: 'access_link',
        columns: [
          c.id(),
          c.tenant(),
          c.ref('user_id'),
          c.text('purpose', false, 32),
          c.text('token_hash', false, 64),
          c.time('expires_at'),
          c.time('used_at', true),
          c.ref('created_by', true),
          c.createdAt(),
        ],
        uniques: [{ name: 'uq_access_link_token', columnNames: ['token_hash'] }],
        indices: [{ name: 'ix_access_link_user', columnNames: ['tenant_id', 'user_id'] }],
        foreignKeys: [{ columnNames: ['tenant_id'], referencedTableName: 'tenant', referencedColumnNames: ['id'] }],
      }),
    );
    // Instants as epoch milliseconds: the throttle is updated with one raw upsert that compares them on both databases.
    await queryRunner.createTable(
      new Table({
        name: 'sign_in_throttle',
        columns: [
          { ...c.text('key', false, 300), isPrimary: true },
          c.int('failures', false, 0),
          c.bigint('window_started_ms'),
          c.bigint('locked_until_ms', true),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('sign_in_throttle');
    await queryRunner.dropTable('access_link');
    await queryRunner.dropColumn('audit_log', 'ip');
    await queryRunner.dropColumn('api_token', 'expires_at');
    await queryRunner.dropColumn('app_user', 'teams');
    await queryRunner.dropColumn('app_user', 'auth_version');
  }
}
