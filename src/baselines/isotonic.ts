/** A pooled block of the isotonic fit: its weighted mean value, weight and weighted mean abscissa. */
export interface IsotonicBlock {
  value: number;
  weight: number;
  at: number;
}

/**
 * Weighted isotonic (non-decreasing) regression of `y` on already-sorted abscissae `at` by the
 * pool-adjacent-violators algorithm (Ayer et al. 1955; Barlow et al. 1972): minimises
 * Σ w_i (y_i − g_i)² subject to g_1 ≤ … ≤ g_n. Adjacent blocks with equal values are pooled too,
 * so the returned block values are strictly increasing. O(n).
 */
export function isotonicBlocks(at: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>): IsotonicBlock[] {
  const blocks: IsotonicBlock[] = [];
  for (let i = 0; i < y.length; i++) {
    if (!((w[i] as number) > 0)) continue;
    blocks.push({ value: y[i] as number, weight: w[i] as number, at: at[i] as number });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const prev = blocks[blocks.length - 2]!;
      if (prev.value < last.value) break;
      const weight = prev.weight + last.weight;
      prev.value = (prev.value * prev.weight + last.value * last.weight) / weight;
      prev.at = (prev.at * prev.weight + last.at * last.weight) / weight;
      prev.weight = weight;
      blocks.pop();
    }
  }
  return blocks;
}
