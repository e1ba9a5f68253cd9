/**
 * Quick 5-fold check of option sets given as JSON on the command line (the bench's folds).
 *   npx tsx test/bench/classifier-exp.ts <set> '<json options>' ['<json options>' ...]
 */
import { crossValidate, loadDataset } from '../../apps/api/src/modules/intelligence/classifier';
import type { DatasetName, TrainOptions } from '../../apps/api/src/modules/intelligence/classifier';

const name = process.argv[2] as DatasetName;
const data = loadDataset(name);
for (const arg of process.argv.slice(3)) {
  const o = JSON.parse(arg) as TrainOptions;
  const t0 = performance.now();
  const r = crossValidate(data, 5, o);
  console.log(
    `${name} ${arg} acc=${(100 * r.accuracy).toFixed(2)} ±${(100 * r.foldAccuracyStd).toFixed(2)} f1=${(100 * r.macroF1).toFixed(2)} ${((performance.now() - t0) / 1000).toFixed(0)}s`,
  );
}
