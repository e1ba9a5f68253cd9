import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Complaint, ComplaintCounter, ComplaintEvent, ComplaintReply, ComplaintTask } from './complaint.entity';
import { Customer } from '../customer/customer.entity';
import { ComplaintFindingsService } from './complaint-findings.service';
import { ComplaintFindingsResolver } from './complaint-findings.resolver';
import { ComplaintService } from './complaint.service';
import { ComplaintWorkflow } from './complaint-workflow';
import { ComplaintIntakeService } from './complaint-intake.service';
import { ComplaintResolver } from './complaint.resolver';
import { ComplaintTimeline } from './complaint-timeline';
import { PluginHooks } from './plugin-hooks';
import { ComplaintEscalationAdapter } from './complaint-escalation.adapter';
import { ComplaintSampleSource } from './complaint-sample.source';
import { SIMULATION_SAMPLE_SOURCE } from '../policy/simulation/sample-source';
import { ComplaintDemoSeeder } from './demo/complaint-demo.seeder';
import { COMPLAINT_ESCALATION_PORT } from '../sla/escalation/escalation-port';
import { GroupCommit } from '../../database/group-commit';

/** Global so the policy module (simulation) and the SLA module (escalation) reach its ports without an import cycle. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Complaint, ComplaintEvent, ComplaintTask, ComplaintReply, ComplaintCounter, Customer])],
  providers: [
    ComplaintService,
    ComplaintIntakeService,
    ComplaintResolver,
    ComplaintFindingsService,
    ComplaintFindingsResolver,
    ComplaintTimeline,
    PluginHooks,
    ComplaintEscalationAdapter,
    ComplaintSampleSource,
    ComplaintDemoSeeder,
    GroupCommit,
    ComplaintWorkflow,
    { provide: SIMULATION_SAMPLE_SOURCE, useExisting: ComplaintSampleSource },
    { provide: COMPLAINT_ESCALATION_PORT, useExisting: ComplaintEscalationAdapter },
  ],
  exports: [ComplaintService, ComplaintIntakeService, ComplaintTimeline, SIMULATION_SAMPLE_SOURCE, COMPLAINT_ESCALATION_PORT],
})
export class ComplaintModule {}
