/**
 * General correlation-improved MLE for n objects (Gambhir & Nachman, arXiv:2402.14067, Eqs. 1, 2
 * and 7): maximise f(z) = Σ_i log N(ẑ_i | z_i, σ_i²) + L(z) by Newton's method on the exact
 * Hessian with a backtracking (Armijo) line search; the covariance is −(∇²f)⁻¹ at the optimum.
 */
import type { LogDensityConstraint } from './constraints.js';
import { choleskyInPlace, choleskyInverse, choleskySolve } from './linalg.js';

/** Options of `maximizeLikelihood`. */
export interface SolverOptions {
  /** Stop when the Newton decrement gᵀ(−H)⁻¹g (≈ 2 × the log-likelihood still to gain) falls below this. Default 1e-20. */
  decrementTolerance?: number;
  /** Newton iterations at most. Default 100. */
  maxIterations?: number;
  /** Starting point (length n). Default ẑ. */
  start?: Float64Array;
}

/** Result of `maximizeLikelihood`. */
export interface SolverResult {
  /** ẑ' = argmax f, length n. */
  readonly z: Float64Array;
  /** Σ' = −(∇²f(ẑ'))⁻¹, row-major n×n; NaN when the Hessian there is not negative definite. */
  readonly covariance: Float64Array;
  /** f(ẑ') up to a constant. */
  readonly logLikelihood: number;
  readonly iterations: number;
  /** True when the decrement reached the tolerance and −∇²f is positive definite at ẑ'. */
  readonly converged: boolean;
}

const QUADRATIC_REGIME = 1e-8;

/**
 * Maximises Σ_i −(z_i − ẑ_i)²/(2σ_i²) + L(z) over z ∈ ℝⁿ. Each step solves (−H + τD) d = g with
 * D = diag(1/σ_i²) and τ = 0 unless −H is not positive definite (then τ grows tenfold from 1e-3
 * until it is), and backtracks t = 1, ½, ¼, … until f(z + t d) ≥ f(z) + 1e-4·t·gᵀd. Once the
 * decrement is below 1e-8 with τ = 0 the full step is taken (the quadratic regime, where the
 * change in f is below rounding). For a non-concave L (e.g. the product constraint) this finds a
 * local maximum, the one uphill from `start` (default ẑ, the natural choice).
 *
 * @param zhat per-object estimates ẑ_i, length n.
 * @param sigma per-object resolutions σ_i > 0, length n.
 * @param constraint L(z), e.g. `gaussianDifferenceConstraint(0, 1, lambda)`.
 * @example
 * maximizeLikelihood(Float64Array.of(700, 650), Float64Array.of(35, 35), productConstraint(0, 1, 700 * 650, 5000)).covariance
 */
export function maximizeLikelihood(
  zhat: Float64Array, sigma: Float64Array, constraint: LogDensityConstraint, options: SolverOptions = {},
): SolverResult {
  const n = zhat.length;
  if (sigma.length !== n) throw new RangeError(`maximizeLikelihood: sigma has ${sigma.length} entries but zhat has ${n}`);
  const tolerance = options.decrementTolerance ?? 1e-20;
  const maxIterations = options.maxIterations ?? 100;
  const precision = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    if (!(sigma[a]! > 0)) throw new RangeError(`maximizeLikelihood: sigma[${a}] is ${sigma[a]}; it must be > 0`);
    precision[a] = 1 / sigma[a]! ** 2;
  }
  const objective = (z: Float64Array): number => {
    let s = 0;
    for (let a = 0; a < n; a++) s -= 0.5 * precision[a]! * (z[a]! - zhat[a]!) ** 2;
    return s + constraint.value(z);
  };
  const z = Float64Array.from(options.start ?? zhat);
  const g = new Float64Array(n), negH = new Float64Array(n * n), factor = new Float64Array(n * n);
  const d = new Float64Array(n), trial = new Float64Array(n);
  const evaluate = (): void => {
    constraint.gradient(z, g);
    constraint.hessian(z, negH);
    for (let a = 0; a < n * n; a++) negH[a] = -negH[a]!;
    for (let a = 0; a < n; a++) {
      g[a]! -= precision[a]! * (z[a]! - zhat[a]!);
      negH[a * n + a]! += precision[a]!;
    }
  };
  let f = objective(z);
  let iterations = 0;
  let decrement = Infinity;
  for (; iterations < maxIterations; iterations++) {
    evaluate();
    let tau = 0;
    for (;;) {
      factor.set(negH);
      for (let a = 0; a < n; a++) factor[a * n + a]! += tau * precision[a]!;
      if (choleskyInPlace(factor, n)) break;
      tau = tau === 0 ? 1e-3 : tau * 10;
      if (tau > 1e30) throw new RangeError('maximizeLikelihood: the Hessian could not be regularised; check the constraint');
    }
    choleskySolve(factor, n, g, d);
    decrement = 0;
    for (let a = 0; a < n; a++) decrement += g[a]! * d[a]!;
    if (tau === 0 && decrement <= tolerance) break;
    if (tau === 0 && decrement < QUADRATIC_REGIME) {
      for (let a = 0; a < n; a++) z[a]! += d[a]!;
      f = objective(z);
      continue;
    }
    let t = 1;
    let accepted = false;
    for (let k = 0; k < 60; k++, t *= 0.5) {
      for (let a = 0; a < n; a++) trial[a] = z[a]! + t * d[a]!;
      const fTrial = objective(trial);
      if (fTrial >= f + 1e-4 * t * decrement) {
        z.set(trial);
        f = fTrial;
        accepted = true;
        break;
      }
    }
    if (!accepted) break;
  }
  evaluate();
  factor.set(negH);
  const definite = choleskyInPlace(factor, n);
  const covariance = definite ? choleskyInverse(factor, n) : new Float64Array(n * n).fill(NaN);
  if (definite) {
    choleskySolve(factor, n, g, d);
    decrement = 0;
    for (let a = 0; a < n; a++) decrement += g[a]! * d[a]!;
  }
  return { z, covariance, logLikelihood: objective(z), iterations, converged: definite && decrement <= Math.max(tolerance, 1e-14) };
}
