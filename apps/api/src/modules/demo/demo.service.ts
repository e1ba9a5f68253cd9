import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TenantService } from '../tenant/tenant.service';
import { AuthService } from '../auth/auth.service';
import { Role } from '../../common/auth/roles';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { DEMO_SEEDERS, type DemoSeeder } from './demo-seeders';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_TENANT_SLUG = 'demo';
export const DEMO_USERS: { email: string; role: Role; displayName: string }[] = [
  { email: 'admin@demo.local', role: Role.admin, displayName: '系统管理员 王敏' },
  { email: 'manager@demo.local', role: Role.manager, displayName: '客服经理 李强' },
  { email: 'agent@demo.local', role: Role.agent, displayName: '坐席 张丽' },
  { email: 'handler@demo.local', role: Role.handler, displayName: '处理专员 陈刚' },
  { email: 'analyst@demo.local', role: Role.analyst, displayName: '分析师 刘洋' },
];

/** What a production start on an empty database prints: production never creates the demo tenant. */
export const FIRST_TENANT_HELP = [
  'The database has no tenant yet, so nobody can sign in. Create the first tenant and its admin with:',
  '  npm run tenant -- create --name "公司名称" --slug acme --admin-email admin@acme.example',
  'It prints a one-time setup link (valid 7 days); the admin opens it and sets a password.',
  'With REDRESS_PLATFORM_TOKEN set, a platform operator can do the same with the createTenant GraphQL mutation.',
].join('\n');

/** On an empty database outside production: the demo tenant 演示公司, its users and (through seeders) its policy. */
@Injectable()
export class DemoService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');
  constructor(
    private readonly tenants: TenantService,
    private readonly auth: AuthService,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.tenants.count()) > 0) return;
    if (this.config.seedDemo) {
      await this.seed();
      return;
    }
    if (this.config.production) this.logger.warn(FIRST_TENANT_HELP);
  }

  async seed(): Promise<string> {
    const tenant = await this.tenants.create({ slug: DEMO_TENANT_SLUG, name: '演示公司' });
    for (const user of DEMO_USERS) {
      await this.auth.createUser({ tenantId: tenant.id, password: DEMO_PASSWORD, ...user });
    }
    for (const seederType of DEMO_SEEDERS) {
      const seeder = this.moduleRef.get<DemoSeeder>(seederType, { strict: false });
      await seeder.seedDemo(tenant.id);
    }
    this.logger.log(
      `Created demo tenant 演示公司. Sign in with password "${DEMO_PASSWORD}" as: ${DEMO_USERS.map((u) => u.email).join(', ')}`,
    );
    return tenant.id;
  }
}
