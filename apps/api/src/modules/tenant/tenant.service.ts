import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Tenant, TenantSettings } from './tenant.entity';
import { notFound } from '../../common/errors/app-error';
import { newId } from '../../common/db/columns';

@Injectable()
export class TenantService {
  constructor(@InjectRepository(Tenant) private readonly tenants: Repository<Tenant>) {}

  async get(id: string): Promise<Tenant> {
    const tenant = await this.tenants.findOne({ where: { id } });
    if (!tenant) throw notFound('Tenant');
    return tenant;
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
    return this.tenants.save(this.tenants.create({
      id: newId(), slug: input.slug, name: input.name, timeZone: input.timeZone ?? 'Asia/Shanghai', locale: 'zh-CN',
      settings: input.settings ?? {},
    }));
  }

  async updateSettings(id: string, patch: Partial<TenantSettings>): Promise<Tenant> {
    const tenant = await this.get(id);
    tenant.settings = { ...tenant.settings, ...patch };
    return this.tenants.save(tenant);
  }
}
