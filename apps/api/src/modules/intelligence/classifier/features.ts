/**
 * Feature extraction: word n-grams, Han character n-grams and optional Latin character n-grams
 * (within words). Features are identified by 32-bit hashes (no per-feature string building when
 * classifying); the vocabulary keeps the hashes seen in ≥ minDf training docs together with a
 * readable name for each (used for keywords). Weighting: sublinear TF × smoothed IDF, L2-normalised.
 */
import type { Analysis } from './tokenizer';
import { isHanCode } from './tokenizer';

export interface FeatureOptions {
  /** Word n-gram range. Default [1, 2]. */
  wordNgrams?: [number, number];
  /** Character n-gram range over runs of Chinese characters (no segmentation needed); null disables. Default [1, 3]. */
  hanCharNgrams?: [number, number] | null;
  /**
   * Character n-gram range inside Latin words (padded with spaces); null disables. Default [2, 5], except for a
   * training corpus of long texts (median over 400 characters): null (see `CorpusProfile`).
   */
  latinCharNgrams?: [number, number] | null;
  /** Latin character n-grams are taken from the words of the first this many characters. Default 400. */
  latinCharMaxChars?: number;
  /**
   * 'word': character n-grams inside each word (' word ', scikit-learn's char_wb). 'text': over the words joined by
   * spaces, so n-grams also span two words ("p up" of "top up"). Default 'word'.
   */
  latinCharScope?: 'word' | 'text';
  /**
   * Keep features seen in at least this many training documents. Default 2, except for a mostly Chinese corpus of at
   * least `LARGE_CHINESE_CORPUS` texts: 5 (see `CorpusProfile`).
   */
  minDf?: number;
  /**
   * Skip-bigrams: ordered pairs of words with 1..this many words between them ("top … card" of "top up my card"),
   * pairing the notions an intent combines that are not adjacent; 0 disables. Default 0.
   */
  wordSkipGap?: number;
  /** Drop features present in more than this fraction of training documents. Default 1 (keep all). */
  maxDfRatio?: number;
  /** Keep at most this many features (highest document frequency first). Default 200000. */
  maxFeatures?: number;
  /** Use 1 + ln(tf) instead of raw counts. Default true, except for a mostly Chinese training corpus: false. */
  sublinearTf?: boolean;
  /**
   * BM25-style TF saturation tf·(k + 1) / (tf + k) with this k instead of raw or sublinear counts (the L2 norm does the
   * length normalisation); 0 disables. Default 0 (measured, see docs/analytics.md).
   */
  tfSaturation?: number;
  /**
   * L2-normalise the word block and the character block separately (each to length 1/√2), as a union of two TF-IDF
   * vectorisers. Default false (one norm over all features measured better on all three dev sets).
   */
  blockNorm?: boolean;
}

export type ResolvedFeatureOptions = Required<FeatureOptions>;

/** What the defaults adapt to: measured on the training texts (see `corpusProfile`). */
export interface CorpusProfile {
  /** Median length of the texts, in characters. */
  medianChars: number;
  /** Share of Han characters among the letters of the corpus. */
  hanShare: number;
  /** Number of texts. */
  size: number;
}

/** Texts longer than this (median) are narratives: words carry them, and Latin character n-grams would cost most of the time. */
export const LONG_TEXT_CHARS = 400;
/**
 * From this many texts on, a Chinese corpus keeps the character n-grams seen in ≥ 5 texts (not 2): the rarer ones are
 * three quarters of the vocabulary and of the memory a prediction reads (TIPDM: 118 k → 30 k features, prediction
 * CPU −39%, model JSON 7.5 → 2.7 MB) for −0.2 accuracy points, within the fold noise. A smaller tenant keeps them all.
 */
export const LARGE_CHINESE_CORPUS = 1000;

