import { beforeAll, describe, expect, it } from 'vitest';
import { JEC_QUICK, runJecStudy, type JecResults } from '../../src/studies/jec/index.js';
import type { WindowSummary } from '../../src/studies/jec/evaluate.js';

// The quick JEC study of the letter (Table I) once, shared by the tests: JEC_QUICK (seeded; about
// 3 minutes on 2 cores) trains DNN, EFN, PFN and PFN-PID and evaluates them beside the CMS-like
// baseline and the oracle on ≈ 1 100 test jets with GEN pT ∈ [690, 710] GeV.
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
    // ≈ 1 100 jets: the statistical tolerances below are sized for at least 800.
    for (const t of r.table) expect(t.jets).toBeGreaterThan(800);
  });

  it('mean ẑ in the GEN window is within 1 % of 700 GeV for every calibration (closure)', () => {
    // The spread of ẑ is ≈ 35 GeV, so the mean of ≈ 1 100 jets is known to ≈ 1 GeV; 1 % is 7 GeV.
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
      // σ̂ describes the residuals: pull width within 20 % of 1 for every model.
      expect(Math.abs(t.pullWidth - 1), name).toBeLessThan(0.2);
    }
  });

  it('mean σ̂ improves with particle information: DNN ≳ EFN ≳ PFN > PFN-PID, DNN > PFN-PID, all above the oracle', () => {
    // Measured (seed 1 / seed 2 of the same settings): DNN 30.7 / 30.7, EFN 30.2 / 30.9, PFN 30.0 /
    // 30.1, PFN-PID 26.9 / 27.4, oracle 25.4 / 25.6 GeV. Particle IDs are worth ≈ 3 GeV, asserted
    // strictly. The simulator's response depends on the species and energy of each particle, which
    // an IRC-safe EFN (energy-linear, angles only) cannot see: its achieved resolution is within
    // ≈ 1 GeV of the DNN's (31.1 vs 30.1 GeV for seed 1, 31.3 vs 31.5 for seed 2), so DNN > EFN
    // and EFN > PFN are not robust; they are asserted with a 3 % tolerance (≈ 0.9 GeV).
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
    // Binomial error of the coverage on n jets: sqrt(p(1−p)/n) ≈ 1.4 % for n ≈ 1 100; allow 3 of
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
