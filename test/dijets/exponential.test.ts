import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';
import { correlateExponential, exponentialPairLogLikelihood, exponentialPhaseSpace } from '../../src/dijets/index.js';

describe('correlateExponential', () => {
  it('correlateExponential(pair, lambdaE) agrees with a brute-force maximisation on a 601×601 grid', () => {
    // The grid is one axis g_k = lo + k·h shared by z1 and z2, so the kink z1 = z2 lies on grid
    // points (i = j) and the snapped case can be found exactly by the brute force.
    const rng = new Rng(21);
    const events = 150, steps = 600;
    const counts = [0, 0, 0, 0];
    for (let e = 0; e < events; e++) {
      const zhat1 = rng.uniformIn(-2, 2), zhat2 = rng.uniformIn(-2, 2);
      const sigma1 = rng.uniformIn(0.3, 1.5), sigma2 = rng.uniformIn(0.3, 1.5);
      const lambdaE = Math.exp(rng.uniformIn(Math.log(0.2), Math.log(5)));
      const r = correlateExponential({ zhat1: Float64Array.of(zhat1), zhat2: Float64Array.of(zhat2), sigma1: Float64Array.of(sigma1), sigma2: Float64Array.of(sigma2) }, lambdaE);
      const lo = Math.min(zhat1 - 4 * sigma1, zhat2 - 4 * sigma2), hi = Math.max(zhat1 + 4 * sigma1, zhat2 + 4 * sigma2);
      const h = (hi - lo) / steps;
      let best = -Infinity, bi = 0, bj = 0;
      for (let i = 0; i <= steps; i++) {
        for (let j = 0; j <= steps; j++) {
          const f = exponentialPairLogLikelihood(lo + i * h, lo + j * h, zhat1, zhat2, sigma1, sigma2, lambdaE);
          if (f > best) [best, bi, bj] = [f, i, j];
        }
      }
      const chosen = exponentialPairLogLikelihood(r.zhat1[0]!, r.zhat2[0]!, zhat1, zhat2, sigma1, sigma2, lambdaE);
      // The closed form is the exact maximum: no grid point may beat it (beyond rounding).
      expect(chosen).toBeGreaterThanOrEqual(best - 1e-12);
      // Strictly concave with curvature ≥ 1/1.5² in every direction: the grid argmax lies within a few steps.
      expect(Math.abs(lo + bi * h - r.zhat1[0]!)).toBeLessThan(3 * h);
      expect(Math.abs(lo + bj * h - r.zhat2[0]!)).toBeLessThan(3 * h);
      // Case agreement away from the snapping threshold |ẑ1 − ẑ2| = (σ1² + σ2²)/Λ_e, where the grid
      // cannot resolve which side wins: grid case from the sign of i − j.
      const threshold = (sigma1 ** 2 + sigma2 ** 2) / lambdaE;
      if (Math.abs(Math.abs(zhat1 - zhat2) - threshold) > 6 * h) {
        const gridCase = bi === bj ? 3 : bi > bj ? 1 : 2;
        expect(r.solutionCase[0]).toBe(gridCase);
        counts[gridCase]!++;
      }
    }
    // The random inputs exercise every case.
    expect(Math.min(counts[1]!, counts[2]!, counts[3]!)).toBeGreaterThanOrEqual(15);
  });

  it('correlateExponential gives Eq. 17: unchanged σ in cases 1 and 2, inverse-quadrature σ with cov = σ\'² in case 3', () => {
    const zhat1 = Float64Array.of(5, -5, 0.1), zhat2 = Float64Array.of(0, 0, 0);
    const sigma1 = Float64Array.of(1, 1, 1), sigma2 = Float64Array.of(2, 2, 2);
    const r = correlateExponential({ zhat1, zhat2, sigma1, sigma2 }, 3);
    expect(Array.from(r.solutionCase)).toEqual([1, 2, 3]);
    expect(r.zhat1[0]).toBeCloseTo(5 - 1 / 3, 14);
    expect(r.zhat2[0]).toBeCloseTo(0 + 4 / 3, 14);
    expect(r.zhat1[1]).toBeCloseTo(-5 + 1 / 3, 14);
    expect(r.zhat2[1]).toBeCloseTo(0 - 4 / 3, 14);
    expect([r.sigma1[0], r.sigma2[0], r.cov[0]]).toEqual([1, 2, 0]);
    expect(r.zhat1[2]).toBeCloseTo((4 * 0.1 + 1 * 0) / 5, 14);
    expect(r.zhat2[2]).toBe(r.zhat1[2]);
    expect(r.sigma1[2]).toBeCloseTo(Math.sqrt(4 / 5), 14);
    expect(r.cov[2]).toBeCloseTo(4 / 5, 14);
  });

  it('exponentialPhaseSpace(Δ/σ, σ/Λ_e) snaps exactly where |Δ| < 2σ²/Λ_e (Eqs. 15–16, Fig. 1)', () => {
    const deltas = Float64Array.from({ length: 81 }, (_, j) => -4 + 0.1 * j + 0.013);
    const ratios = Float64Array.from({ length: 30 }, (_, i) => 0.05 + 0.05 * i);
    const ps = exponentialPhaseSpace(deltas, ratios);
    for (let i = 0; i < ratios.length; i++) {
      for (let j = 0; j < deltas.length; j++) {
        const d = deltas[j]!, expected = Math.abs(d) < 2 * ratios[i]! ? 3 : d > 0 ? 1 : 2;
        expect(ps.solutionCase[i * deltas.length + j]).toBe(expected);
      }
    }
  });

  it('correlateExponential throws a RangeError for lambdaE = 0', () => {
    const one = Float64Array.of(1);
    expect(() => correlateExponential({ zhat1: one, zhat2: one, sigma1: one, sigma2: one }, 0)).toThrow(/lambdaE is 0/);
  });
});
