/** Stratified k-fold cross-validation and classification metrics. */
import { ComplaintCauseModel } from './model';
import type { Sample, TrainOptions } from './model';
import { createRng, shuffleInPlace } from './util';

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

export interface CrossValidationResult extends Metrics {
  /** Pooled over all folds (every sample is predicted exactly once). */
  folds: FoldResult[];
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
 * Stratified k-fold cross-validation: trains k models, each evaluated on its held-out fold.
 * `onFold(f, k)` is called before fold f (0-based) is trained, for progress reports.
 */
export function crossValidate(samples: readonly Sample[], k = 5, options: TrainOptions = {}, onFold?: (fold: number, k: number) => void): CrossValidationResult {
  const fold = stratifiedFolds(
    samples.map((s) => s.label),
    k,
    options.seed ?? 42,
  );
  const predicted: string[] = new Array<string>(samples.length);
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
    const preds = model.predictBatch(
      testIdx.map((i) => samples[i]!.text),
      { topK: 1, keywords: 0 },
    );
    const predictMs = performance.now() - t0;
    preds.forEach((p, j) => (predicted[testIdx[j]!] = p.label));
    const m = computeMetrics(
      testIdx.map((i) => samples[i]!.label),
      preds.map((p) => p.label),
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
  return { ...pooled, folds, foldAccuracyMean: mean, foldAccuracyStd: std };
}
