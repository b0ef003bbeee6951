/**
 * Small dense linear algebra for the n-object solver: Cholesky factorisation of a symmetric
 * positive-definite n×n matrix (row-major Float64Array), solves and inverse. n is a handful of
 * jets, so plain loops suffice.
 */

/**
 * Cholesky factorisation A = L Lᵀ in place: on success the lower triangle of `a` holds L (the
 * upper triangle is zeroed) and the result is true; false when A is not positive definite (then
 * `a` is garbage).
 */
export function choleskyInPlace(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k++) d -= a[j * n + k]! ** 2;
    if (!(d > 0) || !Number.isFinite(d)) return false;
    const ljj = Math.sqrt(d);
    a[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= a[i * n + k]! * a[j * n + k]!;
      a[i * n + j] = s / ljj;
    }
    for (let k = j + 1; k < n; k++) a[j * n + k] = 0;
  }
  return true;
}

/** Solves L Lᵀ x = b given the factor from `choleskyInPlace`; writes x into `out` and returns it. */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array, out: Float64Array = new Float64Array(n)): Float64Array {
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * out[k]!;
    out[i] = s / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = out[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * out[k]!;
    out[i] = s / l[i * n + i]!;
  }
  return out;
}

/** (L Lᵀ)⁻¹ from the factor of `choleskyInPlace`, row-major n×n, symmetrised against rounding; writes into `out` and returns it. */
export function choleskyInverse(l: Float64Array, n: number, out: Float64Array = new Float64Array(n * n)): Float64Array {
  const unit = new Float64Array(n);
  const column = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    unit.fill(0);
    unit[j] = 1;
    choleskySolve(l, n, unit, column);
    for (let i = 0; i < n; i++) out[i * n + j] = column[i]!;
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) out[i * n + j] = out[j * n + i] = 0.5 * (out[i * n + j]! + out[j * n + i]!);
  }
  return out;
}
