/**
 * Confusion pairs of the classifier on one dev set (stratified 5-fold, the bench's folds), the evidence docs/analytics.md
 * gives for a missed target.   npx tsx test/bench/classifier-confusion.ts [cfpb|banking77|tipdm] [pairs=10]
 */
import { ComplaintCauseModel, crossValidationFolds, loadDataset } from '../../apps/api/src/modules/intelligence/classifier';
import type { DatasetName } from '../../apps/api/src/modules/intelligence/classifier';

const name = (process.argv[2] ?? 'cfpb') as DatasetName;
const show = Number(process.argv[3] ?? 10);
const samples = loadDataset(name);
const fold = crossValidationFolds(samples, 5, 42);
const pairs = new Map<string, number>();
const support = new Map<string, number>();
let wrong = 0;
for (let f = 0; f < 5; f++) {
  const model = ComplaintCauseModel.train(
    samples.filter((_, i) => fold[i] !== f),
    { maxIndexDocs: 0 },
  );
  samples.forEach((s, i) => {
    if (fold[i] !== f) return;
    support.set(s.label, (support.get(s.label) ?? 0) + 1);
    const p = model.predict(s.text, { keywords: 0 }).label;
    if (p === s.label) return;
    wrong++;
    const key = `${s.label} → ${p}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  });
}
console.log(`${name}: ${samples.length} samples, ${wrong} errors (accuracy ${(100 * (1 - wrong / samples.length)).toFixed(1)}%)`);
console.log('support', JSON.stringify(Object.fromEntries(support)));
for (const [k, v] of [...pairs].sort((a, b) => b[1] - a[1]).slice(0, show))
  console.log(`  ${k}: ${v} (${((100 * v) / wrong).toFixed(0)}% of errors)`);