export function corpusProfile(texts: readonly string[]): CorpusProfile {
  const lengths = texts.map((t) => t.length).sort((a, b) => a - b);
  let han = 0;
  let letters = 0;
  // a sample of the corpus is enough for a share
  for (let i = 0; i < texts.length; i += Math.max(1, Math.floor(texts.length / 500))) {
    const t = texts[i]!;
    for (let k = 0; k < t.length && k < 2000; k++) {
      const c = t.charCodeAt(k);
      if (isHanCode(c)) {
        han++;
        letters++;
      } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c > 0xbf) letters++;
    }
  }
  return { medianChars: lengths.length ? lengths[lengths.length >> 1]! : 0, hanShare: letters ? han / letters : 0, size: texts.length };
}

export function resolveFeatureOptions(o: FeatureOptions = {}, profile?: CorpusProfile): ResolvedFeatureOptions {
  const chinese = !!profile && profile.hanShare > 0.5;
  const longTexts = !!profile && profile.medianChars > LONG_TEXT_CHARS;
  return {
    wordNgrams: o.wordNgrams ?? [1, 2],
    hanCharNgrams: o.hanCharNgrams === undefined ? [1, 3] : o.hanCharNgrams,
    latinCharNgrams: o.latinCharNgrams === undefined ? (longTexts ? null : [2, 5]) : o.latinCharNgrams,
    latinCharMaxChars: o.latinCharMaxChars ?? LONG_TEXT_CHARS,
    latinCharScope: o.latinCharScope ?? 'word',
    minDf: o.minDf ?? (chinese && profile.size >= LARGE_CHINESE_CORPUS ? 5 : 2),
    wordSkipGap: o.wordSkipGap ?? 0,
    maxDfRatio: o.maxDfRatio ?? 1,
    maxFeatures: o.maxFeatures ?? 200_000,
    sublinearTf: o.sublinearTf ?? !chinese,
    tfSaturation: o.tfSaturation ?? 0,
    blockNorm: o.blockNorm ?? false,
  };
}

// ---- hashing -------------------------------------------------------------------------------

const SEED_WORD = 0x2f1b_3a5d;
const SEED_HAN = 0x51ed_270b;
const SEED_LATIN = 0x6c8e_9cf5;
const SEED_HEAD_WORD = 0x1b87_3593;
const SEED_HEAD_HAN = 0x3c6e_f372;
const SEED_SKIP = 0x4a7c_15e3;

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** FNV-1a over UTF-16 code units, finalised. */
export function hashString(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

function combine(a: number, b: number): number {
  return fmix32(Math.imul(a ^ 0x7feb352d, 0x01000193) ^ b);
}

/** Growable int32 buffer reused across calls. */
class IntBuffer {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const d = new Int32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = v;
  }
}

/** Feature kinds: word n-grams and character n-grams are weighted as two blocks (see `blockNorm`). */
export const KIND_WORD = 0;
export const KIND_CHAR = 1;

/**
 * Visits every feature occurrence of `a` (order and multiplicity matter for TF): `emit(hash, kind, name)`, where
 * `name()` builds the readable feature (only called when wanted: training keeps names for keywords).
 * Character n-grams of one start position share one rolling hash (n combines for all lengths up to n). An `emit`
 * returning false stops extending the n-gram at that start (vectorize: a vocabulary that does not know it).
 */
