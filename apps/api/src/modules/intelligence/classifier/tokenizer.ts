/**
 * Text analysis for the complaint-cause classifier: Unicode normalisation, protected domain-dictionary
 * words, Chinese word segmentation (jieba via @node-rs/jieba, or the built-in Intl.Segmenter), Latin-script
 * word splitting and stopword removal.
 */
import { Jieba } from '@node-rs/jieba';
import { dict as jiebaDict } from '@node-rs/jieba/dict';
import { DEFAULT_STOPWORDS } from './stopwords';

/** 'none': Chinese is read through character n-grams only (no segmentation: jieba words beside them cost 3.5× the time for +0.3 points on one TIPDM fold). */
export type SegmenterKind = 'none' | 'jieba' | 'intl';

export interface TokenizerOptions {
  /** Chinese word segmenter. Default 'none' (character n-grams; see docs/analytics.md for the measurements). */
  segmenter?: SegmenterKind;
  /** jieba: use its HMM for out-of-vocabulary words. Default true. */
  hmm?: boolean;
  /** Domain words that are always kept as one token (tenant + plugin vocabularies). */
  dictionary?: readonly string[];
  /** Extra stopwords (added to the built-in list unless `useDefaultStopwords` is false). */
  stopwords?: readonly string[];
  /**
   * Use the built-in English/Chinese stopword lists. Default false: in complaints "my", "can", "not", "how" tell
   * intents apart (measured: +1 point on BANKING77 and CFPB without the list); Chinese is read by character n-grams.
   */
  useDefaultStopwords?: boolean;
  /** Only the first `maxChars` characters of a text are analysed (bounds cost on very long texts). Default 4000. */
  maxChars?: number;
  /** The first this many characters also give separate "opening" features (titles say the most). 0 disables. Default 0. */
  headChars?: number;
}

export interface Analysis {
  /** Word tokens (lower-cased, stopwords removed, numbers folded to '#'), in text order. */
  tokens: string[];
  /** Maximal runs of Han characters (used for character n-grams). */
  hanRuns: string[];
  /** The text's opening (its title, when it has one): runs of Han characters and other words of the first `headChars`. */
  head?: { tokens: string[]; hanRuns: string[] };
}

const HAN_TEST = /\p{Script=Han}/u;
const HAN_RUNS = /\p{Script=Han}+/gu;
const LATIN_WORDS = /[\p{L}\p{N}]+/gu;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const NUMBER = /^[\p{N}.,]+$/u;
/** Redaction masks such as CFPB's "XXXX" carry no signal. */
const MASK = /^x{2,}$/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Words of any script but Han (Han text is then only seen through character n-grams). */
const NON_HAN_WORDS = /(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/** Fast check for a CJK ideograph code unit (BMP blocks + high surrogates of the supplementary ideograph plane). */
export function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd87e);
}

// ---- one-pass scanner (the default 'none' segmenter) ----------------------------------------
/** Character classes of the scanner: a letter or number (\p{L}\p{N}), a Han character (\p{Script=Han}). */
const WORDISH = 1;
const HAN = 2;
let bmpClasses: Uint8Array | undefined;
const astralClasses = new Map<number, number>();

/**
 * The class bits of every BMP code unit, taken from the regular expressions themselves (65,536 tests once per
 * thread, ≈ 20 ms) so the scanner splits exactly as `LATIN_WORDS`, `NON_HAN_WORDS` and `HAN_RUNS` do.
 */
function classTable(): Uint8Array {
  if (bmpClasses) return bmpClasses;
  const t = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates: classified as pairs (a lone one is neither)
    t[c] = classOf(String.fromCharCode(c));
  }
  bmpClasses = t;
  return t;
}

function classOf(ch: string): number {
  return (WORD_CHAR.test(ch) ? WORDISH : 0) | (HAN_TEST.test(ch) ? HAN : 0);
}

/**
 * One pass over `text`: the runs of Han characters into `hanRuns` and the words of any other script (runs of letters
 * and numbers that are not Han) to `onWord` — the same strings as `text.match(HAN_RUNS)` and
 * `text.matchAll(NON_HAN_WORDS)` (and `LATIN_WORDS` on a text without Han), without a regular-expression match object
 * per token.
 */
