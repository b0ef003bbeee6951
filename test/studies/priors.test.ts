import { beforeAll, describe, expect, it } from 'vitest';
import { runPriorsStudy, type PriorsResults } from '../../src/studies/priors/index.js';

// One quick study (50k Gaussian rows per half, 30k simulated dijet events); every tolerance below
// is a multiple of the statistical error at that size, given beside it.
let r: PriorsResults;
beforeAll(async () => {
  r = await runPriorsStudy({ quick: true, seed: 1 });
}, 600_000);

describe('prior study, Gaussian examples: the numbers follow the analytic formulas (arXiv:2205.05084 §IV)', () => {
  it('MSE regression: slope σ²/(σ²+ε²), intercept ε²μ/(σ²+ε²) and bias slope −ε²/(σ²+ε²) for every scanned prior', () => {
    for (const { result } of r.gaussian) {
      const l = result.lines;
      // 50k rows: slope error sd(z|x)/(sd(x)·√n) ≤ 0.9/(2.2·224) ≈ 0.002; intercept error ≈ 0.9/224 ≈ 0.004.
      expect(Math.abs(l.mseSlope - l.mseSlopeAnalytic)).toBeLessThan(0.012);
      expect(Math.abs(l.mseIntercept - l.mseInterceptAnalytic)).toBeLessThan(0.025);
      expect(Math.abs(l.mseBiasSlope - l.mseBiasSlopeAnalytic)).toBeLessThan(0.012);
    }
  });

  it('MSE resolutions: εσ/√(σ²+ε²) in bins of x and ε²/(σ²+ε²)-shrunk spreads in bins of z_T', () => {
    for (const { result } of r.gaussian) {
      for (const b of result.xBins) {
        // The std of n values has relative error 1/√(2n); bins hold ≥ ~2000 rows → ≤ 1.6 %; 5σ.
        expect(Math.abs(b.msePointResolution / b.msePointResolutionAnalytic - 1), `x bin ${b.x}`).toBeLessThan(5 / Math.sqrt(2 * b.rows));
      }
      for (const b of result.zBins) {
        expect(Math.abs(b.mseResolution / b.mseResolutionAnalytic - 1), `z bin ${b.z}`).toBeLessThan(5 / Math.sqrt(2 * b.rows));
        expect(Math.abs(b.mseBias - b.mseBiasAnalytic), `z bin ${b.z}`).toBeLessThan(5 * b.mseBiasError);
      }
    }
  });

  it('Gaussian Ansatz: ẑ(x) has slope 1 and no bias slope for every scanned prior (the maximum-likelihood estimate), where MSE has σ²/(σ²+ε²)', () => {
    for (const { result } of r.gaussian) {
      const l = result.lines;
      // The fit's statistical error is ≈ 0.002 at 50k rows; what is left is the training's accuracy
      // (seen: 0.98–1.03). 0.1 still tells it from the MSE slopes of 0.2–0.5 scanned here.
      expect(Math.abs(l.gaSlope - 1), JSON.stringify(result.prior)).toBeLessThan(0.1);
      expect(Math.abs(l.gaBiasSlope), JSON.stringify(result.prior)).toBeLessThan(0.1);
    }
  });

  it('optimal transport: the map h(x) = αx + μ(1−α) in slope and offset, and its miss (α−1)(μ_test−μ_train) on the shifted prior', () => {
    const ot = r.gaussianOt;
    for (const m of [ot.trainMap, ot.testMap]) {
      expect(Math.abs(m.slope - m.slopeAnalytic)).toBeLessThan(0.02);
      expect(Math.abs(m.offset - m.offsetAnalytic)).toBeLessThan(0.05);
    }
    expect(Math.abs(ot.closureTrain)).toBeLessThan(0.02);
    expect(Math.abs(ot.missTest - ot.missTestAnalytic)).toBeLessThan(4 * ot.missTestError);
    expect(ot.missTest / ot.missTestError).toBeGreaterThan(10);
  });
});

describe('prior study, dijet m_jj (Figs. 6–7)', () => {
  const ratio = (sample: 'qcd' | 'bsm', method: string) => r.dijets.calibration.ratios.find((s) => s.sample === sample && s.method === method)!;

  it('the Gaussian Ansatz trained on QCD calibrates the BSM resonance: mean reco/true m_jj within 1 % of 1', () => {
    expect(Math.abs(ratio('bsm', 'ansatz').meanRatio - 1)).toBeLessThan(0.01);
    expect(Math.abs(ratio('qcd', 'ansatz').meanRatio - 1)).toBeLessThan(0.01);
  });

  it('the MSE calibration trained on QCD sits where the falling prior predicts relative to the Gaussian Ansatz on BSM events', () => {
    const d = r.dijets.calibration.bsmMseMinusAnsatz;
    // The expected pull r²·m·d ln p/dm (−0.3 … −0.7 % for these samples) is no bigger than what the
    // quick sample pins the Gaussian Ansatz down to at 2.8 TeV: d.error is the paired per-event
    // error and leaves out the trainings' own scatter. Over seeds 1–3, before and after the
    // simulator's per-luminosity-block streams, d came out −1.16, −0.73, −0.72, −0.55, −0.42 and
    // +0.30 % against expectations of −0.30 … −0.66 % (scatter ≈ 0.45 %). So at this size only the
    // distance to the expectation is checked, within the 1 % closure tolerance above; its sign
    // needs the full study.
    expect(Math.abs(d.mean - r.dijets.expectedMseMinusAnsatz)).toBeLessThan(0.01);
  });

  it('OT from the fast to the full detector closes on QCD (mean within 3σ) and the raw fast detector does not', () => {
    const qcd = r.dijets.ot.qcd;
    expect(Math.abs(qcd.relativeMeanMiss)).toBeLessThan(3 * qcd.relativeMeanMissError);
    expect(Math.abs(qcd.fastMeanGeV / qcd.fullMeanGeV - 1)).toBeGreaterThan(10 * qcd.relativeMeanMissError);
  });
});