function visitFeatures(
  a: Analysis,
  o: ResolvedFeatureOptions,
  emit: (h: number, kind: number, name: (() => string) | null) => boolean | void,
  named: boolean,
): void {
  const toks = a.tokens;
  const [wmin, wmax] = o.wordNgrams;
  if (tokenHashes.length < toks.length) tokenHashes = new Int32Array(toks.length * 2);
  const th = tokenHashes;
  for (let i = 0; i < toks.length; i++) th[i] = hashString(toks[i]!);
  if (wmax >= 1) {
    for (let i = 0; i < toks.length; i++) {
      let h = SEED_WORD;
      for (let n = 1; n <= wmax && i + n <= toks.length; n++) {
        h = combine(h, th[i + n - 1]!);
        if (n >= wmin && emit(h, KIND_WORD, named ? () => joinWords(toks.slice(i, i + n)) : null) === false) break;
      }
    }
  }
  for (let i = 0; o.wordSkipGap > 0 && i < toks.length; i++) {
    const hi = combine(SEED_SKIP, th[i]!);
    for (let j = i + 2; j <= i + 1 + o.wordSkipGap && j < toks.length; j++) {
      emit(combine(hi, th[j]!), KIND_WORD, named ? () => toks[i]! + ' … ' + toks[j]! : null);
    }
  }
  if (o.hanCharNgrams) {
    const [cmin, cmax] = o.hanCharNgrams;
    for (const run of a.hanRuns) {
      for (let i = 0; i < run.length; i++) {
        let h = SEED_HAN;
        for (let n = 1; n <= cmax && i + n <= run.length; n++) {
          h = combine(h, run.charCodeAt(i + n - 1));
          if (n >= cmin && emit(h, KIND_CHAR, named ? () => run.slice(i, i + n) : null) === false) break;
        }
      }
    }
  }
  if (a.head) {
    for (const t of a.head.tokens) emit(combine(SEED_HEAD_WORD, hashString(t)), KIND_WORD, named ? () => t : null);
    const cmax = o.hanCharNgrams ? o.hanCharNgrams[1] : 2;
    for (const run of a.head.hanRuns) {
      for (let i = 0; i < run.length; i++) {
        let h = SEED_HEAD_HAN;
        for (let n = 1; n <= cmax && i + n <= run.length; n++) {
          h = combine(h, run.charCodeAt(i + n - 1));
          if ((n >= 2 || run.length === 1) && emit(h, KIND_CHAR, named ? () => run.slice(i, i + n) : null) === false) break;
        }
      }
    }
  }
  if (o.latinCharNgrams) {
    const [lmin, lmax] = o.latinCharNgrams;
    for (const p of latinSpans(toks, o)) {
      for (let i = 0; i < p.length; i++) {
        let h = SEED_LATIN;
        for (let n = 1; n <= lmax && i + n <= p.length; n++) {
          h = combine(h, p.charCodeAt(i + n - 1));
          if (
            n >= lmin &&
            !(n === 1 && p.charCodeAt(i) === 0x20) &&
            emit(h, KIND_CHAR, named ? () => p.slice(i, i + n).trim() : null) === false
          )
            break;
        }
      }
    }
  }
}

/**
 * The padded strings Latin character n-grams are taken from: each word (' word ') or all words joined (' a b c '),
 * from the words of the first `latinCharMaxChars` characters — character n-grams catch misspellings and inflections
 * in short messages; in a long narrative the words already say it, and they would cost most of the time.
 */
function latinSpans(toks: readonly string[], o: ResolvedFeatureOptions): string[] {
  const spans: string[] = [];
  let budget = o.latinCharMaxChars;
  for (const t of toks) {
    if (budget <= 0) break;
    if (isHanCode(t.charCodeAt(0))) continue;
    budget -= t.length;
    spans.push(t);
  }
  return o.latinCharScope === 'text' ? (spans.length ? [' ' + spans.join(' ') + ' '] : []) : spans.map((t) => ' ' + t + ' ');
}

/** Word n-gram display: Chinese words joined directly, others with a space. */
function joinWords(ws: string[]): string {
  let s = ws[0]!;
  for (let i = 1; i < ws.length; i++) {
    const prev = s.charCodeAt(s.length - 1);
    const next = ws[i]!.charCodeAt(0);
    s += isHanCode(prev) && isHanCode(next) ? ws[i] : ' ' + ws[i];
  }
  return s;
}

// ---- open-addressing int → int map -----------------------------------------------------------

class IntIndex {
  /** Interleaved [key, value + 1] pairs (0 = empty slot): one cache line per probe. */
  readonly slots: Int32Array;
  readonly mask: number;

