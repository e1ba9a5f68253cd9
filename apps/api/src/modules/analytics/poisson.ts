/**
 * The spike statistic of the early warning: under "today is an ordinary day", today's count X of a key is
 * Poisson with λ = the mean daily count of the previous days. The alert p-value is the upper tail
 * P(X ≥ observed | λ) = 1 − Σ_{k<observed} e^{−λ} λ^k / k!.
 */
export function poissonUpperTail(observed: number, lambda: number): number {
  if (observed <= 0) return 1;
  if (lambda <= 0) return 0; // nothing ever happened before: any occurrence is "impossible" under the baseline
  let term = Math.exp(-lambda);
  let cdf = term;
  for (let k = 1; k < observed; k++) {
    term *= lambda / k;
    cdf += term;
  }
  return Math.max(0, 1 - cdf);
}

export interface SpikeThresholds {
  /** Alert when the tail probability is below this. */
  maxPValue: number;
  /** …and at least this many complaints were observed. */
  minObserved: number;
}

export const DEFAULT_SPIKE_THRESHOLDS: SpikeThresholds = { maxPValue: 0.001, minObserved: 3 };

/**
 * Judges one key's day. A floor of 1/windowDays on λ keeps a key never seen before from alerting on its very
 * first occurrences with p = 0: it needs the same surprise as against "once in the window".
 */
export function judgeSpike(observed: number, baselineCounts: number[], windowDays: number, thresholds = DEFAULT_SPIKE_THRESHOLDS) {
  const total = baselineCounts.reduce((a, b) => a + b, 0);
  const baselineMean = total / windowDays;
  const lambda = Math.max(baselineMean, 1 / windowDays);
  const pValue = poissonUpperTail(observed, lambda);
  return { observed, baselineMean, lambda, pValue, alert: observed >= thresholds.minObserved && pValue < thresholds.maxPValue };
}
