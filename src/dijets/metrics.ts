/**
 * Resolution metrics of the correlation-improved calibration (Gambhir & Nachman,
 * arXiv:2402.14067, Eqs. 23–24).
 */

function checkLengths(sigma: Float64Array, sigmaCorrected: Float64Array, owner: string): void {
  if (sigma.length !== sigmaCorrected.length) {
    throw new RangeError(`${owner}: sigmaCorrected has ${sigmaCorrected.length} entries but sigma has ${sigma.length}`);
  }
}

/**
 * Resolution ratio σ'/σ per event (Eq. 23; ≈ 1 − σ²/(2Λ²) for Λ ≫ σ). The "relative
 * improvement" of the paper is 1 − ratio.
 */
export function resolutionRatio(sigma: Float64Array, sigmaCorrected: Float64Array): Float64Array {
  checkLengths(sigma, sigmaCorrected, 'resolutionRatio');
  const out = new Float64Array(sigma.length);
  for (let e = 0; e < sigma.length; e++) out[e] = sigmaCorrected[e]! / sigma[e]!;
  return out;
}

/**
 * Quadrature improvement sqrt(σ² − σ'²)/σ per event (Eq. 24, whose printed form has the two
 * variances the other way round; it is the information added, ≈ σ/Λ for Λ ≫ σ). Zero where
 * σ' ≥ σ.
 */
export function quadratureImprovement(sigma: Float64Array, sigmaCorrected: Float64Array): Float64Array {
  checkLengths(sigma, sigmaCorrected, 'quadratureImprovement');
  const out = new Float64Array(sigma.length);
  for (let e = 0; e < sigma.length; e++) {
    const s = sigma[e]!, sc = sigmaCorrected[e]!;
    out[e] = Math.sqrt(Math.max(0, s * s - sc * sc)) / s;
  }
  return out;
}
