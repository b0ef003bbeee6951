/**
 * `ansatz study priors`: the prior dependence of calibrations (Gambhir, Nachman, Thaler,
 * "Bias and Priors in Machine Learning Calibrations for High Energy Physics", arXiv:2205.05084),
 * reproduced with the Gaussian Ansatz (arXiv:2205.03413), MSE regression, numerical inversion and
 * 1-D optimal transport (arXiv:2107.08648) on the Gaussian examples and on simulated dijets.
 */
import { runDijetPart, type DijetPartResult } from './dijets.js';
import { runGaussianOt, type GaussianOtResult } from './gaussianOt.js';
import { runPriorScan, type PriorScanPoint } from './gaussianScan.js';
import { resolvePriorsOptions, type PriorsOptions, type PriorsStudyInput } from './options.js';

/** Everything the study measured. */
export interface PriorsResults {
  options: Omit<PriorsOptions, 'onProgress' | 'onEpoch'>;
  /** Figs. 1–2: the base prior first, then the μ and σ scans. */
  gaussian: PriorScanPoint[];
  /** Figs. 3–4. */
  gaussianOt: GaussianOtResult;
  /** Figs. 5–7. */
  dijets: DijetPartResult;
  seconds: number;
}

/**
 * Runs the whole study. `quick` picks the test-sized defaults (PRIORS_QUICK); any other field
 * overrides them.
 * @example
 * const r = await runPriorsStudy({ quick: true, seed: 3 });
 * r.dijets.calibration.ratios.find((s) => s.sample === 'bsm' && s.method === 'ansatz')?.meanRatio;
 */
export async function runPriorsStudy(options: PriorsStudyInput = {}): Promise<PriorsResults> {
  const t0 = performance.now();
  const o = resolvePriorsOptions(options);
  const say = o.onProgress ?? (() => undefined);
  const gaussian = await runPriorScan({ base: o.gaussian.base, mus: o.gaussian.mus, sigmas: o.gaussian.sigmas }, { rows: o.gaussian.rows, seed: o.seed, bins: o.gaussian.bins, training: o.gaussian.training }, say);
  say('gaussian optimal transport');
  const gaussianOt = runGaussianOt({ ...o.ot, seed: o.seed + 100 });
  const dijets = await runDijetPart(o.dijets, o.seed + 200, say, o.onEpoch);
  const { onProgress: _p, onEpoch: _e, ...kept } = o;
  return { options: kept, gaussian, gaussianOt, dijets, seconds: (performance.now() - t0) / 1000 };
}
