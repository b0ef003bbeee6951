import { describe, expect, it } from 'vitest';
import { analyticGaussian as ag, OptimalTransport1D } from '../../src/baselines/index.js';
import { gaussianPairs, integerWeights, normalPrior, replicate } from './gaussianSample.js';

const xs = Array.from({ length: 41 }, (_, i) => -2 + i * 0.1);
const n = 200_000;

/** Least-squares slope and offset of ys against xs. */
function lineFit(x: ArrayLike<number>, y: ArrayLike<number>): { slope: number; offset: number } {
  const m = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < m; i++) {
    mx += (x[i] as number) / m;
    my += (y[i] as number) / m;
  }
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < m; i++) {
    sxy += ((x[i] as number) - mx) * ((y[i] as number) - my);
    sxx += ((x[i] as number) - mx) ** 2;
  }
  return { slope: sxy / sxx, offset: my - (sxy / sxx) * mx };
}

function fitOt(mu: number, seed: number) {
  const g = { mu, sigma: 1, epsilonSim: 1, epsilonData: 2 };
  const sim = gaussianPairs(n, g.epsilonSim, normalPrior(mu, g.sigma), seed);
  const data = gaussianPairs(n, g.epsilonData, normalPrior(mu, g.sigma), seed + 1);
  return { g, ot: new OptimalTransport1D().fit(sim.x, undefined, data.x) };
}

// Quantile noise: at level p a quantile of n = 2e5 rows has se sqrt(p(1−p)/n)/pdf ≤ 0.013 over
// |x| ≤ 2 (data width sqrt(5)); a line through 41 such points has slope se ≈ 0.004, offset se ≈ 0.006.
describe('OptimalTransport1D', () => {
  it('fit(sim, data).predict(x) has slope α = sqrt(σ²+ε_data²)/sqrt(σ²+ε_sim²) and offset μ(1−α) for μ = 0', () => {
    const { g, ot } = fitOt(0, 31);
    const { slope, offset } = lineFit(xs, ot.predict(xs));
    expect(Math.abs(slope - ag.otSlope(g))).toBeLessThan(0.02);
    expect(Math.abs(offset - g.mu * (1 - ag.otSlope(g)))).toBeLessThan(0.03);
    expect(maxAbs(ot.predict(xs), xs.map((v) => ag.otMap(v, g)))).toBeLessThan(0.06);
  });

  it('the map derived at μ = 0 misses the test-set map at μ = 2 by μ(1−α): OT calibration is prior dependent', () => {
    const train = fitOt(0, 33).ot;
    const { g, ot: test } = fitOt(2, 35);
    const shifted = xs.map((v) => v + 2);
    const { slope, offset } = lineFit(shifted, test.predict(shifted));
    expect(Math.abs(slope - ag.otSlope(g))).toBeLessThan(0.02);
    // Offset is extrapolated to x = 0, 2 units from the data centre: se ≈ 0.006 + 2·0.004.
    expect(Math.abs(offset - g.mu * (1 - ag.otSlope(g)))).toBeLessThan(0.07);
    // Where both samples are dense (x ∈ [−1, 3]), h_train − h_test = −μ(1−α) ≈ 1.16 everywhere:
    // per point se ≤ 0.02 (1.8σ tails of both maps), 0.1 is 5 se; the mean over 41 points to 0.03.
    const overlap = xs.map((v) => v + 1);
    const hTest = test.predict(overlap);
    const miss = Array.from(train.predict(overlap), (v, i) => v - hTest[i]!);
    const expected = -g.mu * (1 - ag.otSlope(g));
    for (const m of miss) expect(Math.abs(m - expected)).toBeLessThan(0.1);
    expect(Math.abs(miss.reduce((s, m) => s + m, 0) / miss.length - expected)).toBeLessThan(0.03);
  });

  it('jacobian(x) ≈ α and calibratedDensity(y, p_sim) ≈ p_data(y) (Eqs. (15), (18))', () => {
    const { g, ot } = fitOt(0, 37);
    const alpha = ag.otSlope(g);
    // A ±0.01 quantile window holds ~4000 rows of each sample: relative se ≈ sqrt(2/4000) = 2.2% per
    // point; 0.12 is ~5 se. The mean over 41 points is checked to 0.02.
    const jac = ot.jacobian(xs);
    for (const j of jac) expect(Math.abs(j / alpha - 1)).toBeLessThan(0.12);
    expect(Math.abs(jac.reduce((s, v) => s + v, 0) / jac.length / alpha - 1)).toBeLessThan(0.02);
    const normal = (v: number, s2: number) => Math.exp((-v * v) / (2 * s2)) / Math.sqrt(2 * Math.PI * s2);
    const density = ot.calibratedDensity(xs, (v) => normal(v, g.sigma ** 2 + g.epsilonSim ** 2));
    density.forEach((d, i) => expect(Math.abs(d / normal(xs[i]!, g.sigma ** 2 + g.epsilonData ** 2) - 1)).toBeLessThan(0.12));
  });

  it('inverse(predict(x)) = x, and predict extends linearly beyond the simulated range', () => {
    const { ot } = fitOt(0, 39);
    expect(maxAbs(ot.inverse(ot.predict(xs)), xs)).toBeLessThan(1e-9);
    const far = ot.predict([-20, 20]);
    expect(far[0]).toBeLessThan(-25);
    expect(far[1]).toBeGreaterThan(25);
  });

  it('fit(sim, wSim, data, wData) with integer weights equals the fit on replicated rows', () => {
    const sim = gaussianPairs(3000, 1, normalPrior(0, 1), 41);
    const data = gaussianPairs(3000, 2, normalPrior(0, 1), 42);
    const ws = integerWeights(3000, 43);
    const wd = integerWeights(3000, 44);
    const weighted = new OptimalTransport1D().fit(sim.x, ws, data.x, wd);
    const replicated = new OptimalTransport1D().fit(replicate(ws, sim.x)[0]!, undefined, replicate(wd, data.x)[0]!);
    expect(maxAbs(weighted.predict(xs), replicated.predict(xs))).toBeLessThan(1e-12);
    expect(maxAbs(weighted.jacobian(xs), replicated.jacobian(xs))).toBeLessThan(1e-9);
  });

  it('fit(sim, w) rejects negative weights', () => {
    expect(() => new OptimalTransport1D().fit([1, 2], [1, -1], [1, 2])).toThrow(/sampleWeight/);
  });
});

function maxAbs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return Math.max(...Array.from(a, (v, i) => Math.abs(v - (b[i] as number))));
}
