import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Tenant, TenantSettings } from './tenant.entity';
import { notFound } from '../../common/errors/app-error';
import { newId } from '../../common/db/columns';
import type { AuthContext } from '../../common/auth/auth-context';
import { AuditService } from '../audit/audit.service';
import { validateTenantFields } from './tenant-fields';
import { TenantErrors } from './tenant.exception';
import { WriteInvalidatedCache } from '../../database/write-invalidated-cache';

/**
 * How late, on PostgreSQL, `getRecent` may see a change another API instance made (on this instance and on SQLite
 * a change is seen by the next request).
 */
export const TENANT_CACHE_MAX_AGE_MS = 5_000;

export interface TenantSettingsPatch {
  name?: string;
  timeZone?: string;
  locale?: string;
  numberPattern?: string;
}

/**
 * Inserts a new tenant in the caller's transaction (provisioning creates the tenant and its first admin together).
 * The fields are validated by the caller; a slug in use is TENANT_SLUG_TAKEN.
 */
export async function insertTenant(
  manager: EntityManager,
  input: { slug: string; name: string; timeZone?: string; locale?: string },
): Promise<Tenant> {
  const repository = manager.getRepository(Tenant);
  if (await repository.exists({ where: { slug: input.slug } })) throw TenantErrors.create('TENANT_SLUG_TAKEN', { field: 'slug' });
  return repository.save(
    repository.create({
      id: newId(),
      slug: input.slug,
      name: input.name,
      timeZone: input.timeZone ?? 'Asia/Shanghai',
      locale: input.locale ?? 'zh-CN',
      settings: {},
    }),
  );
}

const snapshot = (tenant: Tenant) => ({
  name: tenant.name,
  timeZone: tenant.timeZone,
  locale: tenant.locale,
  numberPattern: tenant.settings.numberPattern ?? null,
});

@Injectable()
export class TenantService {
  private readonly recent: WriteInvalidatedCache<Tenant>;

  constructor(
    @InjectRepository(Tenant) private readonly tenants: Repository<Tenant>,
    private readonly audit: AuditService,
    dataSource: DataSource,
  ) {
    this.recent = new WriteInvalidatedCache(dataSource, Tenant, { postgresMaxAgeMs: TENANT_CACHE_MAX_AGE_MS });
  }

  async get(id: string): Promise<Tenant> {
    const tenant = await this.tenants.findOne({ where: { id } });
    if (!tenant) throw notFound('Tenant');
    return tenant;
  }

  /**
   * The tenant without a database read per request, for the intake's hot path (time zone, number pattern): exact on
   * SQLite and for changes made through this instance; on PostgreSQL a change made through another instance is seen
   * within TENANT_CACHE_MAX_AGE_MS (WriteInvalidatedCache). Not for decisions that must see a change at once (the
   * maker-checker switch is read with `get`). A copy: a caller changing it cannot change the cached row.
   */
  async getRecent(id: string): Promise<Tenant> {
    const tenant = await this.recent.get(id, () => this.tenants.findOne({ where: { id } }));
    if (!tenant) throw notFound('Tenant');
    return Object.assign(new Tenant(), tenant, { settings: structuredClone(tenant.settings) });
  }

  findBySlug(slug: string): Promise<Tenant | null> {
    return this.tenants.findOne({ where: { slug } });
  }

  /** Every tenant's id and time zone, for background sweeps that visit each tenant. */
  listForSweep(): Promise<Pick<Tenant, 'id' | 'timeZone'>[]> {
    return this.tenants.find({ select: { id: true, timeZone: true }, order: { createdAt: 'ASC' } });
  }

  count(): Promise<number> {
    return this.tenants.count();
  }

  create(input: { slug: string; name: string; timeZone?: string; settings?: TenantSettings }): Promise<Tenant> {
    return this.tenants.save(
      this.tenants.create({
        id: newId(),
        slug: input.slug,
        name: input.name,
        timeZone: input.timeZone ?? 'Asia/Shanghai',
        locale: 'zh-CN',
        settings: input.settings ?? {},
      }),
    );
  }

  async updateSettings(id: string, patch: Partial<TenantSettings>): Promise<Tenant> {
    const tenant = await this.get(id);
    tenant.settings = { ...tenant.settings, ...patch };
    return this.tenants.save(tenant);
  }

  /** The tenant admin's settings screen: name, time zone, locale and complaint number pattern, audited. */
  async updateTenant(auth: AuthContext, patch: TenantSettingsPatch): Promise<Tenant> {
    validateTenantFields(patch);
    return this.tenants.manager.transaction(async (manager) => {
      const repository = manager.getRepository(Tenant);
      const tenant = await repository.findOneOrFail({ where: { id: auth.tenantId } });
      const before = snapshot(tenant);
      if (patch.name !== undefined) tenant.name = patch.name.trim();
      if (patch.timeZone !== undefined) tenant.timeZone = patch.timeZone;
      if (patch.locale !== undefined) tenant.locale = patch.locale;
      if (patch.numberPattern !== undefined) tenant.settings = { ...tenant.settings, numberPattern: patch.numberPattern };
      const saved = await repository.save(tenant);
      await this.audit.record(auth, 'update_tenant', 'tenant', tenant.id, before, snapshot(saved), manager);
      return saved;
    });
  }
}
