/**
 * Compiles a JsonLogic rule into a tree of closures. Semantics follow json-logic-js 2.0.5
 * (checked against the official suite), minus `method`-style calls and prototype access.
 */
import { RuleEvaluationError } from './errors';
import type { EvaluationContext, OperatorDefinition, TraceNode } from './types';
import {
  BLOCKED_SEGMENTS,
  cat,
  getProp,
  getVar,
  gt,
  gte,
  inOp,
  isLogic,
  looseEq,
  lt,
  lte,
  missing,
  missingSome,
  np,
  operatorOf,
  pf,
  substr,
  truncateValue,
  truthy,
} from './values';

export interface Env {
  ctx: EvaluationContext;
  /** Remaining iteration budget. */
  steps: number;
  maxArray: number;
  /** Trace children collector of the node being evaluated (trace mode only). */
  trace: TraceNode[] | null;
  traceNodes: number;
}

export type Fn = (data: unknown, env: Env) => unknown;

export const MAX_TRACE_CHILDREN = 16;
export const MAX_TRACE_NODES = 256;

/** Context used when the caller supplies none: reading `now` fails loudly (caught by evaluate). */
export const NO_CONTEXT: EvaluationContext = Object.freeze(
  Object.defineProperty({} as EvaluationContext, 'now', {
    get(): never {
      throw new RuleEvaluationError('evaluation context with `now` is required by time operators');
    },
    enumerable: true,
  }),
);

function consume(arr: unknown[], env: Env): void {
  if (arr.length > env.maxArray) {
    throw new RuleEvaluationError(`array of ${arr.length} items exceeds the limit of ${env.maxArray}`);
  }
  env.steps -= arr.length;
  if (env.steps < 0) throw new RuleEvaluationError('evaluation step budget exhausted');
}

const UNDEF: Fn = () => undefined;

function isPrimitive(v: unknown): boolean {
  return v === null || (typeof v !== 'object' && typeof v !== 'function');
}

