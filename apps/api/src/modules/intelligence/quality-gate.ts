import type { ClassifierMetrics } from './classifier-model.entity';

/** A retrained model may be at most this much less accurate (held-out, absolute) than the active one. */
export const DEFAULT_GATE_MARGIN = 0.02;
export const GATE_MARGIN_SETTING = 'classifierGateMargin';

/** One-sided 95% normal quantile: a drop smaller than this many standard errors may be sampling noise. */
export const GATE_Z = 1.645;

export type GateReason = 'first-model' | 'not-worse' | 'worse' | 'not-measured';

/** What the quality gate decided for a retrained model, with the figures it compared (stored on the model row). */
export interface GateDecision {
  decision: 'activated' | 'refused';
  reason: GateReason;
  /** The retrained model's held-out (k-fold) accuracy; null when it could not be measured. */
  candidateAccuracy: number | null;
  /** The then active model's held-out accuracy; null without an active model or a measurement. */
  activeAccuracy: number | null;
  activeVersion: number | null;
  margin: number;
  /**
   * Sampling noise allowed on top of the margin: z · standard error of the difference of the two accuracies
   * (each measured on its own confirmed complaints; Agresti–Caffo adjusted, so a perfect score has noise too). Large
   * for a few dozen samples, ~1 point from a few thousand.
   */
  noise: number;
}

export interface GateInput {
  metrics: Pick<ClassifierMetrics, 'method' | 'accuracy'>;
  /** How many complaints the accuracy was measured on. */
  samples: number;
}

/**
 * The quality gate: a retrained model becomes active only if its held-out accuracy is not worse than the active
 * model's by more than `margin` (plus the sampling noise of the two measurements, see `GateDecision.noise`). Each
 * figure is the k-fold accuracy measured on the tenant's confirmed complaints when that model was trained (no model
 * is ever scored on complaints it learned from). A model that could not be measured never replaces one that was.
 */
export function decideGate(candidate: GateInput, active: (GateInput & { version: number }) | null, margin: number): GateDecision {
  const measured = (m: Pick<ClassifierMetrics, 'method' | 'accuracy'>) =>
    m.method === 'kfold' && typeof m.accuracy === 'number' ? m.accuracy : null;
  const candidateAccuracy = measured(candidate.metrics);
  const activeAccuracy = active ? measured(active.metrics) : null;
  // Agresti–Caffo: one more right and one more wrong answer in each measurement. The plain (Wald) estimate p(1 − p)/n
  // says a perfect score on 30 complaints has no sampling noise at all, so a retrain that was one unlucky fold away
  // from the same figure would be refused.
  const variance = (p: number | null, n: number) => {
    if (p === null || n <= 0) return 0;
    const adjusted = (p * n + 1) / (n + 2);
    return (adjusted * (1 - adjusted)) / (n + 2);
  };
  const noise =
    candidateAccuracy !== null && activeAccuracy !== null && active
      ? round(GATE_Z * Math.sqrt(variance(candidateAccuracy, candidate.samples) + variance(activeAccuracy, active.samples)))
      : 0;
  const base = { candidateAccuracy, activeAccuracy, activeVersion: active?.version ?? null, margin, noise };
  if (!active) return { ...base, decision: 'activated', reason: 'first-model' };
  if (activeAccuracy === null) return { ...base, decision: 'activated', reason: candidateAccuracy === null ? 'not-measured' : 'not-worse' };
  if (candidateAccuracy === null) return { ...base, decision: 'refused', reason: 'not-measured' };
  // 1e-9: rounding of the stored figures must not refuse an equal model
  return candidateAccuracy + 1e-9 >= activeAccuracy - margin - noise
    ? { ...base, decision: 'activated', reason: 'not-worse' }
    : { ...base, decision: 'refused', reason: 'worse' };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** The tenant's configured margin (tenant setting), else the default. */
export function gateMargin(settings: Record<string, unknown>): number {
  const m = settings[GATE_MARGIN_SETTING];
  return typeof m === 'number' && m >= 0 && m <= 1 ? m : DEFAULT_GATE_MARGIN;
}
