/**
 * Least squares min ‖A c − b‖² by Householder QR (Golub & Van Loan, Matrix Computations,
 * §5.3): stable for the moderately conditioned design matrices of low-degree fits, without
 * forming the normal equations (which square the condition number).
 * `a` is column-major: a[j] is column j (length m). Inputs are not modified.
 * Throws RangeError when A is numerically rank deficient.
 */
export function solveLeastSquares(a: Float64Array[], b: Float64Array): Float64Array {
  const n = a.length;
  const m = b.length;
  if (m < n) throw new RangeError(`least squares: ${m} rows cannot determine ${n} coefficients`);
  const cols = a.map((c) => Float64Array.from(c));
  const rhs = Float64Array.from(b);
  const diag = new Float64Array(n);
  const scale = Math.max(...cols.map((c) => norm(c, 0)));
  for (let j = 0; j < n; j++) {
    const col = cols[j]!;
    const alpha = -Math.sign(col[j]! || 1) * norm(col, j);
    if (!(Math.abs(alpha) > 1e-12 * scale)) throw new RangeError(`least squares: design matrix is rank deficient at column ${j}`);
    diag[j] = alpha;
    col[j]! -= alpha; // v = x − αe₁ stored in place; Hᵢ = I − 2vvᵀ/vᵀv
    const vtv = dotFrom(col, col, j);
    for (let k = j + 1; k < n; k++) reflect(col, cols[k]!, j, vtv);
    reflect(col, rhs, j, vtv);
  }
  const coef = new Float64Array(n);
  for (let j = n - 1; j >= 0; j--) {
    let s = rhs[j]!;
    for (let k = j + 1; k < n; k++) s -= cols[k]![j]! * coef[k]!;
    coef[j] = s / diag[j]!;
  }
  return coef;
}

function reflect(v: Float64Array, y: Float64Array, from: number, vtv: number): void {
  const f = (2 * dotFrom(v, y, from)) / vtv;
  for (let i = from; i < y.length; i++) y[i]! -= f * v[i]!;
}

function dotFrom(u: Float64Array, v: Float64Array, from: number): number {
  let s = 0;
  for (let i = from; i < u.length; i++) s += u[i]! * v[i]!;
  return s;
}

function norm(u: Float64Array, from: number): number {
  let big = 0;
  for (let i = from; i < u.length; i++) big = Math.max(big, Math.abs(u[i]!));
  if (big === 0) return 0;
  let s = 0;
  for (let i = from; i < u.length; i++) s += (u[i]! / big) ** 2;
  return big * Math.sqrt(s);
}
