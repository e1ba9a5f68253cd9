import { analyze, standardSpec, type OperatorSpec } from './analyze';
import { BUILTIN_OPERATORS } from './builtins';
import { buildEvaluator, NO_CONTEXT, type Env, type Fn } from './compiler';
import { RuleEvaluationError, RuleValidationError } from './errors';
import { STANDARD_BY_NAME, STANDARD_OPERATORS } from './standard';
import {
  FACT_TYPES,
  type DecisionRow,
  type DecisionTable,
  type EvaluateOptions,
  type EvaluateTableOptions,
  type EvaluationContext,
  type EvaluationResult,
  type FactSchema,
  type HitPolicy,
  type JsonLogicRule,
  type OperatorDefinition,
  type OperatorInfo,
  type RuleEngineOptions,
  type RuleProblem,
  type TableResult,
  type TableRowTrace,
  type TraceNode,
} from './types';

const BRAND = Symbol('redress.rules.compiled');

/** A rule prepared by {@link RuleEngine.compile}. Immutable; reuse it for every evaluation. */
export class CompiledRule {
  /** @internal */ readonly [BRAND]: RuleEngine;
  /** @internal */ readonly fn: Fn;
  private tracedFn: Fn | undefined;
  private readonly ops: ReadonlyMap<string, OperatorDefinition>;

  /** @internal */
  constructor(
    engine: RuleEngine,
    ops: ReadonlyMap<string, OperatorDefinition>,
    readonly rule: JsonLogicRule,
    readonly nodes: number,
    readonly depth: number,
  ) {
    this[BRAND] = engine;
    this.ops = ops;
    this.fn = buildEvaluator(rule, ops, false);
  }

  /** @internal */
  traced(): Fn {
    return (this.tracedFn ??= buildEvaluator(this.rule, this.ops, true));
  }
}

export interface CompiledRow<T = unknown> {
  key: string;
  when: CompiledRule;
  then: T;
  priority: number;
  description?: string;
}

/** A decision table prepared by {@link RuleEngine.compileTable}. */
export class CompiledTable<T = unknown> {
  /** @internal */ readonly [BRAND]: RuleEngine;
  constructor(
    engine: RuleEngine,
    readonly key: string,
    readonly hitPolicy: HitPolicy,
    readonly rows: readonly CompiledRow<T>[],
    readonly defaultValue: T | undefined,
    readonly table: DecisionTable<T>,
  ) {
    this[BRAND] = engine;
  }
}

const OP_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype', 'method', 'hasOwnProperty', 'toString', 'valueOf']);
const HIT_POLICIES: HitPolicy[] = ['first', 'collect', 'priority'];

export interface CompileOptions {
  /** Caller-supplied cache key (e.g. `policyId@version`); same key → same compiled rule. */
  cacheKey?: string;
}

export class RuleEngine {
  readonly maxDepth: number;
  readonly maxNodes: number;
  readonly maxArrayLength: number;
  readonly maxSteps: number;
  private readonly ops = new Map<string, OperatorDefinition>();
  private readonly builtinNames = new Set<string>();
  private readonly specs = new Map<string, OperatorSpec>();
  private readonly byIdentity = new WeakMap<object, CompiledRule>();
  private readonly byKey = new Map<string, CompiledRule | CompiledTable>();
  private readonly cacheSize: number;
  private readonly tableCache = new WeakMap<object, CompiledTable>();

  constructor(options: RuleEngineOptions = {}) {
    this.maxDepth = options.maxDepth ?? 32;
    this.maxNodes = options.maxNodes ?? 2000;
    this.maxArrayLength = options.maxArrayLength ?? 10_000;
    this.maxSteps = options.maxSteps ?? 1_000_000;
    this.cacheSize = options.cacheSize ?? 1000;
    for (const def of BUILTIN_OPERATORS) {
      this.registerOperator(def);
      this.builtinNames.add(def.name);
    }
    for (const def of options.operators ?? []) this.registerOperator(def);
  }

  // ------------------------------------------------------------------ registry

