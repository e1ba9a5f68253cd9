import { Column, ColumnOptions, CreateDateColumn, PrimaryColumn } from 'typeorm';
import { randomUUID } from 'node:crypto';

/**
 * Column helpers so entities never branch on the database. TypeORM maps each to the right native type:
 * JSON → `jsonb` on PostgreSQL and SQLite's JSONB, instants → `timestamptz` / SQLite `datetime` (UTC).
 * The migrations create the same types through `columnTypes()`.
 */
export const JsonColumn = (options: Omit<ColumnOptions, 'type'> = {}) => Column({ type: 'simple-json', ...options });

export const DateTimeColumn = (options: Omit<ColumnOptions, 'type'> = {}) => Column({ type: Date, ...options });

export const CreatedAtColumn = () => CreateDateColumn({ name: 'created_at', type: Date });

export const IdColumn = () => PrimaryColumn({ type: 'varchar', length: 36 });

export const TenantColumn = () => Column({ name: 'tenant_id', type: 'varchar', length: 36 });

export const newId = () => randomUUID();
