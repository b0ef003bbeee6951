import { describe, expect, it } from 'vitest';
import { analyticGaussian as ag, binnedMeanStd, PolynomialRegression } from '../../src/baselines/index.js';
import { gaussianPairs, integerWeights, normalPrior, replicate } from './gaussianSample.js';

describe('PolynomialRegression', () => {
  it('fit(x, y).predict(x) recovers a noiseless cubic on x ∈ [1000, 1001] (centring keeps it well conditioned)', () => {
    const x = Float64Array.from({ length: 50 }, (_, i) => 1000 + i / 49);
    const cubic = (v: number) => 2 - 3 * (v - 1000.5) + 0.5 * (v - 1000.5) ** 2 + 7 * (v - 1000.5) ** 3;
    const f = new PolynomialRegression({ degree: 3 }).fit(x, x.map(cubic));
    const probe = [1000.1, 1000.37, 1000.9];
    f.predict(probe).forEach((v, i) => expect(v).toBeCloseTo(cubic(probe[i]!), 10));
    expect(f.residualStd_).toBeLessThan(1e-10);
  });

  it('coefficients() returns raw powers of x: y = 1 + 2x − x²', () => {
    const x = [-2, -1, 0, 1, 2, 3];
    const f = new PolynomialRegression({ degree: 2 }).fit(x, x.map((v) => 1 + 2 * v - v * v));
    const c = f.coefficients();
    [1, 2, -1].forEach((v, k) => expect(c[k]).toBeCloseTo(v, 10));
  });

  it('fit(x, z) with degree 1 recovers the MSE slope σ²/(σ²+ε²), offset ε²μ/(σ²+ε²) and Σ_MSE = εσ/sqrt(ε²+σ²)', () => {
    const g = { mu: 1, sigma: 1, epsilon: 2 };
    const n = 100_000;
    const { x, z } = gaussianPairs(n, g.epsilon, normalPrior(g.mu, g.sigma), 11);
    const [intercept, slope] = new PolynomialRegression({ degree: 1 }).fit(x, z).coefficients();
    const f = new PolynomialRegression({ degree: 1 }).fit(x, z);
    // OLS standard errors: slope sqrt(Σ²/(n Var x)) = sqrt(0.8/(1e5·5)) = 0.0013; intercept ≈
    // sqrt(Σ²/n)·sqrt(1 + μ²/Var x) = 0.0031; std of a std ≈ Σ/sqrt(2n) = 0.002. Tolerances ≈ 5 se.
    expect(Math.abs(slope! - ag.fMse(1, g) + ag.fMse(0, g))).toBeLessThan(0.0065);
    expect(Math.abs(slope! - g.sigma ** 2 / (g.sigma ** 2 + g.epsilon ** 2))).toBeLessThan(0.0065);
    expect(Math.abs(intercept! - ag.fMse(0, g))).toBeLessThan(0.016);
    expect(Math.abs(f.residualStd_ - ag.resolutionMse(g))).toBeLessThan(0.01);
  });

  it('fit(x, z) has the MSE bias b(z) = ε²/(σ²+ε²)(μ − z) and resolution σ²ε/(ε²+σ²) in bins of z', () => {
    const g = { mu: 0, sigma: 1, epsilon: 2 };
    const { x, z } = gaussianPairs(100_000, g.epsilon, normalPrior(g.mu, g.sigma), 12);
    const zHat = new PolynomialRegression({ degree: 1 }).fit(x, z).predict(x);
    const edges = Array.from({ length: 31 }, (_, i) => -1.5 + i * 0.1);
    const residual = binnedMeanStd(zHat.map((v, i) => v - z[i]!), z, edges);
    const zMean = binnedMeanStd(z, z, edges).mean;
    for (let b = 0; b < edges.length - 1; b++) {
      // 5 standard errors of the bin mean plus 0.01 for the fitted slope/offset (se ≈ 0.002).
      expect(Math.abs(residual.mean[b]! - ag.biasMse(zMean[b]!, g))).toBeLessThan(5 * residual.meanError[b]! + 0.01);
      // z varies within a 0.1-wide bin: adds (1 − slope)·0.1/sqrt(12) = 0.023 in quadrature (+0.0007);
      // the std of a std over ≥ 1300 samples is ≤ 0.4/sqrt(2600) = 0.008.
      expect(Math.abs(residual.std[b]! - ag.resolutionMseInZ(g))).toBeLessThan(0.04);
    }
  });

  it('fit(x, y, w) with integer weights equals the fit on rows replicated w times', () => {
    const { x, z } = gaussianPairs(2000, 0.5, normalPrior(0, 1), 13);
    const w = integerWeights(x.length, 14);
    const [xr, zr] = replicate(w, x, z);
    const weighted = new PolynomialRegression({ degree: 3 }).fit(x, z, w);
    const replicated = new PolynomialRegression({ degree: 3 }).fit(xr!, zr!);
    weighted.coef_!.forEach((c, j) => expect(c).toBeCloseTo(replicated.coef_![j]!, 10));
    expect(weighted.residualStd_).toBeCloseTo(replicated.residualStd_, 10);
  });

  it('fit(x, y) throws when the degree needs more distinct x values than there are', () => {
    expect(() => new PolynomialRegression({ degree: 3 }).fit([1, 2, 2, 1], [0, 1, 2, 3])).toThrow(/degree/);
  });

  it('predict(x) before fit throws NotFittedError', () => {
    expect(() => new PolynomialRegression().predict([1])).toThrow(/not fitted/);
  });
});
