import { Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, IdColumn, JsonColumn, TenantColumn } from '../../common/db/columns';
import type { GateDecision } from './quality-gate';

/** `refused`: trained, but the quality gate kept the active model (see `gate`). */
export type ClassifierModelStatus = 'training' | 'ready' | 'failed' | 'retired' | 'refused';

/** What training measured on the tenant's own confirmed complaints. */
export interface ClassifierMetrics {
  /** 'kfold' when there were enough samples to cross-validate; 'none' otherwise (see `note`). */
  method: 'kfold' | 'none';
  folds?: number;
  accuracy?: number;
  macroF1?: number;
  foldAccuracyStd?: number;
  perClass?: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  classCounts?: Record<string, number>;
  trainMs?: number;
  /** Softmax temperature fitted on the out-of-fold scores (calibrated confidences). */
  temperature?: number;
  note?: string;
}

/**
 * One trained complaint-cause model of a tenant (and, while `training`, the background job that builds it:
 * the row's id is the job id). The active model is the tenant's latest `ready` version; older ones are `retired`;
 * a retrained model the quality gate refused is `refused` and never becomes active.
 */
@Entity('classifier_model')
@Index('uq_classifier_model_version', ['tenantId', 'version'], { unique: true })
@Index('ix_classifier_model_status', ['tenantId', 'status', 'version'])
export class ClassifierModel {
  @IdColumn() id!: string;
  @TenantColumn() tenantId!: string;
  /** 1, 2, … per tenant. */
  @Column({ type: 'integer' }) version!: number;
  @Column({ type: 'varchar', length: 16 }) status!: ClassifierModelStatus;
  /** manual | scheduled */
  @Column({ type: 'varchar', length: 16 }) trigger!: string;
  /** 0..1 while training. */
  @Column({ type: 'real', default: 0 }) progress!: number;
  @Column({ type: 'text', nullable: true }) message?: string | null;
  @DateTimeColumn({ name: 'started_at' }) startedAt!: Date;
  @DateTimeColumn({ name: 'trained_at', nullable: true }) trainedAt?: Date | null;
  @Column({ name: 'sample_count', type: 'integer', default: 0 }) sampleCount!: number;
  @JsonColumn() labels!: string[];
  @JsonColumn() metrics!: ClassifierMetrics;
  /** The training options given (the resolved ones are inside the model JSON). */
  @JsonColumn() options!: Record<string, unknown>;
  /** The quality gate's decision when training finished (null while training, on failure and before the gate existed). */
  @JsonColumn({ nullable: true }) gate?: GateDecision | null;
  /** The serialised model (several MB): never selected unless asked for. */
  @Column({ name: 'model_json', type: 'text', nullable: true, select: false }) modelJson?: string | null;
  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true }) createdBy?: string | null;
  @CreatedAtColumn() createdAt!: Date;
}