function scanText(text: string, hanRuns: string[] | null, onWord: (w: string) => void): void {
  const t = classTable();
  const n = text.length;
  let wordStart = -1;
  let hanStart = -1;
  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i);
    let cls: number;
    let width = 1;
    if (c < 0xd800 || c > 0xdfff) cls = t[c]!;
    else if (c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      const cp = text.codePointAt(i)!;
      let k = astralClasses.get(cp);
      if (k === undefined) astralClasses.set(cp, (k = classOf(String.fromCodePoint(cp))));
      cls = k;
      width = 2;
    } else cls = 0;
    const word = (cls & (WORDISH | HAN)) === WORDISH;
    if (word) {
      if (wordStart < 0) wordStart = i;
    } else if (wordStart >= 0) {
      onWord(text.slice(wordStart, i));
      wordStart = -1;
    }
    if (cls & HAN) {
      if (hanStart < 0) hanStart = i;
    } else if (hanStart >= 0) {
      hanRuns?.push(text.slice(hanStart, i));
      hanStart = -1;
    }
    i += width;
  }
  if (wordStart >= 0) onWord(text.slice(wordStart));
  if (hanStart >= 0) hanRuns?.push(text.slice(hanStart));
}

let jiebaInstance: Jieba | undefined;
function jieba(): Jieba {
  jiebaInstance ??= Jieba.withDict(jiebaDict);
  return jiebaInstance;
}
let intlSegmenter: Intl.Segmenter | undefined;
function intl(): Intl.Segmenter {
  intlSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return intlSegmenter;
}

export function normalizeText(text: string): string {
  const nfkc = text.normalize('NFKC');
  return hasCasedChars(nfkc) ? nfkc.toLowerCase() : nfkc;
}

/**
 * Whether `toLowerCase` could change `s`: false when it holds only characters without a lower-case mapping (ASCII
 * other than A–Z, general punctuation, the CJK blocks U+3000–9FFF, full-width forms other than Ａ–Ｚ). A Chinese
 * complaint then skips the full-Unicode lower-casing of its whole text; anything else is lower-cased as before.
 */
function hasCasedChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xc0) {
      if (c >= 0x41 && c <= 0x5a) return true;
    } else if (!(
      (c >= 0x3000 && c <= 0x9fff) ||
      (c >= 0x2000 && c <= 0x206f) ||
      (c >= 0xff00 && c <= 0xffef && !(c >= 0xff21 && c <= 0xff3a))
    )) {
      return true;
    }
  }
  return false;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
}

/** Longest-match finder for protected dictionary words (Latin words must match on word boundaries). */
class DictionaryMatcher {
  private readonly root: TrieNode = { next: new Map(), end: false };
  readonly size: number;

  constructor(words: readonly string[]) {
    let n = 0;
    for (const raw of words) {
      const w = normalizeText(raw).trim().replace(/\s+/g, ' ');
      if (!w) continue;
      let node = this.root;
      for (const ch of w) {
        let nx = node.next.get(ch);
        if (!nx) {
          nx = { next: new Map(), end: false };
          node.next.set(ch, nx);
        }
        node = nx;
      }
      if (!node.end) n++;
      node.end = true;
    }
    this.size = n;
  }

  /** Splits `text` into alternating plain fragments and dictionary hits. */
  split(text: string, onPlain: (s: string) => void, onWord: (w: string) => void): void {
    let plainStart = 0;
    let i = 0;
    const n = text.length;
    while (i < n) {
      let node = this.root.next.get(text[i]!);
      if (!node) {
        i++;
        continue;
      }
      let j = i + 1;
      let bestEnd = node.end ? j : -1;
      while (j < n) {
        const nx: TrieNode | undefined = node.next.get(text[j]!);
        if (!nx) break;
        node = nx;
        j++;
        if (node.end) bestEnd = j;
      }
      if (bestEnd > 0 && this.boundaryOk(text, i, bestEnd)) {
        if (i > plainStart) onPlain(text.slice(plainStart, i));
        onWord(text.slice(i, bestEnd));
        i = plainStart = bestEnd;
      } else {
        i++;
      }
    }
    if (plainStart < n) onPlain(text.slice(plainStart));
  }

