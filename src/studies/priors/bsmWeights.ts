/**
 * The narrow BSM resonance of arXiv:2205.05084 Eq. (45): QCD events reweighted on the true m_jj,
 * w_i ∝ w_i^QCD · N(m_i; μ, σ) / p_QCD(m_i), so that the weighted truth spectrum is N(μ, σ²).
 */

/** Resonance mass μ and width σ of the reweighting (GeV); the paper's 2.8 TeV and 10 GeV. */
export interface ResonanceOptions {
  massGeV: number;
  widthGeV: number;
}

/**
 * Local log-slope b of the truth spectrum p(m) ∝ e^{b m} around `centreGeV`, from the weighted
 * mean m̄ of the events within ±halfWidthGeV: for an exponential on [c − L, c + L],
 * m̄ − c = L·coth(bL) − 1/b ≈ bL²/3 when |bL| ≪ 1, so b ≈ 3(m̄ − c)/L².
 */
export function localLogSlope(mGeV: ArrayLike<number>, weight: ArrayLike<number>, centreGeV: number, halfWidthGeV: number): { slopePerGeV: number; events: number } {
  let sw = 0, swm = 0, events = 0;
  for (let i = 0; i < mGeV.length; i++) {
    const d = (mGeV[i] as number) - centreGeV;
    if (Math.abs(d) > halfWidthGeV) continue;
    sw += weight[i] as number;
    swm += (weight[i] as number) * d;
    events++;
  }
  return { slopePerGeV: sw > 0 ? (3 * swm) / sw / halfWidthGeV ** 2 : NaN, events };
}

/**
 * BSM weights of each event (sum 1): w^QCD · N(m; μ, σ) · e^{−b(m−μ)}, the division by the QCD
 * spectrum being done with its local exponential form (b from localLogSlope over ±10σ, at least
 * ±100 GeV). Events beyond 8σ get weight 0.
 */
export function bsmWeights(genMjjGeV: ArrayLike<number>, qcdWeight: ArrayLike<number>, r: ResonanceOptions, slopePerGeV: number): Float64Array {
  const w = new Float64Array(genMjjGeV.length);
  let sum = 0;
  for (let i = 0; i < w.length; i++) {
    const d = (genMjjGeV[i] as number) - r.massGeV;
    if (Math.abs(d) > 8 * r.widthGeV) continue;
    w[i] = (qcdWeight[i] as number) * Math.exp(-0.5 * (d / r.widthGeV) ** 2 - slopePerGeV * d);
    sum += w[i]!;
  }
  if (sum > 0) for (let i = 0; i < w.length; i++) w[i]! /= sum;
  return w;
}

/** Kish effective number of events (Σw)²/Σw². */
export function effectiveEvents(w: ArrayLike<number>): number {
  let s = 0, s2 = 0;
  for (let i = 0; i < w.length; i++) {
    s += w[i] as number;
    s2 += (w[i] as number) ** 2;
  }
  return s2 > 0 ? (s * s) / s2 : 0;
}

/** Half-width of the window of localLogSlope for a resonance. */
export function slopeWindowGeV(r: ResonanceOptions): number {
  return Math.max(10 * r.widthGeV, 100);
}
