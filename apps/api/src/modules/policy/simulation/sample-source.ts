/**
 * Where `simulatePolicy(sample: {lastN})` gets real complaints. The complaint module provides it under this token;
 * the policy module injects it optionally (without it, only given samples can be simulated).
 */
export const SIMULATION_SAMPLE_SOURCE = Symbol('SIMULATION_SAMPLE_SOURCE');

export interface SimulationSampleSource {
  /** The tenant's most recent complaints as rule facts (the shape intake builds), newest first. */
  recentFacts(tenantId: string, limit: number): Promise<{ id: string; number: string; facts: Record<string, unknown> }[]>;
}