  private boundaryOk(text: string, start: number, end: number): boolean {
    // A word that starts/ends with a Latin letter or digit must not be glued to another one.
    const first = text[start]!;
    const last = text[end - 1]!;
    if (WORD_CHAR.test(first) && !HAN_TEST.test(first) && start > 0) {
      const prev = text[start - 1]!;
      if (WORD_CHAR.test(prev) && !HAN_TEST.test(prev)) return false;
    }
    if (WORD_CHAR.test(last) && !HAN_TEST.test(last) && end < text.length) {
      const next = text[end]!;
      if (WORD_CHAR.test(next) && !HAN_TEST.test(next)) return false;
    }
    return true;
  }
}

export class Tokenizer {
  readonly segmenter: SegmenterKind;
  private readonly hmm: boolean;
  private readonly maxChars: number;
  private readonly headChars: number;
  private readonly stop: Set<string>;
  private readonly matcher: DictionaryMatcher | undefined;

  constructor(options: TokenizerOptions = {}) {
    this.segmenter = options.segmenter ?? 'none';
    this.hmm = options.hmm ?? true;
    this.maxChars = options.maxChars ?? 4000;
    this.headChars = options.headChars ?? 0;
    const stop = options.useDefaultStopwords === true ? [...DEFAULT_STOPWORDS] : [];
    for (const w of options.stopwords ?? []) stop.push(w);
    this.stop = new Set(stop.map((w) => normalizeText(w).trim()).filter(Boolean));
    const dict = options.dictionary ?? [];
    this.matcher = dict.length ? new DictionaryMatcher(dict) : undefined;
  }

  /** Word tokens of `text` (what the word n-gram features are built from). */
  tokenize(text: string): string[] {
    return this.analyze(text).tokens;
  }

  analyze(text: string): Analysis {
    let norm = normalizeText(text.length > this.maxChars ? text.slice(0, this.maxChars) : text);
    if (norm.length > this.maxChars) norm = norm.slice(0, this.maxChars);
    const tokens: string[] = [];
    if (!this.matcher && this.segmenter === 'none' && this.headChars <= 0) {
      // the default: words and Han runs in one pass
      const hanRuns: string[] = [];
      scanText(norm, hanRuns, (w) => this.push(w, tokens));
      return { tokens, hanRuns };
    }
    if (this.matcher) {
      this.matcher.split(
        norm,
        (plain) => this.segmentPlain(plain, tokens),
        (word) => {
          if (!this.stop.has(word)) tokens.push(word);
        },
      );
    } else {
      this.segmentPlain(norm, tokens);
    }
    const hasHan = HAN_TEST.test(norm);
    const hanRuns = hasHan ? (norm.match(HAN_RUNS) ?? []) : [];
    if (this.headChars <= 0) return { tokens, hanRuns };
    const opening = norm.slice(0, this.headChars);
    const head = {
      tokens: [...opening.matchAll(NON_HAN_WORDS)].map((m) => m[0]).filter((t) => !this.stop.has(t)),
      hanRuns: hasHan ? (opening.match(HAN_RUNS) ?? []) : [],
    };
    return { tokens, hanRuns, head };
  }

  private push(tok: string, out: string[]): void {
    if (this.stop.has(tok)) return;
    const c = tok.charCodeAt(0);
    if (c === 0x78 /* x */ && tok.length > 1 && MASK.test(tok)) return;
    out.push(c < 0x80 && c >= 0x30 && c <= 0x39 && NUMBER.test(tok) ? '#' : tok);
  }

  private segmentPlain(text: string, out: string[]): void {
    if (this.segmenter === 'none' || !HAN_TEST.test(text)) {
      // without Han, the runs of letters and numbers (LATIN_WORDS) are the non-Han words
      scanText(text, null, (w) => this.push(w, out));
    } else if (this.segmenter === 'jieba') {
      for (const t of jieba().cut(text, this.hmm)) {
        if (isHanCode(t.charCodeAt(0))) this.push(t, out);
        else if (HAS_WORD_CHAR.test(t)) this.pushMixed(t.trim(), out);
      }
    } else {
      for (const s of intl().segment(text)) {
        if (s.isWordLike) this.pushMixed(s.segment, out);
      }
    }
  }

  /** Segmenter tokens may still hold Latin punctuation (e.g. "can't"): split those the Latin way. */
  private pushMixed(tok: string, out: string[]): void {
    if (isHanCode(tok.charCodeAt(0)) || HAN_TEST.test(tok)) {
      this.push(tok, out);
      return;
    }
    for (const m of tok.matchAll(LATIN_WORDS)) this.push(m[0], out);
  }
}
