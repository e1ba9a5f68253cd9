import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SlaClock, SlaExtensionRequest } from './sla-clock.entity';
import { SlaService } from './sla.service';
import { SlaScheduler } from './sla.scheduler';
import { SlaCalendars } from './sla-calendars.service';
import { SlaResolver } from './sla.resolver';
import { SlaCalendarsResolverService } from './sla-console.service';
import { EscalationService } from './escalation/escalation.service';
import { HolidayCoverageService } from './holiday-coverage.service';

/**
 * SLA clocks, the scheduler that fires warnings and breaches, and escalation. Global: the complaint module
 * calls SlaService / EscalationService; this module reaches the complaint module only through
 * COMPLAINT_ESCALATION_PORT and the policy module through ModuleRef, so neither imports the other.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([SlaClock, SlaExtensionRequest])],
  providers: [SlaService, SlaScheduler, SlaCalendars, EscalationService, SlaResolver, SlaCalendarsResolverService, HolidayCoverageService],
  exports: [SlaService, SlaScheduler, SlaCalendars, EscalationService, HolidayCoverageService],
})
export class SlaModule {}