  constructor(hashes: Int32Array) {
    let cap = 16;
    while (cap < hashes.length * 2) cap <<= 1;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
    for (let i = 0; i < hashes.length; i++) {
      // feature hashes are already finalised (fmix32): their low bits are uniform
      let p = hashes[i]! & this.mask;
      while (this.slots[2 * p + 1] !== 0) {
        if (this.slots[2 * p] === hashes[i]) throw new Error('duplicate feature hash in vocabulary');
        p = (p + 1) & this.mask;
      }
      this.slots[2 * p] = hashes[i]!;
      this.slots[2 * p + 1] = i + 1;
    }
  }

  get(h: number): number {
    const slots = this.slots;
    let p = h & this.mask;
    for (;;) {
      const v = slots[2 * p + 1]!;
      if (v === 0) return -1;
      if (slots[2 * p] === h) return v - 1;
      p = (p + 1) & this.mask;
    }
  }
}

// ---- vocabulary & TF-IDF ---------------------------------------------------------------------

export interface SparseVector {
  /** Feature (column) indices, ascending. */
  idx: Uint32Array;
  val: Float32Array;
}

const scratch = new IntBuffer();
const kindScratch = new IntBuffer();
let tokenHashes = new Int32Array(1024);

/**
 * One document's feature counts (one document at a time per thread): its columns in first-seen order, their counts,
 * and a small open-addressing table column → position that stays in the CPU cache (a vocabulary-sized "last seen"
 * array cost a cache miss per n-gram occurrence). Slots are live when stamped with the current document.
 */
class DocCounter {
  /** Sized to the table: it holds at most half as many columns as it has slots. */
  cols = new Int32Array(4096);
  counts = new Int32Array(4096);
  nnz = 0;
  /** [stamp, column, position] triples. */
  private table = new Int32Array(3 * 4096);
  private bits = 12;
  private stamp = 0;

  reset(): void {
    this.nnz = 0;
    if (++this.stamp === 0x7fffffff) {
      this.table.fill(0);
      this.stamp = 1;
    }
  }

  add(c: number): void {
    const t = this.table;
    const stamp = this.stamp;
    const mask = (1 << this.bits) - 1;
    let p = Math.imul(c, 0x9e3779b1) >>> (32 - this.bits);
    for (;;) {
      const q = 3 * p;
      if (t[q] !== stamp) {
        if (2 * this.nnz >= mask) {
          this.grow();
          this.add(c);
          return;
        }
        t[q] = stamp;
        t[q + 1] = c;
        t[q + 2] = this.nnz;
        this.cols[this.nnz] = c;
        this.counts[this.nnz++] = 1;
        return;
      }
      if (t[q + 1] === c) {
        this.counts[t[q + 2]!]!++;
        return;
      }
      p = (p + 1) & mask;
    }
  }

  /** Doubles the table (re-inserting the document's columns) and, when needed, the column arrays. */
  private grow(): void {
    this.bits++;
    this.table = new Int32Array(3 << this.bits);
    this.stamp = 1;
    if (this.cols.length < 1 << this.bits) {
      const cols = new Int32Array(1 << this.bits);
      cols.set(this.cols);
      this.cols = cols;
      const counts = new Int32Array(1 << this.bits);
      counts.set(this.counts);
      this.counts = counts;
    }
    const mask = (1 << this.bits) - 1;
    for (let j = 0; j < this.nnz; j++) {
      let p = Math.imul(this.cols[j]!, 0x9e3779b1) >>> (32 - this.bits);
      while (this.table[3 * p] === 1) p = (p + 1) & mask;
      this.table[3 * p] = 1;
      this.table[3 * p + 1] = this.cols[j]!;
      this.table[3 * p + 2] = j;
    }
  }
}
const counter = new DocCounter();

/** Column of feature hash `h` in an `IntIndex`'s slots, or -1 (inlined into the counting loops). */
function lookup(keys: Int32Array, mask: number, h: number): number {
  let p = h & mask;
  for (;;) {
    const v = keys[2 * p + 1]!;
    if (v === 0) return -1;
    if (keys[2 * p] === h) return v - 1;
    p = (p + 1) & mask;
  }
}

