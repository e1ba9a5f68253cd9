/**
 * Complaint-cause classifier benchmark.
 *   npx tsx test/bench/classifier.bench.ts [--quick] [--sets cfpb,banking77,tipdm] [--json out.json]
 *   --no-cv: skip cross-validation (timing only). --no-baseline: skip the SVM baseline.
 * Per data set: stratified 5-fold accuracy / macro-F1 of the classifier (library defaults) and, on the same folds,
 * of the reference linear SVM (svm-baseline.ts); training time on the full set, throughput (classifying 10,000
 * complaints, cycling through the set, in this process and in the worker-thread pool), model JSON size, and as a
 * same-run reference for the shared machine's load, the baseline SVM classifying the same 10,000 texts.
 */
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import {
  ComplaintCauseModel,
  PredictionPool,
  complaintsDataDir,
  crossValidate,
  datasetAvailable,
  findRepoRoot,
  loadDataset,
  crossValidationFolds,
  stratifiedSubsample,
  computeMetrics,
} from '../../apps/api/src/modules/intelligence/classifier';
import { SvmBaseline } from './svm-baseline';
import type { DatasetName, TrainOptions } from '../../apps/api/src/modules/intelligence/classifier';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const setsArg = args[args.indexOf('--sets') + 1];
const sets = (args.includes('--sets') && setsArg ? setsArg.split(',') : ['cfpb', 'banking77', 'tipdm']) as DatasetName[];
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const noCv = args.includes('--no-cv'); // timing only (for re-measuring throughput on a quiet machine)
const withBaseline = !noCv && !args.includes('--no-baseline');

const dataDir = complaintsDataDir(findRepoRoot(__dirname));
const pct = (x: number) => (100 * x).toFixed(1) + '%';
const K = 5;
const THROUGHPUT_N = 10_000;
const RUNS = 3;

/** One configuration for every set: the library defaults (chosen with classifier-tune.ts). */
const OPTIONS: Record<DatasetName, TrainOptions> = { cfpb: {}, banking77: {}, tipdm: {} };

interface Row {
  set: string;
  n: number;
  classes: number;
  accuracy: number;
  macroF1: number;
  /** macro-F1 over classes with at least K samples (a class with fewer cannot appear in every fold). */
  macroF1Learnable: number;
  foldStd: number;
  baselineAccuracy: number;
  baselineMacroF1: number;
  trainMs: number;
  avgChars: number;
  throughputMs: number;
  throughputCpuMs: number;
  /** The first of the RUNS sequential runs (wall, CPU). */
  firstRunMs: number;
  firstRunCpuMs: number;
  /** The SVM baseline classifying the same 10,000 texts in this process (same run, same load). */
  referenceMs: number;
  referenceCpuMs: number;
  poolMs: number;
  /** CPU time of the whole process (both worker threads and this one) during the pool run. */
  poolCpuMs: number;
  jsonKB: number;
  vocab: number;
  note?: string;
}

