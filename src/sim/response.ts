/**
 * Jet response models and their numerical inversion (the CMS JEC method, arXiv:1107.4277 §5):
 * the mean response r(g, η) = E[x / g | g, η] of a measured quantity x (reco jet pT, or the oracle's
 * particle sum) at true pT g is fitted once on simulation by least squares in the features
 *   r(g, η) = c0 + c1·L + c2·L² + c3·η² + c4·η²·L + c5·η⁴,   L = ln(g / 700 GeV),
 * optionally plus an additive pileup offset x ⊃ c6·(npv − 1)·A (A the jet area). A measured x is
 * calibrated by solving g·r(g, η) + c6·(npv − 1)·A = x for g (fixed-point iteration).
 */

/** Fitted response coefficients: 6 shape terms, plus the pileup offset (GeV per vertex per unit area) or 0. */
export interface ResponseModel {
  readonly coef: readonly [number, number, number, number, number, number];
  readonly pileupOffsetGeV: number;
}

const REF_PT_GEV = 700;
const N_SHAPE = 6;

function fillFeatures(gGeV: number, eta: number, out: Float64Array): void {
  const l = Math.log(gGeV / REF_PT_GEV), e2 = eta * eta;
  out[0] = 1; out[1] = l; out[2] = l * l; out[3] = e2; out[4] = e2 * l; out[5] = e2 * e2;
}

const feat = new Float64Array(N_SHAPE + 1);

/** The mean response r(g, η) of `model` at true pT g (GeV) and pseudorapidity η. */
export function meanResponse(model: ResponseModel, gGeV: number, eta: number): number {
  fillFeatures(Math.max(gGeV, 1), eta, feat);
  let r = 0;
  for (let k = 0; k < N_SHAPE; k++) r += model.coef[k]! * feat[k]!;
  return r;
}

/** The true pT g solving g·r(g, η) + offset·(npv − 1)·A = x; `pileupArea` = (npv − 1)·A. */
export function invertResponse(model: ResponseModel, xGeV: number, eta: number, pileupArea = 0): number {
  const target = xGeV - model.pileupOffsetGeV * pileupArea;
  if (!(target > 0)) return xGeV;
  let g = target;
  for (let it = 0; it < 60; it++) {
    const next = target / meanResponse(model, g, eta);
    if (Math.abs(next - g) < 1e-11 * g) return next;
    g = next;
  }
  return g;
}

/**
 * Least-squares fit of r(g, η) to samples x_i / g_i (and, when `pileupArea` is given, the offset
 * term (npv − 1)·A / g). Ratios outside [0.5, 1.5] (mismatched jets) are left out.
 */
export function fitResponse(xGeV: ArrayLike<number>, gGeV: ArrayLike<number>, eta: ArrayLike<number>, pileupArea?: ArrayLike<number>): ResponseModel {
  const p = pileupArea === undefined ? N_SHAPE : N_SHAPE + 1;
  const ata = new Float64Array(p * p), atb = new Float64Array(p);
  for (let i = 0; i < xGeV.length; i++) {
    const g = gGeV[i]!, ratio = xGeV[i]! / g;
    if (!(g > 0) || !(ratio > 0.5 && ratio < 1.5)) continue;
    fillFeatures(g, eta[i]!, feat);
    if (pileupArea !== undefined) feat[N_SHAPE] = pileupArea[i]! / g;
    for (let a = 0; a < p; a++) {
      atb[a]! += feat[a]! * ratio;
      for (let b = 0; b < p; b++) ata[a * p + b]! += feat[a]! * feat[b]!;
    }
  }
  const c = solveSymmetric(ata, atb, p);
  return { coef: [c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!], pileupOffsetGeV: p > N_SHAPE ? c[N_SHAPE]! : 0 };
}

/** Solves A x = b (A p×p, row-major) by Gaussian elimination with partial pivoting. */
function solveSymmetric(a: Float64Array, b: Float64Array, p: number): Float64Array {
  const m = Float64Array.from(a), x = Float64Array.from(b);
  for (let col = 0; col < p; col++) {
    let piv = col;
    for (let r = col + 1; r < p; r++) if (Math.abs(m[r * p + col]!) > Math.abs(m[piv * p + col]!)) piv = r;
    if (m[piv * p + col] === 0) throw new RangeError('fitResponse: the design matrix is singular; give jets spanning several pT and η values');
    for (let k = 0; k < p; k++) { const t = m[col * p + k]!; m[col * p + k] = m[piv * p + k]!; m[piv * p + k] = t; }
    const tb = x[col]!; x[col] = x[piv]!; x[piv] = tb;
    for (let r = col + 1; r < p; r++) {
      const f = m[r * p + col]! / m[col * p + col]!;
      for (let k = col; k < p; k++) m[r * p + k]! -= f * m[col * p + k]!;
      x[r]! -= f * x[col]!;
    }
  }
  for (let r = p - 1; r >= 0; r--) {
    let s = x[r]!;
    for (let k = r + 1; k < p; k++) s -= m[r * p + k]! * x[k]!;
    x[r] = s / m[r * p + r]!;
  }
  return x;
}
