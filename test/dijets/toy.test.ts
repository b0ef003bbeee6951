import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';
import { correlateExponential, correlateGaussian, generateToyEvents, toyLabellingBias, toyScanVersusLambda } from '../../src/dijets/index.js';

// Statistical tolerances: every mean is compared with its own standard error (SE = std/√N from the
// sample); 4 SE is a two-sided 6e-5 false-alarm rate for a Gaussian mean, and N = 1e5 or more
// makes the means Gaussian to high accuracy. The runs are seeded, so the outcome is fixed.
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

describe('toy model bias (Sec. III)', () => {
  // Unequal resolutions for the random labels; equal ones for the ordered labels, where ordering
  // would otherwise mix which resolution each label carries and the closed-form shifts below need σ1 = σ2.
  const sigma1 = 1, sigma2 = 0.5, lambda = 2;
  const sigma = 1, s = Math.sqrt(lambda ** 2 + 2 * sigma ** 2);
  const equalEvents = generateToyEvents(new Rng(50), { events: 100_000, sigma1: sigma, sigma2: sigma, lambda, form: 'gaussian' });

  it("toyLabellingBias(events, Λ, 'gaussian', 'random') has corrected mean shifts consistent with zero", () => {
    const events = generateToyEvents(new Rng(51), { events: 100_000, sigma1, sigma2, lambda, form: 'gaussian' });
    const b = toyLabellingBias(events, lambda, 'gaussian', 'random', 1);
    for (const k of [0, 1]) expect(Math.abs(b.correctedShift[k]!)).toBeLessThan(4 * b.correctedShiftError[k]!);
  });

  it("toyLabellingBias(events, Λ_e, 'exponential', 'random') has corrected mean shifts consistent with zero", () => {
    const events = generateToyEvents(new Rng(52), { events: 100_000, sigma1, sigma2, lambda, form: 'exponential' });
    const b = toyLabellingBias(events, lambda, 'exponential', 'random', 2);
    for (const k of [0, 1]) expect(Math.abs(b.correctedShift[k]!)).toBeLessThan(4 * b.correctedShiftError[k]!);
  });

  it("toyLabellingBias(events, Λ, 'gaussian', 'truth-ordered') is biased by ∓σ_i²Λ√(2/π)/S²", () => {
    // Jet 1 = larger truth: E[z1 − z2 | ordered] = Λ√(2/π), and ẑ1' − z1 = noise − σ1²(z1 − z2)/S²
    // (Eq. 10), so the leading jet is pulled down by σ1²Λ√(2/π)/S² (≈ 0.27 here, ~130 SE) and the
    // subleading one up by σ2²Λ√(2/π)/S². The raw estimates stay unbiased.
    const b = toyLabellingBias(equalEvents, lambda, 'gaussian', 'truth-ordered');
    const expected = [-(sigma ** 2) * lambda * SQRT_2_OVER_PI / s ** 2, sigma ** 2 * lambda * SQRT_2_OVER_PI / s ** 2];
    for (const k of [0, 1]) {
      expect(Math.abs(b.correctedShift[k]! - expected[k]!)).toBeLessThan(4 * b.correctedShiftError[k]!);
      expect(Math.abs(b.correctedShift[k]!)).toBeGreaterThan(20 * b.correctedShiftError[k]!);
      expect(Math.abs(b.rawShift[k]!)).toBeLessThan(4 * b.rawShiftError[k]!);
    }
  });

  it("toyLabellingBias(events, Λ, 'gaussian', 'measured-ordered') biases the raw estimates and not the corrected ones", () => {
    // Jet 1 = larger ẑ, i.e. D = ẑ1 − ẑ2 > 0 with D ~ N(0, S²): the raw leading estimate is biased by
    // E[ε1 | D > 0] = σ1²√(2/π)/S. The corrected error ẑ1' − z1 = ((Λ²+σ2²)ε1 + σ1²ε2 − σ1²Δ)/S² has
    // zero covariance with D, hence (jointly Gaussian) is independent of it: no bias after correction.
    const b = toyLabellingBias(equalEvents, lambda, 'gaussian', 'measured-ordered');
    const expectedRaw = [sigma ** 2 * SQRT_2_OVER_PI / s, -(sigma ** 2) * SQRT_2_OVER_PI / s];
    for (const k of [0, 1]) {
      expect(Math.abs(b.rawShift[k]! - expectedRaw[k]!)).toBeLessThan(4 * b.rawShiftError[k]!);
      expect(Math.abs(b.correctedShift[k]!)).toBeLessThan(4 * b.correctedShiftError[k]!);
    }
  });

  it("toyLabellingBias(events, Λ_e, 'exponential', 'measured-ordered') is biased after correction", () => {
    const events = generateToyEvents(new Rng(53), { events: 100_000, sigma1: sigma, sigma2: sigma, lambda, form: 'exponential' });
    const b = toyLabellingBias(events, lambda, 'exponential', 'measured-ordered');
    // Measured here: leading ≈ −0.12 (≈ 55 SE), subleading ≈ +0.12; assert sign and > 10 SE.
    expect(b.correctedShift[0]).toBeLessThan(-10 * b.correctedShiftError[0]!);
    expect(b.correctedShift[1]).toBeGreaterThan(10 * b.correctedShiftError[1]!);
  });
});

