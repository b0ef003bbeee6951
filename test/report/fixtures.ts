/**
 * Report fixtures built without training: synthetic, seeded Gaussian estimates run through the
 * study's own pure evaluation functions (summarizeWindow, binnedCurves), so the results have the
 * exact shape and meaning of a real `ansatz study jec` run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../../src/engine/rng.js';
import { binnedCurves, summarizeWindow, type JetEstimates } from '../../src/studies/jec/evaluate.js';
import { JEC_QUICK } from '../../src/studies/jec/options.js';
import type { JecResults } from '../../src/studies/jec/run.js';
import { jecResultsJson } from '../../src/studies/jec/write.js';

/** Calibrations of the fixture: relative resolution, scale bias and how well σ̂ follows it. */
const MODELS = [
  { name: 'DNN', res: 0.052, bias: 0.004, sigmaScale: 1.0 },
  { name: 'EFN', res: 0.048, bias: -0.002, sigmaScale: 1.02 },
  { name: 'PFN', res: 0.047, bias: 0.001, sigmaScale: 0.98 },
  { name: 'PFN-PID', res: 0.044, bias: 0.0, sigmaScale: 1.0 },
  { name: 'CMS-like', res: 0.055, bias: -0.006, sigmaScale: 1.05 },
  { name: 'Oracle', res: 0.043, bias: 0.0, sigmaScale: 1.0 },
];

/** A JecResults as `runJecStudy` returns it, plus `pullsInWindow` (newer results carry it). */
export function jecFixture(seed = 7, jets = 20_000): JecResults & { pullsInWindow: Record<string, number[]> } {
  const rng = new Rng(seed);
  const o = { ...JEC_QUICK, seed };
  const gen = Float64Array.from({ length: jets }, () => 500 + 500 * rng.uniform());
  const estimates: JetEstimates[] = MODELS.map((m) => {
    const sigmaGeV = Float64Array.from(gen, (pt) => m.res * pt * (1 + 0.06 * rng.normal()) * m.sigmaScale);
    const zHatGeV = Float64Array.from(gen, (pt) => pt * (1 + m.bias) + m.res * pt * rng.normal());
    return { name: m.name, zHatGeV, sigmaGeV };
  });
  const [lo, hi] = o.windowGeV;
  const idx = [...gen.keys()].filter((i) => gen[i]! >= lo && gen[i]! <= hi);
  const mi = (name: string): number | null => (name === 'CMS-like' || name === 'Oracle' ? null : 1.2 + 0.03 * MODELS.findIndex((m) => m.name === name));
  const trained = MODELS.slice(0, 4).map((m) => m.name);
  const training = Object.fromEntries(trained.map((name, k) => [name, Array.from({ length: o.epochs }, (_, e) => {
    const mutualInformationNats = (1.2 + 0.03 * k) * (1 - Math.exp(-(e + 1) / 3));
    return { epoch: e + 1, trainLoss: -mutualInformationNats - 0.01 * rng.uniform(), valLoss: -mutualInformationNats + 0.01 * rng.uniform(), mutualInformationNats };
  })]));
  return {
    options: o,
    trainJets: 2 * o.trainEvents,
    testJets: jets,
    table: estimates.map((e) => summarizeWindow(e, gen, o.windowGeV, mi(e.name))),
    curves: estimates.map((e) => binnedCurves(e, gen, o.binEdgesGeV)),
    sigmaInWindow: Object.fromEntries(estimates.map((e) => [e.name, idx.map((i) => e.sigmaGeV[i]!)])),
    pullsInWindow: Object.fromEntries(estimates.map((e) => [e.name, idx.map((i) => (e.zHatGeV[i]! - gen[i]!) / e.sigmaGeV[i]!)])),
    training,
    timingsSeconds: { 'simulate train': 3.1, 'simulate test': 1.4, ...Object.fromEntries(trained.flatMap((n, k) => [[`train ${n}`, 40 + 25 * k], [`predict ${n}`, 0.8 + 0.2 * k]])) },
  };
}

/** Writes a study directory holding only results.json (as `ansatz study jec` writes it). */
export function writeJecFixtureDir(dir: string, seed = 7): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'results.json'), jecResultsJson(jecFixture(seed)));
  return dir;
}
