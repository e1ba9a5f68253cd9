import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Incident, IncidentMember } from './incident.entity';
import { IncidentService } from './incident.service';
import { IncidentScheduler } from './incident.scheduler';
import { IncidentResolver } from './incident.resolver';

/** 批量事件: mass incidents grouped by policy rule or by hand, answered and closed together. */
@Module({
  imports: [TypeOrmModule.forFeature([Incident, IncidentMember])],
  providers: [IncidentService, IncidentScheduler, IncidentResolver],
  exports: [IncidentService, IncidentScheduler],
})
export class IncidentModule {}
