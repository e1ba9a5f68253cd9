/**
 * The reference the issue measures the classifier against: scikit-learn's textbook pipeline
 * `TfidfVectorizer(ngram_range=(1, 2))` (word tokens `\b\w\w+\b`, lower-cased, raw TF, smoothed IDF, L2 norm) — for
 * Chinese `TfidfVectorizer(analyzer='char', ngram_range=(1, 3))` — followed by `LinearSVC(C=1)` (one-vs-rest, squared
 * hinge, dual coordinate descent, intercept as a regularised constant feature). Re-implemented here with exact string
 * features (no hashing, no vocabulary cut) so the bench needs no Python; the solver is the same LIBLINEAR algorithm.
 */
import { toCsr, trainOvrSvm } from '../../apps/api/src/modules/intelligence/classifier/linear';
import type { Sample } from '../../apps/api/src/modules/intelligence/classifier';

const WORD = /[\p{L}\p{N}_]{2,}/gu;

export type BaselineAnalyzer = 'word12' | 'char13';

function terms(text: string, analyzer: BaselineAnalyzer): string[] {
  const t = text.toLowerCase();
  const out: string[] = [];
  if (analyzer === 'char13') {
    const s = t.replace(/\s+/g, ' '); // sklearn's char analyzer normalises white space
    for (let i = 0; i < s.length; i++) for (let n = 1; n <= 3 && i + n <= s.length; n++) out.push(s.slice(i, i + n));
    return out;
  }
  const words = t.match(WORD) ?? [];
  for (let i = 0; i < words.length; i++) {
    out.push(words[i]!);
    if (i + 1 < words.length) out.push(words[i]! + ' ' + words[i + 1]!);
  }
  return out;
}

export class SvmBaseline {
  private constructor(
    private readonly analyzer: BaselineAnalyzer,
    private readonly vocab: Map<string, number>,
    private readonly idf: Float64Array,
    private readonly labels: string[],
    private readonly weights: Float32Array,
    private readonly bias: Float32Array,
  ) {}

  static train(samples: readonly Sample[], analyzer: BaselineAnalyzer, c = 1): SvmBaseline {
    const docs = samples.map((s) => terms(s.text, analyzer));
    const vocab = new Map<string, number>();
    const df: number[] = [];
    for (const d of docs) {
      for (const t of new Set(d)) {
        let j = vocab.get(t);
        if (j === undefined) vocab.set(t, (j = df.push(0) - 1));
        df[j]!++;
      }
    }
    const n = docs.length;
    const idf = Float64Array.from(df, (v) => Math.log((1 + n) / (1 + v)) + 1);
    const labels = [...new Set(samples.map((s) => s.label))].sort();
    const y = Int32Array.from(samples, (s) => labels.indexOf(s.label));
    const model = new SvmBaseline(analyzer, vocab, idf, labels, new Float32Array(0), new Float32Array(0));
    const X = toCsr(
      docs.map((d) => model.vector(d)),
      vocab.size,
    );
    const { weights, bias } = trainOvrSvm(X, y, labels.length, { c, maxEpochs: 1000 });
    return new SvmBaseline(analyzer, vocab, idf, labels, weights, bias);
  }

  private vector(d: string[]): { idx: Uint32Array; val: Float32Array } {
    const tf = new Map<number, number>();
    for (const t of d) {
      const j = this.vocab.get(t);
      if (j !== undefined) tf.set(j, (tf.get(j) ?? 0) + 1);
    }
    const idx = Uint32Array.from([...tf.keys()].sort((a, b) => a - b));
    const val = Float32Array.from(idx, (j) => tf.get(j)! * this.idf[j]!);
    let sq = 0;
    for (let k = 0; k < val.length; k++) sq += val[k]! * val[k]!;
    const norm = Math.sqrt(sq) || 1;
    for (let k = 0; k < val.length; k++) val[k]! /= norm;
    return { idx, val };
  }

  predict(text: string): string {
    const v = this.vector(terms(text, this.analyzer));
    const C = this.labels.length;
    const z = Float64Array.from(this.bias);
    for (let k = 0; k < v.idx.length; k++) for (let c = 0; c < C; c++) z[c]! += v.val[k]! * this.weights[v.idx[k]! * C + c]!;
    let best = 0;
    for (let c = 1; c < C; c++) if (z[c]! > z[best]!) best = c;
    return this.labels[best]!;
  }
}
