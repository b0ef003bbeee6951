/**
 * Log-density constraints L(z) on the truth values of n objects, for the general solver
 * (Gambhir & Nachman, arXiv:2402.14067, Eq. 7 and Sec. V). Each supplies its value, gradient and
 * Hessian; they must be twice differentiable where the solver goes.
 */

/**
 * A twice-differentiable log-density on the truth vector z (length n), up to a constant.
 * `gradient` writes ∂L/∂z into `out` (length n); `hessian` writes ∂²L/∂z_a∂z_b into `out`
 * (row-major n×n). Both overwrite `out` entirely.
 */
export interface LogDensityConstraint {
  value(z: Float64Array): number;
  gradient(z: Float64Array, out: Float64Array): void;
  hessian(z: Float64Array, out: Float64Array): void;
}

function checkPair(i: number, j: number, owner: string): void {
  if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0 || i === j) {
    throw new RangeError(`${owner}: objects (${i}, ${j}) must be two different non-negative indices`);
  }
}

/**
 * Gaussian constraint on a difference (Eq. 9): L(z) = −(z_i − z_j)²/(2Λ²). Objects other than
 * i and j are untouched. With n = 2 the solver reproduces the closed forms of Eqs. 10 and 12.
 */
export function gaussianDifferenceConstraint(i: number, j: number, lambda: number): LogDensityConstraint {
  checkPair(i, j, 'gaussianDifferenceConstraint');
  if (!(lambda > 0)) throw new RangeError(`gaussianDifferenceConstraint: lambda is ${lambda}; it must be > 0`);
  const w = 1 / (lambda * lambda);
  return {
    value: (z) => -0.5 * w * (z[i]! - z[j]!) ** 2,
    gradient(z, out) {
      out.fill(0);
      const g = -w * (z[i]! - z[j]!);
      out[i] = g;
      out[j] = -g;
    },
    hessian(z, out) {
      out.fill(0);
      const n = z.length;
      out[i * n + i] = -w;
      out[j * n + j] = -w;
      out[i * n + j] = w;
      out[j * n + i] = w;
    },
  };
}

/**
 * Boosted-resonance product constraint (Eqs. 26–27): L(z) = −(z_i z_j − μ)²/(2Λ_μ²), i.e. the
 * product of the two pT's is Gaussian about μ = (M² − m1² − m2²)/(2(cosh Δη − cos Δφ)) with width
 * Λ_μ (units of z², e.g. GeV²). Not concave everywhere: the solver's damping handles that.
 */
export function productConstraint(i: number, j: number, mu: number, lambdaMu: number): LogDensityConstraint {
  checkPair(i, j, 'productConstraint');
  if (!(lambdaMu > 0)) throw new RangeError(`productConstraint: lambdaMu is ${lambdaMu}; it must be > 0`);
  if (!Number.isFinite(mu)) throw new RangeError(`productConstraint: mu is ${mu}; it must be finite`);
  const w = 1 / (lambdaMu * lambdaMu);
  return {
    value: (z) => -0.5 * w * (z[i]! * z[j]! - mu) ** 2,
    gradient(z, out) {
      out.fill(0);
      const r = w * (z[i]! * z[j]! - mu);
      out[i] = -r * z[j]!;
      out[j] = -r * z[i]!;
    },
    hessian(z, out) {
      out.fill(0);
      const n = z.length;
      const zi = z[i]!, zj = z[j]!;
      const r = w * (zi * zj - mu);
      out[i * n + i] = -w * zj * zj;
      out[j * n + j] = -w * zi * zi;
      out[i * n + j] = out[j * n + i] = -w * zi * zj - r;
    },
  };
}

/** The sum of several constraints on the same n objects (e.g. a chain of pairwise differences). */
export function sumConstraints(constraints: readonly LogDensityConstraint[], n: number): LogDensityConstraint {
  const gradScratch = new Float64Array(n);
  const hessScratch = new Float64Array(n * n);
  return {
    value: (z) => constraints.reduce((acc, c) => acc + c.value(z), 0),
    gradient(z, out) {
      out.fill(0);
      for (const c of constraints) {
        c.gradient(z, gradScratch);
        for (let a = 0; a < n; a++) out[a]! += gradScratch[a]!;
      }
    },
    hessian(z, out) {
      out.fill(0);
      for (const c of constraints) {
        c.hessian(z, hessScratch);
        for (let a = 0; a < n * n; a++) out[a]! += hessScratch[a]!;
      }
    },
  };
}
