/**
 * The truth-level asymmetry |Δ| = |z1 − z2| and the two model densities of the paper
 * (Gambhir & Nachman, arXiv:2402.14067, Eqs. 20–21, Fig. 5). |Δ| does not depend on the labels.
 */

/** Functional form of p(z1 − z2): Gaussian of width Λ (Eq. 20) or symmetrised exponential Λ_e (Eq. 21). */
export type AsymmetryForm = 'gaussian' | 'exponential';

/**
 * Density of |Δ| at d ≥ 0: (2/(Λ√(2π))) exp(−d²/(2Λ²)) (Gaussian) or (1/Λ_e) exp(−d/Λ_e)
 * (exponential), per unit of Δ.
 */
export function absAsymmetryDensity(form: AsymmetryForm, lambda: number, d: number): number {
  if (form === 'gaussian') return (Math.SQRT2 / (lambda * Math.sqrt(Math.PI))) * Math.exp((-0.5 * d * d) / (lambda * lambda));
  return Math.exp(-d / lambda) / lambda;
}

// Five-point Gauss–Legendre nodes and weights on [−1, 1].
const GL_NODES = [0, -0.5384693101056831, 0.5384693101056831, -0.906179845938664, 0.906179845938664];
const GL_WEIGHTS = [0.5688888888888889, 0.47862867049936647, 0.47862867049936647, 0.23692688505618908, 0.23692688505618908];

/** Mean of `absAsymmetryDensity` over [lo, hi] (5-point Gauss–Legendre), what a density histogram bin estimates. */
export function binAveragedDensity(form: AsymmetryForm, lambda: number, lo: number, hi: number): number {
  const half = 0.5 * (hi - lo), mid = 0.5 * (hi + lo);
  let s = 0;
  for (let k = 0; k < 5; k++) s += GL_WEIGHTS[k]! * absAsymmetryDensity(form, lambda, mid + half * GL_NODES[k]!);
  return 0.5 * s;
}

/** A density histogram of |Δ| on [0, upper]: density_k = count_k/(n·width), n counting every event (overflow too). */
export interface AbsAsymmetryHistogram {
  /** bins + 1 edges, units of Δ. */
  readonly edges: Float64Array;
  /** Per bin, units of 1/Δ. */
  readonly density: Float64Array;
  readonly counts: Float64Array;
  /** Events in the histogram (in range or not). */
  readonly n: number;
}

/** Bin index of |Δ| on [0, upper] with `bins` equal bins, or −1 past the upper edge (or NaN). */
export function absAsymmetryBin(delta: number, bins: number, upper: number): number {
  const k = Math.floor((Math.abs(delta) / upper) * bins);
  return k >= 0 && k < bins ? k : -1;
}

/** Histogram of |Δ| for the fits and for Fig. 5. */
export function absAsymmetryHistogram(delta: Float64Array, bins: number, upper: number): AbsAsymmetryHistogram {
  if (!(bins >= 1) || !Number.isInteger(bins)) throw new RangeError(`absAsymmetryHistogram: bins is ${bins}; it must be a positive integer`);
  if (!(upper > 0)) throw new RangeError(`absAsymmetryHistogram: upper is ${upper}; it must be > 0`);
  const counts = new Float64Array(bins);
  for (let e = 0; e < delta.length; e++) {
    const k = absAsymmetryBin(delta[e]!, bins, upper);
    if (k >= 0) counts[k]!++;
  }
  return histogramFromCounts(counts, delta.length, upper);
}

/** Builds the histogram record from counts over [0, upper] and the total number of events. */
export function histogramFromCounts(counts: Float64Array, n: number, upper: number): AbsAsymmetryHistogram {
  const bins = counts.length, width = upper / bins;
  const edges = new Float64Array(bins + 1);
  for (let k = 0; k <= bins; k++) edges[k] = k * width;
  const density = new Float64Array(bins);
  for (let k = 0; k < bins; k++) density[k] = n > 0 ? counts[k]! / (n * width) : 0;
  return { edges, density, counts, n };
}
