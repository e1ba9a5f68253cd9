import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columnTypes } from '../column-types';

/** Optional TOTP second factor: the encrypted secret, the last accepted time step (no replay) and hashed recovery codes. */
export class SecondFactor1765000400002 implements MigrationInterface {
  name = 'SecondFactor1765000400002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.addColumns('app_user', [
      new TableColumn(c.text('totp_secret', true)),
      new TableColumn(c.bool('totp_enabled', false)),
      new TableColumn(c.bigint('totp_last_step', true)),
      new TableColumn(c.json('recovery_codes', true)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['recovery_codes', 'totp_last_step', 'totp_enabled', 'totp_secret'])
      await queryRunner.dropColumn('app_user', column);
  }
}
