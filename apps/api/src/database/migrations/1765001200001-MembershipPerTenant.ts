import { MigrationInterface, QueryRunner, Table, TableIndex, TableUnique } from 'typeorm';
import { columnTypes } from '../column-types';

/**
 * One person, a role per tenant: an app_user row is a membership (tenant, e-mail, role, password, second factor), and
 * the same e-mail may hold one row in each tenant. The e-mail was unique across tenants; it becomes unique per tenant.
 * Existing users keep their row as their membership in their tenant (nothing to copy).
 *
 * Sign-in failures and lockouts that name no known account and no tenant (an unknown e-mail) cannot go into a
 * tenant's audit log: they go into the platform's audit log, read by the platform operator.
 */
export class MembershipPerTenant1765001200001 implements MigrationInterface {
  name = 'MembershipPerTenant1765001200001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.dropUniqueConstraint('app_user', 'uq_app_user_email');
    await queryRunner.createUniqueConstraint(
      'app_user',
      new TableUnique({ name: 'uq_app_user_tenant_email', columnNames: ['tenant_id', 'email'] }),
    );
    // Sign-in looks every membership of an e-mail up.
    await queryRunner.createIndex('app_user', new TableIndex({ name: 'ix_app_user_email', columnNames: ['email'] }));
    await queryRunner.createTable(
      new Table({
        name: 'platform_audit_log',
        columns: [
          c.id(),
          c.text('action', false, 64),
          c.text('entity', false, 64),
          c.text('entity_key', true, 200),
          c.json('after', true),
          c.text('ip', true, 64),
          c.time('created_at'),
        ],
        indices: [{ name: 'ix_platform_audit_log_created', columnNames: ['created_at'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('platform_audit_log');
    await queryRunner.dropIndex('app_user', 'ix_app_user_email');
    await queryRunner.dropUniqueConstraint('app_user', 'uq_app_user_tenant_email');
    await queryRunner.createUniqueConstraint('app_user', new TableUnique({ name: 'uq_app_user_email', columnNames: ['email'] }));
  }
}
