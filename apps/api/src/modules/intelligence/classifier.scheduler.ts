import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { Tenant } from '../tenant/tenant.entity';
import { ClassifierModelsService } from './classifier-models.service';
import { ClassifierTrainingService } from './classifier-training.service';
import { ConfirmedCauseSource } from './confirmed-causes.source';
import { isRetrainDue } from './retrain-schedule';

export const CLASSIFIER_TICK_MS = 10 * 60_000;

/**
 * Nightly retraining (02:00 tenant time, see retrain-schedule.ts) of tenants with at least 20 new confirmed causes
 * since their latest model. Versions are unique per tenant in the database, so two instances never train twice.
 */
@Injectable()
export class ClassifierScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ClassifierScheduler');
  private timer?: NodeJS.Timeout;
  private running?: Promise<string[]>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly models: ClassifierModelsService,
    private readonly training: ClassifierTrainingService,
    private readonly source: ConfirmedCauseSource,
  ) {}

  onApplicationBootstrap(): void {
    if (process.env.REDRESS_WORKERS === '0') return;
    this.timer = setInterval(() => void this.tick().catch((error) => this.logger.error(error)), CLASSIFIER_TICK_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    await this.training.settle();
  }

  /** One pass over the tenants at the clock's now; returns the ids of the training jobs it started. */
  tick(): Promise<string[]> {
    if (!this.running) this.running = this.sweep().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweep(): Promise<string[]> {
    const started: string[] = [];
    const now = this.clock.now();
    const tenants = await this.dataSource.getRepository(Tenant).find({ select: { id: true, timeZone: true } });
    for (const tenant of tenants) {
      try {
        const [latest, ready] = await Promise.all([
          this.models.repository.findOne({ select: { id: true, startedAt: true }, where: { tenantId: tenant.id }, order: { version: 'DESC' } }),
          this.models.latestReady(tenant.id),
        ]);
        // Confirmations after the active model read its samples are the new ones.
        const newConfirmations = await this.source.confirmationsSince(tenant.id, ready?.startedAt ?? null);
        if (!isRetrainDue({ now, timeZone: tenant.timeZone, lastStartedAt: latest?.startedAt ?? null, newConfirmations })) continue;
        const job = await this.training.start({ tenantId: tenant.id, createdBy: null, trigger: 'scheduled' });
        started.push(job.id);
      } catch (error) {
        // One tenant's data (e.g. a single confirmed cause) must not stop the others.
        this.logger.warn(`Scheduled retrain for tenant ${tenant.id} skipped: ${(error as Error).message}`);
      }
    }
    return started;
  }
}
