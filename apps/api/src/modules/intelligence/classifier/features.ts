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
  /** Character n-gram range over runs of Chinese characters; null disables. Default [2, 2]. */
  hanCharNgrams?: [number, number] | null;
  /** Character n-gram range inside Latin words (padded with spaces); null disables. Default null. */
  latinCharNgrams?: [number, number] | null;
  /** Keep features seen in at least this many training documents. Default 2. */
  minDf?: number;
  /** Drop features present in more than this fraction of training documents. Default 1 (keep all). */
  maxDfRatio?: number;
  /** Keep at most this many features (highest document frequency first). Default 200000. */
  maxFeatures?: number;
  /** Use 1 + ln(tf) instead of raw counts. Default true. */
  sublinearTf?: boolean;
}

export type ResolvedFeatureOptions = Required<FeatureOptions>;

export function resolveFeatureOptions(o: FeatureOptions = {}): ResolvedFeatureOptions {
  return {
    wordNgrams: o.wordNgrams ?? [1, 2],
    hanCharNgrams: o.hanCharNgrams === undefined ? [2, 2] : o.hanCharNgrams,
    latinCharNgrams: o.latinCharNgrams === undefined ? null : o.latinCharNgrams,
    minDf: o.minDf ?? 2,
    maxDfRatio: o.maxDfRatio ?? 1,
    maxFeatures: o.maxFeatures ?? 200_000,
    sublinearTf: o.sublinearTf ?? true,
  };
}

// ---- hashing -------------------------------------------------------------------------------

const SEED_WORD = 0x2f1b_3a5d;
const SEED_HAN = 0x51ed_270b;
const SEED_LATIN = 0x6c8e_9cf5;

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

/** Appends the hash of every feature occurrence of `a` to `out` (order and multiplicity matter for TF). */
function collectHashes(a: Analysis, o: ResolvedFeatureOptions, out: IntBuffer): void {
  const toks = a.tokens;
  const [wmin, wmax] = o.wordNgrams;
  const th = new Int32Array(toks.length);
  for (let i = 0; i < toks.length; i++) th[i] = hashString(toks[i]!);
  for (let n = Math.max(1, wmin); n <= wmax; n++) {
    for (let i = 0; i + n <= toks.length; i++) {
      let h = SEED_WORD + n;
      for (let k = 0; k < n; k++) h = combine(h, th[i + k]!);
      out.push(h);
    }
  }
  if (o.hanCharNgrams) {
    const [cmin, cmax] = o.hanCharNgrams;
    for (const run of a.hanRuns) {
      for (let n = cmin; n <= cmax; n++) {
        for (let i = 0; i + n <= run.length; i++) {
          let h = SEED_HAN + n;
          for (let k = 0; k < n; k++) h = combine(h, run.charCodeAt(i + k));
          out.push(h);
        }
      }
    }
  }
  if (o.latinCharNgrams) {
    const [lmin, lmax] = o.latinCharNgrams;
    for (const t of toks) {
      if (isHanCode(t.charCodeAt(0))) continue;
      const p = ' ' + t + ' ';
      for (let n = lmin; n <= lmax; n++) {
        for (let i = 0; i + n <= p.length; i++) {
          let h = SEED_LATIN + n;
          for (let k = 0; k < n; k++) h = combine(h, p.charCodeAt(i + k));
          out.push(h);
        }
      }
    }
  }
}

