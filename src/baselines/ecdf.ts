/**
 * Interpolated weighted empirical CDF. Tied values are merged (their weights add), so a
 * weight of k equals k replicated rows. With sorted distinct values x_k of weight W_k and
 * total W, the CDF passes through the mid-step points P_k = (W_1 + … + W_{k−1} + W_k/2)/W
 * (Hazen plotting positions for unit weights) and is linear in between; it is clamped to
 * [P_1, P_n] outside [x_1, x_n]. The quantile function is its inverse.
 */
export class WeightedEcdf {
  /** Sorted distinct values. */
  readonly x: Float64Array;
  /** Mid-step cumulative probabilities P_k, strictly increasing in (0, 1). */
  readonly p: Float64Array;

  constructor(values: ArrayLike<number>, weights: ArrayLike<number>) {
    const order = Array.from({ length: values.length }, (_, i) => i).filter((i) => (weights[i] as number) > 0);
    order.sort((a, b) => (values[a] as number) - (values[b] as number));
    const xs: number[] = [];
    const ws: number[] = [];
    for (const i of order) {
      const v = values[i] as number;
      if (xs.length > 0 && xs[xs.length - 1] === v) ws[ws.length - 1]! += weights[i] as number;
      else {
        xs.push(v);
        ws.push(weights[i] as number);
      }
    }
    if (xs.length === 0) throw new RangeError('WeightedEcdf: no samples with positive weight');
    const total = ws.reduce((s, w) => s + w, 0);
    this.x = Float64Array.from(xs);
    this.p = new Float64Array(xs.length);
    let below = 0;
    for (let k = 0; k < xs.length; k++) {
      this.p[k] = (below + ws[k]! / 2) / total;
      below += ws[k]!;
    }
  }

  /** F(v): interpolated CDF at v, clamped to [P_1, P_n]. */
  cdf(v: number): number {
    return interpolate(this.x, this.p, v);
  }

  /** Q(q): interpolated quantile at probability q, clamped to [x_1, x_n]. */
  quantile(q: number): number {
    return interpolate(this.p, this.x, q);
  }

  /** Smallest and largest sample value. */
  get min(): number {
    return this.x[0] as number;
  }
  get max(): number {
    return this.x[this.x.length - 1] as number;
  }
}

/** Linear interpolation of (xs, ys) at v, xs strictly increasing; clamped outside. */
export function interpolate(xs: ArrayLike<number>, ys: ArrayLike<number>, v: number): number {
  const n = xs.length;
  if (v <= (xs[0] as number)) return ys[0] as number;
  if (v >= (xs[n - 1] as number)) return ys[n - 1] as number;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) <= v) lo = mid;
    else hi = mid;
  }
  const x0 = xs[lo] as number;
  const x1 = xs[hi] as number;
  const t = (v - x0) / (x1 - x0);
  return (ys[lo] as number) + t * ((ys[hi] as number) - (ys[lo] as number));
}
