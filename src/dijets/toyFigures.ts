/**
 * Data for the toy-model figures (Gambhir & Nachman, arXiv:2402.14067, Figs. 1–3 and 10) as
 * plain arrays; rendering is the report's job.
 */
import { productConstraint } from './constraints.js';
import { correlateExponential } from './exponential.js';
import { correlateGaussian } from './gaussian.js';
import { maximizeLikelihood } from './solver.js';

/** n log-spaced values from lo to hi inclusive (lo, hi > 0), e.g. the Λ axis of Figs. 2–3. */
export function logSpace(lo: number, hi: number, n: number): Float64Array {
  if (!(lo > 0 && hi > 0) || !(n >= 2)) throw new RangeError(`logSpace: need lo, hi > 0 and n >= 2; got ${lo}, ${hi}, ${n}`);
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) out[k] = lo * Math.pow(hi / lo, k / (n - 1));
  return out;
}

/** One curve of Figs. 2–3: the bands ẑ'_i ± σ'_i versus Λ for fixed measurements. */
export interface ToyLambdaScan {
  readonly lambda: Float64Array;
  readonly zhat1: Float64Array;
  readonly zhat2: Float64Array;
  readonly sigma1: Float64Array;
  readonly sigma2: Float64Array;
  readonly cov: Float64Array;
  /** Exponential mode only: the winning case of Eq. 14 per Λ. */
  readonly solutionCase?: Uint8Array;
}

/**
 * ẑ'_i and σ'_i versus Λ for one pair of measurements (Fig. 2 Gaussian, Fig. 3 exponential;
 * the paper uses x1 = 2, x2 ∈ {−5, 0, 5}, (σ1, σ2) = (1, 0.1) and (0.1, 1)).
 */
export function toyScanVersusLambda(opts: {
  x1: number; x2: number; sigma1: number; sigma2: number; lambdas: Float64Array; mode: 'gaussian' | 'exponential';
}): ToyLambdaScan {
  const n = opts.lambdas.length;
  const pair = {
    zhat1: new Float64Array(n).fill(opts.x1),
    zhat2: new Float64Array(n).fill(opts.x2),
    sigma1: new Float64Array(n).fill(opts.sigma1),
    sigma2: new Float64Array(n).fill(opts.sigma2),
  };
  const lambda = Float64Array.from(opts.lambdas);
  const r = opts.mode === 'gaussian' ? correlateGaussian(pair, lambda) : correlateExponential(pair, lambda);
  return { lambda, ...r };
}

/** Fig. 1: the winning case (1, 2, 3) over a grid of (x1 − x2)/σ and σ/Λ_e, with σ1 = σ2 = σ. */
export interface ExponentialPhaseSpace {
  readonly deltaOverSigma: Float64Array;
  readonly sigmaOverLambda: Float64Array;
  /** Row-major: entry [i·deltaOverSigma.length + j] is for sigmaOverLambda[i], deltaOverSigma[j]. */
  readonly solutionCase: Uint8Array;
}

/** Fig. 1 data. Case 3 wins exactly when |x1 − x2| < 2σ²/Λ_e (from Eqs. 15–16). */
export function exponentialPhaseSpace(deltaOverSigma: Float64Array, sigmaOverLambda: Float64Array): ExponentialPhaseSpace {
  const nd = deltaOverSigma.length, nr = sigmaOverLambda.length;
  const zhat1 = new Float64Array(nd * nr), lambda = new Float64Array(nd * nr);
  for (let i = 0; i < nr; i++) {
    for (let j = 0; j < nd; j++) {
      zhat1[i * nd + j] = deltaOverSigma[j]!;
      lambda[i * nd + j] = 1 / sigmaOverLambda[i]!;
    }
  }
  const ones = new Float64Array(nd * nr).fill(1);
  const r = correlateExponential({ zhat1, zhat2: new Float64Array(nd * nr), sigma1: ones, sigma2: ones }, lambda);
  return { deltaOverSigma: Float64Array.from(deltaOverSigma), sigmaOverLambda: Float64Array.from(sigmaOverLambda), solutionCase: r.solutionCase };
}

/** Fig. 10: σ1'/σ1 over a grid of x1/√μ and μ/Λ_μ. */
export interface BoostedScan {
  readonly x1OverRootMu: Float64Array;
  readonly muOverLambdaMu: Float64Array;
  /** Row-major: entry [i·x1OverRootMu.length + j] is for muOverLambdaMu[i], x1OverRootMu[j]. */
  readonly resolutionRatio: Float64Array;
  /** 1 where the solver converged. */
  readonly converged: Uint8Array;
}

/**
 * Fig. 10 data: the product constraint z1·z2 ~ N(μ, Λ_μ²) (Eq. 27) solved numerically, in units
 * where μ = 1. Both resolutions are `relativeResolution` × the nominal energy √μ (default 10 %),
 * and x2/√μ is fixed (default 1), as in the paper's caption.
 */
export function boostedResolutionScan(opts: {
  x1OverRootMu: Float64Array; muOverLambdaMu: Float64Array; x2OverRootMu?: number; relativeResolution?: number;
}): BoostedScan {
  const nx = opts.x1OverRootMu.length, nm = opts.muOverLambdaMu.length;
  const sigma = opts.relativeResolution ?? 0.1;
  const sigmas = Float64Array.of(sigma, sigma);
  const resolutionRatio = new Float64Array(nx * nm), converged = new Uint8Array(nx * nm);
  for (let i = 0; i < nm; i++) {
    const constraint = productConstraint(0, 1, 1, 1 / opts.muOverLambdaMu[i]!);
    for (let j = 0; j < nx; j++) {
      const r = maximizeLikelihood(Float64Array.of(opts.x1OverRootMu[j]!, opts.x2OverRootMu ?? 1), sigmas, constraint);
      resolutionRatio[i * nx + j] = Math.sqrt(r.covariance[0]!) / sigma;
      converged[i * nx + j] = r.converged ? 1 : 0;
    }
  }
  return { x1OverRootMu: Float64Array.from(opts.x1OverRootMu), muOverLambdaMu: Float64Array.from(opts.muOverLambdaMu), resolutionRatio, converged };
}
