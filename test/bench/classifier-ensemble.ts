/**
 * Estimates an ensemble of two separately trained views averaged in calibrated-probability space (issue 21's
 * "word-level + char-level models" idea), from the 5-fold out-of-fold scores of each view.
 *   npx tsx test/bench/classifier-ensemble.ts [sets]
 * Views: the library default (A) and a complementary one (B): character n-grams only for Latin-script sets, jieba
 * words only for the Chinese set. Each view's scores get their own temperature (fitted on its out-of-fold scores).
 */
import { crossValidate, fitTemperature, loadDataset } from '../../apps/api/src/modules/intelligence/classifier';
import type { CrossValidationResult, DatasetName, TrainOptions } from '../../apps/api/src/modules/intelligence/classifier';

const sets = (process.argv[2] ?? 'cfpb,banking77,tipdm').split(',') as DatasetName[];
const VIEW_B: Record<DatasetName, TrainOptions> = {
  cfpb: { wordNgrams: [1, 0], latinCharNgrams: [2, 5], latinCharMaxChars: 4000 },
  banking77: { wordNgrams: [1, 0], latinCharNgrams: [2, 5] },
  tipdm: { segmenter: 'jieba', hanCharNgrams: null },
};

function probs(r: CrossValidationResult, i: number, t: number): Float64Array {
  const z = r.outOfFold[i]!.scores;
  const p = Float64Array.from(z, (v) => v / t);
  const max = Math.max(...p);
  let sum = 0;
  for (let c = 0; c < p.length; c++) sum += p[c] = Math.exp(p[c]! - max);
  return p.map((v) => v / sum);
}

for (const name of sets) {
  const data = loadDataset(name);
  const a = crossValidate(data, 5, {});
  const b = crossValidate(data, 5, VIEW_B[name]);
  const ta = fitTemperature(a.outOfFold);
  const tb = fitTemperature(b.outOfFold);
  const cells: string[] = [`A ${(100 * a.accuracy).toFixed(1)}`, `B ${(100 * b.accuracy).toFixed(1)}`];
  for (const wB of [0.3, 0.5]) {
    let correct = 0;
    for (let i = 0; i < data.length; i++) {
      const pa = probs(a, i, ta);
      const pb = probs(b, i, tb);
      let best = 0;
      for (let c = 1; c < pa.length; c++) if ((1 - wB) * pa[c]! + wB * pb[c]! > (1 - wB) * pa[best]! + wB * pb[best]!) best = c;
      if (best === a.outOfFold[i]!.truth) correct++;
    }
    cells.push(`A+B (${wB}) ${((100 * correct) / data.length).toFixed(1)}`);
  }
  console.log(name.padEnd(10), cells.join(' | '));
}
