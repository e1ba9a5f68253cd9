/** Stratified k-fold cross-validation and classification metrics. */
import { ComplaintCauseModel } from './model';
import type { Sample, TrainOptions } from './model';
import { canonicalOrder, createRng, shuffleInPlace } from './util';

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Metrics {
  accuracy: number;
  macroF1: number;
  perClass: Record<string, ClassMetrics>;
}

export interface FoldResult extends Metrics {
  fold: number;
  trainSize: number;
  testSize: number;
  trainMs: number;
  predictMs: number;
}

/** A held-out prediction's raw class scores and the index of the true label among them (-1: unknown to that fold's model). */
export interface OutOfFoldScore {
  scores: Float64Array;
  truth: number;
}

export interface CrossValidationResult extends Metrics {
  /** Pooled over all folds (every sample is predicted exactly once). */
  folds: FoldResult[];
  /** Every sample's held-out scores (for fitting the probability temperature). */
  outOfFold: OutOfFoldScore[];
  /** Mean and standard deviation of the per-fold accuracies. */
  foldAccuracyMean: number;
  foldAccuracyStd: number;
}

/** Accuracy, per-class precision/recall/F1 and macro-F1 (mean F1 over classes present in truth or predictions). */
export function computeMetrics(truth: readonly string[], predicted: readonly string[]): Metrics {
  if (truth.length !== predicted.length) throw new Error('computeMetrics: length mismatch');
  const labels = [...new Set([...truth, ...predicted])].sort();
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  let correct = 0;
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    const p = predicted[i]!;
    if (t === p) {
      correct++;
      tp.set(t, (tp.get(t) ?? 0) + 1);
    } else {
      fp.set(p, (fp.get(p) ?? 0) + 1);
      fn.set(t, (fn.get(t) ?? 0) + 1);
    }
  }
  const perClass: Record<string, ClassMetrics> = {};
  let f1Sum = 0;
  for (const l of labels) {
    const a = tp.get(l) ?? 0;
    const b = fp.get(l) ?? 0;
    const c = fn.get(l) ?? 0;
    const precision = a + b > 0 ? a / (a + b) : 0;
    const recall = a + c > 0 ? a / (a + c) : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[l] = { precision, recall, f1, support: a + c };
    f1Sum += f1;
  }
  return { accuracy: truth.length ? correct / truth.length : 0, macroF1: labels.length ? f1Sum / labels.length : 0, perClass };
}

/** Assigns each sample to one of k folds, stratified by label, shuffled with `seed`. */
export function stratifiedFolds(labels: readonly string[], k: number, seed = 42): Int32Array {
  if (k < 2) throw new Error('stratifiedFolds: k must be >= 2');
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => {
    let a = byLabel.get(l);
    if (!a) byLabel.set(l, (a = []));
    a.push(i);
  });
  const rng = createRng(seed);
  const fold = new Int32Array(labels.length);
  let offset = 0;
  for (const l of [...byLabel.keys()].sort()) {
    const idx = byLabel.get(l)!;
    shuffleInPlace(idx, rng);
    idx.forEach((sampleIndex, j) => (fold[sampleIndex] = (offset + j) % k));
    offset = (offset + idx.length) % k;
  }
  return fold;
}

/**
 * The fold of each sample (by its index in `samples`), independent of the order the samples come in: the stratified
 * assignment runs over the samples sorted by a hash of their label and text (`canonicalOrder`). Complaints read from
 * the database in (receivedAt, id) order — ids are random UUIDs — would otherwise get other folds on every read, and
 * the measured accuracy (which the quality gate compares) would change by chance.
 */
export function crossValidationFolds(samples: readonly Sample[], k: number, seed = 42): Int32Array {
  const order = canonicalOrder(samples);
  const sortedFolds = stratifiedFolds(
    order.map((i) => samples[i]!.label),
    k,
    seed,
  );
  const fold = new Int32Array(samples.length);
  order.forEach((i, j) => (fold[i] = sortedFolds[j]!));
  return fold;
}

