/**
 * The mutual-information losses of the Gaussian Ansatz on a batch of joint pairs (x_i, z_i) and
 * marginal pairs (x_i, z_π(i)), with sample weights:
 *
 *   Donsker–Varadhan:  L_DV  = −( Σ w_i T_i / Σ w_i − log( Σ v_i e^{T'_i} / Σ v_i ) )
 *   MLC (NWJ form):    L_MLC = −( Σ w_i T_i / Σ w_i − Σ v_i e^{T'_i − 1} / Σ v_i )
 *
 * T_i = T(x_i, z_i), T'_i = T(x_i, z_π(i)), and v_i = w_i w_π(i) is the weight of a pair drawn
 * from the product of the weighted marginals. The log of the mean exponential is computed with
 * log-sum-exp (the reference's naive form silently drops overflowed samples). −L_DV is a lower
 * bound on I(X;Z) in nats.
 */
export type LossName = 'dv' | 'mlc';

export interface LossResult {
  loss: number;
  /** −(joint mean): the part that does not depend on the marginal pairs. */
  jointMean: number;
  /** log of the weighted mean of e^{T'} (DV), or the weighted mean of e^{T'−1} (MLC). */
  marginalTerm: number;
}

/**
 * Computes the loss and writes ∂loss/∂T_i into gJoint and ∂loss/∂T'_i into gMarg.
 * `wJoint`/`wMarg` may be null for unit weights.
 */
export function mutualInformationLoss(
  name: LossName,
  tJoint: ArrayLike<number>, tMarg: ArrayLike<number>,
  wJoint: ArrayLike<number> | null, wMarg: ArrayLike<number> | null,
  gJoint: Float64Array, gMarg: Float64Array,
): LossResult {
  const n = tJoint.length;
  let wSum = 0, tSum = 0;
  for (let i = 0; i < n; i++) {
    const w = wJoint ? wJoint[i]! : 1;
    wSum += w;
    tSum += w * tJoint[i]!;
  }
  const jointMean = tSum / wSum;
  for (let i = 0; i < n; i++) gJoint[i] = -(wJoint ? wJoint[i]! : 1) / wSum;

  let vSum = 0, max = -Infinity;
  for (let i = 0; i < n; i++) {
    vSum += wMarg ? wMarg[i]! : 1;
    if ((wMarg ? wMarg[i]! : 1) > 0 && tMarg[i]! > max) max = tMarg[i]!;
  }
  const shift = name === 'dv' ? max : 1;
  let eSum = 0;
  for (let i = 0; i < n; i++) {
    const e = (wMarg ? wMarg[i]! : 1) * Math.exp(tMarg[i]! - shift);
    gMarg[i] = e;
    eSum += e;
  }
  let marginalTerm: number;
  if (name === 'dv') {
    marginalTerm = max + Math.log(eSum / vSum);
    for (let i = 0; i < n; i++) gMarg[i] = gMarg[i]! / eSum;
  } else {
    marginalTerm = eSum / vSum;
    for (let i = 0; i < n; i++) gMarg[i] = gMarg[i]! / vSum;
  }
  return { loss: -(jointMean - marginalTerm), jointMean, marginalTerm };
}
