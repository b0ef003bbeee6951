/**
 * One-dimensional optimal-transport data-based calibration (Pollard & Windischhofer,
 * arXiv:2107.08648), as studied in arXiv:2205.05084 Sec. II D: h = P_data⁻¹ ∘ P_sim (Eq. (17)),
 * mapping quantiles of the simulated x onto quantiles of the data x, from weighted ECDFs.
 * Its Jacobian |h′(x)| = p_sim(x)/p_data(h(x)) (Eq. (18)) contains p_sim(x) = ∫ p_sim(x|z) p(z) dz,
 * hence the prior dependence of the calibrated response (Eq. (16)).
 */
import { NotFittedError, ParameterError } from '../errors.js';
import { WeightedEcdf } from './ecdf.js';
import { checkFinite, checkWeights } from './weights.js';

/** Options of OptimalTransport1D. */
export interface OptimalTransport1DOptions {
  /**
   * Half-width δ, in probability, of the quantile window over which the Jacobian is estimated:
   * h′ ≈ [Q_data(p+δ) − Q_data(p−δ)]/[Q_sim(p+δ) − Q_sim(p−δ)] at p = P_sim(x) (default 0.01).
   * Also the tail fraction whose mean slope extends h linearly beyond the simulated range.
   */
  readonly window?: number;
}

/**
 * h(x) = Q_data(P_sim(x)) with P, Q the interpolated weighted ECDF and quantile function
 * (WeightedEcdf): exact quantile matching of the two weighted samples, extended linearly beyond
 * the simulated range with the slope of the outer `window` of probability.
 *
 * Jacobian reweighting (Eq. (15)): the calibrated simulation has density
 * p̂(y) = p_sim(h⁻¹(y)) |(h⁻¹)′(y)| = p_sim(h⁻¹(y)) / |h′(h⁻¹(y))| (calibratedDensity). For weighted
 * samples the same thing is done by moving each simulated x to h(x) and keeping its weight: the
 * Jacobian is then carried by the change of variables, and must not be applied a second time.
 * @example
 * const ot = new OptimalTransport1D().fit(simX, simW, dataX, dataW);
 * const calibrated = ot.predict(simX); // histogram with simW
 */
export class OptimalTransport1D {
  readonly window: number;
  sim_: WeightedEcdf | undefined;
  data_: WeightedEcdf | undefined;
  /** Slopes of the linear extension below and above the simulated range. */
  lowSlope_ = NaN;
  highSlope_ = NaN;

  constructor(options: OptimalTransport1DOptions = {}) {
    this.window = options.window ?? 0.01;
  }

  /** Builds both weighted ECDFs (a weight k equals k replicated rows). */
  fit(simX: ArrayLike<number>, simWeights: ArrayLike<number> | undefined, dataX: ArrayLike<number>, dataWeights?: ArrayLike<number>): this {
    const owner = 'OptimalTransport1D';
    if (!(this.window > 0 && this.window < 0.5)) throw new ParameterError('window', owner, 'a number in (0, 0.5)', this.window);
    const sx = checkFinite(simX, 'simX', owner);
    const dx = checkFinite(dataX, 'dataX', owner);
    this.sim_ = new WeightedEcdf(sx, checkWeights(simWeights, sx.length, owner));
    this.data_ = new WeightedEcdf(dx, checkWeights(dataWeights, dx.length, owner));
    this.lowSlope_ = this.quantileSlope(0, this.window);
    this.highSlope_ = this.quantileSlope(1 - this.window, 1);
    return this;
  }

  /** h(x) = Q_data(P_sim(x)), the calibrated value of each simulated x. */
  predict(x: ArrayLike<number>): Float64Array {
    const [sim, data] = this.checkFitted();
    return Float64Array.from(x, (v) => {
      if (v < sim.min) return this.hAtSimMin() + (v - sim.min) * this.lowSlope_;
      if (v > sim.max) return this.hAtSimMax() + (v - sim.max) * this.highSlope_;
      return data.quantile(sim.cdf(v));
    });
  }

  /** h⁻¹(y) = Q_sim(P_data(y)), extended linearly like h. */
  inverse(y: ArrayLike<number>): Float64Array {
    const [sim, data] = this.checkFitted();
    return Float64Array.from(y, (v) => {
      if (v < this.hAtSimMin()) return sim.min + (v - this.hAtSimMin()) / this.lowSlope_;
      if (v > this.hAtSimMax()) return sim.max + (v - this.hAtSimMax()) / this.highSlope_;
      return sim.quantile(data.cdf(v));
    });
  }

  /** |h′(x)| = p_sim(x)/p_data(h(x)) (Eq. (18)), from quantile differences over ±window around P_sim(x). */
  jacobian(x: ArrayLike<number>): Float64Array {
    const [sim] = this.checkFitted();
    return Float64Array.from(x, (v) => {
      if (v < sim.min) return this.lowSlope_;
      if (v > sim.max) return this.highSlope_;
      const p = sim.cdf(v);
      const lo = Math.min(Math.max(p - this.window, 0), 1 - 2 * this.window);
      return this.quantileSlope(lo, lo + 2 * this.window);
    });
  }

  /**
   * Density of the calibrated simulation at y, Eq. (15): p̂(y) = p_sim(h⁻¹(y)) / |h′(h⁻¹(y))|,
   * given the simulated density `simDensity` (e.g. a histogram or an analytic p_sim).
   */
  calibratedDensity(y: ArrayLike<number>, simDensity: (x: number) => number): Float64Array {
    const back = this.inverse(y);
    const jac = this.jacobian(back);
    return Float64Array.from(back, (x, i) => simDensity(x) / jac[i]!);
  }

  private hAtSimMin(): number {
    const [sim, data] = this.checkFitted();
    return data.quantile(sim.p[0]!);
  }

  private hAtSimMax(): number {
    const [sim, data] = this.checkFitted();
    return data.quantile(sim.p[sim.p.length - 1]!);
  }

  private quantileSlope(p0: number, p1: number): number {
    const [sim, data] = this.checkFitted();
    const dSim = sim.quantile(p1) - sim.quantile(p0);
    const dData = data.quantile(p1) - data.quantile(p0);
    return dSim > 0 && dData > 0 ? dData / dSim : 1;
  }

  private checkFitted(): [WeightedEcdf, WeightedEcdf] {
    if (this.sim_ === undefined || this.data_ === undefined) throw new NotFittedError('OptimalTransport1D');
    return [this.sim_, this.data_];
  }
}