/**
 * Counts the known character n-grams (lengths min..max, rolling hash per start) of `s`. `padded`: a Latin span
 * (' word '), where an n-gram of one character that is the padding space is no feature. `unigrams`: the columns + 1
 * of the single characters by UTF-16 code unit (instead of a hash lookup).
 */
function countCharNgrams(
  s: string,
  seed: number,
  min: number,
  max: number,
  padded: boolean,
  keys: Int32Array,
  mask: number,
  closed: boolean,
  unigrams: Int32Array | null = null,
): void {
  const len = s.length;
  for (let i = 0; i < len; i++) {
    let h = seed;
    const end = Math.min(len, i + max);
    const skipFirst = padded && s.charCodeAt(i) === 0x20;
    for (let j = i; j < end; j++) {
      const code = s.charCodeAt(j);
      h = combine(h, code);
      if (j - i + 1 < min || (skipFirst && j === i)) continue;
      const c = unigrams !== null && j === i ? unigrams[code]! - 1 : lookup(keys, mask, h);
      if (c >= 0) counter.add(c);
      else if (closed) break;
    }
  }
}

/**
 * A document's TF-IDF vector in reusable buffers (the prediction path: no allocation per document). Columns are in
 * first-seen order, not sorted; `nnz` entries are valid until the next `vectorizeInto` with the same buffer.
 */
export class DocVector {
  idx = new Int32Array(1024);
  val = new Float32Array(1024);
  nnz = 0;

  ensure(n: number): void {
    if (this.idx.length >= n) return;
    let cap = this.idx.length;
    while (cap < n) cap *= 2;
    this.idx = new Int32Array(cap);
    this.val = new Float32Array(cap);
  }
}

/** `Vocabulary.vectorize`'s buffer before it copies the sorted vector out. */
const sortScratch = new DocVector();

const pushHash = (h: number) => scratch.push(h);
const pushHashAndKind = (h: number, kind: number) => {
  scratch.push(h);
  kindScratch.push(kind);
};

/** The document's feature hashes into `scratch` (and their kinds into `kindScratch` when asked). */
function collect(a: Analysis, o: ResolvedFeatureOptions, withKinds = true): void {
  scratch.length = 0;
  kindScratch.length = 0;
  visitFeatures(a, o, withKinds ? pushHashAndKind : pushHash, false);
}

/**
 * The distinct feature hashes training sees in a document (`visitFeatures`, all n-grams). Prediction counts them with
 * its own loops (`Vocabulary.count`); a test holds the two to the same features.
 */
export function documentFeatureHashes(a: Analysis, o: ResolvedFeatureOptions): Set<number> {
  collect(a, o, false);
  return new Set(scratch.data.subarray(0, scratch.length));
}

export class Vocabulary {
  /** Feature hashes, one per column. */
  readonly hashes: Int32Array;
  /** Readable feature names, one per column (for keywords). */
  readonly names: string[];
  readonly idf: Float32Array;
  /** KIND_WORD or KIND_CHAR per column. */
  readonly kinds: Uint8Array;
  private readonly index: IntIndex;
  private hanUni: Int32Array | undefined;

  constructor(hashes: Int32Array, names: string[], idf: Float32Array, kinds?: Uint8Array) {
    if (hashes.length !== idf.length || names.length !== idf.length) throw new Error('vocabulary length mismatch');
    this.hashes = hashes;
    this.names = names;
    this.idf = idf;
    this.kinds = kinds ?? new Uint8Array(hashes.length);
    if (this.kinds.length !== hashes.length) throw new Error('vocabulary length mismatch');
    this.index = new IntIndex(hashes);
  }

  get size(): number {
    return this.hashes.length;
  }

