import { Injectable, Logger } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import { TenantService } from '../tenant/tenant.service';
import { isUniqueViolation } from '../complaint/complaint-intake.service';
import { ComplaintCauseModel, type Sample, type TrainOptions } from './classifier';
import { ClassifierModel } from './classifier-model.entity';
import { describeOutcome } from './training-run';
import { trainInWorker } from './training-thread';
import { ClassifierModelsService } from './classifier-models.service';
import { ConfirmedCauseSource } from './confirmed-causes.source';
import { IntelligenceErrors } from './intelligence.exception';
import { decideGate, gateMargin } from './quality-gate';

/** Fewer confirmed complaints than this cannot train a useful model. */
export const MIN_TRAINING_SAMPLES = 10;
/** A `training` row older than this is a job whose instance died; it no longer blocks a new one. */
export const STALE_TRAINING_MS = 2 * 3600_000;
export const DICTIONARY_SETTING = 'classifierDictionary';

export interface TrainingRequest {
  tenantId: string;
  createdBy: string | null;
  trigger: 'manual' | 'scheduled';
}

/**
 * Trains a tenant's cause classifier in the background on its confirmed complaints. The `classifier_model` row is
 * the job (status, progress, message) and, once `ready`, the stored model with the accuracy measured on the
 * tenant's own data. The newest ready model becomes active; older ready ones are retired.
 */
@Injectable()
export class ClassifierTrainingService {
  private readonly logger = new Logger('ClassifierTraining');
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly tenants: TenantService,
    private readonly models: ClassifierModelsService,
    private readonly source: ConfirmedCauseSource,
  ) {}

  /** Starts training; returns the job (an already running job of the tenant instead of a second one). */
  async start(request: TrainingRequest): Promise<ClassifierModel> {
    const { tenantId } = request;
    const inProgress = await this.runningJob(tenantId);
    if (inProgress) return inProgress;
    const samples = await this.source.samples(tenantId);
    const labels = new Set(samples.map((s) => s.label));
    if (samples.length < MIN_TRAINING_SAMPLES || labels.size < 2) {
      throw IntelligenceErrors.create('NOT_ENOUGH_SAMPLES', {
        params: { min: MIN_TRAINING_SAMPLES, count: samples.length, labels: labels.size },
      });
    }
    const options = await this.trainOptions(tenantId);
    const last = await this.models.repository.findOne({ select: { version: true }, where: { tenantId }, order: { version: 'DESC' } });
    const now = this.clock.now();
    const job = this.models.repository.create({
      id: newId(),
      tenantId,
      version: (last?.version ?? 0) + 1,
      status: 'training',
      trigger: request.trigger,
      progress: 0,
      message: `Preparing ${samples.length} confirmed complaints`,
      startedAt: now,
      trainedAt: null,
      sampleCount: samples.length,
      labels: [...labels].sort(),
      metrics: { method: 'none' },
      options: options as Record<string, unknown>,
      modelJson: null,
      createdBy: request.createdBy,
    });
    try {
      await this.models.repository.insert(job as never);
    } catch (error) {
      // Another instance (or request) started the same version a moment ago: report that job.
      if (isUniqueViolation(error)) {
        const other = await this.runningJob(tenantId);
        if (other) return other;
      }
      throw error;
    }
    const work = this.run(job, samples, options);
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
    return job;
  }

  /** Waits for background training (tests, shutdown). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  async trainOptions(tenantId: string): Promise<TrainOptions> {
    const tenant = await this.tenants.get(tenantId);
    const dictionary = tenant.settings[DICTIONARY_SETTING];
    return {
      seed: 42,
      dictionary: Array.isArray(dictionary) ? dictionary.filter((w): w is string => typeof w === 'string' && w.trim() !== '') : [],
    };
  }

  private runningJob(tenantId: string): Promise<ClassifierModel | null> {
    const staleBefore = new Date(this.clock.now().getTime() - STALE_TRAINING_MS);
    return this.models.repository
      .createQueryBuilder('m')
      .where('m.tenant_id = :tenantId AND m.status = :status AND m.started_at > :staleBefore', {
        tenantId,
        status: 'training',
        staleBefore,
      })
      .orderBy('m.version', 'DESC')
      .getOne();
  }

  private async run(job: ClassifierModel, samples: Sample[], options: TrainOptions): Promise<void> {
    const repository = this.models.repository;
    // Progress rows are written one after another, and all before the final state.
    let progressWrites: Promise<unknown> = Promise.resolve();
    const report = (progress: number, message: string) => {
      progressWrites = progressWrites.then(() => repository.update({ id: job.id }, { progress, message })).catch(() => undefined);
    };
    try {
      const outcome = await trainInWorker(samples, options, report);
      await progressWrites;
      const margin = gateMargin((await this.tenants.get(job.tenantId)).settings);
      // Parsed before the commit, so the model is installed in the same turn as the commit resolves: a request that
      // sees the version `ready` (the console's model panel) never meets a cache still answering "no model".
      const trained = ComplaintCauseModel.fromJSON(outcome.modelJson);
      const gate = await this.dataSource.transaction(async (manager) => {
        const models = manager.getRepository(ClassifierModel);
        // The quality gate compares with the model active now (not when training started).
        const active = await models.findOne({
          select: { id: true, version: true, metrics: true, sampleCount: true },
          where: { tenantId: job.tenantId, status: 'ready' },
          order: { version: 'DESC' },
        });
        const decision = decideGate(
          { metrics: outcome.metrics, samples: samples.length },
          active && { version: active.version, metrics: active.metrics, samples: active.sampleCount },
          margin,
        );
        const activated = decision.decision === 'activated';
        await models.update(
          { id: job.id },
          {
            status: activated ? 'ready' : 'refused',
            progress: 1,
            message: describeOutcome(outcome.metrics, samples.length, decision),
            trainedAt: this.clock.now(),
            labels: outcome.labels,
            metrics: outcome.metrics as never,
            modelJson: outcome.modelJson,
            gate: decision as never,
          },
        );
        if (activated)
          await models.update({ tenantId: job.tenantId, status: 'ready', version: LessThan(job.version) }, { status: 'retired' });
        return decision;
      });
      if (gate.decision === 'activated') {
        this.models.install(job.tenantId, { id: job.id, version: job.version, model: trained });
      }
      this.logger.log(
        `Cause classifier v${job.version} for tenant ${job.tenantId}: ${describeOutcome(outcome.metrics, samples.length, gate)}`,
      );
    } catch (error) {
      await progressWrites;
      this.logger.error(`Training v${job.version} for tenant ${job.tenantId} failed: ${(error as Error).message}`);
      await repository
        .update({ id: job.id }, { status: 'failed', message: String((error as Error).message).slice(0, 2000) })
        .catch(() => undefined);
    }
  }
}