  registerOperator(def: OperatorDefinition): void {
    const fail = (msg: string): never => {
      throw new Error(`registerOperator(${typeof def?.name === 'string' ? JSON.stringify(def.name) : '?'}): ${msg}`);
    };
    if (!def || typeof def !== 'object') fail('definition must be an object');
    if (typeof def.name !== 'string' || !OP_NAME.test(def.name)) fail('name must match /^[A-Za-z_][A-Za-z0-9_]*$/');
    if (RESERVED.has(def.name)) fail('name is reserved');
    if (STANDARD_BY_NAME.has(def.name) || this.ops.has(def.name)) fail('an operator with this name is already registered');
    if (typeof def.fn !== 'function') fail('fn must be a function');
    const text = (t: unknown) =>
      !!t &&
      typeof t === 'object' &&
      typeof (t as { zh?: unknown }).zh === 'string' &&
      (t as { zh: string }).zh !== '' &&
      typeof (t as { en?: unknown }).en === 'string' &&
      (t as { en: string }).en !== '';
    if (!text(def.description)) fail('description needs non-empty zh and en texts');
    if (!FACT_TYPES.includes(def.returns)) fail(`returns must be one of ${FACT_TYPES.join(', ')}`);
    if (!Array.isArray(def.args)) fail('args must be an array');
    let optionalSeen = false;
    const names = new Set<string>();
    def.args.forEach((a, i) => {
      const where = `args[${i}]`;
      if (!a || typeof a.name !== 'string' || a.name === '') fail(`${where}.name must be a non-empty string`);
      if (names.has(a.name)) fail(`${where}: duplicate argument name "${a.name}"`);
      names.add(a.name);
      if (!FACT_TYPES.includes(a.type)) fail(`${where}.type must be one of ${FACT_TYPES.join(', ')}`);
      if (!text(a.description)) fail(`${where}.description needs non-empty zh and en texts`);
      if (a.variadic && i !== def.args.length - 1) fail(`${where}: only the last argument may be variadic`);
      if (a.optional || a.variadic) optionalSeen = true;
      else if (optionalSeen) fail(`${where}: a required argument cannot follow an optional one`);
    });
    const frozen: OperatorDefinition = Object.freeze({
      ...def,
      description: Object.freeze({ ...def.description }),
      args: Object.freeze(
        def.args.map((a) => Object.freeze({ ...a, description: Object.freeze({ ...a.description }) })),
      ) as OperatorDefinition['args'],
    });
    this.ops.set(def.name, frozen);
    const last = def.args[def.args.length - 1];
    this.specs.set(def.name, {
      name: def.name,
      minArgs: def.args.filter((a) => !a.optional && !a.variadic).length,
      maxArgs: last?.variadic ? Infinity : def.args.length,
      args: frozen.args,
      returns: def.returns,
      standard: false,
    });
  }

  listOperators(): OperatorInfo[] {
    const std: OperatorInfo[] = STANDARD_OPERATORS.map(({ name, description, args, returns, category }) => ({
      name,
      description,
      args,
      returns,
      category,
      builtin: true,
      standard: true,
    }));
    const custom: OperatorInfo[] = [...this.ops.values()].map((d) => ({
      name: d.name,
      description: d.description,
      args: d.args,
      returns: d.returns,
      category: d.category ?? 'custom',
      builtin: this.builtinNames.has(d.name),
      standard: false,
    }));
    return [...std, ...custom];
  }

  private lookup = (name: string): OperatorSpec | undefined => standardSpec(name) ?? this.specs.get(name);
  private names = (): Iterable<string> => [...STANDARD_BY_NAME.keys(), ...this.ops.keys()];

  // ------------------------------------------------------------------ rules

  validate(rule: JsonLogicRule, schema?: FactSchema): RuleProblem[] {
    return analyze(rule, {
      lookup: this.lookup,
      operatorNames: this.names,
      maxDepth: this.maxDepth,
      maxNodes: this.maxNodes,
      ...(schema ? { schema } : {}),
      full: true,
    }).problems;
  }

  compile(rule: JsonLogicRule, options: CompileOptions = {}): CompiledRule {
    if (rule instanceof CompiledRule) {
      if (rule[BRAND] === this) return rule;
      rule = rule.rule;
    }
    const key = options.cacheKey;
    if (key !== undefined) {
      const hit = this.byKey.get(key);
      if (hit instanceof CompiledRule) return touch(this.byKey, key, hit) as CompiledRule;
    }
    const identity = typeof rule === 'object' && rule !== null ? rule : undefined;
    let compiled = identity ? this.byIdentity.get(identity) : undefined;
    if (!compiled) {
      const res = analyze(rule, {
        lookup: this.lookup,
        operatorNames: this.names,
        maxDepth: this.maxDepth,
        maxNodes: this.maxNodes,
        full: false,
      });
      if (res.problems.length) throw new RuleValidationError(res.problems);
      compiled = new CompiledRule(this, this.ops, rule, res.nodes, res.depth);
      if (identity) this.byIdentity.set(identity, compiled);
    }
    if (key !== undefined) this.remember(key, compiled);
    return compiled;
  }

