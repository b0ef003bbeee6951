/**
 * Scans of the prior (arXiv:2205.05084 Fig. 2a, 2b): the same detector ε, priors N(μ, σ²) with
 * several μ and σ. The MSE calibration moves with the prior (its bias b(z) = ε²/(σ²+ε²)(μ − z)
 * shifts with μ and flattens as σ grows); the Gaussian Ansatz should not move.
 */
import type { GaussianExample } from '../../baselines/index.js';
import { runGaussianCalibration, type GaussianCalibrationResult, type GaussianRunOptions } from './gaussianCalibration.js';

/** The scanned priors: μ values at the base σ, and σ values at the base μ. */
export interface PriorScanOptions {
  base: GaussianExample;
  mus: number[];
  sigmas: number[];
}

/** One prior of the scan, labelled by what was varied. */
export interface PriorScanPoint {
  varied: 'base' | 'mu' | 'sigma';
  result: GaussianCalibrationResult;
}

/**
 * Runs the base prior and every scanned prior (a value equal to the base one is not repeated),
 * each with its own seed (`run.seed + k`) so that the points are independent samples.
 */
export async function runPriorScan(scan: PriorScanOptions, run: GaussianRunOptions, onProgress?: (line: string) => void): Promise<PriorScanPoint[]> {
  const priors: { varied: PriorScanPoint['varied']; prior: GaussianExample }[] = [{ varied: 'base', prior: scan.base }];
  for (const mu of scan.mus) if (mu !== scan.base.mu) priors.push({ varied: 'mu', prior: { ...scan.base, mu } });
  for (const sigma of scan.sigmas) if (sigma !== scan.base.sigma) priors.push({ varied: 'sigma', prior: { ...scan.base, sigma } });
  const points: PriorScanPoint[] = [];
  for (const [k, { varied, prior }] of priors.entries()) {
    onProgress?.(`gaussian prior μ=${prior.mu} σ=${prior.sigma} ε=${prior.epsilon} (${k + 1}/${priors.length})`);
    points.push({ varied, result: await runGaussianCalibration(prior, { ...run, seed: run.seed + k }) });
  }
  return points;
}
