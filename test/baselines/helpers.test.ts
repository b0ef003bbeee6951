import { describe, expect, it } from 'vitest';
import { analyticGaussian as ag, binnedMeanStd, isotonicBlocks, MonotoneCubic, weightedQuantiles } from '../../src/baselines/index.js';
import { integerWeights, replicate } from './gaussianSample.js';
import { Rng } from '../../src/engine/rng.js';

describe('weightedQuantiles', () => {
  it('weightedQuantiles([1, 2, 3, 4], [0, 0.5, 0.125, 1]) follows Hazen positions (k − ½)/n', () => {
    expect(Array.from(weightedQuantiles([4, 1, 3, 2], [0, 0.5, 0.125, 1]))).toEqual([1, 2.5, 1, 4]);
    expect(weightedQuantiles([1, 2, 3, 4], [0.375])[0]).toBeCloseTo(2, 12);
  });

  it('weightedQuantiles(v, p, w) with integer weights equals the quantiles of replicated rows', () => {
    const rng = new Rng(51);
    const v = Float64Array.from({ length: 500 }, () => Math.round(rng.normal() * 20) / 4); // with ties
    const w = integerWeights(500, 52);
    const probs = [0.01, 0.1, 0.33, 0.5, 0.9, 0.999];
    const [vr] = replicate(w, v);
    const a = weightedQuantiles(v, probs, w);
    const b = weightedQuantiles(vr!, probs);
    a.forEach((q, i) => expect(q).toBeCloseTo(b[i]!, 12));
  });
});

describe('binnedMeanStd', () => {
  it('binnedMeanStd(values, bin, edges, w) gives weighted mean, population std, counts; ignores outside', () => {
    const s = binnedMeanStd([1, 3, 10, 20, 99], [0.1, 0.2, 1.5, 1.7, 5], [0, 1, 2], [1, 3, 1, 1, 1]);
    expect(Array.from(s.count)).toEqual([2, 2]);
    expect(Array.from(s.sumWeights)).toEqual([4, 2]);
    expect(s.mean[0]).toBeCloseTo(2.5, 12); // (1 + 9)/4
    expect(s.std[0]).toBeCloseTo(Math.sqrt((1 * 1.5 ** 2 + 3 * 0.5 ** 2) / 4), 12);
    expect(s.mean[1]).toBeCloseTo(15, 12);
    expect(s.effectiveCount[0]).toBeCloseTo(16 / 10, 12);
  });

  it('binnedMeanStd puts the upper edge in the last bin and leaves empty bins NaN', () => {
    const s = binnedMeanStd([1, 2], [2, 2], [0, 1, 2]);
    expect(Number.isNaN(s.mean[0]!)).toBe(true);
    expect(s.mean[1]).toBe(1.5);
  });
});

describe('isotonicBlocks', () => {
  it('isotonicBlocks(at, [1, 3, 2, 4], w) pools the violating pair by weight', () => {
    expect(isotonicBlocks([0, 1, 2, 3], [1, 3, 2, 4], [1, 1, 1, 1]).map((b) => b.value)).toEqual([1, 2.5, 4]);
    const b = isotonicBlocks([0, 1, 2], [1, 3, 2], [1, 1, 3]);
    expect(b.map((x) => x.value)).toEqual([1, 2.25]);
    expect(b[1]!.at).toBeCloseTo((1 * 1 + 2 * 3) / 4, 12);
  });

  it('isotonicBlocks returns strictly increasing values for any input', () => {
    const rng = new Rng(53);
    const y = Array.from({ length: 300 }, (_, i) => i / 100 + rng.normal());
    const blocks = isotonicBlocks(y.map((_, i) => i), y, y.map(() => rng.uniform()));
    for (let k = 1; k < blocks.length; k++) expect(blocks[k]!.value).toBeGreaterThan(blocks[k - 1]!.value);
  });
});

describe('MonotoneCubic', () => {
  const x = [0, 1, 1.5, 3, 4, 7];
  const y = [0, 0.1, 2, 2.05, 5, 9];
  const c = new MonotoneCubic(x, y);

  it('value(x_k) = y_k, the curve is monotone between knots and inverse(value(v)) = v', () => {
    x.forEach((v, k) => expect(c.value(v)).toBeCloseTo(y[k]!, 12));
    let prev = -Infinity;
    for (let v = -1; v <= 8; v += 0.01) {
      const f = c.value(v);
      expect(f).toBeGreaterThanOrEqual(prev);
      prev = f;
      expect(c.inverse(f)).toBeCloseTo(v, 9);
    }
  });

  it('derivative(v) matches central finite differences', () => {
    for (const v of [0.3, 1.2, 2.2, 3.7, 5.5]) expect(c.derivative(v)).toBeCloseTo((c.value(v + 1e-6) - c.value(v - 1e-6)) / 2e-6, 5);
  });
});

describe('analyticGaussian', () => {
  const paper = { mu: 0, sigma: 1, epsilon: 2 };

  it('paper example μ=0, σ=1, ε=2: f_MSE(x) = x/5, Σ_MSE = 2/sqrt5, Σ_MSE(z) = 0.4, I = 0.1116 nats', () => {
    expect(ag.fMse(1, paper)).toBeCloseTo(0.2, 12);
    expect(ag.biasMse(1, paper)).toBeCloseTo(-0.8, 12);
    expect(ag.resolutionMse(paper)).toBeCloseTo(2 / Math.sqrt(5), 12);
    expect(ag.resolutionMseInZ(paper)).toBeCloseTo(0.4, 12);
    expect(ag.resolutionMle(paper)).toBe(2);
    expect(ag.fMle(1.7)).toBe(1.7);
    expect(ag.mutualInformationNats(paper)).toBeCloseTo(0.1116, 4);
  });

  it('biasMse(z) = E[f_MSE(X) | z] − z since f_MSE is linear and E[X|z] = z', () => {
    const g = { mu: 1.3, sigma: 0.7, epsilon: 1.9 };
    for (const z of [-2, 0, 3]) expect(ag.biasMse(z, g)).toBeCloseTo(ag.fMse(z, g) - z, 12);
  });

  it('otMap(x) = αx + μ(1−α) equals the Gaussian OT map N(μ, σ²+ε_sim²) → N(μ, σ²+ε_data²) (Eq. 42)', () => {
    const g = { mu: 2, sigma: 1, epsilonSim: 1, epsilonData: 2 };
    expect(ag.otSlope(g)).toBeCloseTo(Math.sqrt(5 / 2), 12);
    for (const x of [-1, 0.5, 4]) {
      const eq42 = ag.gaussianOtMap(x, { mu: 2, sigma: Math.sqrt(2) }, { mu: 2, sigma: Math.sqrt(5) });
      expect(ag.otMap(x, g)).toBeCloseTo(eq42, 12);
    }
  });
});
