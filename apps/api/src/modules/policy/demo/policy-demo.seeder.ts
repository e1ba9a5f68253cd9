import { Injectable } from '@nestjs/common';
import type { DemoSeeder } from '../../demo/demo-seeders';
import { PolicyService } from '../policy.service';
import { DEMO_POLICY } from './demo-policy';

/** Publishes the demo policy as version 1 of 演示公司. */
@Injectable()
export class PolicyDemoSeeder implements DemoSeeder {
  constructor(private readonly policies: PolicyService) {}

  async seedDemo(tenantId: string): Promise<void> {
    await this.policies.publishDocument(tenantId, DEMO_POLICY, undefined, '演示策略（初始版本）');
  }
}
