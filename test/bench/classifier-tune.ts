/**
 * One-factor-at-a-time sensitivity check of the classifier's options (5-fold CV on each dev set).
 *   npx tsx test/bench/classifier-tune.ts [sets] [configNames]
 * Used to choose the defaults (docs/analytics.md lists what was measured); deliberately coarse to avoid overfitting
 * the dev sets.
 */
import { crossValidate, loadDataset } from '../../apps/api/src/modules/intelligence/classifier';
import type { DatasetName, TrainOptions } from '../../apps/api/src/modules/intelligence/classifier';

const sets = (process.argv[2] ?? 'cfpb,banking77,tipdm').split(',') as DatasetName[];
const CONFIGS: Record<string, TrainOptions> = {
  default: {},
  c05: { c: 0.5 },
  c1: { c: 1 },
  c4: { c: 4 },
  unweighted: { classWeight: 'none' },
  unweightedC1: { classWeight: 'none', c: 1 },
  unweightedC4: { classWeight: 'none', c: 4 },
  noLatinChars: { latinCharNgrams: null },
  latinChars: { latinCharNgrams: [2, 5] }, // also for long texts
  textChars: { latinCharScope: 'text' }, // character n-grams across word boundaries
  textChars15: { latinCharScope: 'text', latinCharNgrams: [1, 5] },
  latin26: { latinCharNgrams: [2, 6] },
  blockNorm: { blockNorm: true },
  minDf1: { minDf: 1 },
  minDf3: { minDf: 3 },
  minDf5: { minDf: 5 },
  stopwords: { useDefaultStopwords: true },
  sublinear: { sublinearTf: true },
  rawTf: { sublinearTf: false },
  han14: { hanCharNgrams: [1, 4] },
  word13: { wordNgrams: [1, 3] },
  jieba: { segmenter: 'jieba' },
  opening30: { headChars: 30 },
  max500: { maxChars: 500 },
  max1000: { maxChars: 1000 },
  max2000: { maxChars: 2000 },
  nbsvm: { nbAlpha: 1 },
  softmax: { algorithm: 'softmax', temperature: 1 },
  blend: { algorithm: 'svm+softmax' },
  blend03: { algorithm: 'svm+softmax', blend: 0.3 },
  tol001: { svmTolerance: 0.01 },
  bm25: { tfSaturation: 1.2 },
  bm25k3: { tfSaturation: 3 },
  cnb: { algorithm: 'svm+cnb' },
  cnb03: { algorithm: 'svm+cnb', blend: 0.3 },
  cnb07: { algorithm: 'svm+cnb', blend: 0.7 },
  cnb1: { algorithm: 'svm+cnb', blend: 1 },
  // run F (issue 21, accuracy): see docs/analytics.md
  crammerSinger: { algorithm: 'cs' },
  hinge: { svmLoss: 'hinge' },
  skip2: { wordSkipGap: 2 },
  noMlp: { mlpHidden: 0 },
  mlp: { mlpHidden: 256 }, // also for long / Chinese corpora
  // run G: the default is 128 units as mlpSeeds 4 networks of 32 on short non-Chinese corpora
  mlpOneSeed: { mlpSeeds: 1 },
  mlp256x1: { mlpHidden: 256, mlpSeeds: 1 }, // run F's network
  mlp128: { mlpHidden: 128 },
  mlp512: { mlpHidden: 512 },
  mlpEpochs20: { mlpEpochs: 20 },
  mlpAll128: { mlpInputs: 'all', mlpHidden: 128 },
};
const only = process.argv[3]?.split(',');
const data = Object.fromEntries(sets.map((s) => [s, loadDataset(s)]));
for (const [name, o] of Object.entries(CONFIGS)) {
  if (only && !only.includes(name)) continue;
  const cells: string[] = [];
  for (const s of sets) {
    const t0 = performance.now();
    const r = crossValidate(data[s]!, 5, o);
    cells.push(
      `${s} acc=${(100 * r.accuracy).toFixed(1)} f1=${(100 * r.macroF1).toFixed(1)} ${((performance.now() - t0) / 1000).toFixed(0)}s`,
    );
  }
  console.log(name.padEnd(10), cells.join(' | '));
}
