import type { CompiledPolicy, PolicyDecisions } from '../engine/compiled-policy';
import { sampleEvaluation } from '../engine/rule-tests';

/** Where samples are evaluated: the time zone, and the instant for samples whose facts carry no `now`. */
export interface SimulationContext {
  now: Date;
  timeZone: string;
}

export interface SimulationSample {
  id?: string;
  number?: string;
  facts: Record<string, unknown>;
}

export interface SimulationOutcome {
  valid: boolean;
  invalidReason?: string;
  severity: string;
  department?: string;
  slaPolicy?: string;
}

export interface SimulationDifference {
  /** Position in the sample (0-based). */
  index: number;
  id?: string;
  number?: string;
  /** Which decisions changed: validity, severity, department, slaPolicy. */
  changed: string[];
  before: SimulationOutcome;
  after: SimulationOutcome;
}

export interface DepartmentLoad {
  /** Department key; `(none)` for complaints left to manual dispatch. */
  department: string;
  before: number;
  after: number;
}

export interface SimulationResult {
  total: number;
  changedAny: number;
  validityChanged: number;
  severityChanged: number;
  departmentChanged: number;
  slaPolicyChanged: number;
  /** Valid complaints per responsible department under each policy. */
  departmentLoad: DepartmentLoad[];
  differencesOffset: number;
  differences: SimulationDifference[];
  elapsedMs: number;
}

const outcomeOf = (d: PolicyDecisions): SimulationOutcome => ({
  valid: d.validity.valid,
  ...(d.validity.reason ? { invalidReason: d.validity.reason } : {}),
  severity: d.severity.level,
  ...(d.routing.department ? { department: d.routing.department } : {}),
  ...(d.sla.policy ? { slaPolicy: d.sla.policy } : {}),
});

const NO_DEPARTMENT = '(none)';

/**
 * Runs samples through two policies and counts what would change. Incremental so a background job can feed it in
 * chunks and report progress.
 */
export class PolicySimulation {
  private readonly counts = { total: 0, changedAny: 0, validityChanged: 0, severityChanged: 0, departmentChanged: 0, slaPolicyChanged: 0 };
  private readonly load = new Map<string, { before: number; after: number }>();
  private readonly differences: SimulationDifference[] = [];
  private differenceCount = 0;
  private elapsedMs = 0;

  constructor(
    private readonly before: CompiledPolicy,
    private readonly after: CompiledPolicy,
    private readonly context: SimulationContext,
    private readonly page: { offset: number; limit: number } = { offset: 0, limit: 100 },
  ) {}

  add(samples: SimulationSample[]): void {
    const started = performance.now();
    for (const sample of samples) {
      const index = this.counts.total++;
      // Each sample at its own `now` (a stored complaint's is its receipt), as its rule test or intake decided it.
      const { facts, context } = sampleEvaluation(sample.facts, this.context.now, this.context.timeZone);
      const before = outcomeOf(this.before.decide(facts, context, { trace: false }));
      const after = outcomeOf(this.after.decide(facts, context, { trace: false }));
      const changed: string[] = [];
      if (before.valid !== after.valid || before.invalidReason !== after.invalidReason) changed.push('validity');
      if (before.severity !== after.severity) changed.push('severity');
      if (before.department !== after.department) changed.push('department');
      if (before.slaPolicy !== after.slaPolicy) changed.push('slaPolicy');
      if (changed.includes('validity')) this.counts.validityChanged++;
      if (changed.includes('severity')) this.counts.severityChanged++;
      if (changed.includes('department')) this.counts.departmentChanged++;
      if (changed.includes('slaPolicy')) this.counts.slaPolicyChanged++;
      if (before.valid) this.loadOf(before.department).before++;
      if (after.valid) this.loadOf(after.department).after++;
      if (changed.length) {
        this.counts.changedAny++;
        const position = this.differenceCount++;
        if (position >= this.page.offset && this.differences.length < this.page.limit) {
          this.differences.push({
            index,
            ...(sample.id ? { id: sample.id } : {}),
            ...(sample.number ? { number: sample.number } : {}),
            changed,
            before,
            after,
          });
        }
      }
    }
    this.elapsedMs += performance.now() - started;
  }

  get processed(): number {
    return this.counts.total;
  }

  result(): SimulationResult {
    const departmentLoad = [...this.load.entries()]
      .map(([department, n]) => ({ department, ...n }))
      .sort((a, b) => (a.department < b.department ? -1 : a.department > b.department ? 1 : 0));
    return {
      ...this.counts,
      departmentLoad,
      differencesOffset: this.page.offset,
      differences: this.differences,
      elapsedMs: Math.round(this.elapsedMs * 10) / 10,
    };
  }

  private loadOf(department: string | undefined) {
    const key = department ?? NO_DEPARTMENT;
    let entry = this.load.get(key);
    if (!entry) this.load.set(key, (entry = { before: 0, after: 0 }));
    return entry;
  }
}

/** All samples at once (the synchronous path). */
export function simulate(
  before: CompiledPolicy,
  after: CompiledPolicy,
  samples: SimulationSample[],
  context: SimulationContext,
  page?: { offset: number; limit: number },
): SimulationResult {
  const simulation = new PolicySimulation(before, after, context, page);
  simulation.add(samples);
  return simulation.result();
}
