import { Injectable, Logger } from '@nestjs/common';
import { PeriodicWorker } from '../../common/periodic-worker';
import { IncidentService } from './incident.service';

/** Grouping runs a few seconds behind intake: an outage's complaints become one incident without slowing intake. */
export const INCIDENT_TICK_MS = 5_000;

@Injectable()
export class IncidentScheduler extends PeriodicWorker<string[]> {
  protected readonly logger = new Logger('IncidentScheduler');

  constructor(private readonly incidents: IncidentService) {
    super(INCIDENT_TICK_MS);
  }

  protected sweep(): Promise<string[]> {
    return this.incidents.sweepAll();
  }
}
