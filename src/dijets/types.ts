/**
 * Shared shapes of the two-jets-at-once corrections (Gambhir & Nachman, arXiv:2402.14067).
 * Every array is a column over events: index e is event e.
 */

/** A width per event, or one width for all events (GeV when z is in GeV). */
export type Width = number | Float64Array;

/** Per-jet estimates ẑ_i and resolutions σ_i of two jets, one entry per event. */
export interface JetPair {
  readonly zhat1: Float64Array;
  readonly zhat2: Float64Array;
  readonly sigma1: Float64Array;
  readonly sigma2: Float64Array;
}

/**
 * Correlation-improved estimates ẑ'_i, resolutions σ'_i = sqrt(Σ'_ii) and the off-diagonal
 * covariance Σ'_12, one entry per event.
 */
export interface CorrectedPair {
  readonly zhat1: Float64Array;
  readonly zhat2: Float64Array;
  readonly sigma1: Float64Array;
  readonly sigma2: Float64Array;
  readonly cov: Float64Array;
}

/** Reads a Width at event e. */
export function widthAt(width: Width, e: number): number {
  return typeof width === 'number' ? width : width[e]!;
}

/** Throws a RangeError unless all columns of the pair (and a per-event width) have one length. */
export function checkPairLengths(pair: JetPair, width: Width, owner: string): number {
  const n = pair.zhat1.length;
  const lengths: Array<[string, number]> = [
    ['zhat2', pair.zhat2.length],
    ['sigma1', pair.sigma1.length],
    ['sigma2', pair.sigma2.length],
  ];
  if (typeof width !== 'number') lengths.push(['lambda', width.length]);
  for (const [name, len] of lengths) {
    if (len !== n) throw new RangeError(`${owner}: ${name} has ${len} events but zhat1 has ${n}; all columns must match`);
  }
  return n;
}
