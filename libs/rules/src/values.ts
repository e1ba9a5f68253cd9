/**
 * JsonLogic value semantics (mirrors json-logic-js 2.0.5), written so that they never call
 * user-controlled methods: objects are converted to primitives by structure, not via
 * `toString`/`valueOf` found on the data.
 */

const hasOwn = Object.prototype.hasOwnProperty;

/** Path segments that are never followed by `var`. */
export const BLOCKED_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function truthy(v: unknown): boolean {
  if (Array.isArray(v) && v.length === 0) return false;
  return !!v;
}

export function isLogic(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  let n = 0;
  for (const k in v) {
    if (hasOwn.call(v, k) && ++n > 1) return false;
  }
  return n === 1;
}

export function operatorOf(v: Record<string, unknown>): string {
  return Object.keys(v)[0]!;
}

/** `String(x)` without invoking methods found on data objects. */
export function toStr(x: unknown, depth = 0): string {
  if (x === null || typeof x !== 'object') return typeof x === 'symbol' ? x.toString() : String(x);
  if (Array.isArray(x)) {
    if (depth > 32) return '';
    let s = '';
    for (let i = 0; i < x.length; i++) {
      if (i > 0) s += ',';
      const e = x[i];
      if (e !== null && e !== undefined) s += toStr(e, depth + 1);
    }
    return s;
  }
  if (x instanceof Date) return Date.prototype.toString.call(x);
  return '[object Object]';
}

/** ToPrimitive without user-controlled methods. */
export function toPrim(x: unknown, hint: 'number' | 'default'): unknown {
  if (x === null || typeof x !== 'object') return x;
  if (x instanceof Date) return hint === 'number' ? Date.prototype.getTime.call(x) : Date.prototype.toString.call(x);
  return toStr(x);
}

function isObj(x: unknown): x is object {
  return x !== null && typeof x === 'object';
}

export function looseEq(a: any, b: any): boolean {
  const ao = isObj(a);
  const bo = isObj(b);
  // JsonLogic's `==` is JavaScript's loose equality, on purpose.
  if (!ao && !bo) return a == b; // eslint-disable-line eqeqeq
  if (ao && bo) return a === b;
  if (ao) return b === null || b === undefined ? false : toPrim(a, 'default') == b; // eslint-disable-line eqeqeq
  return a === null || a === undefined ? false : a == toPrim(b, 'default'); // eslint-disable-line eqeqeq
}

export function np(x: any): any {
  return isObj(x) ? toPrim(x, 'number') : x;
}

export function gt(a: any, b: any): boolean {
  return np(a) > np(b);
}
export function gte(a: any, b: any): boolean {
  return np(a) >= np(b);
}
export function lt(a: any, b: any): boolean {
  return np(a) < np(b);
}
export function lte(a: any, b: any): boolean {
  return np(a) <= np(b);
}

/** `parseFloat(x)` as json-logic-js' `+` and `*` use it. */
export function pf(x: unknown): number {
  if (typeof x === 'number') return x === 0 ? 0 : x;
  return parseFloat(toStr(x));
}

export function inOp(a: unknown, b: unknown): boolean {
  if (typeof b === 'string') return b.indexOf(toStr(a)) !== -1;
  if (Array.isArray(b)) return b.indexOf(a) !== -1;
  return false;
}

export function cat(args: unknown[]): string {
  let s = '';
  for (const a of args) if (a !== null && a !== undefined) s += toStr(a);
  return s;
}

export function substr(source: unknown, start: unknown, end: unknown): string {
  const s = toStr(source);
  const st = np(start) as number;
  const en = np(end) as number;
  if (en < 0) {
    const temp = s.substr(st);
    return temp.substr(0, temp.length + en);
  }
  return s.substr(st, en);
}

/** Own property read (no prototype members); strings expose indices and `length`. */
export function getProp(d: unknown, k: string): unknown {
  if (d === null || d === undefined) return undefined;
  const t = typeof d;
  if ((t === 'object' || t === 'string') && hasOwn.call(d, k)) return (d as any)[k];
  return undefined;
}

/** json-logic-js `var` with safe property access. */
export function getVar(data: unknown, a: unknown, b: unknown): unknown {
  const notFound = b === undefined ? null : b;
  if (a === undefined || a === '' || a === null) return data;
  const parts = toStr(a).split('.');
  let cur: unknown = data;
  for (const p of parts) {
    if (BLOCKED_SEGMENTS.has(p)) return null;
    if (cur === null || cur === undefined) return notFound;
    cur = getProp(cur, p);
    if (cur === undefined) return notFound;
  }
  return cur;
}

export function missing(data: unknown, args: unknown[]): unknown[] {
  const keys = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  const out: unknown[] = [];
  for (const key of keys) {
    // json-logic-js evaluates {"var": key}: an array key is spread into var's arguments.
    const v = Array.isArray(key) ? getVar(data, key[0], key[1]) : getVar(data, key, undefined);
    if (v === null || v === '') out.push(key);
  }
  return out;
}

export function missingSome(data: unknown, need: unknown, options: unknown): unknown[] {
  const keys = Array.isArray(options) ? options : [options];
  const areMissing = missing(data, keys);
  const len = typeof options === 'string' || Array.isArray(options) ? options.length : NaN;
  return len - areMissing.length >= np(need) ? [] : areMissing;
}

/** Bounded, JSON-friendly copy of a value for traces. */
export function truncateValue(v: unknown, maxString = 80, maxItems = 10, depth = 0): unknown {
  if (typeof v === 'string') return v.length > maxString ? v.slice(0, maxString) + '…' : v;
  if (v === undefined) return null;
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') return String(typeof v);
    return v;
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (depth >= 2) return Array.isArray(v) ? `[…${v.length}]` : '{…}';
  if (Array.isArray(v)) {
    const out = v.slice(0, maxItems).map((e) => truncateValue(e, maxString, maxItems, depth + 1));
    if (v.length > maxItems) out.push(`…(+${v.length - maxItems})`);
    return out;
  }
  const out: Record<string, unknown> = {};
  let n = 0;
  for (const k of Object.keys(v)) {
    if (n++ >= maxItems) {
      out['…'] = `+${Object.keys(v).length - maxItems}`;
      break;
    }
    Object.defineProperty(out, k, {
      value: truncateValue((v as any)[k], maxString, maxItems, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
