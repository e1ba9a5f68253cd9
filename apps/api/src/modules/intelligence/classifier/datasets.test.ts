import { describe, expect, it } from 'vitest';
import { crossValidate, datasetAvailable, loadDataset, stratifiedSubsample } from './index';
import type { DatasetName } from './index';

/** Smoke test on a small subsample of the shared corpora (`<repo>/../shared/data/complaints`, always beside the repo in CI). */
describe.each([
  ['cfpb', 0.1],
  ['tipdm', 0.3],
] as [DatasetName, number][])('%s smoke test', (name, margin) => {
  it('beats the majority-class baseline clearly on 600 samples, 3-fold', () => {
    expect(datasetAvailable(name), `shared data set ${name} is missing beside the repository`).toBe(true);
    const samples = stratifiedSubsample(loadDataset(name), 600);
    expect(samples.length).toBeGreaterThan(550);
    const counts = new Map<string, number>();
    for (const s of samples) counts.set(s.label, (counts.get(s.label) ?? 0) + 1);
    const majority = Math.max(...counts.values()) / samples.length;
    const cv = crossValidate(samples, 3, { seed: 42 });
    expect(cv.folds).toHaveLength(3);
    expect(cv.accuracy).toBeGreaterThan(majority + margin);
    expect(cv.accuracy).toBeGreaterThan(2 / counts.size);
  });
});
