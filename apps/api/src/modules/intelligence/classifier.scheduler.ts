import { Injectable, Logger } from '@nestjs/common';
import { PeriodicWorker } from '../../common/periodic-worker';
import { Clock } from '../../common/clock';
import { TenantService } from '../tenant/tenant.service';
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
export class ClassifierScheduler extends PeriodicWorker<string[]> {
  protected readonly logger = new Logger('ClassifierScheduler');

  constructor(
    private readonly tenants: TenantService,
    private readonly clock: Clock,
    private readonly models: ClassifierModelsService,
    private readonly training: ClassifierTrainingService,
    private readonly source: ConfirmedCauseSource,
  ) {
    super(CLASSIFIER_TICK_MS);
  }

  protected override settle(): Promise<void> {
    return this.training.settle();
  }

  /** One pass over the tenants at the clock's now; returns the ids of the training jobs it started. */
  protected async sweep(): Promise<string[]> {
    const started: string[] = [];
    const now = this.clock.now();
    const tenants = await this.tenants.listForSweep();
    for (const tenant of tenants) {
      try {
        const [latest, ready] = await Promise.all([
          this.models.repository.findOne({
            select: { id: true, startedAt: true },
            where: { tenantId: tenant.id },
            order: { version: 'DESC' },
          }),
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
