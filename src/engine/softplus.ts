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
