/**
 * Fits of the asymmetry width Λ (Gaussian) or Λ_e (exponential) to the truth-level
 * Δ = z1 − z2 (Gambhir & Nachman, arXiv:2402.14067, Sec. IV B, Table I, Fig. 5).
 */
import { Rng } from '../engine/rng.js';
import {
  type AsymmetryForm, absAsymmetryBin, absAsymmetryHistogram, binAveragedDensity, histogramFromCounts,
} from './asymmetry.js';

/** Options of `fitLambda`. */
export interface LambdaFitOptions {
  form: AsymmetryForm;
  /**
   * 'mse' (default, the paper's): least squares between the |Δ| density histogram and the
   * bin-averaged model density, error from a seeded bootstrap of the events. 'ml': maximum
   * likelihood, Λ² = mean Δ² (Gaussian, error Λ/√(2n)) or Λ_e = mean |Δ| (exponential, error
   * Λ_e/√n), errors from the curvature of the log-likelihood.
   */
  method?: 'mse' | 'ml';
  /** Histogram bins on [0, upper]. Default 50. */
  bins?: number;
  /** Upper edge of the |Δ| histogram, units of Δ. Default 5 × mean |Δ|. */
  upper?: number;
  /** Bootstrap replicates for the 'mse' error. Default 100. */
  bootstrap?: number;
  /** Bootstrap seed. Default 0. */
  seed?: number;
}

/** One fitted width. */
export interface LambdaFit {
  /** Λ or Λ_e, units of Δ; NaN with fewer than 2 events. */
  readonly lambda: number;
  /** One standard deviation of `lambda`. */
  readonly lambdaError: number;
  /** Events used (finite Δ). */
  readonly n: number;
  /** Mean squared error between histogram and model at `lambda`, units of 1/Δ² (Table I's MSE). */
  readonly mse: number;
}

function histogramMse(form: AsymmetryForm, lambda: number, density: Float64Array, edges: Float64Array): number {
  let s = 0;
  for (let k = 0; k < density.length; k++) s += (density[k]! - binAveragedDensity(form, lambda, edges[k]!, edges[k + 1]!)) ** 2;
  return s / density.length;
}

/** argmin over Λ of the histogram MSE: a log-spaced scan of [scale/10, 10·scale], then golden section. */
function minimiseMse(form: AsymmetryForm, density: Float64Array, edges: Float64Array, scale: number): number {
  const loss = (logLam: number): number => histogramMse(form, Math.exp(logLam), density, edges);
  const lo = Math.log(scale / 10), hi = Math.log(scale * 10), steps = 120, h = (hi - lo) / steps;
  let best = 0, bestLoss = Infinity;
  for (let k = 0; k <= steps; k++) {
    const l = loss(lo + k * h);
    if (l < bestLoss) [best, bestLoss] = [k, l];
  }
  let a = lo + Math.max(best - 1, 0) * h, b = lo + Math.min(best + 1, steps) * h;
  const r = (Math.sqrt(5) - 1) / 2;
  let c = b - r * (b - a), d = a + r * (b - a), fc = loss(c), fd = loss(d);
  for (let it = 0; it < 80; it++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - r * (b - a);
      fc = loss(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + r * (b - a);
      fd = loss(d);
    }
  }
  return Math.exp(0.5 * (a + b));
}

/**
 * Fits Λ (form 'gaussian') or Λ_e ('exponential') to Δ = z1 − z2, through |Δ| (so the labelling
 * does not matter). The model is integrated over each bin, so the MSE fit has no bin-width bias.
 *
 * @param delta Δ per event (e.g. GEN pT of jet 1 minus jet 2, GeV); NaN entries are skipped.
 */
export function fitLambda(delta: Float64Array, opts: LambdaFitOptions): LambdaFit {
  const finite = delta.filter((v) => Number.isFinite(v));
  const n = finite.length;
  if (n < 2) return { lambda: NaN, lambdaError: NaN, n, mse: NaN };
  let sumAbs = 0, sumSq = 0;
  for (const v of finite) {
    sumAbs += Math.abs(v);
    sumSq += v * v;
  }
  const meanAbs = sumAbs / n;
  const mlLambda = opts.form === 'gaussian' ? Math.sqrt(sumSq / n) : meanAbs;
  const bins = opts.bins ?? 50;
  const upper = opts.upper ?? 5 * meanAbs;
  const hist = absAsymmetryHistogram(finite, bins, upper);
  if ((opts.method ?? 'mse') === 'ml') {
    const lambdaError = opts.form === 'gaussian' ? mlLambda / Math.sqrt(2 * n) : mlLambda / Math.sqrt(n);
    return { lambda: mlLambda, lambdaError, n, mse: histogramMse(opts.form, mlLambda, hist.density, hist.edges) };
  }
  const lambda = minimiseMse(opts.form, hist.density, hist.edges, mlLambda);
  const binOf = new Int32Array(n);
  for (let e = 0; e < n; e++) binOf[e] = absAsymmetryBin(finite[e]!, bins, upper);
  const rng = new Rng(opts.seed ?? 0);
  const replicates = opts.bootstrap ?? 100;
  let s1 = 0, s2 = 0;
  const counts = new Float64Array(bins);
  for (let b = 0; b < replicates; b++) {
    counts.fill(0);
    for (let e = 0; e < n; e++) {
      const k = binOf[rng.int(n)]!;
      if (k >= 0) counts[k]!++;
    }
    const h = histogramFromCounts(counts, n, upper);
    const l = minimiseMse(opts.form, h.density, h.edges, lambda);
    s1 += l;
    s2 += l * l;
  }
  const lambdaError = replicates > 1 ? Math.sqrt(Math.max(0, (s2 - (s1 * s1) / replicates) / (replicates - 1))) : NaN;
  return { lambda, lambdaError, n, mse: histogramMse(opts.form, lambda, hist.density, hist.edges) };
}

/** One row of Table I: a leading-pT bin [ptLowGeV, ptHighGeV) and its fit. */
export interface LambdaBinFit extends LambdaFit {
  readonly ptLowGeV: number;
  readonly ptHighGeV: number;
}

/**
 * `fitLambda` per leading-pT bin (events with ptLow ≤ leadingPtGeV < ptHigh); for the inclusive
 * row pass the outer edges, e.g. [600, 1000]. Bin k bootstraps with seed `seed + k`.
 *
 * @param edgesGeV increasing bin edges, e.g. [600, 700, 800, 900, 1000].
 */
export function fitLambdaBinned(
  delta: Float64Array, leadingPtGeV: Float64Array, edgesGeV: readonly number[], opts: LambdaFitOptions,
): LambdaBinFit[] {
  if (delta.length !== leadingPtGeV.length) {
    throw new RangeError(`fitLambdaBinned: leadingPtGeV has ${leadingPtGeV.length} events but delta has ${delta.length}`);
  }
  for (let k = 1; k < edgesGeV.length; k++) {
    if (!(edgesGeV[k]! > edgesGeV[k - 1]!)) throw new RangeError(`fitLambdaBinned: edgesGeV must increase; got ${edgesGeV.join(', ')}`);
  }
  const rows: LambdaBinFit[] = [];
  for (let k = 0; k + 1 < edgesGeV.length; k++) {
    const lo = edgesGeV[k]!, hi = edgesGeV[k + 1]!;
    const inBin = delta.filter((_, e) => leadingPtGeV[e]! >= lo && leadingPtGeV[e]! < hi);
    const fit = fitLambda(inBin, { ...opts, seed: (opts.seed ?? 0) + k });
    rows.push({ ptLowGeV: lo, ptHighGeV: hi, ...fit });
  }
  return rows;
}
