import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Round-robin assignment asks, at every intake, who got a team's latest complaint. Answered per member through
 * (tenant, assignee, received_at) it is one index probe each; through the (tenant, assignee, state) index it read
 * and sorted every complaint the team ever had (0.65 ms at 700 complaints, growing with the table).
 */
export class RoundRobinIndex1765001700001 implements MigrationInterface {
  name = 'RoundRobinIndex1765001700001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('complaint', new TableIndex({ name: 'ix_complaint_assignee_received', columnNames: ['tenant_id', 'assignee_id', 'received_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('complaint', 'ix_complaint_assignee_received');
  }
}
