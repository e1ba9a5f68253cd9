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

/** A trace made to be stored with a decision and rendered in the reader's language (see {@link explainableTrace}). */
export interface ExplainedTrace {
  op: string;
  /** The node's value; a long text is not kept (only its length), so a decision never copies a complaint's text. */
  value?: unknown;
  /** Length of a text value that was left out. */
  textLength?: number;
  /** For a keyword test (text, list of keywords): the keywords found in the text, as written in the rule. */
  matched?: string[];
  args?: ExplainedTrace[];
}

const KEEP_TEXT = 40;
const MAX_NODES = 200;
/** Facts that hold the complainant's own words: never copied into a decision, whatever their length. */
const FREE_TEXT = /(^|\.)(text|title|requestedRemedy|comment|body)$/;

/**
 * The structured trace of a matched row, for a console to explain "why" in the user's language instead of the
 * engine's one-line English summary: operators and values as evaluated, keyword tests with the keywords that
 * matched, long texts reduced to their length, at most {@link MAX_NODES} nodes.
 */
export function explainableTrace(trace: TraceNode, normalize: (s: string) => string): ExplainedTrace {
  let budget = MAX_NODES;
  const walk = (n: TraceNode): ExplainedTrace => {
    budget -= 1;
    const out: ExplainedTrace = { op: n.op };
    const freeText = n.op === 'var' && FREE_TEXT.test(String(n.args?.[0]?.value ?? ''));
    if (typeof n.value === 'string' && (n.value.length > KEEP_TEXT || freeText)) out.textLength = n.value.length;
    else if (n.value !== undefined && (typeof n.value !== 'object' || JSON.stringify(n.value).length <= 400)) out.value = n.value;
    const args = n.args ?? [];
    const [text, list] = [args[0]?.value, args[1]?.value];
    if (typeof text === 'string' && Array.isArray(list) && list.every((k) => typeof k === 'string')) {
      const haystack = normalize(text);
      out.matched = (list as string[]).filter((k) => k !== '' && haystack.includes(normalize(k)));
    }
    if (args.length && budget > 0) out.args = args.map(walk);
    return out;
  };
  return walk(trace);
}
