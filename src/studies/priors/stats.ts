/** Small weighted statistics shared by the prior study. */
import { histogram as binCounts, PolynomialRegression } from '../../baselines/index.js';
import { effectiveEvents } from './bsmWeights.js';

/** Weighted mean, population standard deviation and their standard errors (Kish effective count). */
export interface WeightedSummary {
  mean: number;
  std: number;
  meanError: number;
  /** Gaussian approximation std/sqrt(2·nEff). */
  stdError: number;
  effectiveCount: number;
}

/** Summary of `v` with optional weights; rows of zero weight are ignored. */
export function summarize(v: ArrayLike<number>, w?: ArrayLike<number>): WeightedSummary {
  let sw = 0, swv = 0;
  for (let i = 0; i < v.length; i++) {
    const wi = w ? (w[i] as number) : 1;
    sw += wi;
    swv += wi * (v[i] as number);
  }
  const mean = swv / sw;
  let ss = 0;
  for (let i = 0; i < v.length; i++) ss += (w ? (w[i] as number) : 1) * ((v[i] as number) - mean) ** 2;
  const std = Math.sqrt(ss / sw);
  const effectiveCount = w ? effectiveEvents(w) : v.length;
  return { mean, std, meanError: std / Math.sqrt(effectiveCount), stdError: std / Math.sqrt(2 * effectiveCount), effectiveCount };
}

/** Weighted least-squares line y ≈ intercept + slope·x. */
export function lineFit(x: ArrayLike<number>, y: ArrayLike<number>, w?: ArrayLike<number>): { slope: number; intercept: number } {
  const c = new PolynomialRegression({ degree: 1 }).fit(x, y, w).coefficients();
  return { intercept: c[0]!, slope: c[1]! };
}

/** A weighted histogram normalised to unit area (density per unit of the variable). */
export interface Histogram {
  edges: number[];
  density: number[];
  /** Statistical error of each density (sqrt(Σw²) scaled like the density). */
  error: number[];
}

/** Histogram of `v` in `bins` equal bins over [lo, hi], normalised by the total weight (inside and outside the range). */
export function histogram(v: ArrayLike<number>, lo: number, hi: number, bins: number, w?: ArrayLike<number>): Histogram {
  const h = binCounts(v, lo, hi, bins, w);
  const scale = 1 / (h.total * ((hi - lo) / bins));
  return { edges: h.edges, density: Array.from(h.sum, (s) => s * scale), error: Array.from(h.sum2, (s) => Math.sqrt(s) * scale) };
}

/** `n` equal bins spanning [lo, hi]: their edges. */
export function linearEdges(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n + 1 }, (_, b) => lo + ((hi - lo) * b) / n);
}

/** Element-wise a − b. */
export function minus(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: a.length }, (_, i) => (a[i] as number) - (b[i] as number));
}

/** Element-wise a / b. */
export function ratio(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: a.length }, (_, i) => (a[i] as number) / (b[i] as number));
}
