import { WeightedEcdf } from './ecdf.js';
import { checkFinite, checkSameLength, checkWeights } from './weights.js';

/**
 * Weighted quantiles of `values` at probabilities `probs` ∈ [0, 1], from the interpolated
 * weighted ECDF (see WeightedEcdf): with unit weights this is the Hazen definition
 * Q((k − ½)/n) = x_(k), linear in between, clamped to the sample range. A weight of k equals
 * k replicated rows.
 * @example weightedQuantiles([1, 2, 3, 4], [0.5]) // → Float64Array [2.5]
 */
export function weightedQuantiles(values: ArrayLike<number>, probs: ArrayLike<number>, weights?: ArrayLike<number>): Float64Array {
  const owner = 'weightedQuantiles';
  const x = checkFinite(values, 'values', owner);
  if (weights !== undefined) checkSameLength(x, weights, ['values', 'weights'], owner);
  const ecdf = new WeightedEcdf(x, checkWeights(weights, x.length, owner));
  return Float64Array.from(probs, (q) => ecdf.quantile(q));
}
