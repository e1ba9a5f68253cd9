import {
  defaultEngine,
  explainableTrace,
  normalizeText,
  summarizeTrace,
  type DecisionTable,
  type ExplainedTrace,
  type EvaluationContext,
  type RuleEngine,
  type TableResult,
} from '@redress/rules';
import type {
  ComplaintTypeDefinition,
  FieldDefinition,
  PolicyDocument,
  RoutingOutcome,
  SeverityLevel,
  SlaPolicyDefinition,
  ValidityOutcome,
} from '@redress/sdk';
import { typeLineage, typePathOf } from './type-tree';

export type RoutingStrategy = 'manual' | 'round_robin' | 'least_loaded';

export interface PolicyDecisions {
  validity: { valid: boolean; reason?: string; rowKey?: string; trace?: string; explained?: ExplainedTrace };
  severity: { level: string; rowKey?: string; trace?: string; explained?: ExplainedTrace };
  routing: {
    department?: string;
    team?: string;
    assignee?: string;
    strategy: RoutingStrategy;
    rowKey?: string;
    trace?: string;
    explained?: ExplainedTrace;
  };
  sla: { policy?: string; rowKey?: string; trace?: string; explained?: ExplainedTrace };
}

export interface DecideOptions {
  /** Explain each decision in `trace` (default true). Simulation turns it off for speed. */
  trace?: boolean;
}

type Facts = Record<string, unknown>;
const STRATEGIES: RoutingStrategy[] = ['manual', 'round_robin', 'least_loaded'];

/** How one table came to its value, for the `trace` of a decision. */
interface TableOutcome<T> {
  value: T | undefined;
  rowKey?: string;
  note: string;
  /** The matched row's trace, structured (for the console to explain in the reader's language). */
  explained?: ExplainedTrace;
}

/**
 * A published policy ready to decide: lookups built once, rule tables evaluated through the engine's compile cache.
 * Pure: no database, no clock (the caller passes `context.now`), safe to share between requests.
 */
export class CompiledPolicy {
  private readonly types: Map<string, ComplaintTypeDefinition>;
  private readonly fields: Map<string, FieldDefinition>;
  private readonly levels: Map<string, SeverityLevel>;
  private readonly slaPolicies: Map<string, SlaPolicyDefinition>;
  private readonly typePaths = new Map<string, string>();
  private readonly engine: RuleEngine;

  constructor(
    readonly version: number,
    readonly document: PolicyDocument,
    engine?: RuleEngine,
  ) {
    this.engine = engine ?? defaultEngine;
    this.types = new Map(document.complaintTypes.map((x) => [x.key, x]));
    this.fields = new Map(document.fields.map((x) => [x.key, x]));
    this.levels = new Map(document.severityLevels.map((x) => [x.key, x]));
    this.slaPolicies = new Map(document.slaPolicies.map((x) => [x.key, x]));
    for (const type of document.complaintTypes) this.typePaths.set(type.key, typePathOf(this.types, type.key));
  }

