import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DijetsResults, PAPER, runDijetsStudy, writeDijetsResults } from '../../src/studies/dijets/index.js';
import { studyDijetsCommand } from '../../src/cli/studyDijets.js';

// One quick study shared by the tests (≈ 25 s on 2 cores): 40 000 simulated events (≈ 9 500
// selected dijets), a 20-epoch Gaussian Ansatz, and Fig. 9's window widened to GEN pT ∈ [650, 750]
// GeV (≈ 5 000 jets instead of ≈ 700) so that a 3–5 % change of the residual spread is resolved.
let results: DijetsResults;
beforeAll(async () => {
  results = await runDijetsStudy({ quick: true, seed: 1, events: 40_000, genWindowGeV: [650, 750] });
});

const form = (calibration: string, f: 'gaussian' | 'exponential') =>
  results.calibrations.find((c) => c.calibration === calibration)!.forms.find((x) => x.form === f)!;

describe('runDijetsStudy({ quick: true }) on simulated dijets', () => {
  it('runDijetsStudy(opts).lambdaTables fits Λ_e and Λ in the paper\'s ballpark per leading-pT bin', () => {
    // Paper (Table I): Λ_e / central pT ∈ [0.130, 0.183], Λ / central pT ∈ [0.146, 0.205]. The simulator
    // is tuned towards, not onto, these: we accept [0.08, 0.25] for both forms (a factor ≈ 1.6 below the
    // paper's lowest and ≈ 1.3 above its highest), and bootstrap errors below 15 % of Λ (≥ 800 events a bin).
    for (const table of results.lambdaTables) {
      expect(table.bins).toHaveLength(4);
      for (const row of [...table.bins, table.inclusive]) {
        expect(row.lambdaOverCentralPt).toBeGreaterThan(0.08);
        expect(row.lambdaOverCentralPt).toBeLessThan(0.25);
        expect(row.lambdaError).toBeGreaterThan(0);
        expect(row.lambdaError).toBeLessThan(0.15 * row.lambda);
      }
    }
  });

  it('runDijetsStudy(opts) exponential correction sharpens the residuals ẑ − z near GEN pT 700 GeV', () => {
    // Paired bootstrap error of 1 − std(ẑ'−z)/std(ẑ−z) is ≈ 0.6 % on these ≈ 5 000 jets; we measured
    // ≈ 4–5 % for both per-jet calibrations, so "more than 3 errors above zero" fails only if the
    // correction stops helping. The improvement cannot exceed what Λ allows: below 15 %.
    for (const calibration of ['cms-like', 'gaussian-ansatz']) {
      const w = form(calibration, 'exponential').window;
      expect(w.jets).toBeGreaterThan(3000);
      expect(w.empirical.improvement).toBeGreaterThan(3 * w.empirical.improvementError);
      expect(w.empirical.improvement).toBeLessThan(0.15);
      expect(w.meanSigmaCorrectedGeV).toBeLessThan(w.meanSigmaGeV);
    }
  });

  it('runDijetsStudy(opts) predicts a mean σ\'/σ near the paper\'s 0.95 in every bin, both forms', () => {
    // Paper: 1 − σ'/σ ≈ 3–5 %. We accept 1–10 % per bin and jet label (σ of the CMS-like formula is
    // larger than this detector's actual spread, which pushes the predicted gain up).
    for (const c of results.calibrations) {
      for (const f of c.forms) {
        for (const b of f.bins) {
          for (const j of [b.leading, b.subleading]) {
            expect(j.relativeImprovement).toBeGreaterThan(0.01);
            expect(j.relativeImprovement).toBeLessThan(0.1);
          }
        }
      }
    }
  });

  it('runDijetsStudy(opts) with random labels shifts both labels alike; GEN-ordered labels are biased', () => {
    for (const c of results.calibrations) {
      for (const f of c.forms) {
        const [random, ordered] = f.labelBias;
        expect(random!.labelling).toBe('random');
        const [s1, s2] = random!.shift;
        // Random labels make the labels exchangeable: equal mean shifts up to 4 combined standard errors.
        expect(Math.abs(s1.mean - s2.mean)).toBeLessThan(4 * Math.hypot(s1.meanError, s2.meanError));
        // The common shift (σ grows with ẑ, footnote 7 of the paper) stays below 10 % of the resolution.
        expect(Math.abs(s1.mean)).toBeLessThan(0.1 * f.bins[f.bins.length - 1]!.all.meanSigmaGeV);
        // Labelled by GEN pT, the harder jet is pulled down and the softer one up, by many errors.
        const [o1, o2] = ordered!.shift;
        expect(o1.mean - o2.mean).toBeLessThan(-20 * Math.hypot(o1.meanError, o2.meanError));
      }
    }
  });

  it('runDijetsStudy(opts).toy reproduces the limits of Figs. 2–3 and Fig. 10', () => {
    for (const curve of [...results.toy.fig2, ...results.toy.fig3]) {
      const { x1, x2, sigma1, sigma2 } = curve.inputs;
      const last = curve.lambda.length - 1;
      // Λ = 100 ≫ σ: estimates barely move: by σ_i²/Λ_e (exponential) or σ_i²|x1 − x2|/S² ≤ σ_i²·7/Λ² (Gaussian).
      const lam = curve.lambda[last]!;
      expect(Math.abs(curve.zhat1[last]! - x1)).toBeLessThanOrEqual(sigma1 ** 2 / lam + 1e-12);
      expect(Math.abs(curve.zhat2[last]! - x2)).toBeLessThanOrEqual(sigma2 ** 2 / lam + 1e-12);
      // Λ = 0.01 ≪ σ: both snap to the resolution-weighted average within Λ.
      const avg = (x1 / sigma1 ** 2 + x2 / sigma2 ** 2) / (1 / sigma1 ** 2 + 1 / sigma2 ** 2);
      expect(Math.abs(curve.zhat1[0]! - avg)).toBeLessThan(0.02);
      expect(Math.abs(curve.zhat2[0]! - avg)).toBeLessThan(0.02);
    }
    const { resolutionRatio, converged, x1OverRootMu, muOverLambdaMu } = results.toy.fig10;
    expect(converged.every((c) => c === 1)).toBe(true);
    expect(Math.max(...resolutionRatio)).toBeLessThanOrEqual(1 + 1e-9);
    // At x1 = x2 = √μ with σ = 0.1√μ: a loose product constraint (Λ_μ = μ) changes little, a tight one
    // (Λ_μ = μ/1000) gives the inverse-quadrature limit 1/√2 (up to Λ_μ/(σ·2√μ)-sized corrections).
    const j = x1OverRootMu.findIndex((x) => Math.abs(x - 1) < 1e-9);
    const nx = x1OverRootMu.length, last = muOverLambdaMu.length - 1;
    expect(j).toBeGreaterThanOrEqual(0);
    expect(resolutionRatio[j]!).toBeGreaterThan(0.98);
    expect(resolutionRatio[last * nx + j]!).toBeCloseTo(Math.SQRT1_2, 2);
  });

  it('writeDijetsResults(dir, results) writes results.json and the CSV tables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dijets-'));
    try {
      const files = writeDijetsResults(join(dir, 'out'), results);
      expect(files).toContain('lambda_table.csv');
      const json = JSON.parse(readFileSync(join(dir, 'out', 'results.json'), 'utf8')) as { paper: typeof PAPER; toy: { fig2: Array<{ lambda: number[] }> } };
      expect(json.paper.windowStdGeV.before).toBe(40.1);
      expect(json.toy.fig2[0]!.lambda.length).toBe(results.toy.fig2[0]!.lambda.length);
      const lambdaCsv = readFileSync(join(dir, 'out', 'lambda_table.csv'), 'utf8').trim().split('\n');
      expect(lambdaCsv).toHaveLength(1 + 2 * 5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('studyDijetsCommand(opts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dijets-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('studyDijetsCommand({ quick, events: 2000, trainEvents: 0 }) writes the study directory', async () => {
    await studyDijetsCommand({ out: join(dir, 'study'), quick: true, seed: '3', events: '2000', trainEvents: '0', json: false, quiet: true });
    const summary = readFileSync(join(dir, 'study', 'summary.txt'), 'utf8');
    expect(summary).toMatch(/Table I/);
    expect(summary).toMatch(/cms-like, gaussian correction/);
    expect(summary).not.toMatch(/gaussian-ansatz/);
  });
  it('studyDijetsCommand({ events: "ten" }) names the bad flag', async () => {
    await expect(studyDijetsCommand({ out: join(dir, 'x'), events: 'ten', json: false, quiet: true })).rejects.toThrow(/--events/);
  });
});
