import { ParameterError } from '../errors.js';
import { checkSameLength, checkWeights } from './weights.js';

/** Per-bin weighted statistics; arrays have one entry per bin (edges.length − 1). */
export interface BinnedStats {
  readonly edges: Float64Array;
  /** Number of samples in the bin (unweighted). */
  readonly count: Float64Array;
  /** Σ w in the bin. */
  readonly sumWeights: Float64Array;
  /** Kish effective sample size (Σw)²/Σw². */
  readonly effectiveCount: Float64Array;
  /** Weighted mean Σwv/Σw (NaN for an empty bin). */
  readonly mean: Float64Array;
  /** Weighted population standard deviation sqrt(Σw(v−mean)²/Σw) (NaN for an empty bin). */
  readonly std: Float64Array;
  /** Standard error of the mean, std/sqrt(effectiveCount). */
  readonly meanError: Float64Array;
}

/**
 * Weighted mean and spread of `values` in bins of `binVariable`: sample i goes to bin b when
 * edges[b] ≤ binVariable[i] < edges[b+1] (the last bin also takes its upper edge); samples
 * outside the edges are ignored. Used for bias b(z) = mean(ẑ − z) and resolution Σ(z) = std(ẑ − z)
 * in bins of z, or for the same in bins of x.
 * @example binnedMeanStd(zHat.map((v, i) => v - z[i]), z, [-2, -1, 0, 1, 2])
 */
export function binnedMeanStd(values: ArrayLike<number>, binVariable: ArrayLike<number>, edges: ArrayLike<number>, weights?: ArrayLike<number>): BinnedStats {
  const owner = 'binnedMeanStd';
  checkSameLength(values, binVariable, ['values', 'binVariable'], owner);
  const e = Float64Array.from(edges);
  for (let b = 1; b < e.length; b++) if (!(e[b]! > e[b - 1]!)) throw new ParameterError('edges', owner, 'a strictly increasing array of at least 2 numbers', Array.from(e));
  if (e.length < 2) throw new ParameterError('edges', owner, 'a strictly increasing array of at least 2 numbers', Array.from(e));
  const w = checkWeights(weights, values.length, owner);
  const nb = e.length - 1;
  const count = new Float64Array(nb);
  const sw = new Float64Array(nb);
  const sw2 = new Float64Array(nb);
  const swv = new Float64Array(nb);
  const bins = new Int32Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const b = binIndex(e, binVariable[i] as number);
    if (b < 0) continue;
    bins[i] = b;
    count[b]! += 1;
    sw[b]! += w[i]!;
    sw2[b]! += w[i]! * w[i]!;
    swv[b]! += w[i]! * (values[i] as number);
  }
  const mean = Float64Array.from(swv, (s, b) => (sw[b]! > 0 ? s / sw[b]! : NaN));
  const ss = new Float64Array(nb);
  for (let i = 0; i < values.length; i++) {
    const b = bins[i]!;
    if (b >= 0) ss[b]! += w[i]! * ((values[i] as number) - mean[b]!) ** 2;
  }
  const std = Float64Array.from(ss, (s, b) => (sw[b]! > 0 ? Math.sqrt(s / sw[b]!) : NaN));
  const effectiveCount = Float64Array.from(sw, (s, b) => (sw2[b]! > 0 ? (s * s) / sw2[b]! : 0));
  const meanError = Float64Array.from(std, (s, b) => s / Math.sqrt(effectiveCount[b]!));
  return { edges: e, count, sumWeights: sw, effectiveCount, mean, std, meanError };
}

/** Index b with edges[b] ≤ v < edges[b+1] (the last bin closed), or −1 outside. */
export function binIndex(edges: ArrayLike<number>, v: number): number {
  const n = edges.length;
  if (!(v >= (edges[0] as number)) || v > (edges[n - 1] as number)) return -1;
  if (v === edges[n - 1]) return n - 2;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((edges[mid] as number) <= v) lo = mid;
    else hi = mid;
  }
  return lo;
}
