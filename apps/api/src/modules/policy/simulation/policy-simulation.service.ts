import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { emptyPolicy } from '@redress/sdk';
import { PolicyService } from '../policy.service';
import { Clock } from '../../../common/clock';
import { newId } from '../../../common/db/columns';
import { PolicyErrors } from '../policy.exception';
import { CompiledPolicy } from '../engine/compiled-policy';
import { normalizeDocument } from '../engine/policy-document';
import { InvalidSampleInstant, sampleInstant, timeZoneOf } from '../engine/rule-tests';
import { SIMULATION_SAMPLE_SOURCE, type SimulationSampleSource } from './sample-source';
import { PolicySimulation, type SimulationResult, type SimulationSample } from './simulate';

export interface SimulationRequest {
  facts?: Record<string, unknown>[];
  lastN?: number;
  differencesOffset?: number;
  differencesLimit?: number;
}

export interface SimulationJob {
  id: string;
  tenantId: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  progress: number;
  result: (SimulationResult & { baseVersion: number | null }) | null;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

/** Up to this many complaints are simulated inside the request; more run as a background job. */
export const SYNC_SIMULATION_LIMIT = 2000;
const CHUNK = 500;
const MAX_JOBS = 200;

/**
 * "What would the draft change?" — every sample complaint decided by the current version and by the draft.
 * Jobs live in memory in this process (a restart forgets them; a client polling another instance will not find
 * them — acceptable for an interactive what-if tool, see docs/policy.md).
 */
@Injectable()
export class PolicySimulationService {
  private readonly logger = new Logger('PolicySimulation');
  private readonly jobs = new Map<string, SimulationJob>();

  constructor(
    private readonly policies: PolicyService,
    private readonly clock: Clock,
    private readonly moduleRef: ModuleRef,
    @Optional() @Inject(SIMULATION_SAMPLE_SOURCE) private readonly injectedSource?: SimulationSampleSource,
  ) {}

  /** The complaint module's source: injected when visible here, else looked up app-wide (it lives in a module that imports this one). */
  private sampleSource(): SimulationSampleSource | undefined {
    if (this.injectedSource) return this.injectedSource;
    try {
      return this.moduleRef.get<SimulationSampleSource>(SIMULATION_SAMPLE_SOURCE, { strict: false });
    } catch {
      return undefined;
    }
  }

  async start(tenantId: string, request: SimulationRequest): Promise<SimulationJob> {
    const hasFacts = Array.isArray(request.facts);
    const hasLastN = typeof request.lastN === 'number';
    if (hasFacts === hasLastN) throw PolicyErrors.create('SIMULATION_SAMPLE_INVALID', { field: 'sample' });
    let samples: SimulationSample[];
    if (hasFacts) {
      samples = request.facts!.map((facts) => ({ facts }));
      this.assertInstants(samples);
    } else {
      const source = this.sampleSource();
      if (!source) throw PolicyErrors.create('SIMULATION_SOURCE_UNAVAILABLE', { field: 'sample.lastN' });
      samples = await source.recentFacts(tenantId, request.lastN!);
    }
    const current = await this.policies.getCurrent(tenantId);
    const base = current ?? new CompiledPolicy(0, normalizeDocument(emptyPolicy()));
    const draft = new CompiledPolicy(0, await this.policies.draftDocument(tenantId));
    const context = { now: this.clock.now(), timeZone: timeZoneOf(draft) };
    const simulation = new PolicySimulation(base, draft, context, {
      offset: request.differencesOffset ?? 0,
      limit: request.differencesLimit ?? 100,
    });
    const job: SimulationJob = {
      id: newId(),
      tenantId,
      status: 'running',
      total: samples.length,
      processed: 0,
      progress: 0,
      result: null,
      error: null,
      startedAt: this.clock.now(),
      finishedAt: null,
    };
    this.remember(job);
    const finish = () => {
      job.result = { ...simulation.result(), baseVersion: current?.version ?? null };
      job.status = 'done';
      job.processed = simulation.processed;
      job.progress = 1;
      job.finishedAt = this.clock.now();
    };
    if (samples.length <= SYNC_SIMULATION_LIMIT) {
      simulation.add(samples);
      finish();
      return job;
    }
    // Background: chunks with a yield between them so requests keep being served.
    const run = (offset: number) => {
      try {
        simulation.add(samples.slice(offset, offset + CHUNK));
        job.processed = simulation.processed;
        job.progress = job.total ? job.processed / job.total : 1;
        if (offset + CHUNK < samples.length) setImmediate(() => run(offset + CHUNK));
        else finish();
      } catch (error) {
        job.status = 'failed';
        job.error = (error as Error).message;
        job.finishedAt = this.clock.now();
        this.logger.error(`Simulation ${job.id} failed: ${job.error}`);
      }
    };
    setImmediate(() => run(0));
    return job;
  }

  /** A given sample is decided at the `now` of its facts; one that is not a time is the caller's mistake, said before the run. */
  private assertInstants(samples: SimulationSample[]): void {
    const fallback = this.clock.now();
    samples.forEach((sample, index) => {
      try {
        sampleInstant(sample.facts, fallback);
      } catch (error) {
        if (!(error instanceof InvalidSampleInstant)) throw error;
        throw PolicyErrors.create('SAMPLE_NOW_INVALID', {
          field: `sample.facts[${index}].now`,
          params: { index, value: JSON.stringify(error.value) },
        });
      }
    });
  }

  get(tenantId: string, id: string): SimulationJob {
    const job = this.jobs.get(id);
    if (!job || job.tenantId !== tenantId) throw PolicyErrors.create('SIMULATION_JOB_NOT_FOUND', { field: 'id', params: { id } });
    return job;
  }

  private remember(job: SimulationJob): void {
    this.jobs.set(job.id, job);
    while (this.jobs.size > MAX_JOBS) this.jobs.delete(this.jobs.keys().next().value as string);
  }
}
