import { RE2JS, RE2JSException } from 're2js';

/**
 * Administrator-written regular expressions (the `matches` operator, form-field patterns) run on RE2 — re2js, the
 * pure-JavaScript port of Google's RE2 — whose automaton matches in time linear in the input whatever the pattern:
 * no pattern can make it backtrack. What RE2 cannot express (back-references, lookahead, lookbehind) is refused
 * with the reason, at validation and publish time, instead of falling back to the backtracking engine.
 *
 * Not the native `re2` binding: it builds RE2 and Abseil with node-gyp at install (minutes on this machine class,
 * and its installer first tries to download a prebuilt binary); the port needs neither.
 */

export const MAX_PATTERN_LENGTH = 200;
/** Longer inputs are truncated to this many UTF-16 units before matching (bounds the work per evaluation). */
export const MAX_INPUT_LENGTH = 2000;
export const ALLOWED_FLAGS = /^[imsu]*$/;

const UNSUPPORTED_ENGINE = 'patterns run on the linear-time RE2 engine';

/**
 * Names the first construct a backtracking engine needs and RE2 refuses (RE2's own message would only say "invalid
 * escape" or "unsupported Perl syntax"). Escapes and character classes are stepped over, so `\\(` or `[(?=]` are fine.
 */
function unsupportedConstruct(pattern: string): string | null {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next)) return `back-references (\\${next}) are not supported: ${UNSUPPORTED_ENGINE}`;
      if (next === 'k' && pattern[i + 2] === '<') return `named back-references (\\k<name>) are not supported: ${UNSUPPORTED_ENGINE}`;
      i++;
    } else if (c === '[') {
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
    } else if (c === '(' && /^\(\?<?[=!]/.test(pattern.slice(i, i + 4))) {
      return `lookahead and lookbehind (${pattern.slice(i, i + 4).replace(/[^(?<=!]/g, '')}) are not supported: ${UNSUPPORTED_ENGINE}`;
    }
  }
  return null;
}

function re2Flags(flags: string): number {
  let value = 0;
  if (flags.includes('i')) value |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) value |= RE2JS.MULTILINE;
  if (flags.includes('s')) value |= RE2JS.DOTALL;
  // `u`: RE2 always matches by code point.
  return value;
}

function compile(pattern: string, flags: string): RE2JS {
  return RE2JS.compile(pattern, re2Flags(flags));
}

/** Returns null if the pattern is acceptable, otherwise a human-readable reason. */
export function checkRegex(pattern: unknown, flags: unknown = ''): string | null {
  if (typeof pattern !== 'string') return 'pattern must be a string';
  if (pattern.length > MAX_PATTERN_LENGTH) return `pattern longer than ${MAX_PATTERN_LENGTH} characters`;
  if (flags !== undefined && flags !== null && (typeof flags !== 'string' || !ALLOWED_FLAGS.test(flags))) {
    return 'flags may only contain i, m, s, u';
  }
  const unsupported = unsupportedConstruct(pattern);
  if (unsupported) return unsupported;
  try {
    compile(pattern, typeof flags === 'string' ? flags : '');
  } catch (error) {
    const message = error instanceof RE2JSException ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    return `invalid pattern for the RE2 engine: ${message}`;
  }
  return null;
}

/** A compiled, linear-time pattern: `test` finds a match anywhere in the text, like RegExp#test. */
export interface SafeRegExp {
  readonly source: string;
  test(text: string): boolean;
}

const cache = new Map<string, SafeRegExp>();

/** Compiles a checked pattern (cached); throws UnsafeRegexError with the reason when RE2 cannot run it. */
export function safeRegExp(pattern: string, flags = ''): SafeRegExp {
  const key = flags + '/' + pattern;
  let re = cache.get(key);
  if (!re) {
    const problem = checkRegex(pattern, flags);
    if (problem) throw new UnsafeRegexError(problem);
    const compiled = compile(pattern, flags);
    re = { source: pattern, test: (text: string) => compiled.test(text) };
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
