import { describe, expect, it } from 'vitest';
import { GaussianAnsatz } from '../../src/ansatz/GaussianAnsatz.js';
import { chiSquaredQuantile, coverageCurve, quantileBins, regularizedLowerGamma, selfCheck } from '../../src/ansatz/selfCheck.js';
import { Rng } from '../../src/engine/rng.js';

describe('self-check statistics', () => {
  it('chiSquaredQuantile(q, k) inverts the χ² CDF: χ²₁(0.6827) = 1, χ²₁(0.9545) = 4, χ²₂(q) = −2 ln(1 − q), χ²₃(0.5) = 2.366', () => {
    expect(chiSquaredQuantile(0.682689492137086, 1)).toBeCloseTo(1, 8);
    expect(chiSquaredQuantile(0.954499736103642, 1)).toBeCloseTo(4, 8);
    for (const q of [0.1, 0.5, 0.9, 0.99]) expect(chiSquaredQuantile(q, 2)).toBeCloseTo(-2 * Math.log(1 - q), 8);
    expect(chiSquaredQuantile(0.5, 3)).toBeCloseTo(2.365973884, 6);
    expect(regularizedLowerGamma(1, 2)).toBeCloseTo(1 - Math.exp(-2), 12);
  });

  it('an exact Gaussian posterior passes: its coverage curve lies on the diagonal, its pulls are N(0, 1)', () => {
    const rng = new Rng(5), n = 20_000;
    const zHat = new Float64Array(2 * n), z = new Float64Array(2 * n), cov = new Float64Array(4 * n), sigma = new Float64Array(2 * n);
    for (let r = 0; r < n; r++) {
      const s1 = 0.5 + rng.uniform(), s2 = 1 + rng.uniform(), rho = 0.6;
      const e1 = rng.normal(), e2 = rho * e1 + Math.sqrt(1 - rho * rho) * rng.normal();
      z[2 * r] = rng.normal();
      z[2 * r + 1] = rng.normal();
      zHat[2 * r] = z[2 * r]! + s1 * e1;
      zHat[2 * r + 1] = z[2 * r + 1]! + s2 * e2;
      cov.set([s1 * s1, rho * s1 * s2, rho * s1 * s2, s2 * s2], 4 * r);
      sigma.set([s1, s2], 2 * r);
    }
    const prediction = { rows: n, zDim: 2, zHat, sigma, covariance: cov };
    const w = new Float64Array(n).fill(1);
    for (const pt of coverageCurve(prediction, z, w)) expect(Math.abs(pt.observed - pt.level)).toBeLessThan(4 * Math.sqrt((pt.level * (1 - pt.level)) / n));
    const check = selfCheck({ prediction, z, zNames: ['a', 'b'] });
    expect(check.passed).toBe(true);
    // too small a Σ̂ (σ̂ halved) fails the widths, the coverages and the curve
    const tooSharp = selfCheck({ prediction: { ...prediction, sigma: sigma.map((s) => s / 2), covariance: cov.map((c) => c / 4) }, z, zNames: ['a', 'b'] });
    expect(tooSharp.passed).toBe(false);
    expect(tooSharp.checks.filter((c) => !c.passed).map((c) => c.name)).toEqual(expect.arrayContaining(['pull width, a', '±1σ̂ coverage, b']));
  });

  it('quantileBins splits the rows into bins of equal weight, in order of z', () => {
    const z = Float64Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    const bins = quantileBins(z, 1, 0, new Float64Array(1000).fill(1), 4);
    expect(bins.map((b) => b.rows.length)).toEqual([250, 250, 250, 250]);
    expect(bins.map((b) => [b.lo, b.hi])).toEqual([[0, 249], [250, 499], [500, 749], [750, 999]]);
  });
});

describe('the self-check of a trained model (defaults)', () => {
  // z ~ N(5, 2²), x|z ~ N(z, 1): a detector of unit resolution
  const sample = (n: number, resolution: number, stream: number): { x: Float64Array; z: Float64Array } => {
    const rng = new Rng(11, stream), x = new Float64Array(n), z = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      z[i] = 5 + 2 * rng.normal();
      x[i] = z[i]! + resolution * rng.normal();
    }
    return { x, z };
  };

  it('passes a well-trained model on its own detector, fails it on a detector of twice the resolution, and fails a training cut short', async () => {
    const train = sample(60_000, 1, 1);
    const model = await new GaussianAnsatz().fit(train.x, train.z);
    expect(model.selfCheck_!.passed, JSON.stringify(model.selfCheck_!.checks.filter((c) => !c.passed))).toBe(true);
    const same = sample(20_000, 1, 2);
    const own = model.selfCheck(same.x, same.z);
    expect(own.passed, JSON.stringify(own.checks.filter((c) => !c.passed))).toBe(true);

    const wider = sample(20_000, 2, 3);
    const other = model.selfCheck(wider.x, wider.z);
    expect(other.passed).toBe(false);
    const failed = other.checks.filter((c) => !c.passed).map((c) => c.name);
    expect(failed).toContain('pull width, z0');
    expect(other.checks.find((c) => c.name === 'pull width, z0')!.value).toBeGreaterThan(1.5);

    // one epoch at a learning rate a hundred times too small
    const short = await new GaussianAnsatz({ epochs: 1, learningRate: 1e-5 }).fit(train.x, train.z);
    expect(short.selfCheck_!.passed).toBe(false);
    expect(short.selfCheck_!.checks.filter((c) => !c.passed).map((c) => c.name).join('\n')).toMatch(/validation loss at its plateau/);
    expect(short.selfCheck_!.advice.join(' ')).toMatch(/--epochs/);
  });
});
