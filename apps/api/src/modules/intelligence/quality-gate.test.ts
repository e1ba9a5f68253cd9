import { DEFAULT_GATE_MARGIN, decideGate, gateMargin } from './quality-gate';

/** A measurement on many samples (no sampling noise to speak of) unless `samples` is given. */
const kfold = (accuracy: number, samples = 1e9) => ({ metrics: { method: 'kfold' as const, accuracy }, samples });
const none = { metrics: { method: 'none' as const }, samples: 20 };

describe('classifier quality gate', () => {
  it('activates the first model', () => {
    expect(decideGate(kfold(0.7), null, 0.02)).toEqual({
      decision: 'activated',
      reason: 'first-model',
      candidateAccuracy: 0.7,
      activeAccuracy: null,
      activeVersion: null,
      margin: 0.02,
      noise: 0,
    });
  });

  it('activates a model no worse than the active one by more than the margin, and refuses a worse one', () => {
    const active = { version: 3, ...kfold(0.9) };
    expect(decideGate(kfold(0.95), active, 0.02)).toMatchObject({
      decision: 'activated',
      reason: 'not-worse',
      candidateAccuracy: 0.95,
      activeAccuracy: 0.9,
      activeVersion: 3,
    });
    expect(decideGate(kfold(0.88), active, 0.02)).toMatchObject({ decision: 'activated', reason: 'not-worse' });
    expect(decideGate(kfold(0.879), active, 0.02)).toMatchObject({
      decision: 'refused',
      reason: 'worse',
      candidateAccuracy: 0.879,
      activeAccuracy: 0.9,
    });
    expect(decideGate(kfold(0.9), active, 0)).toMatchObject({ decision: 'activated' });
    expect(decideGate(kfold(0.899), active, 0)).toMatchObject({ decision: 'refused' });
  });

  it('never lets an unmeasured model replace a measured one', () => {
    expect(decideGate(none, { version: 1, ...kfold(0.8) }, 0.02)).toMatchObject({
      decision: 'refused',
      reason: 'not-measured',
      candidateAccuracy: null,
    });
    expect(decideGate(kfold(0.5), { version: 1, ...none }, 0.02)).toMatchObject({
      decision: 'activated',
      reason: 'not-worse',
      activeAccuracy: null,
    });
    expect(decideGate(none, { version: 1, ...none }, 0.02)).toMatchObject({ decision: 'activated', reason: 'not-measured' });
  });

  it('allows for the sampling noise of small measurements, not of large ones', () => {
    // 30 vs 32 complaints: one more error is 3 points, within the noise (1.645 · SE of the difference ≈ 11 points)
    const small = decideGate(kfold(0.9063, 32), { version: 1, ...kfold(0.9667, 30) }, 0.02);
    expect(small).toMatchObject({ decision: 'activated', reason: 'not-worse' });
    const adjusted = (p: number, n: number) => {
      const a = (p * n + 1) / (n + 2);
      return (a * (1 - a)) / (n + 2);
    };
    expect(small.noise).toBeCloseTo(1.645 * Math.sqrt(adjusted(0.9063, 32) + adjusted(0.9667, 30)), 4);
    // a perfect score on 30 complaints is a measurement with noise too (the plain p(1 − p)/n estimate says none):
    // 28 of 32 right after a retrain is within it, 24 of 32 is not
    const perfect = { version: 1, ...kfold(1, 30) };
    expect(decideGate(kfold(0.875, 32), perfect, 0.02)).toMatchObject({ decision: 'activated', reason: 'not-worse' });
    expect(decideGate(kfold(0.875, 32), perfect, 0.02).noise).toBeGreaterThan(0.1);
    expect(decideGate(kfold(0.75, 32), perfect, 0.02)).toMatchObject({ decision: 'refused', reason: 'worse' });
    // a collapse is refused however few the samples
    expect(decideGate(kfold(0.5, 32), { version: 1, ...kfold(0.9667, 30) }, 0.02)).toMatchObject({ decision: 'refused', reason: 'worse' });
    // on 5,000 complaints each the noise is about one point: 4 points lower is a real drop, 2.5 is not
    expect(decideGate(kfold(0.86, 5000), { version: 1, ...kfold(0.9, 5000) }, 0.02)).toMatchObject({
      decision: 'refused',
      reason: 'worse',
    });
    expect(decideGate(kfold(0.875, 5000), { version: 1, ...kfold(0.9, 5000) }, 0.02)).toMatchObject({ decision: 'activated' });
  });

  it('reads the margin from the tenant settings', () => {
    expect(gateMargin({})).toBe(DEFAULT_GATE_MARGIN);
    expect(gateMargin({ classifierGateMargin: 0.05 })).toBe(0.05);
    expect(gateMargin({ classifierGateMargin: 'x' })).toBe(DEFAULT_GATE_MARGIN);
    expect(gateMargin({ classifierGateMargin: 2 })).toBe(DEFAULT_GATE_MARGIN);
  });
});