  /**
   * validity → severity → routing → SLA selection; each later table sees the earlier results as facts
   * (`validity.valid`, `validity.reason`, `severity`). Never throws: a failing table yields its fallbacks and the
   * trace says so. Fallbacks when no row matches: severity → the type's defaultSeverity (nearest ancestor), then
   * the table default, then settings.defaultSeverity; routing → the type's defaultDepartment (nearest ancestor),
   * then the table default; validity → the table default, else valid; SLA → the table default.
   */
  decide(facts: Facts, context: EvaluationContext, options: DecideOptions = {}): PolicyDecisions {
    const trace = options.trace ?? true;
    const working = this.withTypeFacts(facts);
    const typeKey = this.typeKeyOf(working);

    const validityTable = this.evaluate<ValidityOutcome>(this.document.rules.validity, working, context, trace);
    const validityValue = isValidityOutcome(validityTable.value) ? validityTable.value : undefined;
    const validity: PolicyDecisions['validity'] = validityValue
      ? { valid: validityValue.valid, ...(validityValue.reason ? { reason: validityValue.reason } : {}) }
      : { valid: true };
    if (!validityValue) validityTable.note += '; treated as valid';
    this.explain(validity, validityTable, trace);
    working.validity = { valid: validity.valid, reason: validity.reason ?? null };

    const severityTable = this.evaluate<string>(this.document.rules.severity, working, context, trace);
    let level = severityTable.rowKey && this.levels.has(String(severityTable.value)) ? String(severityTable.value) : undefined;
    if (!level) {
      const fromType = this.inherited(typeKey, (type) => type.defaultSeverity);
      const fromTable =
        severityTable.value !== undefined && this.levels.has(String(severityTable.value)) ? String(severityTable.value) : undefined;
      level = fromType ?? fromTable ?? this.document.settings.defaultSeverity;
      severityTable.note += fromType
        ? `; type default ${fromType}`
        : fromTable
          ? `; table default ${fromTable}`
          : `; settings default ${level}`;
    }
    const severity: PolicyDecisions['severity'] = { level };
    this.explain(severity, severityTable, trace);
    working.severity = level;
    if (isRecord(working.complaint)) working.complaint = { ...working.complaint, severity: level };

    const routingTable = this.evaluate<RoutingOutcome>(this.document.rules.routing, working, context, trace);
    const matchedRoute = routingTable.rowKey && isRecord(routingTable.value) ? (routingTable.value as RoutingOutcome) : undefined;
    const routing: PolicyDecisions['routing'] = { strategy: 'manual' };
    if (matchedRoute) Object.assign(routing, routeOf(matchedRoute));
    else {
      const fromType = this.inherited(typeKey, (type) => type.defaultDepartment);
      const fromTable = isRecord(routingTable.value) ? (routingTable.value as RoutingOutcome) : undefined;
      if (fromType) {
        routing.department = fromType;
        routingTable.note += `; type default ${fromType}`;
      } else if (fromTable) {
        Object.assign(routing, routeOf(fromTable));
        routingTable.note += `; table default ${fromTable.department}`;
      } else routingTable.note += '; no department (manual dispatch)';
    }
    this.explain(routing, routingTable, trace);
    if (routing.department && isRecord(working.complaint)) working.complaint = { ...working.complaint, department: routing.department };

    const slaTable = this.evaluate<string>(this.document.rules.sla, working, context, trace);
    const policy = slaTable.value !== undefined && this.slaPolicies.has(String(slaTable.value)) ? String(slaTable.value) : undefined;
    if (slaTable.value !== undefined && !policy) slaTable.note += `; unknown SLA policy ${String(slaTable.value)} ignored`;
    const sla: PolicyDecisions['sla'] = policy ? { policy } : {};
    this.explain(sla, slaTable, trace);

    return { validity, severity, routing, sla };
  }

  /** The type's path in the tree, e.g. `service/attitude`. */
  /** The complaint's type and its ancestors' keys, nearest first. */
  typeKeys(typeKey: string): string[] {
    return typeLineage(this.types, typeKey).map((type) => type.key);
  }

  typePath(typeKey: string): string {
    return this.typePaths.get(typeKey) ?? typeKey;
  }

  /** The fields of a type: the root ancestor's first, then each descendant's, without repeats. */
  fieldsForType(typeKey: string): FieldDefinition[] {
    const seen = new Set<string>();
    const out: FieldDefinition[] = [];
    for (const type of typeLineage(this.types, typeKey)) {
      for (const key of type.fields) {
        const field = this.fields.get(key);
        if (field && !seen.has(key)) {
          seen.add(key);
          out.push(field);
        }
      }
    }
    return out;
  }

  complaintType(typeKey: string): ComplaintTypeDefinition | undefined {
    return this.types.get(typeKey);
  }

  severityLevel(key: string): SeverityLevel | undefined {
    return this.levels.get(key);
  }

  slaPolicy(key: string): SlaPolicyDefinition | undefined {
    return this.slaPolicies.get(key);
  }

