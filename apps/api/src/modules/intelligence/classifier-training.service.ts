import { Injectable, Logger } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import { TenantService } from '../tenant/tenant.service';
import { isUniqueViolation } from '../complaint/complaint-intake.service';
import { ComplaintCauseModel, computeMetrics, stratifiedFolds, type Sample, type TrainOptions } from './classifier';
import { ClassifierModel, type ClassifierMetrics } from './classifier-model.entity';
import { ClassifierModelsService } from './classifier-models.service';
import { ConfirmedCauseSource } from './confirmed-causes.source';
import { IntelligenceErrors } from './intelligence.exception';

/** Fewer confirmed complaints than this cannot train a useful model. */
export const MIN_TRAINING_SAMPLES = 10;
/** From this many samples up, training measures accuracy by stratified k-fold cross-validation. */
export const KFOLD_MIN_SAMPLES = 30;
export const KFOLD = 5;
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
      throw IntelligenceErrors.create('NOT_ENOUGH_SAMPLES', { params: { min: MIN_TRAINING_SAMPLES, count: samples.length, labels: labels.size } });
    }
    const options = await this.trainOptions(tenantId);
    const last = await this.models.repository.findOne({ select: { version: true }, where: { tenantId }, order: { version: 'DESC' } });
    const now = this.clock.now();
    const job = this.models.repository.create({
      id: newId(), tenantId, version: (last?.version ?? 0) + 1, status: 'training', trigger: request.trigger, progress: 0,
      message: `Preparing ${samples.length} confirmed complaints`, startedAt: now, trainedAt: null, sampleCount: samples.length,
      labels: [...labels].sort(), metrics: { method: 'none' }, options: options as Record<string, unknown>, modelJson: null, createdBy: request.createdBy,
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
    return { seed: 42, dictionary: Array.isArray(dictionary) ? dictionary.filter((w): w is string => typeof w === 'string' && w.trim() !== '') : [] };
  }

  private runningJob(tenantId: string): Promise<ClassifierModel | null> {
    const staleBefore = new Date(this.clock.now().getTime() - STALE_TRAINING_MS);
    return this.models.repository.createQueryBuilder('m')
      .where('m.tenant_id = :tenantId AND m.status = :status AND m.started_at > :staleBefore', { tenantId, status: 'training', staleBefore })
      .orderBy('m.version', 'DESC').getOne();
  }

  private async progress(job: ClassifierModel, progress: number, message: string): Promise<void> {
    await this.models.repository.update({ id: job.id }, { progress, message });
    // Training is CPU-bound: let requests (and progress polls) through between the steps.
    await yieldToEventLoop();
  }

  private async run(job: ClassifierModel, samples: Sample[], options: TrainOptions): Promise<void> {
    const repository = this.models.repository;
    try {
      await yieldToEventLoop();
      const metrics = samples.length >= KFOLD_MIN_SAMPLES
        ? await this.crossValidate(job, samples, options)
        : { method: 'none' as const, note: `Only ${samples.length} confirmed complaints (k-fold accuracy is measured from ${KFOLD_MIN_SAMPLES}); check predictions on new complaints before relying on rules that read them.` };
      await this.progress(job, 0.85, 'Training the final model on all confirmed complaints');
      const started = performance.now();
      const model = ComplaintCauseModel.train(samples, options);
      const modelJson = JSON.stringify(model.toJSON());
      const info = model.info;
      const finished: ClassifierMetrics = { ...metrics, classCounts: info.classCounts, trainMs: Math.round(performance.now() - started) };
      await this.dataSource.transaction(async (manager) => {
        const models = manager.getRepository(ClassifierModel);
        await models.update({ id: job.id }, {
          status: 'ready', progress: 1, message: describe(finished, samples.length), trainedAt: this.clock.now(), labels: [...info.labels],
          metrics: finished as never, modelJson,
        });
        await models.update({ tenantId: job.tenantId, status: 'ready', version: LessThan(job.version) }, { status: 'retired' });
      });
      this.models.invalidate(job.tenantId);
      this.logger.log(`Cause classifier v${job.version} for tenant ${job.tenantId}: ${describe(finished, samples.length)}`);
    } catch (error) {
      this.logger.error(`Training v${job.version} for tenant ${job.tenantId} failed: ${(error as Error).message}`);
      await repository.update({ id: job.id }, { status: 'failed', message: String((error as Error).message).slice(0, 2000) }).catch(() => undefined);
    }
  }

  /** Stratified k-fold accuracy and macro-F1 on the tenant's own confirmed complaints, fold by fold with progress. */
  private async crossValidate(job: ClassifierModel, samples: Sample[], options: TrainOptions): Promise<ClassifierMetrics> {
    const folds = stratifiedFolds(samples.map((s) => s.label), KFOLD, options.seed ?? 42);
    const predicted: string[] = new Array<string>(samples.length);
    const foldAccuracies: number[] = [];
    for (let f = 0; f < KFOLD; f++) {
      await this.progress(job, 0.05 + (0.8 * f) / KFOLD, `Measuring accuracy: fold ${f + 1} of ${KFOLD}`);
      const trainSet = samples.filter((_, i) => folds[i] !== f);
      const testIndices = samples.flatMap((_, i) => (folds[i] === f ? [i] : []));
      if (!testIndices.length || new Set(trainSet.map((s) => s.label)).size < 2) continue;
      const model = ComplaintCauseModel.train(trainSet, { ...options, maxIndexDocs: 0 });
      const labels = testIndices.map((i) => model.predict(samples[i]!.text, { topK: 1, keywords: 0 }).label);
      labels.forEach((label, j) => (predicted[testIndices[j]!] = label));
      foldAccuracies.push(computeMetrics(testIndices.map((i) => samples[i]!.label), labels).accuracy);
    }
    const evaluated = samples.flatMap((s, i) => (predicted[i] === undefined ? [] : [[s.label, predicted[i]!] as const]));
    const pooled = computeMetrics(evaluated.map(([truth]) => truth), evaluated.map(([, p]) => p));
    const mean = foldAccuracies.reduce((a, b) => a + b, 0) / (foldAccuracies.length || 1);
    const std = Math.sqrt(foldAccuracies.reduce((a, b) => a + (b - mean) ** 2, 0) / (foldAccuracies.length || 1));
    return { method: 'kfold', folds: KFOLD, accuracy: pooled.accuracy, macroF1: pooled.macroF1, foldAccuracyStd: std, perClass: pooled.perClass };
  }
}

function describe(metrics: ClassifierMetrics, samples: number): string {
  const pct = (x?: number) => `${((x ?? 0) * 100).toFixed(1)}%`;
  return metrics.method === 'kfold'
    ? `Trained on ${samples} confirmed complaints; ${metrics.folds}-fold accuracy ${pct(metrics.accuracy)}, macro-F1 ${pct(metrics.macroF1)}`
    : `Trained on ${samples} confirmed complaints; accuracy not measured (too few samples)`;
}