/** Same traversal as collectHashes, also giving each feature's readable name (training only). */
function collectNamed(a: Analysis, o: ResolvedFeatureOptions, emit: (h: number, name: () => string) => void): void {
  const toks = a.tokens;
  const [wmin, wmax] = o.wordNgrams;
  const th = toks.map(hashString);
  for (let n = Math.max(1, wmin); n <= wmax; n++) {
    for (let i = 0; i + n <= toks.length; i++) {
      let h = SEED_WORD + n;
      for (let k = 0; k < n; k++) h = combine(h, th[i + k]!);
      emit(h, () => joinWords(toks.slice(i, i + n)));
    }
  }
  if (o.hanCharNgrams) {
    const [cmin, cmax] = o.hanCharNgrams;
    for (const run of a.hanRuns) {
      for (let n = cmin; n <= cmax; n++) {
        for (let i = 0; i + n <= run.length; i++) {
          let h = SEED_HAN + n;
          for (let k = 0; k < n; k++) h = combine(h, run.charCodeAt(i + k));
          emit(h, () => run.slice(i, i + n));
        }
      }
    }
  }
  if (o.latinCharNgrams) {
    const [lmin, lmax] = o.latinCharNgrams;
    for (const t of toks) {
      if (isHanCode(t.charCodeAt(0))) continue;
      const p = ' ' + t + ' ';
      for (let n = lmin; n <= lmax; n++) {
        for (let i = 0; i + n <= p.length; i++) {
          let h = SEED_LATIN + n;
          for (let k = 0; k < n; k++) h = combine(h, p.charCodeAt(i + k));
          emit(h, () => p.slice(i, i + n).trim());
        }
      }
    }
  }
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
  private readonly keys: Int32Array;
  private readonly vals: Int32Array;
  private readonly mask: number;

  constructor(hashes: Int32Array) {
    let cap = 16;
    while (cap < hashes.length * 2) cap <<= 1;
    this.keys = new Int32Array(cap);
    this.vals = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    for (let i = 0; i < hashes.length; i++) {
      let p = fmix32(hashes[i]!) & this.mask;
      while (this.vals[p]! >= 0) {
        if (this.keys[p] === hashes[i]) throw new Error('duplicate feature hash in vocabulary');
        p = (p + 1) & this.mask;
      }
      this.keys[p] = hashes[i]!;
      this.vals[p] = i;
    }
  }

  get(h: number): number {
    let p = fmix32(h) & this.mask;
    for (;;) {
      const v = this.vals[p]!;
      if (v < 0) return -1;
      if (this.keys[p] === h) return v;
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
let colScratch = new Int32Array(1024);

export class Vocabulary {
  /** Feature hashes, one per column. */
  readonly hashes: Int32Array;
  /** Readable feature names, one per column (for keywords). */
  readonly names: string[];
  readonly idf: Float32Array;
  private readonly index: IntIndex;

  constructor(hashes: Int32Array, names: string[], idf: Float32Array) {
    if (hashes.length !== idf.length || names.length !== idf.length) throw new Error('vocabulary length mismatch');
    this.hashes = hashes;
    this.names = names;
    this.idf = idf;
    this.index = new IntIndex(hashes);
  }

  get size(): number {
    return this.hashes.length;
  }

  /** Builds the vocabulary from analysed training documents. */
  static fit(docs: readonly Analysis[], o: ResolvedFeatureOptions): Vocabulary {
    const df = new Map<number, number>();
    const seen = new Set<number>();
    for (const d of docs) {
      scratch.length = 0;
      collectHashes(d, o, scratch);
      seen.clear();
      for (let i = 0; i < scratch.length; i++) seen.add(scratch.data[i]!);
      for (const h of seen) df.set(h, (df.get(h) ?? 0) + 1);
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
      collectNamed(d, o, (h, name) => {
        if (names.get(h) === '') {
          names.set(h, name());
          missing--;
        }
      });
    }
    return new Vocabulary(
      Int32Array.from(kept, ([h]) => h),
      kept.map(([h]) => names.get(h)!),
      Float32Array.from(kept, ([, v]) => Math.log((1 + n) / (1 + v)) + 1),
    );
  }

  /** TF-IDF, L2-normalised sparse vector of an analysed document (unknown features dropped). */
  vectorize(a: Analysis, o: ResolvedFeatureOptions): SparseVector {
    scratch.length = 0;
    collectHashes(a, o, scratch);
    if (colScratch.length < scratch.length) colScratch = new Int32Array(scratch.data.length);
    let m = 0;
    for (let i = 0; i < scratch.length; i++) {
      const c = this.index.get(scratch.data[i]!);
      if (c >= 0) colScratch[m++] = c;
    }
    const cols = colScratch.subarray(0, m).sort();
    let nnz = 0;
    for (let i = 0; i < m; i++) if (i === 0 || cols[i] !== cols[i - 1]) nnz++;
    const idx = new Uint32Array(nnz);
    const val = new Float32Array(nnz);
    let norm = 0;
    let k = -1;
    const vals = new Float64Array(nnz);
    for (let i = 0; i < m; i++) {
      if (i === 0 || cols[i] !== cols[i - 1]) {
        idx[++k] = cols[i]!;
        vals[k] = 1;
      } else vals[k]!++;
    }
    for (let j = 0; j < nnz; j++) {
      const tf = vals[j]!;
      const v = (o.sublinearTf ? 1 + Math.log(tf) : tf) * this.idf[idx[j]!]!;
      vals[j] = v;
      norm += v * v;
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < nnz; j++) val[j] = vals[j]! * inv;
    return { idx, val };
  }
}
