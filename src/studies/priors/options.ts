/** Settings of the prior study (`ansatz study priors`) and their full and --quick defaults. */
import type { GaussianAnsatzParams } from '../../ansatz/GaussianAnsatz.js';
import type { GaussianExample, MseRegressionOptions } from '../../baselines/index.js';
import type { EpochReport } from '../../train/fit.js';
import type { ResonanceOptions } from './bsmWeights.js';
import type { GaussianOtOptions } from './gaussianOt.js';

/** The Gaussian simulation-based part (Figs. 1–2). */
export interface GaussianPartOptions {
  /** The paper's prior and detector: μ = 0, σ = 1, ε = 2. */
  base: GaussianExample;
  /** Scanned prior means (at the base σ) and widths (at the base μ). */
  mus: number[];
  sigmas: number[];
  /** Rows of each training half (the test half has as many). */
  rows: number;
  bins: number;
  training: Partial<GaussianAnsatzParams>;
}

/** The dijet part (Figs. 6–7). */
export interface DijetPartOptions {
  /** Simulated QCD events per detector (full and fast), before the halves are taken. */
  events: number;
  /** pT_hat range and power n of dσ/dpT_hat ∝ pT_hat^−n of the QCD sample. */
  ptRangeGeV: [number, number];
  qcdPower: number;
  resonance: ResonanceOptions;
  /** Edges of the true-m_jj bins of the QCD bias table (GeV). */
  massEdgesGeV: number[];
  mse: Partial<MseRegressionOptions>;
  ansatz: Partial<GaussianAnsatzParams>;
}

/** Options of runPriorsStudy; every field has a default (see PRIORS_DEFAULTS, PRIORS_QUICK). */
export interface PriorsOptions {
  quick: boolean;
  seed: number;
  gaussian: GaussianPartOptions;
  ot: Omit<GaussianOtOptions, 'seed'>;
  dijets: DijetPartOptions;
  onProgress?: (line: string) => void;
  onEpoch?: (r: EpochReport) => void;
}

/**
 * The Gaussian Ansatz trains with the estimator's defaults (the Gaussian part fixes C(x); see
 * gaussianCalibration.ts).
 */
const GA_TRAINING: Partial<GaussianAnsatzParams> = {};

/**
 * Full-size defaults. The QCD sample keeps pT_hat ∈ [1, 4] TeV like the paper's pT_hat > 1 TeV, with
 * a pT_hat^−8 spectrum (the 7 TeV jet spectrum falls about that fast between 1 and 1.5 TeV);
 * 2.8 TeV then lies on the falling side of the m_jj spectrum, with enough events around it for
 * the 10 GeV-wide BSM reweighting.
 */
export const PRIORS_DEFAULTS: Omit<PriorsOptions, 'onProgress' | 'onEpoch'> = {
  quick: false,
  seed: 1,
  gaussian: { base: { mu: 0, sigma: 1, epsilon: 2 }, mus: [-1, 0, 1], sigmas: [1, 2, 4], rows: 200_000, bins: 10, training: GA_TRAINING },
  ot: { sigma: 1, epsilonSim: 1, epsilonData: 1.5, muTrain: 0, muTest: 2, rows: 200_000 },
  dijets: {
    events: 200_000, ptRangeGeV: [1000, 4000], qcdPower: 8, resonance: { massGeV: 2800, widthGeV: 10 },
    massEdgesGeV: [1500, 2000, 2250, 2500, 2750, 3000, 3500, 4000, 5000],
    mse: { hidden: [50, 50, 50], batchSize: 1000, epochs: 50, learningRate: 1e-3 },
    ansatz: GA_TRAINING,
  },
};

/** --quick: sizes for a test run (a few minutes on 2 cores). */
export const PRIORS_QUICK: Omit<PriorsOptions, 'onProgress' | 'onEpoch'> = {
  ...PRIORS_DEFAULTS,
  quick: true,
  gaussian: {
    ...PRIORS_DEFAULTS.gaussian,
    mus: [0, 1],
    sigmas: [1, 2],
    rows: 50_000,
    bins: 8,
    training: { ...GA_TRAINING, epochs: 20 },
  }, // at most 20 epochs: the quick run's time budget
  ot: { ...PRIORS_DEFAULTS.ot, rows: 50_000 },
  dijets: { ...PRIORS_DEFAULTS.dijets, events: 30_000, mse: { ...PRIORS_DEFAULTS.dijets.mse, epochs: 30 } },
};

/** What callers of runPriorsStudy may give: any subset, nested parts included. */
export type PriorsStudyInput = Partial<Omit<PriorsOptions, 'gaussian' | 'ot' | 'dijets'>> & {
  gaussian?: Partial<GaussianPartOptions>;
  ot?: Partial<PriorsOptions['ot']>;
  dijets?: Partial<DijetPartOptions>;
};

/** Deep-enough merge of user options over the defaults of the chosen size. */
export function resolvePriorsOptions(o: PriorsStudyInput = {}): PriorsOptions {
  const base = o.quick ? PRIORS_QUICK : PRIORS_DEFAULTS;
  return {
    ...base,
    ...o,
    quick: o.quick ?? false,
    seed: o.seed ?? base.seed,
    gaussian: { ...base.gaussian, ...o.gaussian, training: { ...base.gaussian.training, ...o.gaussian?.training } },
    ot: { ...base.ot, ...o.ot },
    dijets: { ...base.dijets, ...o.dijets, mse: { ...base.dijets.mse, ...o.dijets?.mse }, ansatz: { ...base.dijets.ansatz, ...o.dijets?.ansatz } },
  };
}
