import { describe, expect, it } from 'vitest';
import { toCsr, trainCrammerSinger, trainOvrSvm } from './linear';
import { fitTemperature, heldOutNll } from './evaluate';
import { createRng } from './util';

/** Three classes, each marked by its own features plus shared noise features; L2-normalised rows. */
function data(n: number, seed: number) {
  const rng = createRng(seed);
  const rows: { idx: Uint32Array; val: Float32Array }[] = [];
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    y[i] = c;
    const cols = [c * 2 + Math.floor(rng() * 2), 6 + Math.floor(rng() * 4), 10 + Math.floor(rng() * 4)].sort((a, b) => a - b);
    const v = Float32Array.from(cols, () => 1 / Math.sqrt(3));
    rows.push({ idx: Uint32Array.from(cols), val: v });
  }
  return { X: toCsr(rows, 14), y };
}

function scores(w: Float32Array, b: Float32Array, idx: Uint32Array, val: Float32Array, C: number): number[] {
  return Array.from({ length: C }, (_, c) => b[c]! + Array.from(idx).reduce((s, f, k) => s + val[k]! * w[f * C + c]!, 0));
}

describe('one-vs-rest linear SVM (dual coordinate descent)', () => {
  it('separates classes marked by their own features, deterministically for a seed', () => {
    const { X, y } = data(60, 1);
    const a = trainOvrSvm(X, y, 3, { c: 1, seed: 7 });
    const b = trainOvrSvm(X, y, 3, { c: 1, seed: 7 });
    expect(a.weights).toEqual(b.weights);
    let correct = 0;
    for (let i = 0; i < X.rows; i++) {
      const s = scores(
        a.weights,
        a.bias,
        X.indices.subarray(X.offsets[i], X.offsets[i + 1]),
        X.values.subarray(X.offsets[i], X.offsets[i + 1]),
        3,
      );
      if (s.indexOf(Math.max(...s)) === y[i]) correct++;
    }
    expect(correct).toBe(60);
    // the class-marking features carry the weight, the shared noise features little
    expect(a.weights[0 * 3 + 0]!).toBeGreaterThan(Math.abs(a.weights[8 * 3 + 0]!) * 3);
  });

  it('gives a rare class more weight with a larger positive weight (class weighting)', () => {
    const { X, y } = data(60, 2);
    const plain = trainOvrSvm(X, y, 3, { c: 0.01 });
    const weighted = trainOvrSvm(X, y, 3, { c: 0.01, positiveWeight: [10, 1, 1] });
    expect(weighted.bias[0]!).toBeGreaterThan(plain.bias[0]!);
  });
});

describe('measured alternatives (options, off by default)', () => {
  it('Crammer–Singer and the hinge loss also separate the classes, deterministically', () => {
    const { X, y } = data(60, 3);
    const accuracy = (m: { weights: Float32Array; bias: Float32Array }) => {
      let correct = 0;
      for (let i = 0; i < X.rows; i++) {
        const s = scores(
          m.weights,
          m.bias,
          X.indices.subarray(X.offsets[i], X.offsets[i + 1]),
          X.values.subarray(X.offsets[i], X.offsets[i + 1]),
          3,
        );
        if (s.indexOf(Math.max(...s)) === y[i]) correct++;
      }
      return correct / X.rows;
    };
    const cs = trainCrammerSinger(X, y, 3, { c: 1, seed: 7 });
    expect(cs.weights).toEqual(trainCrammerSinger(X, y, 3, { c: 1, seed: 7 }).weights);
    expect(accuracy(cs)).toBe(1);
    const hinge = trainOvrSvm(X, y, 3, { c: 1, seed: 7, loss: 'hinge' });
    expect(accuracy(hinge)).toBe(1);
    // the hinge loss bounds each dual variable by C: with a tiny C the weights stay small
    const tiny = trainOvrSvm(X, y, 3, { c: 1e-3, seed: 7, loss: 'hinge' });
    expect(Math.max(...tiny.weights.map(Math.abs))).toBeLessThan(60 * 1e-3);
  });
});

describe('temperature scaling', () => {
  it('finds the temperature with the least held-out log-loss', () => {
    // scores that are right 80% of the time with margin 1: the best temperature is finite and positive
    const oof = Array.from({ length: 100 }, (_, i) => ({ scores: Float64Array.from(i % 5 === 0 ? [1, 0, 0] : [0, 1, 0]), truth: 1 }));
    const t = fitTemperature(oof);
    expect(t).toBeGreaterThan(0.2);
    expect(t).toBeLessThan(2);
    for (const other of [t * 0.8, t * 1.25]) expect(heldOutNll(oof, t)).toBeLessThanOrEqual(heldOutNll(oof, other));
    expect(Number.isNaN(fitTemperature([{ scores: Float64Array.from([1, 0]), truth: -1 }]))).toBe(true);
  });
});
