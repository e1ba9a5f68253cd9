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

/**
 * Daily rollup of complaint statistics: one row per tenant × local day (tenant time zone) of `received_at` × the
 * stored dimensions. Recomputed per affected day by `StatsRollup.refresh()` (never incremented in place), so it is
 * exactly what the direct query over that day would give at the time of the refresh.
 */
@Entity('complaint_daily_stats')
@Index('ix_complaint_daily_stats', ['tenantId', 'day'])
export class ComplaintDailyStats {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  /** Local date `YYYY-MM-DD` of `received_at`. */
  @Column({ type: 'varchar', length: 10 }) day!: string;
  @Column({ name: 'type_key', type: 'varchar', length: 128 }) typeKey!: string;
  /** `COALESCE(cause, predicted_cause)`, as the CAUSE group key. */
  @Column({ type: 'varchar', length: 128, nullable: true }) cause?: string | null;
  @Column({ type: 'varchar', length: 128, nullable: true }) department?: string | null;
  @Column({ type: 'varchar', length: 64 }) channel!: string;
  @Column({ type: 'varchar', length: 64 }) severity!: string;
  @Column({ type: 'integer' }) received!: number;
  @Column({ type: 'integer' }) valid!: number;
  @Column({ type: 'integer' }) closed!: number;
  @Column({ name: 'followed_up', type: 'integer' }) followedUp!: number;
  @Column({ type: 'integer' }) satisfied!: number;
  @Column({ type: 'integer' }) resolved!: number;
  /**
   * Resolved complaints with no repeat (same customer and type) received within the repeat window after closing,
   * counted with `StatsRollupState.repeatWindowDays`. A later complaint that changes this count marks the earlier
   * complaint's day for recomputation (see `StatsRollup.changedDays`).
   */
  @Column({ name: 'effectively_resolved', type: 'integer', default: 0 }) effectivelyResolved!: number;
  @Column({ type: 'integer' }) responded!: number;
  /** Sum of working minutes received → responded of the `responded` complaints (business calendar of each pinned version). */
  @Column({ name: 'working_minutes', type: 'double precision' }) workingMinutes!: number;
}

/** Daily rollup of the complaints' stopped SLA clocks per target (on-time rate = met / stopped), same keys as above. */
@Entity('complaint_daily_on_time')
@Index('ix_complaint_daily_on_time', ['tenantId', 'day'])
export class ComplaintDailyOnTime {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  @Column({ type: 'varchar', length: 10 }) day!: string;
  @Column({ name: 'type_key', type: 'varchar', length: 128 }) typeKey!: string;
  @Column({ type: 'varchar', length: 128, nullable: true }) cause?: string | null;
  @Column({ type: 'varchar', length: 128, nullable: true }) department?: string | null;
  @Column({ type: 'varchar', length: 64 }) channel!: string;
  @Column({ type: 'varchar', length: 64 }) severity!: string;
  @Column({ type: 'varchar', length: 128 }) target!: string;
  @Column({ type: 'integer' }) stopped!: number;
  @Column({ type: 'integer' }) met!: number;
}

/** Per tenant: up to when the rollup is complete (complaints and clocks changed before `watermark`), in which time zone. */
@Entity('complaint_stats_rollup_state')
export class StatsRollupState {
  @Column({ name: 'tenant_id', type: 'varchar', length: 36, primary: true }) tenantId!: string;
  @Column({ name: 'time_zone', type: 'varchar', length: 64 }) timeZone!: string;
  /** The policy's repeat window the effective-resolution counts were made with; another window rebuilds the rollup. */
  @Column({ name: 'repeat_window_days', type: 'integer', nullable: true }) repeatWindowDays?: number | null;
  @DateTimeColumn({ nullable: true }) watermark?: Date | null;
  @DateTimeColumn({ name: 'refreshed_at', nullable: true }) refreshedAt?: Date | null;
}
