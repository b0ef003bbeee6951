import { precisionFromRaw, triangleSize } from './quadratic.js';
import { inverseSoftplus, softplus } from '../engine/softplus.js';
import type { Standardizer } from './scaler.js';

/** Cholesky factor (lower) of a symmetric positive-definite n×n matrix, in place into `l`; false if not positive-definite. */
export function cholesky(a: Float64Array, n: number, l: Float64Array): boolean {
  l.fill(0);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(s > 0)) return false;
        l[i * n + i] = Math.sqrt(s);
      } else l[i * n + j] = s / l[j * n + j]!;
    }
  return true;
}

/**
 * The inverse of precisionFromRaw: the raw C outputs whose P = LLᵀ + εI equals `p` (symmetric,
 * with p − εI positive-definite), written at raw[rawOffset…]. L is the Cholesky factor of p − εI
 * and its diagonal goes through the inverse of softplus.
 */
export function rawFromPrecision(
  p: Float64Array,
  zDim: number,
  epsilon: number,
  raw: Float32Array,
  rawOffset: number,
): void {
  const n = zDim,
    shifted = Float64Array.from(p),
    l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) shifted[i * n + i] -= epsilon;
  if (!cholesky(shifted, n, l)) throw new RangeError('rawFromPrecision: p − εI is not positive-definite');
  for (let i = 0; i < n; i++) raw[rawOffset + i] = inverseSoftplus(l[i * n + i]!);
  let k = rawOffset + n;
  for (let i = 1; i < n; i++) for (let j = 0; j < i; j++) raw[k++] = l[i * n + j]!;
}

/** Inverse of a symmetric positive-definite matrix through its Cholesky factor. */
export function invertSpd(a: Float64Array, n: number, out: Float64Array): Float64Array {
  const l = new Float64Array(n * n);
  if (!cholesky(a, n, l)) throw new RangeError('invertSpd: the matrix is not positive-definite');
  const col = new Float64Array(n), y = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    col.fill(0);
    col[c] = 1;
    for (let i = 0; i < n; i++) {
      let s = col[i]!;
      for (let k = 0; k < i; k++) s -= l[i * n + k]! * y[k]!;
      y[i] = s / l[i * n + i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = y[i]!;
      for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * out[k * n + c]!;
      out[i * n + c] = s / l[i * n + i]!;
    }
  }
  return out;
}

/**
 * Σ̂(x) = P⁻¹ per row, P = −C from the raw C outputs, converted from standardised to original units
 * (Σ_ij · std_i · std_j). Returns rows × N × N.
 */
export function covarianceFromRaw(cRaw: Float32Array, rows: number, zDim: number, epsilon: number, zScaler: Standardizer): Float64Array {
  const n = zDim, nTri = triangleSize(n);
  const out = new Float64Array(rows * n * n);
  if (n === 1) {
    const s2 = zScaler.std[0]! * zScaler.std[0]!;
    for (let r = 0; r < rows; r++) {
      const l = softplus(cRaw[r]!);
      out[r] = s2 / (l * l + epsilon);
    }
    return out;
  }
  const p = new Float64Array(n * n), inv = new Float64Array(n * n);
  for (let r = 0; r < rows; r++) {
    precisionFromRaw(cRaw, r * nTri, n, epsilon, p);
    invertSpd(p, n, inv);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[r * n * n + i * n + j] = inv[i * n + j]! * zScaler.std[i]! * zScaler.std[j]!;
  }
  return out;
}

/** σ̂ per component: the square roots of the covariance's diagonal (rows × N). */
export function sigmaFromCovariance(cov: Float64Array, rows: number, zDim: number): Float64Array {
  const out = new Float64Array(rows * zDim);
  for (let r = 0; r < rows; r++) for (let i = 0; i < zDim; i++) out[r * zDim + i] = Math.sqrt(cov[r * zDim * zDim + i * zDim + i]!);
  return out;
}

/** Per-row results of `predict`, in the units of z. */
export interface Prediction {
  rows: number;
  zDim: number;
  /** ẑ(x): the maximum-likelihood estimate, the maximiser of T by default (rows × N). */
  zHat: Float64Array;
  /** σ̂ per component (rows × N). */
  sigma: Float64Array;
  /** Σ̂(x): the inverse of −C(x, z) around ẑ (rows × N × N; see Replica.predict). */
  covariance: Float64Array;
}

/** The prediction in the units of z from the replicas' standardised ẑ (rows × N) and raw C outputs at ẑ. */
export function predictionFromRaw(zHatStd: Float32Array, cRaw: Float32Array, rows: number, zDim: number, epsilon: number, zScaler: Standardizer): Prediction {
  const zHat = new Float64Array(rows * zDim);
  for (let i = 0; i < rows * zDim; i++) zHat[i] = zHatStd[i]! * zScaler.std[i % zDim]! + zScaler.mean[i % zDim]!;
  const covariance = covarianceFromRaw(cRaw, rows, zDim, epsilon, zScaler);
  return { rows, zDim, zHat, sigma: sigmaFromCovariance(covariance, rows, zDim), covariance };
}

/**
 * Bayesian posterior under the Gaussian Ansatz and a Gaussian prior N(μ_p, Σ_p) on z:
 * Σ_post = (Σ̂⁻¹ + Σ_p⁻¹)⁻¹, mean = Σ_post (Σ̂⁻¹ ẑ + Σ_p⁻¹ μ_p). Per row; original units.
 */
export function gaussianPosterior(zHat: Float64Array, cov: Float64Array, rows: number, zDim: number, priorMean: number[], priorCov: number[]): { mean: Float64Array; covariance: Float64Array } {
  const n = zDim, nn = n * n;
  const priorPrec = invertSpd(Float64Array.from(priorCov), n, new Float64Array(nn));
  const mean = new Float64Array(rows * n), covariance = new Float64Array(rows * nn);
  const prec = new Float64Array(nn), post = new Float64Array(nn), like = new Float64Array(nn);
  for (let r = 0; r < rows; r++) {
    invertSpd(cov.subarray(r * nn, (r + 1) * nn), n, like);
    for (let k = 0; k < nn; k++) prec[k] = like[k]! + priorPrec[k]!;
    invertSpd(prec, n, post);
    covariance.set(post, r * nn);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) {
        let h = 0;
        for (let k = 0; k < n; k++) h += like[j * n + k]! * zHat[r * n + k]! + priorPrec[j * n + k]! * priorMean[k]!;
        s += post[i * n + j]! * h;
      }
      mean[r * n + i] = s;
    }
  }
  return { mean, covariance };
}
