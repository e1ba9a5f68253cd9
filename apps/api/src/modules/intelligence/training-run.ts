import { ComplaintCauseModel, crossValidate, fitTemperature, type Sample, type TrainOptions } from './classifier';
import type { ClassifierMetrics } from './classifier-model.entity';
import type { GateDecision } from './quality-gate';

/** From this many samples up, training measures accuracy by stratified k-fold cross-validation. */
export const KFOLD_MIN_SAMPLES = 30;
export const KFOLD = 5;

export interface TrainingOutcome {
  metrics: ClassifierMetrics;
  labels: string[];
  /** The serialised model (ModelJSON as a string). */
  modelJson: string;
}

export type ProgressReport = (progress: number, message: string) => void;

/**
 * Measures accuracy on the tenant's own confirmed complaints (stratified k-fold when there are enough), then trains
 * the model on all of them. Pure and CPU-bound: runs in a worker thread (training.worker.ts) in the API.
 */
export function trainAndMeasure(
  samples: readonly Sample[],
  options: TrainOptions,
  report: ProgressReport = () => undefined,
): TrainingOutcome {
  const metrics: ClassifierMetrics =
    samples.length >= KFOLD_MIN_SAMPLES
      ? measure(samples, options, report)
      : {
          method: 'none',
          note: `Only ${samples.length} confirmed complaints (k-fold accuracy is measured from ${KFOLD_MIN_SAMPLES}): check predictions on new complaints before relying on rules that read them.`,
        };
  report(0.85, 'Training the final model on all confirmed complaints');
  const started = performance.now();
  // The temperature fitted on held-out scores makes the final model's confidences calibrated (an explicit one wins).
  const model = ComplaintCauseModel.train(
    samples,
    options.temperature === undefined && metrics.temperature ? { ...options, temperature: metrics.temperature } : options,
  );
  const info = model.info;
  return {
    metrics: { ...metrics, classCounts: info.classCounts, trainMs: Math.round(performance.now() - started) },
    labels: [...info.labels],
    modelJson: JSON.stringify(model.toJSON()),
  };
}

function measure(samples: readonly Sample[], options: TrainOptions, report: ProgressReport): ClassifierMetrics {
  try {
    const cv = crossValidate(samples, KFOLD, options, (f) =>
      report(0.05 + (0.8 * f) / KFOLD, `Measuring accuracy: fold ${f + 1} of ${KFOLD}`),
    );
    const temperature = fitTemperature(cv.outOfFold);
    return {
      method: 'kfold',
      folds: KFOLD,
      accuracy: cv.accuracy,
      macroF1: cv.macroF1,
      foldAccuracyStd: cv.foldAccuracyStd,
      perClass: cv.perClass,
      ...(Number.isFinite(temperature) ? { temperature: Math.round(temperature * 1e4) / 1e4 } : {}),
    };
  } catch (error) {
    // E.g. a cause with a single example leaves a fold's training set with one cause: the model is still trained.
    return { method: 'none', note: `k-fold accuracy could not be measured: ${(error as Error).message}` };
  }
}

/** One line for the job's message (with the quality gate's decision once it was taken). */
export function describeOutcome(metrics: ClassifierMetrics, samples: number, gate?: GateDecision): string {
  const pct = (x?: number | null) => `${((x ?? 0) * 100).toFixed(1)}%`;
  const trained =
    metrics.method === 'kfold'
      ? `Trained on ${samples} confirmed complaints; ${metrics.folds}-fold accuracy ${pct(metrics.accuracy)}, macro-F1 ${pct(metrics.macroF1)}`
      : `Trained on ${samples} confirmed complaints; accuracy not measured (too few samples)`;
  if (!gate || gate.reason === 'first-model') return trained;
  const versus =
    gate.activeAccuracy === null ? `v${gate.activeVersion} (not measured)` : `v${gate.activeVersion} ${pct(gate.activeAccuracy)}`;
  return gate.decision === 'activated'
    ? `${trained}; activated (active ${versus}, margin ${pct(gate.margin)} + noise ${pct(gate.noise)})`
    : `${trained}; refused by the quality gate: active ${versus}, margin ${pct(gate.margin)} + noise ${pct(gate.noise)}`;
}
