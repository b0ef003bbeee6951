/** Weighted counts in equal-width bins: the one histogram behind the studies' and the reports'. */
export interface BinnedCounts {
  /** bins + 1 edges from lo to hi. */
  edges: number[];
  /** Σw of the values in [edges[k], edges[k+1]). */
  sum: Float64Array;
  /** Σw² per bin, for the statistical errors. */
  sum2: Float64Array;
  /** Σw of every finite value, inside and outside [lo, hi): the normalisation of a density. */
  total: number;
}

/** Counts `values` (weights `weights`, else 1) in `bins` equal bins over [lo, hi); non-finite values are skipped. */
export function histogram(values: ArrayLike<number>, lo: number, hi: number, bins: number, weights?: ArrayLike<number>): BinnedCounts {
  const width = (hi - lo) / bins;
  const sum = new Float64Array(bins), sum2 = new Float64Array(bins);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    const w = weights ? weights[i]! : 1;
    total += w;
    const k = Math.floor((v - lo) / width);
    if (k < 0 || k >= bins) continue;
    sum[k]! += w;
    sum2[k]! += w * w;
  }
  return { edges: Array.from({ length: bins + 1 }, (_, k) => lo + k * width), sum, sum2, total };
}
