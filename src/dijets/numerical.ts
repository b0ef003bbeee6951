/**
 * The general solver vectorised over events: n objects per event, one constraint per event
 * (Gambhir & Nachman, arXiv:2402.14067, Eq. 7; Sec. V for non-difference constraints).
 */
import type { LogDensityConstraint } from './constraints.js';
import { type SolverOptions, maximizeLikelihood } from './solver.js';

/** Result of `correlateNumerically`: columns per object, covariance per event. */
export interface NumericalCorrection {
  /** ẑ'_a per object a, each a column over events. */
  readonly zhat: Float64Array[];
  /** σ'_a = sqrt(Σ'_aa) per object a. */
  readonly sigma: Float64Array[];
  /** Σ' per event, row-major n×n blocks: event e at [e·n², (e+1)·n²). */
  readonly covariance: Float64Array;
  /** 1 where the solver converged (see `maximizeLikelihood`), else 0. */
  readonly converged: Uint8Array;
}

/**
 * Runs `maximizeLikelihood` on every event.
 *
 * @param zhat n columns of per-object estimates ẑ_a (events long).
 * @param sigma n columns of resolutions σ_a > 0.
 * @param constraint one constraint for all events, or a function giving event e's (e.g. a
 *   `productConstraint` with that event's μ).
 */
export function correlateNumerically(
  zhat: readonly Float64Array[],
  sigma: readonly Float64Array[],
  constraint: LogDensityConstraint | ((event: number) => LogDensityConstraint),
  options: SolverOptions = {},
): NumericalCorrection {
  const n = zhat.length;
  if (sigma.length !== n) throw new RangeError(`correlateNumerically: ${sigma.length} sigma columns but ${n} zhat columns`);
  if (n === 0) throw new RangeError('correlateNumerically: at least one object is needed');
  const events = zhat[0]!.length;
  for (let a = 0; a < n; a++) {
    if (zhat[a]!.length !== events || sigma[a]!.length !== events) {
      throw new RangeError(`correlateNumerically: object ${a} has ${zhat[a]!.length} estimates and ${sigma[a]!.length} resolutions but object 0 has ${events}`);
    }
  }
  const out = {
    zhat: Array.from({ length: n }, () => new Float64Array(events)),
    sigma: Array.from({ length: n }, () => new Float64Array(events)),
    covariance: new Float64Array(events * n * n),
    converged: new Uint8Array(events),
  };
  const zEvent = new Float64Array(n), sEvent = new Float64Array(n);
  for (let e = 0; e < events; e++) {
    for (let a = 0; a < n; a++) {
      zEvent[a] = zhat[a]![e]!;
      sEvent[a] = sigma[a]![e]!;
    }
    const c = typeof constraint === 'function' ? constraint(e) : constraint;
    const r = maximizeLikelihood(zEvent, sEvent, c, options);
    out.covariance.set(r.covariance, e * n * n);
    out.converged[e] = r.converged ? 1 : 0;
    for (let a = 0; a < n; a++) {
      out.zhat[a]![e] = r.z[a]!;
      out.sigma[a]![e] = Math.sqrt(r.covariance[a * n + a]!);
    }
  }
  return out;
}