  /** Adds `complaint.typePath` and `complaint.kind` from the type tree when the caller did not. */
  private withTypeFacts(facts: Facts): Facts {
    const working: Facts = { ...facts };
    if (isRecord(facts.complaint)) {
      const complaint = { ...facts.complaint };
      const type = typeof complaint.type === 'string' ? this.types.get(complaint.type) : undefined;
      if (type) {
        complaint.typePath ??= this.typePath(type.key);
        complaint.kind ??= type.kind;
      }
      working.complaint = complaint;
    }
    return working;
  }

  private typeKeyOf(facts: Facts): string | undefined {
    const complaint = facts.complaint;
    return isRecord(complaint) && typeof complaint.type === 'string' ? complaint.type : undefined;
  }

  /** Retention in months for closed complaints of the type: its own or the nearest ancestor's; null = kept. */
  retentionMonths(typeKey: string): number | null {
    const lineage = typeLineage(this.types, typeKey);
    for (let i = lineage.length - 1; i >= 0; i--) {
      const months = lineage[i].retentionMonths;
      if (typeof months === 'number') return months;
    }
    return null;
  }

  /** The nearest value up the type tree (the type's own first). */
  private inherited(typeKey: string | undefined, pick: (type: ComplaintTypeDefinition) => string | undefined | null): string | undefined {
    if (!typeKey) return undefined;
    const lineage = typeLineage(this.types, typeKey);
    for (let i = lineage.length - 1; i >= 0; i--) {
      const value = pick(lineage[i]);
      if (value) return value;
    }
    return undefined;
  }

  private evaluate<T>(table: DecisionTable<T>, facts: Facts, context: EvaluationContext, trace: boolean): TableOutcome<T> {
    let result: TableResult<T>;
    try {
      result = this.engine.evaluateTable(table, facts, { context, trace });
    } catch (error) {
      return { value: undefined, note: `table ${table.key} failed: ${(error as Error).message}` };
    }
    const rowKey = result.matched[0];
    const value = (Array.isArray(result.value) && table.hitPolicy === 'collect' ? result.value[0] : result.value) as T | undefined;
    // A row whose rule fails to evaluate counts as not matching; the others still decide.
    const failed = result.error ? `; ${result.error}` : '';
    if (rowKey && !result.defaulted) {
      let note = `row ${rowKey} matched`;
      let explained: ExplainedTrace | undefined;
      if (trace) {
        const rowTrace = result.trace?.find((row) => row.row === rowKey)?.trace;
        const summary = rowTrace ? safeSummary(rowTrace) : '';
        if (summary) note += `: ${summary}`;
        if (rowTrace) explained = explainableTrace(rowTrace, normalizeText);
      }
      return { value, rowKey, note: note + failed, ...(explained ? { explained } : {}) };
    }
    const compileFailed = result.error && !result.trace?.length && result.matched.length === 0;
    return { value, note: `${compileFailed ? `table ${table.key} failed` : 'no row matched'}${failed}` };
  }

  private explain(
    target: { rowKey?: string; trace?: string; explained?: ExplainedTrace },
    outcome: TableOutcome<unknown>,
    trace: boolean,
  ): void {
    if (outcome.rowKey) target.rowKey = outcome.rowKey;
    if (trace) target.trace = outcome.note;
    if (trace && outcome.explained) target.explained = outcome.explained;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isValidityOutcome(value: unknown): value is ValidityOutcome {
  return isRecord(value) && typeof value.valid === 'boolean';
}

function routeOf(outcome: RoutingOutcome): Omit<PolicyDecisions['routing'], 'rowKey' | 'trace'> {
  const strategy = STRATEGIES.includes(outcome.strategy as RoutingStrategy) ? (outcome.strategy as RoutingStrategy) : 'manual';
  return {
    strategy,
    ...(outcome.department ? { department: outcome.department } : {}),
    ...(outcome.team ? { team: outcome.team } : {}),
    ...(outcome.assignee ? { assignee: outcome.assignee } : {}),
  };
}

function safeSummary(trace: unknown): string {
  try {
    return summarizeTrace(trace as never);
  } catch {
    return '';
  }
}
