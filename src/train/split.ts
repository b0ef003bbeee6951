import { availableParallelism } from 'node:os';
import { Rng } from '../engine/rng.js';

/**
 * A seeded split of row indices 0..n−1 into disjoint, complementary training and validation
 * sets (every row is in exactly one).
 */
export function splitRows(n: number, valFraction: number, seed: number): { train: Int32Array; val: Int32Array } {
  const order = new Rng(seed ^ 0x5eed).permutation(n);
  const nVal = Math.min(n - 2, Math.max(2, Math.round(n * valFraction)));
  return { val: order.slice(0, nVal).sort(), train: order.slice(nVal).sort() };
}

/** The generator of one epoch's shuffle and permutations; resuming at epoch e reproduces it. */
export function epochRng(seed: number, epoch: number): Rng {
  return new Rng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(epoch + 1, 0x85ebca6b)) >>> 0);
}

/** Replicas to run: one per core, at most 2 (more than the cores only slows down; measured). */
export function availableThreads(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}
