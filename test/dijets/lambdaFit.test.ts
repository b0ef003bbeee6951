import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';
import { absAsymmetryHistogram, binAveragedDensity, fitLambda, fitLambdaBinned } from '../../src/dijets/index.js';

function draw(rng: Rng, n: number, form: 'gaussian' | 'exponential', lambda: number): Float64Array {
  return Float64Array.from({ length: n }, () =>
    form === 'gaussian' ? lambda * rng.normal() : (rng.uniform() < 0.5 ? -1 : 1) * rng.exponential(lambda));
}

describe('fitLambda', () => {
  for (const form of ['gaussian', 'exponential'] as const) {
    it(`fitLambda(delta, {form: '${form}'}) recovers Λ = 120 GeV within 4 bootstrap errors, for both methods`, () => {
      const delta = draw(new Rng(61), 20_000, form, 120);
      const fisher = form === 'gaussian' ? 120 / Math.sqrt(2 * 20_000) : 120 / Math.sqrt(20_000);
      for (const method of ['mse', 'ml'] as const) {
        const fit = fitLambda(delta, { form, method, seed: 3 });
        expect(fit.n).toBe(20_000);
        expect(Math.abs(fit.lambda - 120)).toBeLessThan(4 * fit.lambdaError);
        // No unbiased estimator beats the Fisher bound; 100 bootstrap replicates estimate the
        // error to ~7 %, so allow 0.85×; the histogram MSE fit may lose efficiency, up to 3×.
        expect(fit.lambdaError).toBeGreaterThan(0.85 * fisher);
        expect(fit.lambdaError).toBeLessThan(3 * fisher);
      }
    });
  }

  it("fitLambda(delta, {form: 'gaussian'}) bootstrap error matches the spread of fits over 40 independent samples", () => {
    const rng = new Rng(62);
    const fits = Array.from({ length: 40 }, () => fitLambda(draw(rng, 4000, 'gaussian', 100), { form: 'gaussian', bootstrap: 0 }).lambda);
    const mean = fits.reduce((a, b) => a + b, 0) / fits.length;
    const spread = Math.sqrt(fits.reduce((a, b) => a + (b - mean) ** 2, 0) / (fits.length - 1));
    const boot = fitLambda(draw(rng, 4000, 'gaussian', 100), { form: 'gaussian', bootstrap: 200, seed: 5 }).lambdaError;
    // The spread from 40 samples has relative SE 1/√78 ≈ 11 %, the bootstrap error from 200
    // replicates ≈ 5 %: combined ≈ 12 %, so 3σ is [0.63, 1.37]; the bounds are a little wider.
    expect(boot / spread).toBeGreaterThan(0.6);
    expect(boot / spread).toBeLessThan(1.5);
    // And the fits are unbiased: the mean of 40 is within 4 of its SEs of the truth.
    expect(Math.abs(mean - 100)).toBeLessThan((4 * spread) / Math.sqrt(40));
  });

  it('fitLambda(delta of one event) returns NaN', () => {
    expect(Number.isNaN(fitLambda(Float64Array.of(3), { form: 'gaussian' }).lambda)).toBe(true);
  });

  it('absAsymmetryHistogram density integrates to the in-range fraction and binAveragedDensity integrates to 1', () => {
    const delta = draw(new Rng(63), 10_000, 'exponential', 50);
    const h = absAsymmetryHistogram(delta, 40, 200);
    const inRange = Array.from(delta).filter((d) => Math.abs(d) < 200).length / delta.length;
    expect(h.density.reduce((a, b) => a + b, 0) * 5).toBeCloseTo(inRange, 12);
    let total = 0;
    for (let k = 0; k < 400; k++) total += binAveragedDensity('gaussian', 50, k * 2, (k + 1) * 2) * 2;
    expect(total).toBeCloseTo(1, 8);
  });
});

describe('fitLambdaBinned', () => {
  it('fitLambdaBinned(delta, leadingPt, [600, 700, 800, 900, 1000]) recovers Λ = 0.15 × bin centre in every bin', () => {
    const rng = new Rng(64);
    const n = 40_000;
    const pt = Float64Array.from({ length: n }, () => rng.uniformIn(550, 1050));
    const delta = pt.map((p) => {
      const lam = 0.15 * (Math.floor(p / 100) * 100 + 50);
      return (rng.uniform() < 0.5 ? -1 : 1) * rng.exponential(lam);
    });
    const rows = fitLambdaBinned(delta, pt, [600, 700, 800, 900, 1000], { form: 'exponential', seed: 9 });
    expect(rows.map((r) => [r.ptLowGeV, r.ptHighGeV])).toEqual([[600, 700], [700, 800], [800, 900], [900, 1000]]);
    for (const r of rows) {
      const truth = 0.15 * (r.ptLowGeV + 50);
      expect(r.n).toBeGreaterThan(7000);
      expect(Math.abs(r.lambda - truth)).toBeLessThan(4 * r.lambdaError);
      expect(r.lambdaError / truth).toBeLessThan(0.03);
    }
  });
});
