import { describe, expect, it } from 'vitest';
import { histogram } from '../../src/baselines/index.js';

describe('histogram', () => {
  it('histogram(values, lo, hi, bins, weights) sums weights per bin over [lo, hi) and the total over every finite value', () => {
    const h = histogram([0, 0.5, 1, 1.99, 2, -1, NaN, Infinity], 0, 2, 2, [1, 2, 3, 4, 5, 6, 7, 8]);
    expect(h.edges).toEqual([0, 1, 2]);
    expect(Array.from(h.sum)).toEqual([3, 7]);
    expect(Array.from(h.sum2)).toEqual([5, 25]);
    expect(h.total).toBe(1 + 2 + 3 + 4 + 5 + 6);
  });

  it('histogram(values, lo, hi, bins) counts with weight 1', () => {
    const h = histogram(Float64Array.of(0.1, 0.2, 0.7), 0, 1, 2);
    expect(Array.from(h.sum)).toEqual([2, 1]);
    expect(h.total).toBe(3);
  });
});
