import { Rng } from '../../src/engine/rng.js';

/** Seeded pairs of the paper's Gaussian example: z ~ prior, x = z + N(0, ε²). */
export function gaussianPairs(n: number, epsilon: number, prior: (rng: Rng) => number, seed: number): { x: Float64Array; z: Float64Array } {
  const rng = new Rng(seed);
  const z = new Float64Array(n);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    z[i] = prior(rng);
    x[i] = z[i]! + epsilon * rng.normal();
  }
  return { x, z };
}

/** z ~ N(μ, σ²). */
export const normalPrior = (mu: number, sigma: number) => (rng: Rng) => mu + sigma * rng.normal();

/** z ~ U(lo, hi). */
export const uniformPrior = (lo: number, hi: number) => (rng: Rng) => rng.uniformIn(lo, hi);

/** Repeats row i of each array weights[i] times (integer weights). */
export function replicate(weights: ArrayLike<number>, ...arrays: ArrayLike<number>[]): Float64Array[] {
  return arrays.map((a) => {
    const out: number[] = [];
    for (let i = 0; i < a.length; i++) for (let k = 0; k < (weights[i] as number); k++) out.push(a[i] as number);
    return Float64Array.from(out);
  });
}

/** Integer weights 0..3, seeded. */
export function integerWeights(n: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: n }, () => rng.int(4));
}