  /** Builds the vocabulary from analysed training documents. */
  static fit(docs: readonly Analysis[], o: ResolvedFeatureOptions): Vocabulary {
    const df = new Map<number, number>();
    const kindOf = new Map<number, number>();
    const seen = new Set<number>();
    for (const d of docs) {
      collect(d, o);
      seen.clear();
      for (let i = 0; i < scratch.length; i++) {
        const h = scratch.data[i]!;
        if (seen.has(h)) continue;
        seen.add(h);
        const v = df.get(h);
        if (v === undefined) {
          df.set(h, 1);
          kindOf.set(h, kindScratch.data[i]!);
        } else df.set(h, v + 1);
      }
    }
    const n = docs.length;
    const maxDf = Math.max(1, Math.floor(o.maxDfRatio * n));
    const kept: [number, number][] = [];
    for (const [h, v] of df) if (v >= o.minDf && v <= maxDf) kept.push([h, v]);
    kept.sort((a, b) => b[1] - a[1] || a[0] - b[0]); // deterministic: df desc, then hash
    if (kept.length > o.maxFeatures) kept.length = o.maxFeatures;
    const names = new Map<number, string>();
    for (const [h] of kept) names.set(h, '');
    let missing = kept.length;
    for (const d of docs) {
      if (missing === 0) break;
      visitFeatures(
        d,
        o,
        (h, _kind, name) => {
          if (names.get(h) === '') {
            names.set(h, name!());
            missing--;
          }
        },
        true,
      );
    }
    return new Vocabulary(
      Int32Array.from(kept, ([h]) => h),
      kept.map(([h]) => names.get(h)!),
      Float32Array.from(kept, ([, v]) => Math.log((1 + n) / (1 + v)) + 1),
      Uint8Array.from(kept, ([h]) => kindOf.get(h)!),
    );
  }

  /**
   * Whether every kept n-gram's shorter n-grams from the same start are kept too. True when only `minDf` pruned the
   * vocabulary: a text holding "abc" holds "ab", so df(ab) ≥ df(abc). Then `vectorize` stops extending an n-gram at
   * the first length the vocabulary does not know — most unseen trigrams are never hashed or looked up.
   */
  private prefixClosed(o: ResolvedFeatureOptions): boolean {
    return this.size < o.maxFeatures && o.maxDfRatio >= 1;
  }

  /**
   * Column + 1 (0: unknown) of each single Han character feature by UTF-16 code unit: a Chinese text looks up every
   * character, and this small table stays in the cache where the hash index would miss.
   */
  private hanUnigrams(): Int32Array {
    if (this.hanUni) return this.hanUni;
    const t = new Int32Array(65536);
    for (let code = 0; code < 65536; code++) t[code] = this.index.get(combine(SEED_HAN, code)) + 1;
    this.hanUni = t;
    return t;
  }

