import { judgeSpike, poissonUpperTail } from './poisson';

describe('poisson spike statistic', () => {
  it('computes the upper tail exactly for small counts', () => {
    // P(X ≥ 1 | λ = 1) = 1 − e^{−1}
    expect(poissonUpperTail(1, 1)).toBeCloseTo(1 - Math.exp(-1), 12);
    // P(X ≥ 3 | λ = 0.5) = 1 − e^{−0.5}(1 + 0.5 + 0.125)
    expect(poissonUpperTail(3, 0.5)).toBeCloseTo(1 - Math.exp(-0.5) * 1.625, 12);
    expect(poissonUpperTail(0, 2)).toBe(1);
  });

  it('alerts on six complaints of a cause usually seen once a week, not on an ordinary day', () => {
    const quiet = Array.from({ length: 28 }, (_, i) => (i % 7 === 0 ? 1 : 0));
    expect(judgeSpike(6, quiet, 28)).toMatchObject({ alert: true, baselineMean: 4 / 28 });
    expect(judgeSpike(1, quiet, 28).alert).toBe(false);
    const busy = Array.from({ length: 28 }, () => 5);
    expect(judgeSpike(6, busy, 28).alert).toBe(false);
  });

  it('needs at least three complaints even for a key never seen before', () => {
    expect(judgeSpike(2, [], 28).alert).toBe(false);
    expect(judgeSpike(3, [], 28).alert).toBe(true);
  });
});