describe('toy model resolution', () => {
  it('correlateGaussian on toy events achieves σ\' and a gain within the derived bound of σ²/(2Λ²)', () => {
    const n = 200_000, sigma = 1, lambda = 3;
    const ev = generateToyEvents(new Rng(54), { events: n, sigma1: sigma, sigma2: sigma, lambda, form: 'gaussian' });
    const r = correlateGaussian(ev, lambda);
    let raw2 = 0, cor2 = 0;
    for (let e = 0; e < n; e++) {
      raw2 += (ev.zhat1[e]! - ev.z1[e]!) ** 2;
      cor2 += (r.zhat1[e]! - ev.z1[e]!) ** 2;
    }
    const rawStd = Math.sqrt(raw2 / n), corStd = Math.sqrt(cor2 / n);
    // Sample std of N Gaussian residuals has relative SE 1/√(2N) ≈ 0.0016.
    const relSe = 1 / Math.sqrt(2 * n);
    expect(Math.abs(corStd / r.sigma1[0]! - 1)).toBeLessThan(4 * relSe);
    expect(Math.abs(rawStd / sigma - 1)).toBeLessThan(4 * relSe);
    // Gain 1 − s'/s: its SE is below the sum of both relative SEs. x = σ²/Λ² = 1/9:
    // exact g = 1 − sqrt(1 − x/(1+2x)) and |g − x/2| ≤ (7/8)x²(1+2x) (see gaussian.test.ts).
    const gain = 1 - corStd / rawStd, x = (sigma / lambda) ** 2;
    expect(Math.abs(gain - (1 - Math.sqrt(1 - x / (1 + 2 * x))))).toBeLessThan(8 * relSe);
    expect(Math.abs(gain - x / 2)).toBeLessThan((7 / 8) * x * x * (1 + 2 * x) + 8 * relSe);
  });

  it('correlateExponential on toy events snaps as often as the exact P(|D| < 2σ²/Λ_e), D = Δ + noise', () => {
    // σ1 = σ2 = σ: case 3 wins iff |ẑ1 − ẑ2| < t = 2σ²/Λ_e, and ẑ1 − ẑ2 = Δ + η with Δ ~ Laplace(Λ_e),
    // η ~ N(0, 2σ²). Mean σ'² = σ²(1 − P/2). Eq. 18 approximates P by 1 − exp(−2σ²/Λ_e²), ignoring η.
    const sigma = 1;
    for (const lambdaE of [3, 10]) {
      const n = 200_000;
      const ev = generateToyEvents(new Rng(55 + lambdaE), { events: n, sigma1: sigma, sigma2: sigma, lambda: lambdaE, form: 'exponential' });
      const r = correlateExponential(ev, lambdaE);
      const snapped = r.solutionCase.reduce((acc, c) => acc + (c === 3 ? 1 : 0), 0) / n;
      const pExact = snapProbability(sigma, lambdaE);
      // Binomial SE of the fraction.
      expect(Math.abs(snapped - pExact)).toBeLessThan(4 * Math.sqrt((pExact * (1 - pExact)) / n));
      const meanVar = r.sigma1.reduce((acc, v) => acc + v * v, 0) / n;
      expect(meanVar).toBeCloseTo(sigma ** 2 * (1 - snapped / 2), 12);
    }
  });
});

/** P(|Δ + η| < t), Δ ~ Laplace(b = Λ_e), η ~ N(0, 2σ²), t = 2σ²/Λ_e, by nested Simpson rules. */
function snapProbability(sigma: number, lambdaE: number): number {
  const t = (2 * sigma * sigma) / lambdaE, s = Math.SQRT2 * sigma;
  const simpson = (f: (x: number) => number, a: number, b: number, m: number) => {
    const h = (b - a) / m;
    let acc = f(a) + f(b);
    for (let k = 1; k < m; k++) acc += (k % 2 ? 4 : 2) * f(a + k * h);
    return (acc * h) / 3;
  };
  const density = (u: number) =>
    simpson((d) => (Math.exp(-Math.abs(d) / lambdaE) / (2 * lambdaE)) * Math.exp((-0.5 * (u - d) ** 2) / (s * s)) / (s * Math.sqrt(2 * Math.PI)), u - 10 * s, u + 10 * s, 4000);
  return simpson(density, -t, t, 200);
}

describe('toyScanVersusLambda (Figs. 2–3)', () => {
  it("toyScanVersusLambda({x1: 2, x2: 5, σ = (1, 0.1), mode}) goes from the weighted average at small Λ to the inputs at large Λ", () => {
    const lambdas = Float64Array.of(1e-6, 1e6);
    const average = (2 * 0.01 + 5 * 1) / 1.01;
    for (const mode of ['gaussian', 'exponential'] as const) {
      const scan = toyScanVersusLambda({ x1: 2, x2: 5, sigma1: 1, sigma2: 0.1, lambdas, mode });
      expect(scan.zhat1[0]).toBeCloseTo(average, 5);
      expect(scan.zhat2[0]).toBeCloseTo(average, 5);
      expect(scan.sigma1[0]).toBeCloseTo(1 / Math.sqrt(1 + 100), 5);
      expect(scan.zhat1[1]).toBeCloseTo(2, 5);
      expect(scan.zhat2[1]).toBeCloseTo(5, 5);
      expect(scan.sigma2[1]).toBeCloseTo(0.1, 9);
    }
  });
});
