import type { QueryRunner, TableColumnOptions } from 'typeorm';

/** Native types per database for migrations (the counterpart of common/db/columns.ts). */
export function columnTypes(queryRunner: QueryRunner) {
  const pg = queryRunner.connection.options.type === 'postgres';
  return {
    pg,
    id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true }),
    ref: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable }),
    tenant: (): TableColumnOptions => ({ name: 'tenant_id', type: 'varchar', length: '36' }),
    text: (name: string, nullable = false, length?: number): TableColumnOptions =>
      length ? { name, type: 'varchar', length: String(length), isNullable: nullable } : { name, type: 'text', isNullable: nullable },
    int: (name: string, nullable = false, dflt?: number): TableColumnOptions => ({
      name,
      type: 'integer',
      isNullable: nullable,
      ...(dflt !== undefined ? { default: String(dflt) } : {}),
    }),
    bigint: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'bigint', isNullable: nullable }),
    float: (name: string, nullable = true): TableColumnOptions => ({ name, type: pg ? 'double precision' : 'real', isNullable: nullable }),
    bool: (name: string, dflt = false): TableColumnOptions => ({ name, type: 'boolean', default: pg ? String(dflt) : dflt ? '1' : '0' }),
    json: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
    time: (name: string, nullable = false): TableColumnOptions => ({ name, type: pg ? 'timestamptz' : 'datetime', isNullable: nullable }),
    createdAt: (): TableColumnOptions => ({
      name: 'created_at',
      type: pg ? 'timestamptz' : 'datetime',
      default: pg ? 'now()' : "(datetime('now'))",
    }),
  };
}
