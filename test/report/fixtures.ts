/**
 * Report fixtures built without training: synthetic, seeded Gaussian estimates run through the
 * study's own pure evaluation functions (summarizeWindow, binnedCurves), so the results have the
 * exact shape and meaning of a real `ansatz study jec` run. The priors fixture follows the
 * analytic answers; the dijets one (in the tests) is the real study without its training.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '../../src/engine/rng.js';
import { binnedCurves, summarizeWindow, type JetEstimates } from '../../src/studies/jec/evaluate.js';
import { JEC_QUICK } from '../../src/studies/jec/options.js';
import type { JecResults } from '../../src/studies/jec/run.js';
import { jecResultsJson } from '../../src/studies/jec/write.js';
import type { DijetMethod } from '../../src/studies/priors/dijetCalibration.js';
import type { OtSampleResult } from '../../src/studies/priors/dijetOt.js';
import type { DijetPartResult } from '../../src/studies/priors/dijets.js';
import type { GaussianCalibrationResult } from '../../src/studies/priors/gaussianCalibration.js';
import { runGaussianOt } from '../../src/studies/priors/gaussianOt.js';
import { resolvePriorsOptions } from '../../src/studies/priors/options.js';
import type { PriorsResults } from '../../src/studies/priors/run.js';
import { histogram } from '../../src/studies/priors/stats.js';
import { priorsResultsJson } from '../../src/studies/priors/write.js';

/** Calibrations of the fixture: relative resolution, scale bias and how well σ̂ follows it. */
const MODELS = [
  { name: 'DNN', res: 0.052, bias: 0.004, sigmaScale: 1.0 },
  { name: 'EFN', res: 0.048, bias: -0.002, sigmaScale: 1.02 },
  { name: 'PFN', res: 0.047, bias: 0.001, sigmaScale: 0.98 },
  { name: 'PFN-PID', res: 0.044, bias: 0.0, sigmaScale: 1.0 },
  { name: 'CMS-like', res: 0.055, bias: -0.006, sigmaScale: 1.05 },
  { name: 'Oracle', res: 0.043, bias: 0.0, sigmaScale: 1.0 },
];

