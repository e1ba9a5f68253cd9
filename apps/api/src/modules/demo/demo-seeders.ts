import type { Type } from '@nestjs/common';
import { PolicyDemoSeeder } from '../policy/demo/policy-demo.seeder';
import { ComplaintDemoSeeder } from '../complaint/demo/complaint-demo.seeder';

/** A service that fills the demo tenant with its module's data (policy, complaints …). */
export interface DemoSeeder {
  seedDemo(tenantId: string): Promise<void>;
}

/** Seeders run in this order after the demo tenant and users exist. Modules add their seeder's class here. */
export const DEMO_SEEDERS: Type<DemoSeeder>[] = [
  PolicyDemoSeeder,
  // After the policy: ~300 complaints of history through the real services (config.demoComplaints).
  ComplaintDemoSeeder,
];
