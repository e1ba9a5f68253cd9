import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, JsonColumn, TenantColumn } from '../../common/db/columns';

export type AlertKind = 'spike' | 'repeat_complainant';
export type AlertStatus = 'open' | 'acknowledged';

/** The evidence an alert was raised on, kept so the alert explains itself without recomputation. */
export interface AlertEvidence {
  observed: number;
  baselineMean: number;
  pValue: number | null;
  /** Local day (tenant time zone) observed, and the baseline window before it. */
  day: string;
  windowDays: number;
  windowFrom: string;
  windowTo: string;
  complaintIds: string[];
}

/** 预警: a spike of a cause / type / region, or a repeat complainant. One per (dimension, key, day). */
@Entity('analytics_alert')
@Index('uq_analytics_alert', ['tenantId', 'dimension', 'key', 'day'], { unique: true })
@Index('ix_analytics_alert_status', ['tenantId', 'status', 'createdAt'])
export class AnalyticsAlert {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ type: 'varchar', length: 32 }) kind!: AlertKind;
  /** cause | type | region | customer */
  @Column({ type: 'varchar', length: 32 }) dimension!: string;
  @Column({ type: 'varchar', length: 128 }) key!: string;
  /** Local date `YYYY-MM-DD` in the tenant's time zone. */
  @Column({ type: 'varchar', length: 10 }) day!: string;
  @Column({ type: 'varchar', length: 16, default: 'open' }) status!: AlertStatus;
  @Column({ type: 'text' }) message!: string;
  @JsonColumn() evidence!: AlertEvidence;
  @CreatedAtColumn() createdAt!: Date;
  @DateTimeColumn({ name: 'raised_at' }) raisedAt!: Date;
  @Column({ name: 'acknowledged_by', type: 'varchar', length: 36, nullable: true }) acknowledgedBy?: string | null;
  @DateTimeColumn({ name: 'acknowledged_at', nullable: true }) acknowledgedAt?: Date | null;
}

/** 投诉统计表 of one week (Monday to Monday, tenant time zone) against the week before. */
@Entity('weekly_report')
@Index('uq_weekly_report', ['tenantId', 'weekStart'], { unique: true })
export class WeeklyReport {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  /** Local Monday `YYYY-MM-DD`. */
  @Column({ name: 'week_start', type: 'varchar', length: 10 }) weekStart!: string;
  @Column({ name: 'time_zone', type: 'varchar', length: 64 }) timeZone!: string;
  @JsonColumn() content!: Record<string, unknown>;
  @CreatedAtColumn() createdAt!: Date;
  @DateTimeColumn({ name: 'generated_at' }) generatedAt!: Date;
}

export type ExportStatus = 'pending' | 'running' | 'done' | 'failed';

/** An export file being written (or written) into the data folder; removed after 24 hours. */
@Entity('export_job')
@Index('ix_export_job_tenant', ['tenantId', 'createdAt'])
export class ExportJob {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ name: 'requested_by', type: 'varchar', length: 36, nullable: true }) requestedBy?: string | null;
  @Column({ name: 'requested_role', type: 'varchar', length: 32 }) requestedRole!: string;
  /** complaint_stats | complaints */
  @Column({ type: 'varchar', length: 32 }) source!: string;
  @Column({ type: 'varchar', length: 8 }) format!: 'csv' | 'xlsx';
  @JsonColumn() params!: Record<string, unknown>;
  @Column({ type: 'varchar', length: 16 }) status!: ExportStatus;
  /** 0..1 */
  @Column({ type: 'real', default: 0 }) progress!: number;
  @Column({ name: 'row_count', type: 'integer', nullable: true }) rowCount?: number | null;
  @Column({ name: 'file_name', type: 'varchar', length: 200, nullable: true }) fileName?: string | null;
  @Column({ type: 'text', nullable: true }) error?: string | null;
  @CreatedAtColumn() createdAt!: Date;
  @DateTimeColumn({ name: 'requested_at' }) requestedAt!: Date;
  @DateTimeColumn({ name: 'finished_at', nullable: true }) finishedAt?: Date | null;
  @DateTimeColumn({ name: 'expires_at' }) expiresAt!: Date;
}