/** A JecResults as `runJecStudy` returns it. */
export function jecFixture(seed = 7, jets = 20_000): JecResults {
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
    mutualInformationPerBin: {
      centersGeV: o.binEdgesGeV.slice(0, -1).map((e, b) => 0.5 * (e + o.binEdgesGeV[b + 1]!)),
      nats: Object.fromEntries(trained.map((name, k) => [name, o.binEdgesGeV.slice(1).map(() => 0.9 + 0.03 * k + 0.02 * rng.normal())])),
    },
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

/** Priors fixture: the Gaussian lines and bins from the analytic formulas plus seeded noise, the real (training-free) Gaussian OT, and synthetic dijet histograms. */
export function priorsFixture(seed = 3): PriorsResults {
  const rng = new Rng(seed);
  const noise = (s: number): number => s * rng.normal();
  const { onProgress: _p, onEpoch: _e, ...options } = resolvePriorsOptions({ quick: true, seed });
  const priors = [
    { varied: 'base' as const, prior: { mu: 0, sigma: 1, epsilon: 2 } },
    { varied: 'mu' as const, prior: { mu: 1, sigma: 1, epsilon: 2 } },
    { varied: 'sigma' as const, prior: { mu: 0, sigma: 2, epsilon: 2 } },
  ];
  const gaussian = priors.map(({ varied, prior }) => ({ varied, result: gaussianResult(prior, noise) }));
  const gaussianOt = runGaussianOt({ ...options.ot, rows: 4000, seed });
  return { options, gaussian, gaussianOt, dijets: dijetPart(rng), seconds: 321.5 };
}

function gaussianResult(p: { mu: number; sigma: number; epsilon: number }, noise: (s: number) => number): GaussianCalibrationResult {
  const { mu, sigma, epsilon } = p;
  const k = sigma ** 2 / (sigma ** 2 + epsilon ** 2), sdX = Math.hypot(sigma, epsilon);
  const mseRes = (epsilon * sigma) / sdX, mseZRes = (sigma ** 2 * epsilon) / sdX ** 2;
  const xBins = Array.from({ length: 8 }, (_, b) => mu - 2 * sdX + (b + 0.5) * (sdX / 2)).map((x) => ({
    x, rows: 3000, mseMean: k * x + (1 - k) * mu + noise(0.01), mseAnalytic: k * x + (1 - k) * mu, msePointResolution: mseRes + noise(0.01), msePointResolutionAnalytic: mseRes,
    gaMean: x + noise(0.03), gaAnalytic: x, gaSigma: epsilon + noise(0.02), gaSigmaAnalytic: epsilon,
  }));
  const zBins = Array.from({ length: 8 }, (_, b) => mu - 2 * sigma + (b + 0.5) * (sigma / 2)).map((z) => ({
    z, rows: 3000, mseBias: (1 - k) * (mu - z) + noise(0.02), mseBiasError: 0.02, mseBiasAnalytic: (1 - k) * (mu - z), mseResolution: mseZRes + noise(0.01), mseResolutionAnalytic: mseZRes,
    gaBias: noise(0.04), gaBiasError: 0.04, gaResolution: epsilon + noise(0.02), gaResolutionAnalytic: epsilon,
  }));
  return {
    prior: p, xBins, zBins, seconds: 20 + noise(2),
    lines: { mseSlope: k + noise(0.005), mseSlopeAnalytic: k, mseIntercept: (1 - k) * mu + noise(0.005), mseInterceptAnalytic: (1 - k) * mu, mseBiasSlope: k - 1 + noise(0.005), mseBiasSlopeAnalytic: k - 1, gaSlope: 1 + noise(0.01), gaIntercept: noise(0.01), gaBiasSlope: noise(0.01), gaMeanSigma: epsilon + noise(0.01) },
    mutualInformationNats: 0.5 * Math.log(1 + sigma ** 2 / epsilon ** 2) + noise(0.005), mutualInformationAnalyticNats: 0.5 * Math.log(1 + sigma ** 2 / epsilon ** 2),
  };
}

function dijetPart(rng: Rng): DijetPartResult {
  const draw = (n: number, f: () => number): Float64Array => Float64Array.from({ length: n }, f);
  const falling = (scale: number, res: number) => draw(20_000, () => (1500 - 300 * Math.log(1 - rng.uniform())) * scale * (1 + res * rng.normal()));
  const peak = (scale: number, res: number) => draw(5000, () => 2800 * scale * (1 + res * rng.normal()));
  const methods: DijetMethod[] = ['uncalibrated', 'mse', 'ansatz', 'inversion'];
  const shift: Record<DijetMethod, [number, number]> = { uncalibrated: [0.93, 0.93], mse: [1.0, 1.012], ansatz: [1.0, 1.0], inversion: [1.0, 1.001] };
  const ratios = (['qcd', 'bsm'] as const).flatMap((sample) => methods.map((method) => {
    const m = shift[method][sample === 'qcd' ? 0 : 1], v = draw(8000, () => m + 0.07 * rng.normal());
    return { sample, method, meanRatio: m, meanRatioError: 0.0008, stdRatio: 0.07, histogram: histogram(v, 0.6, 1.4, 40) };
  }));
  const massBins = [1750, 2125, 2375, 2625, 2875, 3250].map((genMjjGeV) => {
    const pull = 0.02 * (2500 - genMjjGeV) / 1000;
    const meanRatio = { uncalibrated: 0.93 + pull, mse: 1 + pull, ansatz: 1 + 0.002 * rng.normal(), inversion: 1 + 0.002 * rng.normal() };
    return { genMjjGeV, events: 2000, meanRatio, meanRatioError: { uncalibrated: 0.002, mse: 0.002, ansatz: 0.002, inversion: 0.002 } };
  });
  const otSample = (sample: 'qcd' | 'bsm'): OtSampleResult => {
    const make = sample === 'qcd' ? falling : peak, range: [number, number] = sample === 'qcd' ? [1500, 4500] : [2300, 3300];
    const fast = make(0.97, 0.08), calibrated = make(1, 0.06), full = make(1, 0.05);
    const h = (v: Float64Array) => histogram(v, range[0], range[1], sample === 'qcd' ? 50 : 30);
    return {
      sample, fastMeanGeV: 2600, calibratedMeanGeV: 2680, fullMeanGeV: 2681, fastStdGeV: 300, calibratedStdGeV: 290, fullStdGeV: 288,
      relativeMeanMiss: sample === 'qcd' ? 0.0003 : 0.004, relativeMeanMissError: 0.001, relativeWidthMiss: sample === 'qcd' ? 0.002 : 0.15, relativeWidthMissError: 0.01,
      chi2PerBin: sample === 'qcd' ? 1.1 : 4.2, bins: sample === 'qcd' ? 50 : 30, histograms: { fast: h(fast), calibrated: h(calibrated), full: h(full) },
    };
  };
  return {
    samples: { events: { fullTrain: 15000, fullTest: 15000, fastTrain: 15000, fastTest: 15000 }, bsmEffectiveEvents: { full: 840, fast: 830 }, spectrumLogSlopePerGeV: -2.9e-3, spectrumLocalPower: 8.1, relativeResolution: 0.05, simulationSeconds: 12.5 },
    calibration: { ratios, massBins, bsmMseMinusAnsatz: { mean: 0.011, error: 0.0005 }, seconds: { mse: 35, ansatz: 80 } },
    expectedMseMinusAnsatz: 0.0102,
    ot: {
      qcd: otSample('qcd'), bsm: otSample('bsm'),
      fixedTruth: { windowGeV: [2700, 2900], events: { fast: 900, full: 910 }, meanMiss: 0.003, meanMissError: 0.002, widthMiss: 0.14, widthMissError: 0.03, fastWidthMiss: 0.6 },
      mapAtBsm: [0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975].map((quantile, k) => ({ quantile, xFastGeV: 2500 + 60 * k, hQcdGeV: 2580 + 62 * k, hBsmGeV: 2600 + 55 * k })),
    },
  };
}

/** Writes a study directory holding only results.json (as `ansatz study priors` writes it). */
export function writePriorsFixtureDir(dir: string, seed = 3): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'results.json'), priorsResultsJson(priorsFixture(seed)));
  return dir;
}
