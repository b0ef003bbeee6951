/** Options of `runDijetsStudy`, their defaults and checks. */
import type { GaussianAnsatzParams } from '../../ansatz/GaussianAnsatz.js';
import { ParameterError } from '../../errors.js';
import type { EpochReport } from '../../train/fit.js';
import { CMS_RESOLUTION, type CmsResolutionParams } from './calibrations.js';

export interface DijetsStudyOptions {
  /** Smaller samples, grids and trainings (seconds instead of minutes). Default false. */
  quick: boolean;
  /** Seed of the simulation, labels, bootstraps and training. Default 1. */
  seed: number;
  /** Simulated events of the study sample (QCD spectrum). Default 200 000 (quick: 24 000). */
  events: number;
  /**
   * Simulated events of the Gaussian Ansatz training sample (flat spectrum, another seed);
   * 0 skips the Gaussian Ansatz calibration. Default 60 000 (quick: 10 000).
   */
  trainEvents: number;
  detector: 'full' | 'fast';
  /** pT_hat range of the study sample, GeV. Default [450, 1200] (leading jets ≥ 600 GeV). */
  ptHatRangeGeV: [number, number];
  /** Leading-SIM-pT bin edges, GeV; the outer edges are the event selection. Default [600, 700, 800, 900, 1000]. */
  binEdgesGeV: number[];
  /** Minimum corrected SIM pT of both jets, GeV. Default 375. */
  minJetPtGeV: number;
  /** Fig. 9's GEN-pT window, GeV. Default [695, 705]. */
  genWindowGeV: [number, number];
  /** Constants of the CMS-like resolution (Eq. 22). Default N² = 30 GeV², S² = 0.81 GeV, C = 0.04. */
  cms: CmsResolutionParams;
  /** Overrides of the Gaussian Ansatz training (see ANSATZ_TRAINING). */
  ansatz: Partial<GaussianAnsatzParams>;
  /**
   * How Λ is fitted: 'mse' (the paper's least squares to the |Δ| histogram; default) or 'ml'
   * (maximum likelihood: Λ² = mean Δ², Λ_e = mean |Δ|, which weighs the tails in).
   */
  lambdaMethod: 'mse' | 'ml';
  /** Bootstrap replicates of the Λ errors. Default 100 (quick: 30). */
  bootstrap: number;
  /** Progress lines for people. */
  onProgress?: (line: string) => void;
  onEpoch?: (r: EpochReport) => void;
}

export const DIJETS_DEFAULTS: Omit<DijetsStudyOptions, 'onProgress' | 'onEpoch'> = {
  quick: false, seed: 1, events: 200_000, trainEvents: 60_000, detector: 'full', ptHatRangeGeV: [450, 1200],
  binEdgesGeV: [600, 700, 800, 900, 1000], minJetPtGeV: 375, genWindowGeV: [695, 705], cms: CMS_RESOLUTION,
  ansatz: {}, lambdaMethod: 'mse', bootstrap: 100,
};

/** What `quick` changes. */
export const DIJETS_QUICK: Partial<DijetsStudyOptions> = { events: 24_000, trainEvents: 10_000, bootstrap: 30, ansatz: { epochs: 20 } };

/** Defaults, then the quick preset when asked, then the caller's values; checked. */
export function resolveDijetsOptions(opts: Partial<DijetsStudyOptions>): DijetsStudyOptions {
  const quick = opts.quick ?? false;
  const o: DijetsStudyOptions = {
    ...DIJETS_DEFAULTS, ...(quick ? DIJETS_QUICK : {}), ...opts, quick,
    ansatz: { ...(quick ? DIJETS_QUICK.ansatz : {}), ...opts.ansatz },
  };
  const owner = 'runDijetsStudy';
  if (!Number.isInteger(o.seed)) throw new ParameterError('seed', owner, 'an integer', o.seed);
  if (!Number.isInteger(o.events) || o.events < 100) throw new ParameterError('events', owner, 'an integer ≥ 100', o.events);
  if (!Number.isInteger(o.trainEvents) || o.trainEvents < 0) throw new ParameterError('trainEvents', owner, 'an integer ≥ 0', o.trainEvents);
  const edges = o.binEdgesGeV;
  if (edges.length < 2 || edges.some((v, k) => !Number.isFinite(v) || (k > 0 && !(v > edges[k - 1]!)))) {
    throw new ParameterError('binEdgesGeV', owner, 'at least two increasing finite edges', edges);
  }
  const [wLo, wHi] = o.genWindowGeV;
  if (!(wHi > wLo)) throw new ParameterError('genWindowGeV', owner, 'a pair [lo, hi] with lo < hi', o.genWindowGeV);
  if (!(o.ptHatRangeGeV[1] > o.ptHatRangeGeV[0] && o.ptHatRangeGeV[0] > 0)) {
    throw new ParameterError('ptHatRangeGeV', owner, 'a pair [lo, hi] with 0 < lo < hi', o.ptHatRangeGeV);
  }
  if (o.lambdaMethod !== 'mse' && o.lambdaMethod !== 'ml') throw new ParameterError('lambdaMethod', owner, "'mse' or 'ml'", o.lambdaMethod);
  if (!Number.isInteger(o.bootstrap) || o.bootstrap < 2) throw new ParameterError('bootstrap', owner, 'an integer ≥ 2', o.bootstrap);
  return o;
}
