import { Injectable, Logger } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { ComplaintCauseModel } from './classifier';
import { ClassifierModel } from './classifier-model.entity';
import { IntelligenceErrors } from './intelligence.exception';

/** How long an instance trusts its cached model before asking the database whether a newer version is ready. */
export const MODEL_CHECK_MS = 10_000;

export interface ActiveModel {
  id: string;
  version: number;
  model: ComplaintCauseModel;
}

interface CacheEntry {
  active: ActiveModel | null;
  checkedAt: number;
}

/**
 * The tenants' stored models, and the active one (latest `ready` version) parsed and cached in memory per tenant.
 * Another instance may train a newer version: the cache asks the database at most every MODEL_CHECK_MS and reloads
 * only when the version changed. Parsing a multi-MB model takes about half a second, predicting well under a
 * millisecond, so a stale cache keeps answering with the version it has while the check and reload run behind it;
 * only a tenant's very first prediction on an instance waits for the load.
 */
@Injectable()
export class ClassifierModelsService {
  private readonly logger = new Logger('ClassifierModels');
  private readonly cache = new Map<string, CacheEntry>();
  private readonly loading = new Map<string, Promise<ActiveModel | null>>();

  constructor(private readonly dataSource: DataSource) {}

  get repository(): Repository<ClassifierModel> {
    return this.dataSource.getRepository(ClassifierModel);
  }

  list(tenantId: string): Promise<ClassifierModel[]> {
    return this.repository.find({ where: { tenantId }, order: { version: 'DESC' } });
  }

  async get(tenantId: string, id: string): Promise<ClassifierModel> {
    const row = await this.repository.findOne({ where: { tenantId, id } });
    if (!row) throw IntelligenceErrors.create('JOB_NOT_FOUND', { field: 'id' });
    return row;
  }

  latestReady(tenantId: string): Promise<Pick<ClassifierModel, 'id' | 'version' | 'startedAt' | 'trainedAt'> | null> {
    return this.repository.findOne({
      select: { id: true, version: true, startedAt: true, trainedAt: true },
      where: { tenantId, status: 'ready' },
      order: { version: 'DESC' },
    });
  }

  /** The tenant's active model (loaded once per version, shared by concurrent callers). */
  async active(tenantId: string): Promise<ActiveModel | null> {
    const entry = this.cache.get(tenantId);
    if (entry && Date.now() - entry.checkedAt < MODEL_CHECK_MS) return entry.active;
    let pending = this.loading.get(tenantId);
    if (!pending) {
      pending = this.refresh(tenantId).finally(() => this.loading.delete(tenantId));
      this.loading.set(tenantId, pending);
    }
    if (!entry) return pending;
    // Stale: answer with the version in hand; the newer one takes over once loaded.
    pending.catch((error) => this.logger.warn(`Refreshing the cause classifier of tenant ${tenantId} failed: ${(error as Error).message}`));
    return entry.active;
  }

  /** Makes a model this instance just trained the active one without reading it back from the database. */
  install(tenantId: string, active: ActiveModel): void {
    const current = this.cache.get(tenantId)?.active;
    if (!current || current.version < active.version) this.cache.set(tenantId, { active, checkedAt: Date.now() });
  }

  private async refresh(tenantId: string): Promise<ActiveModel | null> {
    const latest = await this.latestReady(tenantId);
    const current = this.cache.get(tenantId)?.active ?? null;
    let active: ActiveModel | null = null;
    if (latest && current?.version === latest.version) {
      active = current;
    } else if (latest) {
      const row = await this.repository
        .createQueryBuilder('m')
        .addSelect('m.modelJson')
        .where('m.id = :id AND m.tenant_id = :tenantId', { id: latest.id, tenantId })
        .getOne();
      if (row?.modelJson) {
        const started = performance.now();
        try {
          active = { id: row.id, version: row.version, model: ComplaintCauseModel.fromJSON(row.modelJson) };
          this.logger.log(
            `Loaded cause classifier v${row.version} for tenant ${tenantId} in ${Math.round(performance.now() - started)} ms`,
          );
        } catch (error) {
          // E.g. a model of an older format after an upgrade: no prediction (as without a model) until the next training.
          this.logger.warn(
            `Cause classifier v${row.version} of tenant ${tenantId} cannot be loaded (${(error as Error).message}); train a new version`,
          );
        }
      }
    }
    // A model installed by training on this instance while we read may be newer than what we read.
    const installed = this.cache.get(tenantId)?.active;
    if (installed && (!active || installed.version > active.version)) active = installed;
    this.cache.set(tenantId, { active, checkedAt: Date.now() });
    return active;
  }
}