  evaluate<T = unknown>(rule: JsonLogicRule | CompiledRule, facts: object, options: EvaluateOptions<T> = {}): EvaluationResult<T> {
    const fallback = (options.default !== undefined ? options.default : null) as T;
    let compiled: CompiledRule;
    try {
      compiled = this.compile(rule);
    } catch (err) {
      return { value: fallback, error: errorMessage(err) };
    }
    return this.run<T>(compiled, facts, options.context, options.trace === true, fallback);
  }

  private env(context: EvaluationContext | undefined, trace: boolean): Env {
    return { ctx: context ?? NO_CONTEXT, steps: this.maxSteps, maxArray: this.maxArrayLength, trace: trace ? [] : null, traceNodes: 0 };
  }

  private run<T>(
    compiled: CompiledRule,
    facts: unknown,
    context: EvaluationContext | undefined,
    trace: boolean,
    fallback: T,
    env?: Env,
  ): EvaluationResult<T> {
    const e = env ?? this.env(context, trace);
    if (trace) {
      const root: TraceNode[] = [];
      e.trace = root;
      e.traceNodes = 0;
      try {
        const value = compiled.traced()(facts, e) as T;
        return { value, trace: root[0] ?? { op: 'value', value: null } };
      } catch (err) {
        return { value: fallback, error: errorMessage(err), trace: root[0] ?? { op: 'error', value: errorMessage(err) } };
      }
    }
    try {
      return { value: compiled.fn(facts, e) as T };
    } catch (err) {
      return { value: fallback, error: errorMessage(err) };
    }
  }

  // ------------------------------------------------------------------ decision tables

  validateTable(table: DecisionTable, schema?: FactSchema): RuleProblem[] {
    return this.checkTable(table, (rule, path) => prefix(this.validate(rule, schema), path), true);
  }

  compileTable<T = unknown>(table: DecisionTable<T> | CompiledTable<T>, options: CompileOptions = {}): CompiledTable<T> {
    if (table instanceof CompiledTable) {
      if (table[BRAND] === this) return table;
      table = table.table;
    }
    const key = options.cacheKey;
    if (key !== undefined) {
      const hit = this.byKey.get(key);
      if (hit instanceof CompiledTable) return touch(this.byKey, key, hit) as CompiledTable<T>;
    }
    let compiled = this.tableCache.get(table) as CompiledTable<T> | undefined;
    if (!compiled) {
      const problems = this.checkTable(
        table as DecisionTable,
        (rule, path) => {
          try {
            this.compile(rule);
            return [];
          } catch (err) {
            if (err instanceof RuleValidationError) return prefix(err.problems, path);
            throw err;
          }
        },
        false,
      );
      if (problems.length)
        throw new RuleValidationError(
          problems,
          `Invalid decision table "${String(table?.key)}": ${problems
            .slice(0, 5)
            .map((p) => `${p.path} ${p.code}: ${p.message}`)
            .join('; ')}`,
        );
      const rows: CompiledRow<T>[] = table.rows.map((r: DecisionRow<T>) => ({
        key: r.key,
        when: this.compile(r.when),
        then: r.then,
        priority: r.priority ?? 0,
        ...(r.description !== undefined ? { description: r.description } : {}),
      }));
      compiled = new CompiledTable<T>(this, table.key, table.hitPolicy, rows, table.default, table as DecisionTable<T>);
      this.tableCache.set(table, compiled);
    }
    if (key !== undefined) this.remember(key, compiled);
    return compiled;
  }

