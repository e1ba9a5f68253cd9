import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columnTypes } from '../column-types';

/** OpenID Connect sign-ins in flight: state, nonce and PKCE verifier, in the database so any instance can finish them. */
export class Sso1765000400003 implements MigrationInterface {
  name = 'Sso1765000400003';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'oidc_login',
        columns: [
          { ...c.text('state', false, 64), isPrimary: true },
          c.tenant(),
          c.text('nonce', false, 64),
          c.text('code_verifier', false, 128),
          c.time('expires_at'),
          c.time('used_at', true),
          c.createdAt(),
        ],
        foreignKeys: [{ columnNames: ['tenant_id'], referencedTableName: 'tenant', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('oidc_login');
  }
}
