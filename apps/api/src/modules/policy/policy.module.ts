import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PolicyDraftItem } from './policy-draft-item.entity';
import { PolicyVersion } from './policy-version.entity';
import { PolicyDraftService } from './policy-draft.service';
import { PolicyService } from './policy.service';
import { PolicyDraftResolver } from './policy-draft.resolver';
import { PolicyVersionResolver } from './policy-version.resolver';
import { PolicySimulationService } from './simulation/policy-simulation.service';
import { PolicySimulationResolver } from './simulation/policy-simulation.resolver';
import { PolicyDemoSeeder } from './demo/policy-demo.seeder';
import { AuditModule } from '../audit/audit.module';

/**
 * The policy studio: the draft (rows), immutable versions, validation, rule tests, diff, export/import, simulation.
 * Other modules decide with `PolicyService.getCurrent(tenantId)` → CompiledPolicy. Global: complaint intake, SLA,
 * plugins and analytics all read policy, and PolicyModule depends on none of them.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([PolicyDraftItem, PolicyVersion]), AuditModule],
  providers: [
    PolicyDraftService,
    PolicyService,
    PolicySimulationService,
    PolicyDraftResolver,
    PolicyVersionResolver,
    PolicySimulationResolver,
    PolicyDemoSeeder,
  ],
  exports: [PolicyService, PolicySimulationService],
})
export class PolicyModule {}