  evaluateTable<T = unknown>(
    table: DecisionTable<T> | CompiledTable<T>,
    facts: object,
    options: EvaluateTableOptions = {},
  ): TableResult<T> {
    let t: CompiledTable<T>;
    try {
      t = this.compileTable(table);
    } catch (err) {
      const d = (table as DecisionTable<T>)?.default;
      return { value: d, matched: [], defaulted: true, error: errorMessage(err) };
    }
    const trace = options.trace === true;
    const env = this.env(options.context, trace);
    const traces: TableRowTrace[] | undefined = trace ? [] : undefined;
    const matched: string[] = [];
    let error: string | undefined;
    let best: CompiledRow<T> | undefined;
    let values: T[] | undefined;
    for (const row of t.rows) {
      if (t.hitPolicy === 'priority' && best && row.priority <= best.priority) {
        continue; // cannot win: ties go to the earlier row
      }
      env.steps = this.maxSteps;
      const r = this.run(row.when, facts, undefined, trace, false, env);
      let hit = false;
      if (r.error !== undefined) error ??= `row ${row.key}: ${r.error}`;
      else hit = r.value !== false && truthyValue(r.value);
      if (traces) {
        const entry: TableRowTrace = { row: row.key, matched: hit };
        if (r.trace) entry.trace = r.trace;
        if (r.error !== undefined) entry.error = r.error;
        traces.push(entry);
      }
      if (!hit) continue;
      if (t.hitPolicy === 'first') {
        best = row;
        break;
      }
      if (t.hitPolicy === 'collect') {
        (values ??= []).push(row.then);
        matched.push(row.key);
      } else best = row;
    }
    let result: TableResult<T>;
    if (t.hitPolicy === 'collect') {
      result = values
        ? { value: values, matched, defaulted: false }
        : { value: t.defaultValue !== undefined ? t.defaultValue : [], matched, defaulted: true };
    } else if (best) {
      result = { value: best.then, matched: [best.key], defaulted: false };
    } else {
      result = { value: t.defaultValue, matched: [], defaulted: true };
    }
    if (traces) result.trace = traces;
    if (error !== undefined) result.error = error;
    return result;
  }

  private checkTable(table: DecisionTable, rowCheck: (rule: JsonLogicRule, path: string) => RuleProblem[], full: boolean): RuleProblem[] {
    const problems: RuleProblem[] = [];
    const add = (path: string, code: string, message: string) => problems.push({ path, code, message });
    if (!table || typeof table !== 'object') {
      add('$', 'INVALID_TABLE', 'a decision table must be an object');
      return problems;
    }
    if (typeof table.key !== 'string' || table.key === '') add('$.key', 'INVALID_TABLE', 'key must be a non-empty string');
    if (!HIT_POLICIES.includes(table.hitPolicy)) add('$.hitPolicy', 'INVALID_TABLE', `hitPolicy must be one of ${HIT_POLICIES.join(', ')}`);
    if (!Array.isArray(table.rows)) {
      add('$.rows', 'INVALID_TABLE', 'rows must be an array');
      return problems;
    }
    if (full && table.rows.length === 0) add('$.rows', 'INVALID_TABLE', 'a decision table needs at least one row');
    const seen = new Set<string>();
    table.rows.forEach((row, i) => {
      const at = `$.rows[${i}]`;
      if (!row || typeof row !== 'object') {
        add(at, 'INVALID_TABLE', 'a row must be an object');
        return;
      }
      if (typeof row.key !== 'string' || row.key === '') add(`${at}.key`, 'INVALID_TABLE', 'row key must be a non-empty string');
      else if (seen.has(row.key)) add(`${at}.key`, 'DUPLICATE_KEY', `duplicate row key "${row.key}"`);
      else seen.add(row.key);
      if (row.priority !== undefined && (typeof row.priority !== 'number' || !Number.isFinite(row.priority))) {
        add(`${at}.priority`, 'INVALID_TABLE', 'priority must be a finite number');
      }
      if (!('when' in row)) add(`${at}.when`, 'INVALID_TABLE', 'row needs a when rule');
      else problems.push(...rowCheck(row.when, `${at}.when`));
    });
    return problems;
  }

  private remember(key: string, value: CompiledRule | CompiledTable): void {
    this.byKey.delete(key);
    this.byKey.set(key, value);
    if (this.byKey.size > this.cacheSize) this.byKey.delete(this.byKey.keys().next().value!);
  }
}

function touch<V>(map: Map<string, V>, key: string, v: V): V {
  map.delete(key);
  map.set(key, v);
  return v;
}

function truthyValue(v: unknown): boolean {
  return Array.isArray(v) ? v.length > 0 : !!v;
}

function prefix(problems: RuleProblem[], path: string): RuleProblem[] {
  return problems.map((p) => ({ ...p, path: path + p.path.slice(1) }));
}

function errorMessage(err: unknown): string {
  if (err instanceof RuleValidationError || err instanceof RuleEvaluationError) return err.message;
  if (err instanceof RangeError && /call stack/i.test(err.message)) return 'evaluation too deep (stack exhausted)';
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}

/** Convenience instance with the built-in operators. */
export const defaultEngine = new RuleEngine();
