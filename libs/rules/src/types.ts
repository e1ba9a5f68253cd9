/** Public types of @redress/rules. */

/** A JsonLogic rule: any JSON value; objects with exactly one key are operator applications. */
export type JsonLogicRule = unknown;

export type FactType = 'string' | 'number' | 'boolean' | 'datetime' | 'date' | 'string[]' | 'number[]' | 'object' | 'any';

export const FACT_TYPES: readonly FactType[] = ['string', 'number', 'boolean', 'datetime', 'date', 'string[]', 'number[]', 'object', 'any'];

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface FactField {
  type: FactType;
  label?: LocalizedText;
  options?: string[];
}

/** Keys are dotted `var` paths, e.g. `complaint.channel`. */
export interface FactSchema {
  fields: Record<string, FactField>;
}

/** Supplied by the caller (the SLA module owns the real one). */
export interface WorkingCalendar {
  isWorkingDay(date: Date): boolean;
  addWorkingDays(from: Date, days: number): Date;
  workingDaysBetween(from: Date, to: Date): number;
}

export interface EvaluationContext {
  /** The evaluation instant. Rules never read the wall clock. */
  now: Date | string;
  /** IANA time zone of the tenant, default `Asia/Shanghai`. */
  timeZone?: string;
  calendar?: WorkingCalendar;
}

export type RuleProblemCode =
  | 'UNKNOWN_OPERATOR'
  | 'WRONG_ARITY'
  | 'UNKNOWN_FACT'
  | 'TYPE_MISMATCH'
  | 'TOO_DEEP'
  | 'TOO_LARGE'
  | 'UNSAFE_REGEX'
  | 'INVALID_RULE'
  | 'INVALID_ARGUMENT'
  | 'INVALID_TABLE'
  | 'DUPLICATE_KEY';

export interface RuleProblem {
  /** JSON path like `$.and[1].var`. */
  path: string;
  /** One of {@link RuleProblemCode} (typed as string so new codes stay compatible). */
  code: string;
  message: string;
  suggestion?: string;
}

export interface TraceNode {
  op: string;
  value: unknown;
  args?: TraceNode[];
}

export interface EvaluationResult<T = unknown> {
  value: T;
  trace?: TraceNode;
  error?: string;
}

export interface OperatorArg {
  name: string;
  type: FactType;
  description: LocalizedText;
  optional?: boolean;
  variadic?: boolean;
}

export interface OperatorDefinition {
  name: string;
  description: LocalizedText;
  args: OperatorArg[];
  returns: FactType;
  category?: string;
  fn: (ctx: EvaluationContext, ...args: unknown[]) => unknown;
}

export interface OperatorInfo {
  name: string;
  description: LocalizedText;
  args: OperatorArg[];
  returns: FactType;
  category: string;
  /** Shipped with Redress (JSON-logic's own operators and Redress's built-in ones) rather than registered by a plugin. */
  builtin: boolean;
  /** One of JSON-logic's own operators (`==`, `and`, `in`, …); the others are Redress or plugin operators. */
  standard: boolean;
}

export interface DecisionRow<T = unknown> {
  key: string;
  when: JsonLogicRule;
  then: T;
  priority?: number;
  description?: string;
}

export type HitPolicy = 'first' | 'collect' | 'priority';

export interface DecisionTable<T = unknown> {
  key: string;
  hitPolicy: HitPolicy;
  rows: DecisionRow<T>[];
  default?: T;
}

export interface TableRowTrace {
  row: string;
  matched: boolean;
  trace?: TraceNode;
  error?: string;
}

export interface TableResult<T = unknown> {
  value: T | T[] | undefined;
  /** Keys of the matched rows (for `first`/`priority` at most one). */
  matched: string[];
  defaulted: boolean;
  trace?: TableRowTrace[];
  error?: string;
}

export interface RuleEngineOptions {
  operators?: OperatorDefinition[];
  /** Maximum nesting depth of a rule (default 32). */
  maxDepth?: number;
  /** Maximum number of JSON nodes in a rule (default 2000). */
  maxNodes?: number;
  /** Maximum length of an array an iterator/merge may consider (default 10 000). */
  maxArrayLength?: number;
  /** Maximum iterations (map/filter/reduce/all/some/none/merge items) per evaluation (default 1 000 000). */
  maxSteps?: number;
  /** Size of the keyed compile cache (default 1000). */
  cacheSize?: number;
}

export interface EvaluateOptions<T = unknown> {
  context?: EvaluationContext;
  trace?: boolean;
  default?: T;
}

export interface EvaluateTableOptions {
  context?: EvaluationContext;
  trace?: boolean;
}
