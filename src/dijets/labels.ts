/**
 * Jet labelling before the correction (Gambhir & Nachman, arXiv:2402.14067, Sec. II A and IV B):
 * labels 1 and 2 must not carry information on which jet is leading, or the symmetric L(z1 − z2)
 * is the wrong model for the labelled pair and the per-label corrections are biased.
 */
import type { Rng } from '../engine/rng.js';

/** Columns of jet 1 and jet 2 for one quantity, e.g. [ptJet1, ptJet2]. */
export type ColumnPair = readonly [Float64Array, Float64Array];

/** Relabelled pairs and the events whose two jets were exchanged (1) or kept (0). */
export interface Relabelled {
  readonly pairs: Array<[Float64Array, Float64Array]>;
  readonly swapped: Uint8Array;
}

/**
 * Exchanges the two jets of each event where `swapped[e]` is 1, in every pair (new arrays; the
 * inputs are not modified). Applying the same `swapped` twice restores the original labels.
 */
export function applySwaps(swapped: Uint8Array, pairs: readonly ColumnPair[]): Array<[Float64Array, Float64Array]> {
  return pairs.map(([a, b], k) => {
    if (a.length !== swapped.length || b.length !== swapped.length) {
      throw new RangeError(`applySwaps: pair ${k} has ${a.length} and ${b.length} events but swapped has ${swapped.length}`);
    }
    const first = Float64Array.from(a), second = Float64Array.from(b);
    for (let e = 0; e < swapped.length; e++) {
      if (swapped[e]) {
        first[e] = b[e]!;
        second[e] = a[e]!;
      }
    }
    return [first, second];
  });
}

/**
 * Random labels (the default, and what keeps the method unbiased): each event's two jets are
 * exchanged with probability ½, the same exchange applied to every pair of columns.
 *
 * @example
 * const { pairs: [[zhat1, zhat2], [sigma1, sigma2]], swapped } = randomizeLabels(new Rng(1), [[ptLead, ptSub], [sigLead, sigSub]]);
 */
export function randomizeLabels(rng: Rng, pairs: readonly ColumnPair[]): Relabelled {
  const events = pairs[0]?.[0].length ?? 0;
  const swapped = new Uint8Array(events);
  for (let e = 0; e < events; e++) swapped[e] = rng.uniform() < 0.5 ? 1 : 0;
  return { pairs: applySwaps(swapped, pairs), swapped };
}

/**
 * Ordered labels, only to demonstrate the bias of the paper's Sec. II A: jet 1 becomes the one with
 * the larger `key` (e.g. the measured pT for leading/subleading at detector level, or the truth pT
 * in a simulation). Ties keep the input order.
 *
 * What the toy model shows (test/dijets/toy.test.ts): ordered by truth, the corrected label-1 jet is
 * biased low by σ1²Λ√(2/π)/S² while the raw one is not; ordered by the measured ẑ, the raw label-1
 * jet is biased high (selection) and the Gaussian correction removes it exactly (its error is
 * independent of ẑ1 − ẑ2), whereas the exponential correction over-corrects. With random labels
 * every per-label mean shift is zero. The per-jet corrections themselves are symmetric under
 * exchanging the jets, so labelling only changes which label a jet is counted under.
 */
export function orderLabels(key: ColumnPair, pairs: readonly ColumnPair[]): Relabelled {
  const [k1, k2] = key;
  if (k1.length !== k2.length) throw new RangeError(`orderLabels: key columns have ${k1.length} and ${k2.length} events`);
  const swapped = new Uint8Array(k1.length);
  for (let e = 0; e < k1.length; e++) swapped[e] = k2[e]! > k1[e]! ? 1 : 0;
  return { pairs: applySwaps(swapped, pairs), swapped };
}
