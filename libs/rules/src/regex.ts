/**
 * Static safety check for administrator-written regular expressions (the `matches` operator).
 * Rejects constructs that let a backtracking engine run for super-linear time:
 * back-references, nested repetition (star height > 1), repeated groups whose alternatives
 * can overlap, too many unbounded quantifiers, huge counted repetitions and long patterns.
 */

export const MAX_PATTERN_LENGTH = 200;
/** Longer inputs are truncated to this many UTF-16 units before matching. */
export const MAX_INPUT_LENGTH = 2000;
export const MAX_COUNTED_REPETITION = 100;
/**
 * Worst-case backtracking budget: input length × product of every quantifier's maximum count
 * (unbounded quantifiers count as MAX_INPUT_LENGTH, `?` as 2). Keeps polynomial blow-ups such as
 * `.*a.*b` or `\s*\s*x` out, while one unbounded quantifier plus small counted ones is fine.
 */
export const MAX_BACKTRACK_COST = 4e7;
export const ALLOWED_FLAGS = /^[imsu]*$/;

interface Group {
  /** Group (or anything inside) contains a quantifier. */
  repeats: boolean;
  /** Top-level alternatives of this group as literal strings, or null if not all literal. */
  alternatives: (string | null)[];
  current: string | null;
  hasAlternation: boolean;
}

/** Returns null if the pattern is acceptable, otherwise a human-readable reason. */
export function checkRegex(pattern: unknown, flags: unknown = ''): string | null {
  if (typeof pattern !== 'string') return 'pattern must be a string';
  if (pattern.length > MAX_PATTERN_LENGTH) return `pattern longer than ${MAX_PATTERN_LENGTH} characters`;
  if (flags !== undefined && flags !== null && (typeof flags !== 'string' || !ALLOWED_FLAGS.test(flags))) {
    return 'flags may only contain i, m, s, u';
  }
  try {
    new RegExp(pattern, typeof flags === 'string' ? flags : '');
  } catch (e) {
    return `invalid pattern: ${(e as Error).message}`;
  }
  const stack: Group[] = [newGroup()];
  let cost = MAX_INPUT_LENGTH;
  let i = 0;
  const n = pattern.length;
  // Returns [isQuantifier, repeats, unbounded, length]
  const readQuantifier = (at: number): { repeats: boolean; unbounded: boolean; len: number; max: number } | null => {
    const c = pattern[at];
    let q: { repeats: boolean; unbounded: boolean; len: number; max: number } | null = null;
    if (c === '*' || c === '+') q = { repeats: true, unbounded: true, len: 1, max: Infinity };
    else if (c === '?') q = { repeats: false, unbounded: false, len: 1, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at));
      if (m) {
        const min = Number(m[1]);
        const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        q = { repeats: max > 1, unbounded: max === Infinity, len: m[0].length, max: Math.max(min, max) };
      }
    }
    if (q && pattern[at + q.len] === '?') q.len++; // lazy variant
    return q;
  };
  const top = () => stack[stack.length - 1]!;
  while (i < n) {
    const c = pattern[i]!;
    let atomEnd = i + 1;
    let atomLiteral: string | null = null;
    let closedGroup: Group | null = null;
    if (c === '\\') {
      const d = pattern[i + 1] ?? '';
      if (/[1-9]/.test(d)) return 'back-references are not allowed';
      if (d === 'k' && pattern[i + 2] === '<') return 'named back-references are not allowed';
      atomEnd = i + 2;
      if ((d === 'p' || d === 'P' || d === 'u') && pattern[i + 2] === '{') {
        const close = pattern.indexOf('}', i + 2);
        atomEnd = close === -1 ? n : close + 1;
      } else if (d === 'u') atomEnd = i + 6;
      else if (d === 'x') atomEnd = i + 4;
      else if (d === 'c') atomEnd = i + 3;
      if (/[.*+?^${}()|[\]\\/\-]/.test(d)) atomLiteral = d;
    } else if (c === '[') {
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < n && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      atomEnd = j + 1;
    } else if (c === '(') {
      const g = newGroup();
      stack.push(g);
      let j = i + 1;
      if (pattern[j] === '?') {
        if (pattern[j + 1] === '<' && pattern[j + 2] !== '=' && pattern[j + 2] !== '!') {
          const close = pattern.indexOf('>', j);
          j = close === -1 ? n : close + 1;
        } else if (pattern[j + 1] === '<') j += 3;
        else j += 2;
      }
      i = j;
      continue;
    } else if (c === ')') {
      if (stack.length === 1) return 'unbalanced parenthesis';
      closedGroup = stack.pop()!;
      closedGroup.alternatives.push(closedGroup.current);
    } else if (c === '|') {
      const g = top();
      g.alternatives.push(g.current);
      g.current = '';
      g.hasAlternation = true;
      i++;
      continue;
    } else if (c === '^' || c === '$') {
      i++;
      continue;
    } else if (c !== '.') {
      atomLiteral = c;
    }
    const q = readQuantifier(atomEnd);
    const g = top();
    if (q) {
      if (q.max > MAX_COUNTED_REPETITION && q.max !== Infinity) return `counted repetition above ${MAX_COUNTED_REPETITION}`;
      cost *= q.unbounded ? MAX_INPUT_LENGTH : Math.max(2, q.max);
      if (cost > MAX_BACKTRACK_COST) {
        return 'too many or too large quantifiers (possible polynomial backtracking); use at most one unbounded quantifier';
      }
      if (closedGroup && q.repeats) {
        if (closedGroup.repeats) return 'nested quantifiers (a repeated group containing a repeated element)';
        if (closedGroup.hasAlternation && !disjointAlternatives(closedGroup.alternatives)) {
          return 'repeated group with overlapping alternatives';
        }
      }
      // Any quantifier inside a repeated group counts (e.g. `(a?){20}` backtracks exponentially).
      g.repeats = true;
      g.current = null;
      atomEnd += q.len;
    } else if (closedGroup) {
      g.current = null;
    } else if (g.current !== null) {
      g.current = atomLiteral === null ? null : g.current + atomLiteral;
    }
    if (closedGroup?.repeats) g.repeats = true;
    i = atomEnd;
  }
  if (stack.length !== 1) return 'unbalanced parenthesis';
  return null;
}

function newGroup(): Group {
  return { repeats: false, alternatives: [], current: '', hasAlternation: false };
}

/** Alternatives are all non-empty literals starting with pairwise different characters. */
function disjointAlternatives(alts: (string | null)[]): boolean {
  const firsts = new Set<string>();
  for (const a of alts) {
    if (a === null || a === '') return false;
    const f = a[0]!.toLowerCase();
    if (firsts.has(f)) return false;
    firsts.add(f);
  }
  return true;
}

const cache = new Map<string, RegExp>();

/** Compiles a checked pattern (cached); throws on unsafe patterns. */
export function safeRegExp(pattern: string, flags: string): RegExp {
  const key = flags + '/' + pattern;
  let re = cache.get(key);
  if (!re) {
    const problem = checkRegex(pattern, flags);
    if (problem) throw new UnsafeRegexError(problem);
    re = new RegExp(pattern, flags);
    if (cache.size > 500) cache.clear();
    cache.set(key, re);
  }
  return re;
}

export class UnsafeRegexError extends Error {
  constructor(reason: string) {
    super(`unsafe regular expression: ${reason}`);
    this.name = 'UnsafeRegexError';
  }
}