  /**
   * The document's known features into `counter` (see `vectorizeInto`): the same n-grams and hashes as
   * `visitFeatures`, written out per kind with the lookups inline (a callback per n-gram cost 4× the hashing).
   * When the vocabulary is prefix-closed an n-gram is not extended past the first length it does not know.
   */
  private count(a: Analysis, o: ResolvedFeatureOptions): void {
    const keys = this.index.slots;
    const mask = this.index.mask;
    const closed = this.prefixClosed(o);
    counter.reset();
    const toks = a.tokens;
    const [wmin, wmax] = o.wordNgrams;
    if (tokenHashes.length < toks.length) tokenHashes = new Int32Array(toks.length * 2);
    const th = tokenHashes;
    for (let i = 0; i < toks.length; i++) th[i] = hashString(toks[i]!);
    for (let i = 0; i < toks.length; i++) {
      let h = SEED_WORD;
      const end = Math.min(toks.length, i + wmax);
      for (let j = i; j < end; j++) {
        h = combine(h, th[j]!);
        if (j - i + 1 < wmin) continue;
        const c = lookup(keys, mask, h);
        if (c >= 0) counter.add(c);
        else if (closed) break;
      }
    }
    const gap = o.wordSkipGap;
    for (let i = 0; gap > 0 && i < toks.length; i++) {
      const hi = combine(SEED_SKIP, th[i]!);
      const end = Math.min(toks.length, i + 2 + gap);
      for (let j = i + 2; j < end; j++) {
        const c = lookup(keys, mask, combine(hi, th[j]!));
        if (c >= 0) counter.add(c);
      }
    }
    if (o.hanCharNgrams) {
      const [cmin, cmax] = o.hanCharNgrams;
      const uni = cmin <= 1 ? this.hanUnigrams() : null;
      for (const run of a.hanRuns) countCharNgrams(run, SEED_HAN, cmin, cmax, false, keys, mask, closed, uni);
    }
    if (a.head) {
      for (const t of a.head.tokens) {
        const c = lookup(keys, mask, combine(SEED_HEAD_WORD, hashString(t)));
        if (c >= 0) counter.add(c);
      }
      const cmax = o.hanCharNgrams ? o.hanCharNgrams[1] : 2;
      for (const run of a.head.hanRuns) countCharNgrams(run, SEED_HEAD_HAN, run.length === 1 ? 1 : 2, cmax, false, keys, mask, closed);
    }
    if (o.latinCharNgrams) {
      const [lmin, lmax] = o.latinCharNgrams;
      for (const p of latinSpans(toks, o)) countCharNgrams(p, SEED_LATIN, lmin, lmax, true, keys, mask, closed);
    }
  }

  /**
   * TF-IDF, L2-normalised vector of an analysed document into `out` (unknown features dropped; columns unsorted). The
   * hot path of every prediction: one pass hashes each n-gram and looks it up (no strings, no buffer of hashes),
   * counts in a cache-resident document table, and allocates nothing.
   */
  vectorizeInto(a: Analysis, o: ResolvedFeatureOptions, out: DocVector): void {
    this.count(a, o);
    const nnz = counter.nnz;
    out.ensure(nnz);
    out.nnz = nnz;
    const { cols, counts } = counter;
    const idx = out.idx;
    const val = out.val;
    const kinds = this.kinds;
    const idf = this.idf;
    const k = o.tfSaturation;
    let norm0 = 0;
    let norm1 = 0;
    for (let j = 0; j < nnz; j++) {
      const c = cols[j]!;
      const tf = counts[j]!;
      const v = (k > 0 ? (tf * (k + 1)) / (tf + k) : o.sublinearTf ? 1 + Math.log(tf) : tf) * idf[c]!;
      idx[j] = c;
      val[j] = v;
      if (o.blockNorm && kinds[c] === KIND_CHAR) norm1 += v * v;
      else norm0 += v * v;
    }
    if (!o.blockNorm) {
      const inv = norm0 > 0 ? 1 / Math.sqrt(norm0 + norm1) : 0;
      for (let j = 0; j < nnz; j++) val[j]! *= inv;
      return;
    }
    // with both blocks present each gets length 1/√2, so the whole vector still has length 1
    const blocks = norm0 > 0 && norm1 > 0 ? Math.SQRT1_2 : 1;
    const inv0 = norm0 > 0 ? blocks / Math.sqrt(norm0) : 0;
    const inv1 = norm1 > 0 ? blocks / Math.sqrt(norm1) : 0;
    for (let j = 0; j < nnz; j++) val[j]! *= kinds[idx[j]!] === KIND_CHAR ? inv1 : inv0;
  }

  /** TF-IDF, L2-normalised sparse vector of an analysed document, columns ascending (training, similarity). */
  vectorize(a: Analysis, o: ResolvedFeatureOptions): SparseVector {
    const d = sortScratch;
    this.vectorizeInto(a, o, d);
    const order = Array.from({ length: d.nnz }, (_, j) => j).sort((x, y) => d.idx[x]! - d.idx[y]!);
    return { idx: Uint32Array.from(order, (j) => d.idx[j]!), val: Float32Array.from(order, (j) => d.val[j]!) };
  }
}
