/**
 * Central finite differences of `loss` with respect to `params[i]` for the given indices.
 * float32 storage limits precision: with step h the truncation error is O(h²) and the rounding
 * error O(ε_f32 · |loss| / h); h ≈ 1e-2 balances them for losses of order 1.
 */
export function finiteDifference(params: Float32Array, loss: () => number, indices: number[], h = 1e-2): number[] {
  return indices.map((i) => {
    const saved = params[i]!;
    params[i] = saved + h;
    const up = loss();
    params[i] = saved - h;
    const down = loss();
    params[i] = saved;
    return (up - down) / (2 * h);
  });
}

/** The relative error ‖a − b‖ / max(‖a‖, ‖b‖, tiny) between two gradient vectors. */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    d += (a[i]! - b[i]!) ** 2;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  return Math.sqrt(d) / Math.max(Math.sqrt(na), Math.sqrt(nb), 1e-12);
}
