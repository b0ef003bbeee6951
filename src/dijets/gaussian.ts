/**
 * Gaussian correlation-improved estimates for two jets (Gambhir & Nachman, arXiv:2402.14067,
 * Sec. II A, Eqs. 9–12). The truth-level asymmetry is L(z1 − z2) = −(z1 − z2)²/(2Λ²) + const;
 * maximising Σ_i log N(ẑ_i | z_i, σ_i²) + L(z1 − z2) gives closed forms.
 */
import { type CorrectedPair, type JetPair, type Width, checkPairLengths, widthAt } from './types.js';

/**
 * Gaussian closed forms, vectorised over events. With S² = Λ² + σ1² + σ2² (the paper's σ_Λ²):
 *
 *   ẑ1' = (ẑ1(Λ² + σ2²) + ẑ2 σ1²) / S²,   ẑ2' = (ẑ2(Λ² + σ1²) + ẑ1 σ2²) / S²      (Eq. 10)
 *   Σ'  = (1/S²) [[σ1²(S² − σ1²), σ1²σ2²], [σ1²σ2², σ2²(S² − σ2²)]]             (Eq. 12)
 *
 * so σ1'² = σ1²(1 − σ1²/S²) and cov = σ1²σ2²/S². Λ = 0 gives the resolution-weighted average with
 * the inverse-quadrature resolution; Λ → ∞ leaves the inputs unchanged.
 *
 * @param pair ẑ_i, σ_i per event (σ_i > 0), same units as Λ.
 * @param lambda Λ ≥ 0, one value or one per event.
 * @returns New columns (inputs are not modified).
 * @example
 * correlateGaussian({ zhat1: Float64Array.of(2), zhat2: Float64Array.of(0), sigma1: Float64Array.of(1), sigma2: Float64Array.of(1) }, 1)
 * // zhat1 [4/3], zhat2 [2/3], sigma1 [sqrt(2/3)], cov [1/3]
 */
export function correlateGaussian(pair: JetPair, lambda: Width): CorrectedPair {
  const n = checkPairLengths(pair, lambda, 'correlateGaussian');
  const out = {
    zhat1: new Float64Array(n),
    zhat2: new Float64Array(n),
    sigma1: new Float64Array(n),
    sigma2: new Float64Array(n),
    cov: new Float64Array(n),
  };
  for (let e = 0; e < n; e++) {
    const lam = widthAt(lambda, e);
    if (!(lam >= 0)) throw new RangeError(`correlateGaussian: lambda is ${lam} at event ${e}; it must be >= 0`);
    const z1 = pair.zhat1[e]!, z2 = pair.zhat2[e]!;
    const v1 = pair.sigma1[e]! ** 2, v2 = pair.sigma2[e]! ** 2;
    const lam2 = lam * lam;
    const s2 = lam2 + v1 + v2;
    out.zhat1[e] = (z1 * (lam2 + v2) + z2 * v1) / s2;
    out.zhat2[e] = (z2 * (lam2 + v1) + z1 * v2) / s2;
    out.sigma1[e] = Math.sqrt((v1 * (lam2 + v2)) / s2);
    out.sigma2[e] = Math.sqrt((v2 * (lam2 + v1)) / s2);
    out.cov[e] = (v1 * v2) / s2;
  }
  return out;
}
