import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';
import {
  correlateGaussian, correlateNumerically, gaussianDifferenceConstraint, maximizeLikelihood, quadratureImprovement,
  resolutionRatio, sumConstraints,
} from '../../src/dijets/index.js';

function randomPairs(rng: Rng, n: number) {
  const col = (f: () => number) => Float64Array.from({ length: n }, f);
  return {
    zhat1: col(() => rng.uniformIn(300, 1000)),
    zhat2: col(() => rng.uniformIn(300, 1000)),
    sigma1: col(() => rng.uniformIn(10, 80)),
    sigma2: col(() => rng.uniformIn(10, 80)),
    lambda: col(() => Math.exp(rng.uniformIn(Math.log(5), Math.log(500)))),
  };
}

describe('correlateGaussian', () => {
  it('correlateGaussian(pair, 1) gives Eq. 10 and Eq. 12 for ẑ = (2, 0), σ = (1, 1)', () => {
    const r = correlateGaussian({ zhat1: Float64Array.of(2), zhat2: Float64Array.of(0), sigma1: Float64Array.of(1), sigma2: Float64Array.of(1) }, 1);
    // S² = 3: ẑ1' = (2·2 + 0)/3, ẑ2' = (0 + 2·1)/3, σ'² = 1·(1 − 1/3), cov = 1/3.
    expect(r.zhat1[0]).toBeCloseTo(4 / 3, 14);
    expect(r.zhat2[0]).toBeCloseTo(2 / 3, 14);
    expect(r.sigma1[0]).toBeCloseTo(Math.sqrt(2 / 3), 14);
    expect(r.sigma2[0]).toBeCloseTo(Math.sqrt(2 / 3), 14);
    expect(r.cov[0]).toBeCloseTo(1 / 3, 14);
  });

  it('correlateGaussian(pair, lambda) agrees with maximizeLikelihood on 1000 random events to 1e-6', () => {
    const p = randomPairs(new Rng(11), 1000);
    const closed = correlateGaussian(p, p.lambda);
    const numeric = correlateNumerically([p.zhat1, p.zhat2], [p.sigma1, p.sigma2], (e) => gaussianDifferenceConstraint(0, 1, p.lambda[e]!));
    for (let e = 0; e < 1000; e++) {
      expect(numeric.converged[e]).toBe(1);
      expect(Math.abs(numeric.zhat[0]![e]! - closed.zhat1[e]!) / closed.zhat1[e]!).toBeLessThan(1e-6);
      expect(Math.abs(numeric.zhat[1]![e]! - closed.zhat2[e]!) / closed.zhat2[e]!).toBeLessThan(1e-6);
      expect(Math.abs(numeric.sigma[0]![e]! / closed.sigma1[e]! - 1)).toBeLessThan(1e-6);
      expect(Math.abs(numeric.sigma[1]![e]! / closed.sigma2[e]! - 1)).toBeLessThan(1e-6);
      expect(Math.abs(numeric.covariance[e * 4 + 1]! / closed.cov[e]! - 1)).toBeLessThan(1e-6);
      expect(numeric.covariance[e * 4 + 2]).toBe(numeric.covariance[e * 4 + 1]);
    }
  });

  it('correlateGaussian(pair, 0) is the resolution-weighted average with the inverse-quadrature resolution', () => {
    const p = randomPairs(new Rng(12), 50);
    const r = correlateGaussian(p, 0);
    for (let e = 0; e < 50; e++) {
      const w1 = p.sigma1[e]! ** -2, w2 = p.sigma2[e]! ** -2;
      const mean = (w1 * p.zhat1[e]! + w2 * p.zhat2[e]!) / (w1 + w2);
      expect(r.zhat1[e]).toBeCloseTo(mean, 9);
      expect(r.zhat2[e]).toBeCloseTo(mean, 9);
      expect(r.sigma1[e]).toBeCloseTo(1 / Math.sqrt(w1 + w2), 12);
      expect(r.cov[e]).toBeCloseTo(1 / (w1 + w2), 9); // correlation 1
    }
  });

  it('correlateGaussian(pair, 1e12) leaves the inputs unchanged', () => {
    const p = randomPairs(new Rng(13), 50);
    const r = correlateGaussian(p, 1e12);
    for (let e = 0; e < 50; e++) {
      expect(r.zhat1[e]).toBeCloseTo(p.zhat1[e]!, 6);
      expect(r.sigma2[e]).toBeCloseTo(p.sigma2[e]!, 9);
      expect(Math.abs(r.cov[e]!)).toBeLessThan(1e-12);
    }
  });

  it('correlateGaussian throws a RangeError for a negative lambda or mismatched columns', () => {
    const one = Float64Array.of(1);
    expect(() => correlateGaussian({ zhat1: one, zhat2: one, sigma1: one, sigma2: one }, -1)).toThrow(RangeError);
    expect(() => correlateGaussian({ zhat1: one, zhat2: Float64Array.of(1, 2), sigma1: one, sigma2: one }, 1)).toThrow(/zhat2 has 2 events/);
  });
});

