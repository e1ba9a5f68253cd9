import { checkRegex } from './regex';
import { SCOPED_OPERATORS, STANDARD_BY_NAME } from './standard';
import { DATE_ADD_UNITS, isValidTimeZone } from './time';
import type { FactSchema, FactType, OperatorArg, RuleProblem } from './types';
import { BLOCKED_SEGMENTS, isLogic, operatorOf } from './values';

/** What the analyzer needs to know about an operator. */
export interface OperatorSpec {
  name: string;
  minArgs: number;
  maxArgs: number;
  args: OperatorArg[];
  returns: FactType;
  standard: boolean;
}

export interface AnalyzeOptions {
  lookup: (name: string) => OperatorSpec | undefined;
  operatorNames: () => Iterable<string>;
  maxDepth: number;
  maxNodes: number;
  schema?: FactSchema;
  /** false: structural checks only (what compile enforces); true: everything validate reports. */
  full: boolean;
}

export interface AnalyzeResult {
  problems: RuleProblem[];
  nodes: number;
  depth: number;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

export function pathSeg(key: string): string {
  return IDENT.test(key) ? '.' + key : `[${JSON.stringify(key)}]`;
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 8) return Math.abs(a.length - b.length);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Closest candidate within an edit distance of max(2, ⌊len/3⌋), case-insensitively. */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const lname = name.toLowerCase();
  for (const c of candidates) {
    const d = levenshtein(lname, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** Whether a value of type `actual` may be passed where `expected` is declared. */
export function typeCompatible(expected: FactType, actual: FactType): boolean {
  if (expected === 'any' || actual === 'any' || expected === actual) return true;
  const timeish: FactType[] = ['datetime', 'date', 'string'];
  if (timeish.includes(expected) && timeish.includes(actual)) return true;
  return false;
}

function literalType(v: unknown): FactType {
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      break;
  }
  if (Array.isArray(v)) {
    if (v.length > 0 && v.every((e) => typeof e === 'string')) return 'string[]';
    if (v.length > 0 && v.every((e) => typeof e === 'number')) return 'number[]';
    return 'any';
  }
  return 'any';
}

/** Resolve a var path against a schema: its type, or undefined when unknown. */
export function schemaType(schema: FactSchema, path: string): FactType | undefined {
  const fields = schema.fields;
  const own = Object.prototype.hasOwnProperty;
  if (own.call(fields, path)) return fields[path]!.type;
  const dot = path.lastIndexOf('.');
  if (dot > 0 && path.slice(dot + 1) === 'length') {
    const base = path.slice(0, dot);
    if (own.call(fields, base)) {
      const t = fields[base]!.type;
      if (t === 'string' || t === 'string[]' || t === 'number[]' || t === 'any') return 'number';
    }
  }
  for (const key of Object.keys(fields)) {
    const t = fields[key]!.type;
    if ((t === 'object' || t === 'any') && path.startsWith(key + '.')) return 'any';
    if (key.startsWith(path + '.')) return 'object';
  }
  // Array element access such as `tags.0`.
  const m = /^(.*)\.\d+$/.exec(path);
  if (m && own.call(fields, m[1]!)) {
    const t = fields[m[1]!]!.type;
    if (t === 'string[]') return 'string';
    if (t === 'number[]') return 'number';
  }
  return undefined;
}

export function analyze(rule: unknown, o: AnalyzeOptions): AnalyzeResult {
  const problems: RuleProblem[] = [];
  let nodes = 0;
  let maxSeen = 0;
  let tooLarge = false;
  let tooDeep = false;
  const add = (path: string, code: string, message: string, suggestion?: string) => {
    problems.push(suggestion === undefined ? { path, code, message } : { path, code, message, suggestion });
  };

  const walk = (node: unknown, path: string, depth: number, scoped: boolean): FactType => {
    if (tooLarge) return 'any';
    if (++nodes > o.maxNodes) {
      tooLarge = true;
      add('$', 'TOO_LARGE', `rule has more than ${o.maxNodes} nodes`);
      return 'any';
    }
    if (depth > maxSeen) maxSeen = depth;
    if (depth > o.maxDepth) {
      if (!tooDeep) add(path, 'TOO_DEEP', `rule is nested deeper than ${o.maxDepth} levels`);
      tooDeep = true;
      return 'any';
    }
    const t = typeof node;
    if (t === 'function' || t === 'symbol' || t === 'bigint') {
      add(path, 'INVALID_RULE', `a ${t} is not a JSON value`);
      return 'any';
    }
    if (t === 'number' && !Number.isFinite(node as number) && o.full) {
      add(path, 'INVALID_RULE', 'non-finite number is not a JSON value');
    }
    if (node === null || t !== 'object') {
      if (node === undefined && o.full) add(path, 'INVALID_RULE', 'undefined is not a JSON value');
      return literalType(node);
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) walk(node[i], `${path}[${i}]`, depth + 1, scoped);
      return literalType(node);
    }
    if (!isLogic(node)) {
      if (o.full) {
        const n = Object.keys(node as object).length;
        add(
          path,
          'INVALID_RULE',
          n === 0 ? 'empty object is not an operator' : `object with ${n} keys is not an operator (it would be returned as a literal)`,
        );
      }
      return 'object';
    }
    const op = operatorOf(node);
    const raw = (node as Record<string, unknown>)[op];
    const args = Array.isArray(raw) ? raw : [raw];
    const opPath = path + pathSeg(op);
    const argPath = (i: number) => (Array.isArray(raw) ? `${opPath}[${i}]` : opPath);
    const spec = o.lookup(op);
    if (!spec) {
      add(opPath, 'UNKNOWN_OPERATOR', `unknown operator "${op}"`, suggest(op, o.operatorNames()));
      for (let i = 0; i < args.length; i++) walk(args[i], argPath(i), depth + 1, scoped);
      return 'any';
    }
    if (o.full && (args.length < spec.minArgs || args.length > spec.maxArgs)) {
      const range =
        spec.minArgs === spec.maxArgs
          ? `${spec.minArgs}`
          : spec.maxArgs === Infinity
            ? `at least ${spec.minArgs}`
            : `${spec.minArgs}–${spec.maxArgs}`;
      add(opPath, 'WRONG_ARITY', `"${op}" takes ${range} argument(s), got ${args.length}`);
    }
    const types: FactType[] = [];
    const isScoped = SCOPED_OPERATORS.has(op);
    for (let i = 0; i < args.length; i++) {
      types.push(walk(args[i], argPath(i), depth + 1, isScoped && i === 1 ? true : scoped));
    }
    if (op === 'var') return checkVar(args, opPath, scoped);
    if (op === 'matches') checkPattern(args, argPath);
    if (o.full) {
      if (!spec.standard) checkTypes(spec, args, types, argPath);
      checkArguments(op, args, argPath);
    }
    return spec.returns;
  };

  const checkVar = (args: unknown[], opPath: string, scoped: boolean): FactType => {
    const p = args[0];
    if (typeof p !== 'string' && typeof p !== 'number') return 'any';
    const path = String(p);
    if (path === '') return 'any';
    const blocked = path.split('.').find((s) => BLOCKED_SEGMENTS.has(s));
    if (blocked !== undefined) {
      if (o.full) add(opPath, 'INVALID_RULE', `path segment "${blocked}" is not allowed (always null)`);
      return 'any';
    }
    if (scoped || !o.schema || !o.full) return 'any';
    const type = schemaType(o.schema, path);
    if (type === undefined) {
      const s = suggest(path, Object.keys(o.schema.fields));
      add(opPath, 'UNKNOWN_FACT', `"${path}" is not a field of the fact schema${s ? ` (did you mean "${s}"?)` : ''}`, s);
      return 'any';
    }
    return type;
  };

  const checkPattern = (args: unknown[], argPath: (i: number) => string) => {
    const pattern = args[1];
    const flags = args[2];
    if (typeof pattern === 'string') {
      const reason = checkRegex(pattern, typeof flags === 'string' || flags === undefined ? flags : '');
      if (reason) add(argPath(1), 'UNSAFE_REGEX', reason);
    } else if (o.full && args.length >= 2) {
      add(argPath(1), 'UNSAFE_REGEX', 'the pattern must be a literal string so it can be checked before publishing');
    }
    if (o.full && flags !== undefined && typeof flags !== 'string') {
      add(argPath(2), 'UNSAFE_REGEX', 'flags must be a literal string');
    } else if (typeof flags === 'string' && !/^[imsu]*$/.test(flags)) {
      add(argPath(2), 'UNSAFE_REGEX', 'flags may only contain i, m, s, u');
    }
  };

  const checkTypes = (spec: OperatorSpec, args: unknown[], types: FactType[], argPath: (i: number) => string) => {
    for (let i = 0; i < args.length; i++) {
      const decl = spec.args[Math.min(i, spec.args.length - 1)];
      if (!decl || (i >= spec.args.length && !decl.variadic)) break;
      const actual = types[i]!;
      if (!typeCompatible(decl.type, actual)) {
        add(argPath(i), 'TYPE_MISMATCH', `argument "${decl.name}" of "${spec.name}" expects ${decl.type}, got ${actual}`);
      }
    }
  };

  const checkArguments = (op: string, args: unknown[], argPath: (i: number) => string) => {
    if ((op === 'hour_of_day' || op === 'weekday') && args[1] !== undefined && !isLogic(args[1]) && !isValidTimeZone(args[1])) {
      add(argPath(1), 'INVALID_ARGUMENT', `unknown time zone ${JSON.stringify(args[1])}`);
    }
    if (op === 'date_add' && typeof args[2] === 'string' && !DATE_ADD_UNITS.includes(args[2])) {
      add(argPath(2), 'INVALID_ARGUMENT', `unknown unit "${args[2]}"`, suggest(args[2], DATE_ADD_UNITS));
    }
    if (op === 'round' && typeof args[1] === 'number' && !(args[1] >= 0 && args[1] <= 15)) {
      add(argPath(1), 'INVALID_ARGUMENT', 'decimals must be between 0 and 15');
    }
  };

  walk(rule, '$', 0, false);
  return { problems, nodes, depth: maxSeen };
}

export function standardSpec(name: string): OperatorSpec | undefined {
  const s = STANDARD_BY_NAME.get(name);
  return s ? { name, minArgs: s.minArgs, maxArgs: s.maxArgs, args: s.args, returns: s.returns, standard: true } : undefined;
}
