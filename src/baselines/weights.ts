import { ParameterError } from '../errors.js';

/**
 * Sample weights as a Float64Array of length `n`: all ones when `weights` is omitted, else a
 * copy checked to be finite, non-negative and not all zero (ParameterError naming `owner`).
 */
export function checkWeights(weights: ArrayLike<number> | undefined, n: number, owner: string): Float64Array {
  if (weights === undefined) return new Float64Array(n).fill(1);
  const allowed = `an array of ${n} finite, non-negative numbers, not all zero`;
  if (weights.length !== n) throw new ParameterError('sampleWeight', owner, allowed, `an array of length ${weights.length}`);
  const out = Float64Array.from(weights);
  let total = 0;
  for (const w of out) {
    if (!(w >= 0) || !Number.isFinite(w)) throw new ParameterError('sampleWeight', owner, allowed, w);
    total += w;
  }
  if (total <= 0) throw new ParameterError('sampleWeight', owner, allowed, 'all zero');
  return out;
}

/** Checks that `values` are finite numbers and returns them as a Float64Array. */
export function checkFinite(values: ArrayLike<number>, param: string, owner: string): Float64Array {
  const out = Float64Array.from(values);
  for (const v of out) if (!Number.isFinite(v)) throw new ParameterError(param, owner, 'an array of finite numbers', v);
  return out;
}

/** Checks that two arrays that describe the same samples have the same length. */
export function checkSameLength(a: ArrayLike<number>, b: ArrayLike<number>, names: [string, string], owner: string): void {
  if (a.length !== b.length) throw new ParameterError(names[1], owner, `an array of the same length as '${names[0]}' (${a.length})`, `length ${b.length}`);
}