/**
 * Stratified k-fold cross-validation: trains k models, each evaluated on its held-out fold.
 * `onFold(f, k)` is called before fold f (0-based) is trained, for progress reports.
 */
export function crossValidate(
  samples: readonly Sample[],
  k = 5,
  options: TrainOptions = {},
  onFold?: (fold: number, k: number) => void,
): CrossValidationResult {
  const fold = crossValidationFolds(samples, k, options.seed ?? 42);
  const predicted: string[] = new Array<string>(samples.length);
  const outOfFold: OutOfFoldScore[] = new Array<OutOfFoldScore>(samples.length);
  const folds: FoldResult[] = [];
  for (let f = 0; f < k; f++) {
    const trainSet: Sample[] = [];
    const testIdx: number[] = [];
    samples.forEach((s, i) => (fold[i] === f ? testIdx.push(i) : trainSet.push(s)));
    if (testIdx.length === 0) continue;
    onFold?.(f, k);
    let t0 = performance.now();
    const model = ComplaintCauseModel.train(trainSet, { ...options, maxIndexDocs: 0 });
    const trainMs = performance.now() - t0;
    t0 = performance.now();
    const labelIndex = new Map(model.labels.map((l, c) => [l, c]));
    const preds = testIdx.map((i) => {
      const scores = model.scores(samples[i]!.text);
      outOfFold[i] = { scores, truth: labelIndex.get(samples[i]!.label) ?? -1 };
      let best = 0;
      for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[best]!) best = c;
      return model.labels[best]!;
    });
    const predictMs = performance.now() - t0;
    preds.forEach((p, j) => (predicted[testIdx[j]!] = p));
    const m = computeMetrics(
      testIdx.map((i) => samples[i]!.label),
      preds,
    );
    folds.push({ fold: f, trainSize: trainSet.length, testSize: testIdx.length, trainMs, predictMs, ...m });
  }
  const pooled = computeMetrics(
    samples.map((s) => s.label),
    predicted,
  );
  const accs = folds.map((f) => f.accuracy);
  const mean = accs.reduce((a, b) => a + b, 0) / accs.length;
  const std = Math.sqrt(accs.reduce((a, b) => a + (b - mean) ** 2, 0) / accs.length);
  return { ...pooled, folds, outOfFold, foldAccuracyMean: mean, foldAccuracyStd: std };
}

/** Mean negative log-likelihood of the true labels under softmax(scores / t). */
export function heldOutNll(oof: readonly OutOfFoldScore[], t: number): number {
  let sum = 0;
  let n = 0;
  for (const o of oof) {
    if (!o || o.truth < 0) continue;
    let max = -Infinity;
    for (const z of o.scores) if (z / t > max) max = z / t;
    let e = 0;
    for (const z of o.scores) e += Math.exp(z / t - max);
    sum += Math.log(e) + max - o.scores[o.truth]! / t;
    n++;
  }
  return n ? sum / n : NaN;
}

/**
 * Temperature scaling (Guo et al., 2017): the t minimising the held-out NLL of softmax(scores / t), by golden-section
 * search on log t in [0.02, 5]. It changes confidences, never the predicted label.
 */
export function fitTemperature(oof: readonly OutOfFoldScore[]): number {
  let lo = Math.log(0.02);
  let hi = Math.log(5);
  const g = (Math.sqrt(5) - 1) / 2;
  let a = hi - g * (hi - lo);
  let b = lo + g * (hi - lo);
  let fa = heldOutNll(oof, Math.exp(a));
  let fb = heldOutNll(oof, Math.exp(b));
  if (Number.isNaN(fa)) return NaN;
  for (let i = 0; i < 40; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - g * (hi - lo);
      fa = heldOutNll(oof, Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + g * (hi - lo);
      fb = heldOutNll(oof, Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}
