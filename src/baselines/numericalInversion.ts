/**
 * Numerical inversion calibration (arXiv:2205.05084 Sec. II C, Eqs. (10)–(11)): regress the
 * measured x on the truth z, g(z) = E[x|z], with a monotone fit, then calibrate by ẑ = g⁻¹(x).
 * g depends on p(x|z) only, so the calibration is prior independent in 1-D (within the support
 * of the training prior).
 */
import { NotFittedError, ParameterError } from '../errors.js';
import { binIndex } from './binned.js';
import { interpolate, WeightedEcdf } from './ecdf.js';
import { isotonicBlocks } from './isotonic.js';
import { MonotoneCubic } from './pchip.js';
import { checkFinite, checkSameLength, checkWeights } from './weights.js';
import { binCentroids, binStd, weightedCov } from './binStats.js';

/** Options of NumericalInversion. */
export interface NumericalInversionOptions {
  /** Number of equal-weight quantile bins of z for the regression of x on z (default 40). */
  readonly bins?: number;
  /** Whether x grows with z: 'auto' (default) takes the sign of the weighted covariance. */
  readonly increasing?: boolean | 'auto';
}

/**
 * The monotone fit: z is cut into `bins` equal-weight quantile bins; in each, the weighted
 * centroid (z̄_b, x̄_b) is taken (exact for a locally linear g); weighted isotonic regression
 * (PAVA) over the centroids enforces monotonicity; a monotone cubic (PCHIP) through the pooled
 * centroids gives a smooth, strictly monotone, invertible g, extended linearly beyond the ends.
 * Beyond the fitted range g is extended linearly with the secant slope over the outer quarter of
 * the knots. Resolution: in each z bin, σ_b = weighted std of g⁻¹(x) − z; for a locally linear g
 * this is σ_x(z)/g′(z), the spread of x around the fit over the local slope (Eq. (20) of the
 * paper); σ_ẑ(x) interpolates σ_b linearly between bin centroids, at ẑ(x).
 * @example
 * const ni = new NumericalInversion().fit(x, z, weights);
 * ni.predict([1.3]); ni.resolution([1.3]);
 */
export class NumericalInversion {
  readonly bins: number;
  readonly increasing: boolean | 'auto';
  /** The fitted g for sign·x (sign = +1 when x grows with z). */
  curve_: MonotoneCubic | undefined;
  sign_ = 1;
  /** Bin centroids z̄_b and resolutions σ_b at them. */
  spreadAt_ = new Float64Array(0);
  spread_ = new Float64Array(0);

  constructor(options: NumericalInversionOptions = {}) {
    this.bins = options.bins ?? 40;
    this.increasing = options.increasing ?? 'auto';
  }

  /** Fits g(z) = E[x|z] on pairs (x, z) with optional sample weights (a weight k equals k rows). */
  fit(x: ArrayLike<number>, z: ArrayLike<number>, sampleWeight?: ArrayLike<number>): this {
    const owner = 'NumericalInversion';
    if (!Number.isInteger(this.bins) || this.bins < 2) throw new ParameterError('bins', owner, 'an integer ≥ 2', this.bins);
    checkSameLength(x, z, ['x', 'z'], owner);
    const xs = checkFinite(x, 'x', owner);
    const zs = checkFinite(z, 'z', owner);
    const w = checkWeights(sampleWeight, xs.length, owner);
    this.sign_ = this.increasing === 'auto' ? Math.sign(weightedCov(xs, zs, w)) || 1 : this.increasing ? 1 : -1;
    const y = xs.map((v) => this.sign_ * v);
    const edges = quantileEdges(zs, w, this.bins);
    const bin = Int32Array.from(zs, (v) => binIndex(edges, v));
    const c = binCentroids(bin, zs, y, w, edges.length - 1);
    const blocks = isotonicBlocks(c.z, c.y, c.w);
    if (blocks.length < 2) throw new ParameterError('x', owner, 'a response that changes monotonically with z (it is flat after isotonic regression)', 'a flat response');
    const at = blocks.map((b) => b.at);
    const value = blocks.map((b) => b.value);
    this.curve_ = new MonotoneCubic(at, value, [outerSecant(at, value, 'low'), outerSecant(at, value, 'high')]);
    const curve = this.curve_;
    const residual = y.map((v, i) => curve.inverse(v) - zs[i]!);
    const spread = binStd(bin, residual, w, edges.length - 1);
    const keep = Array.from(c.w.keys()).filter((b) => c.w[b]! > 0);
    this.spreadAt_ = Float64Array.from(keep, (b) => c.z[b]!);
    this.spread_ = Float64Array.from(keep, (b) => spread[b]!);
    return this;
  }

  /** ẑ = g⁻¹(x), the calibrated truth estimate for each x. */
  predict(x: ArrayLike<number>): Float64Array {
    const curve = this.checkFitted();
    return Float64Array.from(x, (v) => curve.inverse(this.sign_ * v));
  }

  /** The fitted response g(z) = E[x|z]. */
  response(z: ArrayLike<number>): Float64Array {
    const curve = this.checkFitted();
    return Float64Array.from(z, (v) => this.sign_ * curve.value(v));
  }

  /**
   * σ_ẑ(x): the resolution at ẑ = g⁻¹(x), interpolated between the per-bin spreads σ_b (see the
   * class notes). σ_b = std_b(g⁻¹(x) − z) is the spread of x around the fit divided by the local
   * slope, σ_x/g′, without the noise of a numerical derivative of the binned fit.
   */
  resolution(x: ArrayLike<number>): Float64Array {
    return Float64Array.from(this.predict(x), (zHat) => interpolate(this.spreadAt_, this.spread_, zHat));
  }

  private checkFitted(): MonotoneCubic {
    if (this.curve_ === undefined) throw new NotFittedError('NumericalInversion');
    return this.curve_;
  }
}

/** Secant slope from an end knot over the outer quarter of the knots (at least one segment). */
function outerSecant(at: number[], value: number[], end: 'low' | 'high'): number {
  const n = at.length;
  const span = Math.max(1, Math.floor((n - 1) / 4));
  const [a, b] = end === 'low' ? [0, span] : [n - 1 - span, n - 1];
  return (value[b]! - value[a]!) / (at[b]! - at[a]!);
}

/** Strictly increasing edges at the weighted quantiles k/bins of v (duplicates from ties dropped). */
function quantileEdges(v: Float64Array, w: Float64Array, bins: number): Float64Array {
  const ecdf = new WeightedEcdf(v, w);
  const edges: number[] = [ecdf.min];
  for (let k = 1; k < bins; k++) {
    const e = ecdf.quantile(k / bins);
    if (e > edges[edges.length - 1]!) edges.push(e);
  }
  if (ecdf.max > edges[edges.length - 1]!) edges.push(ecdf.max);
  if (edges.length < 3) throw new ParameterError('z', 'NumericalInversion', 'a truth sample with at least 2 distinct values', 'a constant');
  return Float64Array.from(edges);
}
