import { NotFittedError, ParameterError } from '../errors.js';
import { solveLeastSquares } from './leastSquares.js';
import { checkFinite, checkSameLength, checkWeights } from './weights.js';

/** Options of PolynomialRegression. */
export interface PolynomialRegressionOptions {
  /** Polynomial degree d ≥ 0 (default 1). */
  readonly degree?: number;
}

/**
 * Weighted least-squares polynomial y ≈ Σ_{j≤d} c_j t^j with t = (x − x̄)/s, where x̄ and s are
 * the weighted mean and standard deviation of x (centring and scaling keep the Vandermonde
 * matrix well conditioned), solved by Householder QR of diag(√w)·V. Fitting z on x with MSE
 * gives the prior-dependent f_MSE(x) = E[z|x] of arXiv:2205.05084 Eq. (3); degree 1 is the
 * paper's numpy.polyfit baseline.
 * @example
 * const f = new PolynomialRegression({ degree: 1 }).fit(x, z);
 * f.predict([0.5]); f.coefficients(); // [intercept, slope] in powers of x
 */
export class PolynomialRegression {
  readonly degree: number;
  /** Coefficients c_j in powers of the standardised t, set by fit. */
  coef_: Float64Array | undefined;
  /** Centre x̄ and scale s of the standardisation t = (x − x̄)/s. */
  xMean_ = NaN;
  xScale_ = NaN;
  /** Weighted RMS residual sqrt(Σw(y − f(x))²/Σw) on the training sample. */
  residualStd_ = NaN;

  constructor(options: PolynomialRegressionOptions = {}) {
    this.degree = options.degree ?? 1;
  }

  /** Fits y on x with optional sample weights (a weight k equals k replicated rows). */
  fit(x: ArrayLike<number>, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): this {
    const owner = 'PolynomialRegression';
    if (!Number.isInteger(this.degree) || this.degree < 0) throw new ParameterError('degree', owner, 'an integer ≥ 0', this.degree);
    checkSameLength(x, y, ['x', 'y'], owner);
    const xs = checkFinite(x, 'x', owner);
    const ys = checkFinite(y, 'y', owner);
    const w = checkWeights(sampleWeight, xs.length, owner);
    const { mean, std } = weightedMeanStd(xs, w);
    this.xMean_ = mean;
    this.xScale_ = std > 0 ? std : 1;
    const rootW = w.map(Math.sqrt);
    const columns: Float64Array[] = [];
    let power = Float64Array.from(rootW);
    for (let j = 0; j <= this.degree; j++) {
      columns.push(power);
      power = power.map((p, i) => (p * (xs[i]! - mean)) / this.xScale_);
    }
    try {
      this.coef_ = solveLeastSquares(columns, ys.map((v, i) => v * rootW[i]!));
    } catch (err) {
      throw new ParameterError('degree', owner, 'below the number of distinct x values with positive weight', this.degree);
    }
    const pred = this.predict(xs);
    let ss = 0;
    let sw = 0;
    for (let i = 0; i < xs.length; i++) {
      ss += w[i]! * (ys[i]! - pred[i]!) ** 2;
      sw += w[i]!;
    }
    this.residualStd_ = Math.sqrt(ss / sw);
    return this;
  }

  /** f(x) = Σ c_j ((x − x̄)/s)^j, by Horner's rule. */
  predict(x: ArrayLike<number>): Float64Array {
    const c = this.checkFitted();
    return Float64Array.from(x, (v) => {
      const t = (v - this.xMean_) / this.xScale_;
      let s = 0;
      for (let j = c.length - 1; j >= 0; j--) s = s * t + c[j]!;
      return s;
    });
  }

  /** Coefficients a_k of f(x) = Σ a_k x^k in raw powers of x (expanded binomially; fine for low degree). */
  coefficients(): Float64Array {
    const c = this.checkFitted();
    const out = new Float64Array(c.length);
    for (let j = 0; j < c.length; j++) {
      const cj = c[j]! / this.xScale_ ** j;
      for (let k = 0; k <= j; k++) out[k]! += cj * binomial(j, k) * (-this.xMean_) ** (j - k);
    }
    return out;
  }

  private checkFitted(): Float64Array {
    if (this.coef_ === undefined) throw new NotFittedError('PolynomialRegression');
    return this.coef_;
  }
}

/** Weighted mean and population standard deviation. */
export function weightedMeanStd(v: ArrayLike<number>, w: ArrayLike<number>): { mean: number; std: number } {
  let sw = 0;
  let swv = 0;
  for (let i = 0; i < v.length; i++) {
    sw += w[i] as number;
    swv += (w[i] as number) * (v[i] as number);
  }
  const mean = swv / sw;
  let ss = 0;
  for (let i = 0; i < v.length; i++) ss += (w[i] as number) * ((v[i] as number) - mean) ** 2;
  return { mean, std: Math.sqrt(ss / sw) };
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}
