/** Summary statistics and histograms of the dijets study (plain numbers, JSON-ready). */
import { histogram as binCounts, weightedQuantiles } from '../../baselines/index.js';
import { Rng } from '../../engine/rng.js';

/** A histogram on fixed edges: counts[k] counts values in [edges[k], edges[k+1]). */
export interface Histogram {
  readonly edges: number[];
  readonly counts: number[];
}

/** Mean, standard deviation (n − 1) and standard error of the mean; NaN for fewer than 2 values. */
export interface MeanStd {
  readonly n: number;
  readonly mean: number;
  readonly std: number;
  readonly meanError: number;
}

/** Mean, sample standard deviation and standard error of the mean of `values`. */
export function meanStd(values: ArrayLike<number>): MeanStd {
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i]!;
  const mean = n > 0 ? s / n : NaN;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - mean) ** 2;
  const std = n > 1 ? Math.sqrt(ss / (n - 1)) : NaN;
  return { n, mean, std, meanError: std / Math.sqrt(n) };
}

/** `bins` equal bins on [lo, hi); values outside are not counted. */
export function histogram(values: ArrayLike<number>, lo: number, hi: number, bins: number): Histogram {
  const h = binCounts(values, lo, hi, bins);
  return { edges: h.edges, counts: Array.from(h.sum) };
}

/** Quantiles at 5, 25, 50, 75, 95 % (Hazen), for violin-like summaries (Fig. 8). */
export interface Quantiles {
  readonly q05: number;
  readonly q25: number;
  readonly q50: number;
  readonly q75: number;
  readonly q95: number;
}

/** The five quantiles of `values` (NaN when empty). */
export function quantiles(values: Float64Array): Quantiles {
  if (values.length === 0) return { q05: NaN, q25: NaN, q50: NaN, q75: NaN, q95: NaN };
  const [q05, q25, q50, q75, q95] = weightedQuantiles(values, [0.05, 0.25, 0.5, 0.75, 0.95]) as unknown as number[];
  return { q05: q05!, q25: q25!, q50: q50!, q75: q75!, q95: q95! };
}

/**
 * The empirical resolution before and after a correction on the same jets: the standard
 * deviations of r = ẑ − z and r' = ẑ' − z, and the relative change 1 − std(r')/std(r) with a paired
 * bootstrap error (the same resampled jets for both, so the strong correlation of r and r' is kept).
 */
export interface PairedSpread {
  readonly std: number;
  readonly stdCorrected: number;
  /** 1 − std(r')/std(r): positive when the correction sharpens the residuals. */
  readonly improvement: number;
  readonly improvementError: number;
}

/** `PairedSpread` of residuals r (before) and r' (after) of the same jets; `replicates` bootstrap samples, seeded. */
export function pairedSpread(residual: Float64Array, residualCorrected: Float64Array, seed: number, replicates = 200): PairedSpread {
  const n = residual.length;
  const improvementOf = (pick: (i: number) => number): number => {
    let a = 0, aa = 0, b = 0, bb = 0;
    for (let i = 0; i < n; i++) {
      const k = pick(i), r = residual[k]!, rc = residualCorrected[k]!;
      a += r;
      aa += r * r;
      b += rc;
      bb += rc * rc;
    }
    return 1 - Math.sqrt(Math.max(0, bb - (b * b) / n) / Math.max(1e-300, aa - (a * a) / n));
  };
  const std = meanStd(residual).std, stdCorrected = meanStd(residualCorrected).std;
  if (n < 2) return { std, stdCorrected, improvement: NaN, improvementError: NaN };
  const rng = new Rng(seed);
  const boots = Float64Array.from({ length: replicates }, () => improvementOf(() => rng.int(n)));
  return { std, stdCorrected, improvement: 1 - stdCorrected / std, improvementError: meanStd(boots).std };
}

/** Elementwise a − b. */
export function difference(a: Float64Array, b: Float64Array): Float64Array {
  return a.map((v, i) => v - b[i]!);
}

/** The entries of `values` at `indices`. */
export function pick(values: Float64Array, indices: Int32Array): Float64Array {
  return Float64Array.from(indices, (i) => values[i]!);
}
