/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna, 2018) seeded through splitmix32.
 * Same seed → same stream on every platform. Everything stochastic in ansatz takes an `Rng`
 * or a `seed`, so trainings, simulations and studies are reproducible. Written for the
 * simulator's hot loops: the state lives in an Int32Array and the spare normal deviate in a
 * Float64Array, so no draw allocates (a number-or-undefined field holds its doubles as heap
 * objects) and every state update is plain 32-bit integer work.
 *
 * @example
 * const rng = new Rng(42);
 * rng.normal(); // a standard normal deviate
 */
/** Raw outputs generated per refill of Rng.ahead. */
const RAW_BLOCK = 64;

export class Rng {
  private readonly s = new Int32Array(4);
  /**
   * Raw xoshiro outputs generated ahead in blocks (the stream is unchanged: draws read them in
   * order). A draw is then an array read, small enough for V8 to inline at every call site; a
   * draw that is not inlined returns its double boxed, and those boxes were most of the
   * simulator's garbage.
   */
  private readonly ahead = new Int32Array(RAW_BLOCK);
  private nextRaw = RAW_BLOCK;
  private readonly spare = new Float64Array(1);
  private readonly scratch = new Float64Array(1);
  private hasSpare = false;

  /** `stream` ≠ 0 selects another stream of the same seed (see `reseed`). */
  constructor(seed: number, stream = 0) {
    this.reseed(seed, stream);
  }

  /**
   * Restarts the generator as `new Rng(seed, stream)` would. Stream 0 is the seed's own stream;
   * stream k > 0 (an integer < 2³²) starts where the seed's splitmix32 words are mixed with those
   * of k: a different point of xoshiro128**'s 2¹²⁸ period, so that the streams of one seed (e.g.
   * one per block of simulated events) are as independent as those of different seeds.
   */
  reseed(seed: number, stream = 0): void {
    if (!(Number.isInteger(stream) && stream >= 0 && stream < 2 ** 32)) throw new RangeError(`Rng: stream is ${stream}; it must be an integer in [0, 2^32)`);
    const s = this.s;
    let x = seed >>> 0;
    s[0] = splitmix32(x += 0x9e3779b9); s[1] = splitmix32(x += 0x9e3779b9);
    s[2] = splitmix32(x += 0x9e3779b9); s[3] = splitmix32(x += 0x9e3779b9);
    if (stream !== 0) {
      // Offset from the seed's words so that stream k of seed a and stream a of seed k differ.
      let y = (stream ^ 0x5bd1e995) >>> 0;
      for (let i = 0; i < 4; i++) s[i] = s[i]! ^ splitmix32(y += 0x9e3779b9);
    }
    if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1;
    this.nextRaw = RAW_BLOCK;
    this.hasSpare = false;
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    if (this.nextRaw === RAW_BLOCK) this.refill();
    return this.ahead[this.nextRaw++]! >>> 0;
  }

  /** Moves the unread raw outputs to the front of `ahead` and fills the rest with xoshiro128** steps. */
  private refill(): void {
    const a = this.ahead, st = this.s;
    let k = 0;
    for (let i = this.nextRaw; i < RAW_BLOCK; i++) a[k++] = a[i]!;
    let s0 = st[0]!, s1 = st[1]!, s2 = st[2]!, s3 = st[3]!;
    for (; k < RAW_BLOCK; k++) {
      const m = Math.imul(s1, 5);
      a[k] = Math.imul((m << 7) | (m >>> 25), 9);
      const t2 = s2 ^ s0, t3 = s3 ^ s1, shifted = s1 << 9;
      s0 ^= t3;
      s1 ^= t2;
      s2 = t2 ^ shifted;
      s3 = (t3 << 11) | (t3 >>> 21);
    }
    st[0] = s0; st[1] = s1; st[2] = s2; st[3] = s3;
    this.nextRaw = 0;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  uniform(): number {
    if (this.nextRaw > RAW_BLOCK - 2) this.refill();
    const a = this.ahead, i = this.nextRaw;
    this.nextRaw = i + 2;
    return ((a[i]! >>> 5) * 67108864 + (a[i + 1]! >>> 6)) / 9007199254740992;
  }

  /** Uniform in [lo, hi). */
  uniformIn(lo: number, hi: number): number {
    return lo + (hi - lo) * this.uniform();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /**
   * Standard normal deviate (Marsaglia's polar method; the second deviate is kept for the next call).
   * Kept small so that V8 inlines it at every call site (a call that is not inlined returns its
   * double boxed): the spare is read here, the polar loop runs in a call that returns nothing.
   */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare[0]!;
    }
    this.normalPairToScratch();
    return this.scratch[0]!;
  }

