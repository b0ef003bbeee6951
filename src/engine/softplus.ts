/** softplus(u) = log(1 + e^u), stable for any u (no overflow for u = 1e4, no underflow to 0 loss of precision for u ≪ 0). */
export function softplus(u: number): number {
  return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
}

/** The logistic sigmoid 1 / (1 + e^−u), stable for any u: the derivative of softplus. */
export function sigmoid(u: number): number {
  if (u >= 0) return 1 / (1 + Math.exp(-u));
  const e = Math.exp(u);
  return e / (1 + e);
}

/** softplus⁻¹(y) = log(e^y − 1) for y > 0, stable at both ends (y + log(1 − e^−y) for large y). */
export function inverseSoftplus(y: number): number {
  return y > 20 ? y + Math.log1p(-Math.exp(-y)) : Math.log(Math.expm1(y));
}
