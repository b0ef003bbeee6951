import { describe, expect, it } from 'vitest';
import { NumericalInversion, PolynomialRegression } from '../../src/baselines/index.js';
import { gaussianPairs, integerWeights, normalPrior, replicate, uniformPrior } from './gaussianSample.js';

const grid = Array.from({ length: 31 }, (_, i) => -1.5 + i * 0.1);
const inner = grid.filter((v) => Math.abs(v) <= 1 + 1e-9);
const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (v, i) => Math.abs(v - (b[i] as number))));

describe('NumericalInversion', () => {
  it('fit(x, z).predict(x) ≈ x and resolution ≈ ε on the paper example (μ = 0, σ = 1, ε = 2)', () => {
    const { x, z } = gaussianPairs(200_000, 2, normalPrior(0, 1), 21);
    const ni = new NumericalInversion().fit(x, z);
    // 40 bins of 5000 rows: a knot's mean x has se 2/sqrt(5000) = 0.028, so ẑ has ~0.03 noise;
    // 0.15 is 5 se. A per-bin std has se 2/sqrt(10000) = 0.02; 0.1 is 5 se.
    expect(maxAbsDiff(ni.predict(grid), grid)).toBeLessThan(0.15);
    expect(maxAbsDiff(ni.resolution(grid), grid.map(() => 2))).toBeLessThan(0.1);
  });

  it('fit(x, z).predict(x) is prior independent: z ~ N(0,1) and z ~ U(−4,4) give the same map, unlike MSE', () => {
    const eps = 0.5;
    const a = gaussianPairs(200_000, eps, normalPrior(0, 1), 22);
    const b = gaussianPairs(200_000, eps, uniformPrior(-4, 4), 23);
    const mapA = new NumericalInversion().fit(a.x, a.z).predict(inner);
    const mapB = new NumericalInversion().fit(b.x, b.z).predict(inner);
    // Knot noise 0.5/sqrt(5000) = 0.007 per map, 0.01 for the difference: 0.05 is 5 se.
    expect(maxAbsDiff(mapA, mapB)).toBeLessThan(0.05);
    expect(maxAbsDiff(mapA, inner)).toBeLessThan(0.035);
    // MSE slopes are 1/1.25 = 0.8 and 5.33/5.58 = 0.955: at x = ±1 the maps differ by ≈ 0.15.
    const mseA = new PolynomialRegression({ degree: 1 }).fit(a.x, a.z).predict(inner);
    const mseB = new PolynomialRegression({ degree: 1 }).fit(b.x, b.z).predict(inner);
    expect(maxAbsDiff(mseA, mseB)).toBeGreaterThan(0.1);
  });

  it('resolution(x) ≈ ε = 0.5 and response(z) ≈ z for x|z ~ N(z, 0.5²)', () => {
    const { x, z } = gaussianPairs(200_000, 0.5, normalPrior(0, 1), 24);
    const ni = new NumericalInversion().fit(x, z);
    // Per-bin std se 0.5/sqrt(10000) = 0.005: 0.025 is 5 se.
    expect(maxAbsDiff(ni.resolution(grid), grid.map(() => 0.5))).toBeLessThan(0.025);
    expect(maxAbsDiff(ni.response(grid), grid)).toBeLessThan(0.035);
  });

  it('fit(x, z) handles a decreasing, non-linear response x = −exp(z) + noise', () => {
    const { x: noise, z } = gaussianPairs(100_000, 0.05, uniformPrior(0, 2), 25);
    const x = z.map((v, i) => -Math.exp(v) + (noise[i]! - v));
    const ni = new NumericalInversion().fit(x, z);
    const probeZ = [0.3, 0.8, 1.2, 1.7];
    // Knot noise 0.05/sqrt(2500) = 0.001 in x; slope ≥ 1 so ≤ 0.001 in z; 0.01 allows interpolation error.
    expect(maxAbsDiff(ni.predict(probeZ.map((v) => -Math.exp(v))), probeZ)).toBeLessThan(0.01);
  });

  it('fit(x, z, w) with integer weights equals the fit on rows replicated w times', () => {
    const { x, z } = gaussianPairs(5000, 0.5, normalPrior(0, 1), 26);
    const w = integerWeights(x.length, 27);
    const [xr, zr] = replicate(w, x, z);
    const weighted = new NumericalInversion({ bins: 20 }).fit(x, z, w);
    const replicated = new NumericalInversion({ bins: 20 }).fit(xr!, zr!);
    expect(maxAbsDiff(weighted.predict(grid), replicated.predict(grid))).toBeLessThan(1e-9);
    expect(maxAbsDiff(weighted.resolution(grid), replicated.resolution(grid))).toBeLessThan(1e-9);
  });

  it('fit(x, z) throws when x does not change with z', () => {
    const z = Float64Array.from({ length: 100 }, (_, i) => i);
    expect(() => new NumericalInversion().fit(z.map(() => 3), z)).toThrow(/flat/);
  });
});
