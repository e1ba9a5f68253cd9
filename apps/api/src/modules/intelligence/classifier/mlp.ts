/**
 * A one-hidden-layer network (ReLU, softmax output, inverted dropout) over a document's word n-gram features, blended
 * with the linear SVM's scores. A linear model scores each n-gram on its own; the hidden units combine them ("top up"
 * with "failed" vs with "card"), which short intent-like messages need: on BANKING77 the blend gains about one point
 * over the SVM alone (docs/analytics.md, run F). Only word n-gram columns feed it (a short message has ≈ 20 of them
 * against ≈ 250 character n-grams), which keeps its cost per prediction to ≈ 20 × hidden + hidden × classes
 * multiply-adds. Trained by plain SGD with a linearly decaying step; deterministic for a seed.
 */
import type { SparseVector } from './features';
import { createRng } from './util';

export interface MlpWeights {
  hidden: number;
  /** Input rows: one per input column (see `inputRows`), `hidden` weights each. */
  w1: Float32Array;
  b1: Float32Array;
  /** Hidden-major: `hidden` rows of one weight per class. */
  w2: Float32Array;
  b2: Float32Array;
}

export interface MlpOptions {
  hidden: number;
  epochs: number;
  learningRate: number;
  dropout: number;
  seed: number;
}

/** Row of each vocabulary column in the network's input (−1: not an input), given which columns are inputs. */
export function inputRows(isInput: (col: number) => boolean, cols: number): Int32Array {
  const rows = new Int32Array(cols);
  let r = 0;
  for (let c = 0; c < cols; c++) rows[c] = isInput(c) ? r++ : -1;
  return rows;
}

/** Number of input rows of `rows` (`inputRows`). */
export function inputCount(rows: Int32Array): number {
  let n = 0;
  for (let c = 0; c < rows.length; c++) if (rows[c]! >= 0) n++;
  return n;
}

/**
 * Trains the network on the samples' vectors (columns mapped through `rows`; other columns ignored). `y[i]` is the
 * class index of sample i; samples are visited in seeded shuffles of the given order.
 */
export function trainMlp(X: readonly SparseVector[], y: Int32Array, classes: number, rows: Int32Array, o: MlpOptions): MlpWeights {
  const H = o.hidden;
  const C = classes;
  const inputs = inputCount(rows);
  const rng = createRng(o.seed);
  // uniform initialisation: inputs at the scale of a document's ≈ 50 non-zero TF-IDF values, outputs Glorot-like
  const a1 = Math.sqrt(3 / 50);
  const a2 = Math.sqrt(3 / H);
  const w1 = new Float32Array(inputs * H);
  for (let k = 0; k < w1.length; k++) w1[k] = (2 * rng() - 1) * a1;
  const b1 = new Float32Array(H);
  const w2 = new Float32Array(H * C);
  for (let k = 0; k < w2.length; k++) w2[k] = (2 * rng() - 1) * a2;
  const b2 = new Float32Array(C);
  const h = new Float32Array(H);
  const g = new Float32Array(H);
  const keep = new Float32Array(H);
  const z = new Float64Array(C);
  const drop = o.dropout;
  const order = Int32Array.from(X.keys());
  // a document's input columns (rows) and values, gathered once
  const inRows: Int32Array[] = [];
  const inVals: Float32Array[] = [];
  for (const v of X) {
    const r: number[] = [];
    const x: number[] = [];
    for (let k = 0; k < v.idx.length; k++) {
      const row = rows[v.idx[k]!]!;
      if (row >= 0) {
        r.push(row);
        x.push(v.val[k]!);
      }
    }
    inRows.push(Int32Array.from(r));
    inVals.push(Float32Array.from(x));
  }
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    const lr = o.learningRate * (1 - epoch / o.epochs);
    for (let s = 0; s < order.length; s++) {
      const i = order[s]!;
      const r = inRows[i]!;
      const x = inVals[i]!;
      h.set(b1);
      for (let k = 0; k < r.length; k++) {
        const base = r[k]! * H;
        const xv = x[k]!;
        for (let j = 0; j < H; j++) h[j]! += xv * w1[base + j]!;
      }
      for (let j = 0; j < H; j++) {
        keep[j] = rng() < drop ? 0 : 1 / (1 - drop);
        h[j] = h[j]! > 0 ? h[j]! * keep[j]! : 0;
      }
      for (let c = 0; c < C; c++) z[c] = b2[c]!;
      for (let j = 0; j < H; j++) {
        const a = h[j]!;
        if (a === 0) continue;
        const base = j * C;
        for (let c = 0; c < C; c++) z[c]! += a * w2[base + c]!;
      }
      let max = -Infinity;
      for (let c = 0; c < C; c++) if (z[c]! > max) max = z[c]!;
      let sum = 0;
      for (let c = 0; c < C; c++) sum += z[c] = Math.exp(z[c]! - max);
      for (let c = 0; c < C; c++) z[c]! /= sum;
      z[y[i]!]! -= 1; // dLoss/dScore
      for (let j = 0; j < H; j++) {
        const a = h[j]!;
        if (a === 0) {
          g[j] = 0;
          continue;
        }
        const base = j * C;
        let back = 0;
        for (let c = 0; c < C; c++) {
          back += z[c]! * w2[base + c]!;
          w2[base + c]! -= lr * z[c]! * a;
        }
        g[j] = back * keep[j]!;
      }
      for (let c = 0; c < C; c++) b2[c]! -= lr * z[c]!;
      for (let j = 0; j < H; j++) b1[j]! -= lr * g[j]!;
      for (let k = 0; k < r.length; k++) {
        const base = r[k]! * H;
        const step = lr * x[k]!;
        for (let j = 0; j < H; j++) w1[base + j]! -= step * g[j]!;
      }
    }
  }
  return { hidden: H, w1, b1, w2, b2 };
}

/** Networks over the same inputs as one network: their hidden layers side by side, their outputs averaged. */
export function averageMlps(nets: MlpWeights[]): MlpWeights {
  const H = nets.reduce((a, n) => a + n.hidden, 0);
  const inputs = nets[0]!.w1.length / nets[0]!.hidden;
  const C = nets[0]!.b2.length;
  const w1 = new Float32Array(inputs * H);
  const b1 = new Float32Array(H);
  const w2 = new Float32Array(H * C);
  const b2 = new Float32Array(C);
  const m = nets.length;
  let off = 0;
  for (const n of nets) {
    // w1 is input-major (each input's row holds every unit), w2 hidden-major (each unit's row holds every class)
    for (let r = 0; r < inputs; r++) w1.set(n.w1.subarray(r * n.hidden, (r + 1) * n.hidden), r * H + off);
    b1.set(n.b1, off);
    for (let k = 0; k < n.w2.length; k++) w2[off * C + k] = n.w2[k]! / m;
    for (let c = 0; c < C; c++) b2[c]! += n.b2[c]! / m;
    off += n.hidden;
  }
  return { hidden: H, w1, b1, w2, b2 };
}