const rows: Row[] = [];
async function main(): Promise<void> {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const name of sets) {
    if (!datasetAvailable(name, dataDir)) {
      console.log(`${name}: not found in ${dataDir}, skipped`);
      continue;
    }
    let samples = loadDataset(name, dataDir);
    if (quick) samples = stratifiedSubsample(samples, 1000);
    const opts = OPTIONS[name];
    const classes = new Set(samples.map((s) => s.label)).size;
    const cv = noCv
      ? { accuracy: NaN, macroF1: NaN, foldAccuracyStd: NaN, perClass: {} as Record<string, { f1: number; support: number }> }
      : crossValidate(samples, K, opts);
    const baseline = withBaseline ? baselineCv(samples, name === 'tipdm' ? 'char13' : 'word12') : { accuracy: NaN, macroF1: NaN };
    let t0 = performance.now();
    const model = ComplaintCauseModel.train(samples, opts);
    const trainMs = performance.now() - t0;
    const json = JSON.stringify(model.toJSON());
    const texts = Array.from({ length: THROUGHPUT_N }, (_, i) => samples[i % samples.length]!.text);
    model.predictBatch(texts.slice(0, 200)); // warm-up (JIT, segmenter dictionary load)
    // The API process is long-running (warm): the 10,000 are classified RUNS times and the run with the median wall
    // time is reported (the shared machine's load changes within seconds); the first run is kept beside it.
    const runs: { wallMs: number; cpuMs: number }[] = [];
    let seq: ReturnType<typeof model.predictBatch> = [];
    for (let r = 0; r < RUNS; r++) {
      t0 = performance.now();
      const cpu0 = process.cpuUsage();
      seq = model.predictBatch(texts);
      const cpu = process.cpuUsage(cpu0);
      // CPU time of this thread's work: what the wall time would be on an idle core (the bench machine is shared)
      runs.push({ wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 });
    }
    const firstRun = runs[0]!;
    const median = [...runs].sort((a, b) => a.wallMs - b.wallMs)[RUNS >> 1]!;
    const throughputMs = median.wallMs;
    const throughputCpuMs = median.cpuMs;
    // Reference measured in the same run on the same texts (the machine is shared, so absolute times vary with the
    // load): the in-bench baseline's prediction (exact string features in a Map, one label, no key words).
    const reference = SvmBaseline.train(samples, name === 'tipdm' ? 'char13' : 'word12');
    for (const t of texts.slice(0, 200)) reference.predict(t);
    t0 = performance.now();
    const rcpu0 = process.cpuUsage();
    for (const t of texts) reference.predict(t);
    const referenceMs = performance.now() - t0;
    const rcpu = process.cpuUsage(rcpu0);
    const referenceCpuMs = (rcpu.user + rcpu.system) / 1000;
    const pool = new PredictionPool(model);
    await pool.predictBatch(texts.slice(0, 1000)); // warm-up
    const poolRuns: { wallMs: number; cpuMs: number }[] = [];
    let par: typeof seq = [];
    for (let r = 0; r < RUNS; r++) {
      t0 = performance.now();
      const pcpu0 = process.cpuUsage(); // process-wide: the worker threads' CPU time included
      par = await pool.predictBatch(texts);
      const pcpu = process.cpuUsage(pcpu0);
      poolRuns.push({ wallMs: performance.now() - t0, cpuMs: (pcpu.user + pcpu.system) / 1000 });
    }
    const poolMedian = [...poolRuns].sort((a, b) => a.wallMs - b.wallMs)[RUNS >> 1]!;
    const poolMs = poolMedian.wallMs;
    const poolCpuMs = poolMedian.cpuMs;
    await pool.close();
    if (JSON.stringify(par) !== JSON.stringify(seq)) throw new Error('pool and sequential predictions differ');
    const row: Row = {
      set: name,
      n: samples.length,
      classes,
      accuracy: cv.accuracy,
      macroF1: cv.macroF1,
      macroF1Learnable: (() => {
        const f = Object.values(cv.perClass).filter((m) => m.support >= K);
        return f.reduce((a, m) => a + m.f1, 0) / f.length;
      })(),
      foldStd: cv.foldAccuracyStd,
      baselineAccuracy: baseline.accuracy,
      baselineMacroF1: baseline.macroF1,
      trainMs,
      avgChars: Math.round(texts.reduce((a, t) => a + t.length, 0) / texts.length),
      throughputMs,
      throughputCpuMs,
      firstRunMs: firstRun.wallMs,
      firstRunCpuMs: firstRun.cpuMs,
      referenceMs,
      referenceCpuMs,
      poolMs,
      poolCpuMs,
      jsonKB: json.length / 1024,
      vocab: model.info.vocabularySize,
    };
    rows.push(row);
    console.log(
      `${name.padEnd(10)} n=${row.n} classes=${classes} acc=${pct(row.accuracy)} (±${pct(row.foldStd)}) macroF1=${pct(row.macroF1)} (classes≥${K}: ${pct(row.macroF1Learnable)}) ` +
        `| SVM baseline acc=${pct(row.baselineAccuracy)} macroF1=${pct(row.baselineMacroF1)} | ` +
        `train=${(trainMs / 1000).toFixed(2)}s 10k-predict(avg ${row.avgChars} chars, median of ${RUNS})=${(throughputMs / 1000).toFixed(2)}s (CPU ${(throughputCpuMs / 1000).toFixed(2)}s; first run ${(firstRun.wallMs / 1000).toFixed(2)}s, CPU ${(firstRun.cpuMs / 1000).toFixed(2)}s) ` +
        `pool(${cpus().length} threads, median of ${RUNS})=${(poolMs / 1000).toFixed(2)}s (CPU ${(poolCpuMs / 1000).toFixed(2)}s) vocab=${row.vocab} json=${row.jsonKB.toFixed(0)}KB ` +
        `| reference (baseline SVM, same texts) 10k=${(referenceMs / 1000).toFixed(2)}s (CPU ${(referenceCpuMs / 1000).toFixed(2)}s), ratio ${(throughputMs / referenceMs).toFixed(2)}×`,
    );
    const worst = Object.entries(cv.perClass)
      .sort((a, b) => a[1].f1 - b[1].f1)
      .slice(0, 3)
      .map(([l, m]) => `${l} F1=${pct(m.f1)} (n=${m.support})`);
    console.log(`           weakest classes: ${worst.join('; ')}`);

    console.log(
      `           load average now ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  }
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ node: process.version, cpus: cpus().length, rows }, null, 2));
}

/** The reference SVM on the same stratified folds as crossValidate (same seed), pooled like it. */
function baselineCv(samples: ReturnType<typeof loadDataset>, analyzer: 'word12' | 'char13'): { accuracy: number; macroF1: number } {
  const fold = crossValidationFolds(samples, K, 42);
  const predicted: string[] = new Array<string>(samples.length);
  for (let f = 0; f < K; f++) {
    const model = SvmBaseline.train(
      samples.filter((_, i) => fold[i] !== f),
      analyzer,
    );
    samples.forEach((s, i) => {
      if (fold[i] === f) predicted[i] = model.predict(s.text);
    });
  }
  return computeMetrics(
    samples.map((s) => s.label),
    predicted,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
