/**
 * Monotone piecewise-cubic Hermite interpolant (PCHIP) through points (x_k, y_k) with x and y
 * strictly increasing (Fritsch & Carlson, SIAM J. Numer. Anal. 17 (1980) 238; slopes as in
 * Fritsch & Butland 1984, end slopes by the shape-preserving three-point formula, as SciPy's
 * PchipInterpolator). The curve is strictly monotone between knots, so it has an inverse, and it
 * is extended linearly beyond the end knots, with the end knot slopes or the given `extension`
 * slopes (positive), e.g. secants over several knots, steadier than a slope from two noisy knots.
 */
export class MonotoneCubic {
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Derivative dy/dx at each knot. */
  readonly slope: Float64Array;

  private readonly extension: readonly [number, number] | undefined;

  constructor(x: ArrayLike<number>, y: ArrayLike<number>, extension?: readonly [number, number]) {
    if (x.length < 2) throw new RangeError('MonotoneCubic: needs at least 2 knots');
    this.x = Float64Array.from(x);
    this.y = Float64Array.from(y);
    for (let k = 1; k < x.length; k++) {
      if (!(this.x[k]! > this.x[k - 1]!) || !(this.y[k]! > this.y[k - 1]!)) throw new RangeError('MonotoneCubic: knots must be strictly increasing in x and y');
    }
    this.slope = knotSlopes(this.x, this.y);
    if (extension && !(extension[0] > 0 && extension[1] > 0)) throw new RangeError('MonotoneCubic: extension slopes must be positive');
    this.extension = extension;
  }

  /** y(v), linear beyond the end knots. */
  value(v: number): number {
    const n = this.x.length;
    if (v <= this.x[0]!) return this.y[0]! + this.endSlope(0) * (v - this.x[0]!);
    if (v >= this.x[n - 1]!) return this.y[n - 1]! + this.endSlope(n - 1) * (v - this.x[n - 1]!);
    const k = segment(this.x, v);
    const h = this.x[k + 1]! - this.x[k]!;
    const t = (v - this.x[k]!) / h;
    const t2 = t * t;
    const t3 = t2 * t;
    return (2 * t3 - 3 * t2 + 1) * this.y[k]! + (t3 - 2 * t2 + t) * h * this.slope[k]! + (-2 * t3 + 3 * t2) * this.y[k + 1]! + (t3 - t2) * h * this.slope[k + 1]!;
  }

  /** dy/dx at v (the end slope beyond the ends). */
  derivative(v: number): number {
    const n = this.x.length;
    if (v <= this.x[0]!) return this.endSlope(0);
    if (v >= this.x[n - 1]!) return this.endSlope(n - 1);
    const k = segment(this.x, v);
    const h = this.x[k + 1]! - this.x[k]!;
    const t = (v - this.x[k]!) / h;
    const t2 = t * t;
    return ((6 * t2 - 6 * t) * (this.y[k]! - this.y[k + 1]!)) / h + (3 * t2 - 4 * t + 1) * this.slope[k]! + (3 * t2 - 2 * t) * this.slope[k + 1]!;
  }

  /** The x with value(x) = target, by bisection inside the bracketing segment (linear beyond the ends). */
  inverse(target: number): number {
    const n = this.x.length;
    if (target <= this.y[0]!) return this.x[0]! + (target - this.y[0]!) / this.endSlope(0);
    if (target >= this.y[n - 1]!) return this.x[n - 1]! + (target - this.y[n - 1]!) / this.endSlope(n - 1);
    const k = segment(this.y, target);
    let lo = this.x[k]!;
    let hi = this.x[k + 1]!;
    for (let it = 0; it < 64 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo)); it++) {
      const mid = 0.5 * (lo + hi);
      if (this.value(mid) < target) lo = mid;
      else hi = mid;
    }
    return 0.5 * (lo + hi);
  }

  /** Slope of the linear extension at end knot k: the given one, else the knot slope, else (if 0) the end secant. */
  private endSlope(k: number): number {
    if (this.extension) return this.extension[k === 0 ? 0 : 1];
    const s = this.slope[k]!;
    if (s > 0) return s;
    const j = k === 0 ? 0 : k - 1;
    return (this.y[j + 1]! - this.y[j]!) / (this.x[j + 1]! - this.x[j]!);
  }
}

/** Index k of the segment [a_k, a_{k+1}] containing v (a strictly increasing, a_0 < v < a_last). */
function segment(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! <= v) lo = mid;
    else hi = mid;
  }
  return lo;
}

function knotSlopes(x: Float64Array, y: Float64Array): Float64Array {
  const n = x.length;
  const h = Float64Array.from({ length: n - 1 }, (_, k) => x[k + 1]! - x[k]!);
  const delta = Float64Array.from({ length: n - 1 }, (_, k) => (y[k + 1]! - y[k]!) / h[k]!);
  const d = new Float64Array(n);
  if (n === 2) return d.fill(delta[0]!);
  for (let k = 1; k < n - 1; k++) {
    const w1 = 2 * h[k]! + h[k - 1]!;
    const w2 = h[k]! + 2 * h[k - 1]!;
    d[k] = (w1 + w2) / (w1 / delta[k - 1]! + w2 / delta[k]!); // weighted harmonic mean, all deltas > 0
  }
  d[0] = endSlope(h[0]!, h[1]!, delta[0]!, delta[1]!);
  d[n - 1] = endSlope(h[n - 2]!, h[n - 3]!, delta[n - 2]!, delta[n - 3]!);
  return d;
}

function endSlope(h0: number, h1: number, m0: number, m1: number): number {
  const d = ((2 * h0 + h1) * m0 - h0 * m1) / (h0 + h1);
  if (d <= 0) return 0;
  if (m0 > 0 && m1 > 0 && d > 3 * m0) return 3 * m0;
  return d;
}
