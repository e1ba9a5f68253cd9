import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columnTypes } from '../column-types';

/** 批量事件: incidents and their members (the incident module's tables). */
export class Incidents1765000900001 implements MigrationInterface {
  name = 'Incidents1765000900001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'incident',
        columns: [
          c.id(),
          c.tenant(),
          c.text('title', false, 300),
          c.text('rule_key', true, 128),
          c.text('group_key', true, 500),
          c.text('state', false, 16),
          c.text('department', true, 128),
          c.ref('owner_id', true),
          c.time('first_at'),
          c.time('last_at'),
          c.time('due_at', true),
          c.ref('merged_into', true),
          c.text('resolution', true),
          c.createdAt(),
          c.time('updated_at'),
          c.time('closed_at', true),
        ],
        indices: [
          { name: 'ix_incident_group', columnNames: ['tenant_id', 'rule_key', 'group_key', 'state'] },
          { name: 'ix_incident_state', columnNames: ['tenant_id', 'state', 'created_at'] },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'incident_member',
        columns: [
          c.id(),
          c.tenant(),
          c.ref('incident_id'),
          c.ref('complaint_id'),
          c.text('joined_by', false, 16),
          c.time('received_at'),
          c.time('joined_at'),
          c.time('released_at', true),
        ],
        indices: [
          { name: 'uq_incident_member', columnNames: ['tenant_id', 'complaint_id'], isUnique: true },
          { name: 'ix_incident_member_incident', columnNames: ['tenant_id', 'incident_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('incident_member');
    await queryRunner.dropTable('incident');
  }
}
