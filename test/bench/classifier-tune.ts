/**
 * One-factor-at-a-time sensitivity check of the classifier's options (5-fold CV on each dev set).
 *   npx tsx test/bench/classifier-tune.ts [sets] [configNames]
 * Used to choose the defaults; deliberately coarse to avoid overfitting the dev sets.
 */
import { crossValidate, loadDataset } from '../../apps/api/src/modules/intelligence/classifier';
import type { DatasetName, TrainOptions } from '../../apps/api/src/modules/intelligence/classifier';

const sets = (process.argv[2] ?? 'cfpb,banking77,tipdm').split(',') as DatasetName[];
const CONFIGS: Record<string, TrainOptions> = {
  default: {},
  l2_0: { l2: 0 },
  l2_1e6: { l2: 1e-6 },
  l2_1e4: { l2: 1e-4 },
  epochs8: { epochs: 8 },
  epochs30: { epochs: 30 },
  lr02: { learningRate: 0.2 },
  lr1: { learningRate: 1 },
  balanced: { classWeight: 'balanced' },
  latin35: { latinCharNgrams: [3, 5] },
  latin24: { latinCharNgrams: [2, 4] },
  han12: { hanCharNgrams: [1, 2] },
  han23: { hanCharNgrams: [2, 3] },
  uni: { wordNgrams: [1, 1] },
  tri: { wordNgrams: [1, 3] },
  minDf1: { minDf: 1 },
  minDf3: { minDf: 3 },
  noHmm: { hmm: false },
  rawTf: { sublinearTf: false },
  noStop: { useDefaultStopwords: false },
};
const only = process.argv[3]?.split(',');
const data = Object.fromEntries(sets.map((s) => [s, loadDataset(s)]));
for (const [name, o] of Object.entries(CONFIGS)) {
  if (only && !only.includes(name)) continue;
  const cells: string[] = [];
  for (const s of sets) {
    const t0 = performance.now();
    const r = crossValidate(data[s]!, 5, o);
    cells.push(`${s} acc=${(100 * r.accuracy).toFixed(1)} f1=${(100 * r.macroF1).toFixed(1)} ${((performance.now() - t0) / 1000).toFixed(0)}s`);
  }
  console.log(name.padEnd(10), cells.join(' | '));
}
