import { beforeAll, describe, expect, it } from 'vitest';
import { JEC_QUICK, runJecStudy, type JecResults } from '../../src/studies/jec/index.js';
import type { WindowSummary } from '../../src/studies/jec/evaluate.js';

// The quick JEC study of the letter (Table I) once, shared by the tests: JEC_QUICK (seeded; about
// 3 minutes on 2 cores) trains DNN, EFN, PFN and PFN-PID and evaluates them beside the CMS-like
// baseline and the oracle on ≈ 700 test jets with GEN pT ∈ [690, 710] GeV.
let r: JecResults;
beforeAll(async () => {
  r = await runJecStudy(JEC_QUICK);
}, 900_000);

const row = (name: string): WindowSummary => {
  const t = r.table.find((x) => x.name === name);
  if (!t) throw new Error(`no row ${name} in the JEC table`);
  return t;
};
const MODELS = ['DNN', 'EFN', 'PFN', 'PFN-PID'];

describe('runJecStudy(JEC_QUICK) on the built-in simulator', () => {
  it('has every calibration in the table, with enough jets in the GEN window', () => {
    expect(r.table.map((t) => t.name)).toEqual([...MODELS, 'CMS-like', 'Oracle']);
    // ≈ 700 jets (a flat spectrum over 450–1050 GeV): the statistical tolerances below are sized for at least 600.
    for (const t of r.table) expect(t.jets).toBeGreaterThan(600);
  });

  it('mean ẑ in the GEN window is within 1 % of 700 GeV for every calibration (closure)', () => {
    // The spread of ẑ is ≈ 35 GeV, so the mean of ≈ 700 jets is known to ≈ 1.3 GeV; 1 % is 7 GeV.
    for (const t of r.table) expect(Math.abs(t.meanZHatGeV - 700), t.name).toBeLessThan(7);
  });

  it('every learned model converged: finite σ̂ between the oracle\'s and the CMS-like one\'s, matching its achieved resolution', () => {
    // Non-converged particle-cloud trainings gave σ̂ ≈ 80–120 GeV here; the achieved resolution
    // std(ẑ − z) is ≈ 28–32 GeV and no estimate can beat the oracle (≈ 25 GeV).
    const oracle = row('Oracle');
    for (const name of MODELS) {
      const t = row(name);
      expect(t.meanSigmaGeV, name).toBeGreaterThan(0.95 * oracle.meanSigmaGeV);
      expect(t.meanSigmaGeV, name).toBeLessThan(row('CMS-like').meanSigmaGeV);
      expect(t.residualStdGeV, name).toBeGreaterThan(0.95 * oracle.residualStdGeV);
      // σ̂ is a per-jet resolution: the simulator's σ/pT runs from 5.0 % (|η| < 0.5) to 3.5 %
      // (2 < |η| < 2.4) at this pT, so σ̂ must vary by GeVs from jet to jet (DNN: spread 2.0 GeV).
      // A C network whose latent died gives one σ̂ for every jet (seen: EFN with a ReLU latent, 0.0).
      expect(t.spreadSigmaGeV, name).toBeGreaterThan(0.5);
      // σ̂ describes the residuals: pull width within 20 % of 1 for every model.
      expect(Math.abs(t.pullWidth - 1), name).toBeLessThan(0.2);
    }
  });

  it('mean σ̂ improves with particle information: DNN ≳ EFN ≳ PFN > PFN-PID, DNN > PFN-PID, all above the oracle', () => {
    // Measured (seed 1 / seed 2 of the same settings): DNN 33.3 / 32.9, EFN 33.8 / 33.2, PFN 32.8 /
    // 32.5, PFN-PID 28.5 / 29.5, oracle 25.9 / 26.9 GeV. Particle IDs are worth ≈ 4 GeV, asserted
    // strictly. The simulator's response depends on the species and energy of each particle, which
    // an IRC-safe EFN (energy-linear, angles only) cannot see: the response of these jets changes by
    // 0.8 % from the narrowest to the widest fifth in energy-weighted width, and quark and gluon
    // jets differ by 0.3 %. Its achieved resolution ties the DNN's (32.6 vs 32.6 GeV for seed 1,
    // 34.0 vs 34.4 for seed 2), so DNN > EFN and EFN > PFN are not robust; they are asserted with a
    // 3 % tolerance (≈ 1 GeV).
    const s = (name: string): number => row(name).meanSigmaGeV;
    expect(s('DNN')).toBeGreaterThan(s('PFN-PID') + 1.5);
    expect(s('PFN')).toBeGreaterThan(s('PFN-PID') + 1);
    expect(s('EFN')).toBeLessThan(1.03 * s('DNN'));
    expect(s('PFN')).toBeLessThan(1.03 * s('EFN'));
    expect(s('PFN-PID')).toBeGreaterThan(s('Oracle'));
    // The achieved resolution agrees: PFN-PID's residuals are narrower than the DNN's.
    expect(row('PFN-PID').residualStdGeV).toBeLessThan(row('DNN').residualStdGeV - 1);
  });

  it('the DNN is calibrated: pull width within 10 % of 1, ±1σ̂ coverage near 68.3 %', () => {
    const t = row('DNN');
    expect(Math.abs(t.pullWidth - 1)).toBeLessThan(0.1);
    // Binomial error of the coverage on n jets: sqrt(p(1−p)/n) ≈ 1.8 % for n ≈ 700; allow 3 of
    // those plus 1 % for the tails of a not exactly Gaussian response (≈ ±5 %).
    const p = 0.6827, tol = 3 * Math.sqrt((p * (1 - p)) / t.jets) + 0.01;
    expect(Math.abs(t.coverage1Sigma - p)).toBeLessThan(tol);
  });

  it('pullsInWindow holds the window jets\' pulls, consistent with the table', () => {
    for (const t of r.table) {
      const pulls = r.pullsInWindow[t.name]!;
      expect(pulls).toHaveLength(t.jets);
      expect(r.sigmaInWindow[t.name]).toHaveLength(t.jets);
      const mean = pulls.reduce((a, b) => a + b, 0) / pulls.length;
      expect(mean).toBeCloseTo(t.pullMean, 9);
      expect(pulls.filter((x) => Math.abs(x) <= 1).length / pulls.length).toBeCloseTo(t.coverage1Sigma, 12);
    }
  });
});