describe('maximizeLikelihood with a Gaussian chain of three objects', () => {
  it('maximizeLikelihood(zhat, sigma, chain) equals the linear-Gaussian posterior P⁻¹Dẑ with covariance P⁻¹', () => {
    // Everything is Gaussian, so the posterior precision is P = diag(1/σ²) + the chain's graph Laplacian (weights 1/Λ²).
    const zhat = Float64Array.of(10, 13, 7), sigma = Float64Array.of(1, 2, 1.5), lam = [1.2, 0.8];
    const c = sumConstraints([gaussianDifferenceConstraint(0, 1, lam[0]!), gaussianDifferenceConstraint(1, 2, lam[1]!)], 3);
    const r = maximizeLikelihood(zhat, sigma, c);
    const a = 1 / lam[0]! ** 2, b = 1 / lam[1]! ** 2;
    const P = [
      [sigma[0]! ** -2 + a, -a, 0],
      [-a, sigma[1]! ** -2 + a + b, -b],
      [0, -b, sigma[2]! ** -2 + b],
    ];
    // The covariance times P must be the identity, and P·z' must equal D·ẑ.
    for (let i = 0; i < 3; i++) {
      let pz = 0;
      for (let k = 0; k < 3; k++) pz += P[i]![k]! * r.z[k]!;
      expect(pz).toBeCloseTo(zhat[i]! / sigma[i]! ** 2, 10);
      for (let j = 0; j < 3; j++) {
        let s = 0;
        for (let k = 0; k < 3; k++) s += r.covariance[i * 3 + k]! * P[k]![j]!;
        expect(s).toBeCloseTo(i === j ? 1 : 0, 10);
      }
    }
    expect(r.converged).toBe(true);
  });
});

describe('resolution metrics', () => {
  it('quadratureImprovement(σ, σ\') equals σ1/S exactly in the Gaussian case, and resolutionRatio is σ\'/σ', () => {
    const p = randomPairs(new Rng(14), 100);
    const r = correlateGaussian(p, p.lambda);
    const quad = quadratureImprovement(p.sigma1, r.sigma1);
    const ratio = resolutionRatio(p.sigma1, r.sigma1);
    for (let e = 0; e < 100; e++) {
      const s = Math.sqrt(p.lambda[e]! ** 2 + p.sigma1[e]! ** 2 + p.sigma2[e]! ** 2);
      expect(quad[e]).toBeCloseTo(p.sigma1[e]! / s, 10);
      expect(ratio[e]).toBeCloseTo(r.sigma1[e]! / p.sigma1[e]!, 14);
      expect(ratio[e]! ** 2 + quad[e]! ** 2).toBeCloseTo(1, 12);
    }
  });

  it('mean of 1 − σ\'/σ matches σ²/(2Λ²) up to its derived second-order term for Λ ≫ σ', () => {
    // σ1 = σ2 = σ, x = σ²/Λ²: σ'/σ = sqrt(1 − x/(1 + 2x)), so the gain g = 1 − σ'/σ expands as
    // g = x/2 − (7/8)x² + (25/16)x³ + O(x⁴). Hence |g − x/2| ≤ (7/8)x²(1 + 2x) and
    // |g − x/2 + (7/8)x²| ≤ 2x³ for x ≤ 0.1 (the x⁴ term is far below x³ there).
    for (const sigmaOverLambda of [0.05, 0.1, 0.2, 0.3]) {
      const x = sigmaOverLambda ** 2;
      const n = 100;
      const sigma = new Float64Array(n).fill(35);
      const zhat = Float64Array.from({ length: n }, (_, e) => 600 + e);
      const r = correlateGaussian({ zhat1: zhat, zhat2: zhat.reverse(), sigma1: sigma, sigma2: sigma }, 35 / sigmaOverLambda);
      const gain = resolutionRatio(sigma, r.sigma1).reduce((acc, v) => acc + (1 - v), 0) / n;
      expect(Math.abs(gain - x / 2)).toBeLessThanOrEqual((7 / 8) * x * x * (1 + 2 * x));
      expect(Math.abs(gain - x / 2 + (7 / 8) * x * x)).toBeLessThanOrEqual(2 * x ** 3);
    }
  });
});
