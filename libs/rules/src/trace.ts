import type { TraceNode } from './types';

const INFIX = new Set(['==', '===', '!=', '!==', '>', '>=', '<', '<=', '+', '-', '*', '/', '%', 'in']);

function fmt(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  if (v === undefined) return 'null';
  try {
    const s = JSON.stringify(v);
    return s.length > 60 ? s.slice(0, 60) + '…' : s;
  } catch {
    return String(v);
  }
}

function render(n: TraceNode, depth: number): string {
  if (depth > 6) return '…';
  const args = n.args ?? [];
  if (n.op === 'value') return fmt(n.value);
  if (n.op === 'var') {
    const path = args[0]?.op === 'value' ? String(args[0].value ?? '') : args.map((a) => render(a, depth + 1)).join(', ');
    return `${path || 'data'}=${fmt(n.value)}`;
  }
  if (INFIX.has(n.op) && args.length >= 2) {
    return `(${args.map((a) => render(a, depth + 1)).join(` ${n.op} `)})`;
  }
  if ((n.op === 'and' || n.op === 'or') && args.length > 0) {
    return `(${args.map((a) => render(a, depth + 1)).join(n.op === 'and' ? ' AND ' : ' OR ')})`;
  }
  if (n.op === '!' && args.length === 1) return `NOT ${render(args[0]!, depth + 1)}`;
  const inner = `${n.op}(${args.map((a) => render(a, depth + 1)).join(', ')})`;
  return depth === 0 ? inner : `${inner}=${fmt(n.value)}`;
}

/**
 * One-line human explanation of a trace, e.g.
 * `(complaint.amount=5000 > 1000) AND contains_any(...)=true → true`.
 */
export function summarizeTrace(trace: TraceNode, maxLength = 200): string {
  const s = `${render(trace, 0)} → ${fmt(trace.value)}`;
  if (s.length <= maxLength) return s;
  return s.slice(0, Math.max(0, maxLength - 1)) + '…';
}