  /** One standard normal deviate into scratch[0] (no double returned, so nothing boxed where the call is not inlined). */
  private normalToScratch(): void {
    if (this.hasSpare) {
      this.hasSpare = false;
      this.scratch[0] = this.spare[0]!;
      return;
    }
    this.normalPairToScratch();
  }

  /** A fresh pair of normal deviates: the first into scratch[0], the second kept as the spare. */
  private normalPairToScratch(): void {
    let u: number, v: number, s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare[0] = v * f;
    this.hasSpare = true;
    this.scratch[0] = u * f;
  }

  /** Exponential deviate with the given mean. */
  exponential(mean = 1): number {
    return -mean * Math.log(1 - this.uniform());
  }

  /** Gamma(shape, 1) deviate (Marsaglia & Tsang, 2000; shape < 1 by the boost u^(1/shape)). */
  gamma(shape: number): number {
    this.gammaToScratch(shape);
    return this.scratch[0]!;
  }

  /** Fills out[0..count) with Gamma(shape, 1) deviates; returns their sum, added in order. */
  gammaSum(shape: number, out: Float64Array, count: number): number {
    let sum = 0;
    for (let i = 0; i < count; i++) {
      this.gammaToScratch(shape);
      sum += (out[i] = this.scratch[0]!);
    }
    return sum;
  }

  /**
   * One Gamma(shape, 1) deviate into scratch[0]. Gamma(shape) is Gamma(shape + 1)·u^(1/shape) for
   * shape < 1, written out here (same draws as that recursion, same order); the normal deviates
   * and the result go through scratch, so that no call returns a double (boxed unless inlined).
   */
  private gammaToScratch(shape: number): void {
    if (!(shape > 0)) throw new RangeError(`gamma: shape is ${shape}; it must be > 0`);
    // shape + 0 rather than shape: a conditional merging the computed shape + 1 with the (tagged)
    // argument itself would box shape + 1, a heap number per draw.
    const boosted = shape < 1, a = shape + (boosted ? 1 : 0);
    const d = a - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    let g: number;
    for (;;) {
      let x: number, v: number;
      do {
        this.normalToScratch();
        x = this.scratch[0]!;
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      if (u < 1 - 0.0331 * x * x * x * x) { g = d * v; break; }
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) { g = d * v; break; }
    }
    this.scratch[0] = boosted ? g * Math.pow(this.uniform() || Number.MIN_VALUE, 1 / shape) : g;
  }

  /** Dirichlet deviate with concentration parameters `alpha`; writes into `out` if given and returns it. */
  dirichlet(alpha: ArrayLike<number>, out: Float64Array = new Float64Array(alpha.length)): Float64Array {
    let sum = 0;
    for (let i = 0; i < alpha.length; i++) {
      this.gammaToScratch(alpha[i]!);
      out[i] = this.scratch[0]!;
      sum += out[i]!;
    }
    for (let i = 0; i < alpha.length; i++) out[i]! /= sum;
    return out;
  }

  /** Poisson deviate (Knuth's product method below 30, a rounded normal approximation with continuity above). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean < 30) {
      const limit = Math.exp(-mean);
      let k = 0;
      let p = this.uniform();
      while (p > limit) {
        k++;
        p *= this.uniform();
      }
      return k;
    }
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
  }

  /** Fisher–Yates shuffle in place; returns `a`. */
  shuffle<T extends { length: number; [i: number]: unknown }>(a: T): T {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  /** A random permutation of 0..n-1. */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    return this.shuffle(p);
  }

  /**
   * A random permutation with no fixed points (a derangement), for the marginal pairs of the
   * Donsker–Varadhan loss: a random cyclic shift of a random order, so π(i) ≠ i for every i.
   */
  derangement(n: number): Int32Array {
    if (n < 2) throw new RangeError(`derangement: n is ${n}; it must be at least 2`);
    const order = this.permutation(n);
    const shift = 1 + this.int(n - 1);
    const pi = new Int32Array(n);
    for (let k = 0; k < n; k++) pi[order[k]!] = order[(k + shift) % n]!;
    return pi;
  }
}

/** splitmix32's output function of the counter value x (uint32). */
function splitmix32(x: number): number {
  let t = (x >>> 0) ^ (x >>> 16);
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  return (t ^ (t >>> 15)) >>> 0;
}