export function buildEvaluator(rule: unknown, ops: ReadonlyMap<string, OperatorDefinition>, traced: boolean): Fn {
  const lit = (v: unknown): Fn => {
    if (!traced) return () => v;
    return (_d, env) => {
      if (env.traceNodes < MAX_TRACE_NODES) pushTrace(env, { op: 'value', value: truncateValue(v) });
      return v;
    };
  };

  const c = (node: unknown): Fn => {
    if (Array.isArray(node)) {
      if (node.every(isPrimitive)) return lit(node);
      const fns = node.map(c);
      const n = fns.length;
      const f: Fn = (d, e) => {
        const out = new Array<unknown>(n);
        for (let i = 0; i < n; i++) out[i] = fns[i]!(d, e);
        return out;
      };
      return traced ? wrap('array', f) : f;
    }
    if (!isLogic(node)) return lit(node);
    const op = operatorOf(node);
    const raw = node[op];
    const args = Array.isArray(raw) ? raw : [raw];
    if (op === 'var') return buildVar(args);
    const f = build(op, args);
    return traced ? wrap(op, f) : f;
  };

  const wrap =
    (op: string, inner: Fn, fixedArgs?: TraceNode[]): Fn =>
    (d, env) => {
      const parent = env.trace;
      const mine: TraceNode[] = fixedArgs ? fixedArgs.slice() : [];
      // Once the node budget is spent, sub-expressions are no longer collected (ancestors still are).
      env.trace = parent === null || env.traceNodes >= MAX_TRACE_NODES ? null : mine;
      let v: unknown;
      try {
        v = inner(d, env);
      } catch (err) {
        env.trace = parent;
        pushTrace(
          env,
          mine.length ? { op, value: `⚠ ${(err as Error).message}`, args: mine } : { op, value: `⚠ ${(err as Error).message}` },
        );
        throw err;
      }
      env.trace = parent;
      pushTrace(env, mine.length ? { op, value: truncateValue(v), args: mine } : { op, value: truncateValue(v) });
      return v;
    };

  const buildVar = (args: unknown[]): Fn => {
    const p = args[0];
    let f: Fn;
    if (p === undefined || p === null || typeof p === 'string' || typeof p === 'number') {
      const dflt = args.length > 1 ? c(args[1]) : null;
      if (p === undefined || p === null || p === '') {
        f = (d) => d;
      } else {
        const parts = String(p).split('.');
        if (parts.some((s) => BLOCKED_SEGMENTS.has(s))) {
          f = () => null;
        } else if (parts.length === 1) {
          const k = parts[0]!;
          f = dflt
            ? (d, e) => {
                const v = getProp(d, k);
                if (v !== undefined) return v;
                const nf = dflt(d, e);
                return nf === undefined ? null : nf;
              }
            : (d) => {
                const v = getProp(d, k);
                return v === undefined ? null : v;
              };
        } else {
          const n = parts.length;
          f = (d, e) => {
            let cur: unknown = d;
            for (let i = 0; i < n; i++) {
              cur = getProp(cur, parts[i]!);
              if (cur === undefined) {
                if (!dflt) return null;
                const nf = dflt(d, e);
                return nf === undefined ? null : nf;
              }
            }
            return cur;
          };
        }
      }
      return traced ? wrap('var', f, [{ op: 'value', value: p ?? null }]) : f;
    }
    const fa = c(p);
    const fb = args.length > 1 ? c(args[1]) : UNDEF;
    f = (d, e) => getVar(d, fa(d, e), fb(d, e));
    return traced ? wrap('var', f) : f;
  };

  const iterate = (op: string, args: unknown[]): Fn => {
    const src = c(args[0]);
    const scoped = c(args[1]);
    switch (op) {
      case 'map':
        return (d, e) => {
          const arr = src(d, e);
          if (!Array.isArray(arr)) return [];
          consume(arr, e);
          const out = new Array<unknown>(arr.length);
          for (let i = 0; i < arr.length; i++) out[i] = scoped(arr[i], e);
          return out;
        };
      case 'filter':
        return (d, e) => {
          const arr = src(d, e);
          if (!Array.isArray(arr)) return [];
          consume(arr, e);
          const out: unknown[] = [];
          for (let i = 0; i < arr.length; i++) if (truthy(scoped(arr[i], e))) out.push(arr[i]);
          return out;
        };
      case 'reduce': {
        const init = args[2] !== undefined ? c(args[2]) : () => null;
        return (d, e) => {
          const arr = src(d, e);
          const initial = init(d, e);
          if (!Array.isArray(arr)) return initial;
          consume(arr, e);
          let acc = initial;
          for (let i = 0; i < arr.length; i++) acc = scoped({ current: arr[i], accumulator: acc }, e);
          return acc;
        };
      }
      case 'all':
        return (d, e) => {
          const arr = src(d, e);
          if (!Array.isArray(arr) || arr.length === 0) return false;
          consume(arr, e);
          for (let i = 0; i < arr.length; i++) if (!truthy(scoped(arr[i], e))) return false;
          return true;
        };
      case 'none':
        return (d, e) => {
          const arr = src(d, e);
          if (!Array.isArray(arr) || arr.length === 0) return true;
          consume(arr, e);
          for (let i = 0; i < arr.length; i++) if (truthy(scoped(arr[i], e))) return false;
          return true;
        };
      default: // some
        return (d, e) => {
          const arr = src(d, e);
          if (!Array.isArray(arr) || arr.length === 0) return false;
          consume(arr, e);
          for (let i = 0; i < arr.length; i++) if (truthy(scoped(arr[i], e))) return true;
          return false;
        };
    }
  };

  const build = (op: string, args: unknown[]): Fn => {
    switch (op) {
      case 'map':
      case 'filter':
      case 'reduce':
      case 'all':
      case 'none':
      case 'some':
        return iterate(op, args);
      default:
        break;
    }
    const fns = args.map(c);
    const n = fns.length;
    const a = fns[0] ?? UNDEF;
    const b = fns[1] ?? UNDEF;
    const evalAll = (d: unknown, e: Env): unknown[] => {
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) out[i] = fns[i]!(d, e);
      return out;
    };
    switch (op) {
      case 'if':
      case '?:':
        if (n === 3) {
          const t = fns[2]!;
          return (d, e) => (truthy(a(d, e)) ? b(d, e) : t(d, e));
        }
        return (d, e) => {
          let i = 0;
          for (; i < n - 1; i += 2) if (truthy(fns[i]!(d, e))) return fns[i + 1]!(d, e);
          if (n === i + 1) return fns[i]!(d, e);
          return null;
        };
      case 'and':
        if (n === 2)
          return (d, e) => {
            const x = a(d, e);
            return truthy(x) ? b(d, e) : x;
          };
        return (d, e) => {
          let cur: unknown;
          for (let i = 0; i < n; i++) {
            cur = fns[i]!(d, e);
            if (!truthy(cur)) return cur;
          }
          return cur;
        };
      case 'or':
        if (n === 2)
          return (d, e) => {
            const x = a(d, e);
            return truthy(x) ? x : b(d, e);
          };
        return (d, e) => {
          let cur: unknown;
          for (let i = 0; i < n; i++) {
            cur = fns[i]!(d, e);
            if (truthy(cur)) return cur;
          }
          return cur;
        };
      case '==':
        return (d, e) => looseEq(a(d, e), b(d, e));
      case '===':
        return (d, e) => a(d, e) === b(d, e);
      case '!=':
        return (d, e) => !looseEq(a(d, e), b(d, e));
      case '!==':
        return (d, e) => a(d, e) !== b(d, e);
      case '>':
        return (d, e) => gt(a(d, e), b(d, e));
      case '>=':
        return (d, e) => gte(a(d, e), b(d, e));
      case '<':
      case '<=': {
        const cmp = op === '<' ? lt : lte;
        if (n <= 2) return (d, e) => cmp(a(d, e), b(d, e));
        const third = fns[2]!;
        return (d, e) => {
          const x = a(d, e);
          const y = b(d, e);
          const z = third(d, e);
          return z === undefined ? cmp(x, y) : cmp(x, y) && cmp(y, z);
        };
      }
      case '!!':
        return (d, e) => truthy(a(d, e));
      case '!':
        return (d, e) => !truthy(a(d, e));
      case '%':
        return (d, e) => np(a(d, e)) % np(b(d, e));
      case '/':
        return (d, e) => np(a(d, e)) / np(b(d, e));
      case '-':
        return (d, e) => {
          const x = a(d, e);
          const y = b(d, e);
          return y === undefined ? -np(x) : np(x) - np(y);
        };
      case '+':
        if (n === 2) return (d, e) => pf(a(d, e)) + pf(b(d, e));
        return (d, e) => {
          let s = 0;
          for (let i = 0; i < n; i++) s += pf(fns[i]!(d, e));
          return s;
        };
      case '*':
        if (n === 0) return () => 1; // json-logic-js throws; the empty product is 1 (compat-tables)
        if (n === 1) return a;
        return (d, e) => {
          let acc: unknown = a(d, e);
          for (let i = 1; i < n; i++) acc = pf(acc) * pf(fns[i]!(d, e));
          return acc;
        };
      case 'min':
      case 'max': {
        const m = op === 'min' ? Math.min : Math.max;
        return (d, e) => {
          const vals = evalAll(d, e);
          for (let i = 0; i < n; i++) vals[i] = np(vals[i]);
          return m(...(vals as number[]));
        };
      }
      case 'in':
        return (d, e) => inOp(a(d, e), b(d, e));
      case 'cat':
        return (d, e) => cat(evalAll(d, e));
      case 'substr': {
        const third = fns[2] ?? UNDEF;
        return (d, e) => substr(a(d, e), b(d, e), third(d, e));
      }
      case 'merge':
        return (d, e) => {
          const out: unknown[] = [];
          for (let i = 0; i < n; i++) {
            const v = fns[i]!(d, e);
            if (Array.isArray(v)) {
              consume(v, e);
              for (let j = 0; j < v.length; j++) out.push(v[j]);
              if (out.length > e.maxArray) consume(out, e);
            } else out.push(v);
          }
          return out;
        };
      case 'missing':
        return (d, e) => missing(d, evalAll(d, e));
      case 'missing_some':
        return (d, e) => missingSome(d, a(d, e), b(d, e));
      case 'log':
        return a;
      default:
        break;
    }
    const def = ops.get(op);
    if (!def) throw new RuleEvaluationError(`unknown operator "${op}"`);
    const fn = def.fn;
    switch (n) {
      case 0:
        return (_d, e) => fn(e.ctx);
      case 1:
        return (d, e) => fn(e.ctx, a(d, e));
      case 2:
        return (d, e) => fn(e.ctx, a(d, e), b(d, e));
      case 3: {
        const t = fns[2]!;
        return (d, e) => fn(e.ctx, a(d, e), b(d, e), t(d, e));
      }
      default:
        return (d, e) => fn(e.ctx, ...evalAll(d, e));
    }
  };

  return c(rule);
}

function pushTrace(env: Env, node: TraceNode): void {
  const list = env.trace;
  if (!list) return;
  if (list.length < MAX_TRACE_CHILDREN) {
    env.traceNodes++;
    list.push(node);
  } else if (list.length === MAX_TRACE_CHILDREN) {
    env.traceNodes++;
    list.push({ op: '…', value: 'more evaluations omitted' });
  }
}
