/**
 * Chooses an option on ONE fold (fold 0 of the bench's stratified 5-fold split): trains on the other four folds,
 * scores fold 0. Settings are picked here and only then measured on all five folds (classifier-exp.ts / the bench),
 * so the evaluation folds do not tune them.
 *   npx tsx test/bench/classifier-fold0.ts <set> '<json options>' ['<json options>' ...]
 */
import { ComplaintCauseModel, computeMetrics, crossValidationFolds, loadDataset } from '../../apps/api/src/modules/intelligence/classifier';
import type { DatasetName, TrainOptions } from '../../apps/api/src/modules/intelligence/classifier';

const name = process.argv[2] as DatasetName;
const data = loadDataset(name);
const fold = crossValidationFolds(data, 5, 42);
const train = data.filter((_, i) => fold[i] !== 0);
const test = data.filter((_, i) => fold[i] === 0);
for (const arg of process.argv.slice(3)) {
  const o = JSON.parse(arg) as TrainOptions;
  const t0 = performance.now();
  const model = ComplaintCauseModel.train(train, { ...o, maxIndexDocs: 0 });
  const t1 = performance.now();
  const preds = test.map((s) => model.predict(s.text, { keywords: 0, topK: 1 }).label);
  const m = computeMetrics(
    test.map((s) => s.label),
    preds,
  );
  console.log(
    `${name} fold0 ${arg} acc=${(100 * m.accuracy).toFixed(2)} f1=${(100 * m.macroF1).toFixed(2)} train ${((t1 - t0) / 1000).toFixed(1)}s predict ${(performance.now() - t1).toFixed(0)}ms`,
  );
}
