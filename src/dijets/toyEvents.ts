/**
 * The toy model of Sec. III (Gambhir & Nachman, arXiv:2402.14067): two visible momenta k1, k2
 * with k1 − k2 = −k3 ~ N(0, Λ²) (Eq. 20) or Laplace(Λ_e) (Eq. 21), measured with Gaussian noise
 * σ1, σ2 (Eq. 19). Used to show unbiasedness with random labels and the bias of ordered labels.
 */
import { Rng } from '../engine/rng.js';
import type { AsymmetryForm } from './asymmetry.js';
import { correlateExponential } from './exponential.js';
import { correlateGaussian } from './gaussian.js';
import { type ColumnPair, orderLabels, randomizeLabels } from './labels.js';

/** Toy events: truth z_i, measurements ẑ_i = z_i + σ_i·N(0,1), resolutions σ_i. */
export interface ToyEvents {
  readonly z1: Float64Array;
  readonly z2: Float64Array;
  readonly zhat1: Float64Array;
  readonly zhat2: Float64Array;
  readonly sigma1: Float64Array;
  readonly sigma2: Float64Array;
}

/**
 * Generates toy events: z1 = levelOffset + Exp(levelScale) (a falling spectrum: the method must
 * not care), z2 = z1 − Δ with Δ drawn from the asymmetry `form` of width `lambda`.
 */
export function generateToyEvents(rng: Rng, opts: {
  events: number; sigma1: number; sigma2: number; lambda: number; form: AsymmetryForm; levelOffset?: number; levelScale?: number;
}): ToyEvents {
  const n = opts.events;
  const out = {
    z1: new Float64Array(n), z2: new Float64Array(n), zhat1: new Float64Array(n), zhat2: new Float64Array(n),
    sigma1: new Float64Array(n).fill(opts.sigma1), sigma2: new Float64Array(n).fill(opts.sigma2),
  };
  for (let e = 0; e < n; e++) {
    const level = (opts.levelOffset ?? 0) + rng.exponential(opts.levelScale ?? 10);
    const delta = opts.form === 'gaussian' ? opts.lambda * rng.normal() : (rng.uniform() < 0.5 ? -1 : 1) * rng.exponential(opts.lambda);
    out.z1[e] = level;
    out.z2[e] = level - delta;
    out.zhat1[e] = level + opts.sigma1 * rng.normal();
    out.zhat2[e] = level - delta + opts.sigma2 * rng.normal();
  }
  return out;
}

/** How jets are labelled 1 and 2 before the correction. */
export type Labelling = 'random' | 'truth-ordered' | 'measured-ordered';

/** Per label: mean of (estimate − truth) with its standard error, raw and corrected, and residual spreads. */
export interface LabellingBias {
  readonly labelling: Labelling;
  /** [label 1, label 2]: mean of ẑ_i − z_i and its standard error. */
  readonly rawShift: [number, number];
  readonly rawShiftError: [number, number];
  /** [label 1, label 2]: mean of ẑ'_i − z_i and its standard error. */
  readonly correctedShift: [number, number];
  readonly correctedShiftError: [number, number];
  /** [label 1, label 2]: standard deviation of ẑ_i − z_i and of ẑ'_i − z_i, and mean σ'_i. */
  readonly rawResidualStd: [number, number];
  readonly correctedResidualStd: [number, number];
  readonly meanSigmaCorrected: [number, number];
}

function meanStd(values: Float64Array): { mean: number; std: number; se: number } {
  let s = 0;
  for (const v of values) s += v;
  const mean = s / values.length;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  const std = Math.sqrt(ss / (values.length - 1));
  return { mean, std, se: std / Math.sqrt(values.length) };
}

function residuals(estimate: Float64Array, truth: Float64Array): Float64Array {
  return estimate.map((v, e) => v - truth[e]!);
}

/**
 * Labels toy events three ways and measures, per label, the mean shift of the raw and corrected
 * estimates from the truth. 'random' swaps with probability ½; 'truth-ordered' makes jet 1 the
 * one with the larger truth; 'measured-ordered' the one with the larger ẑ. The correction uses the
 * form the events were generated with and the true width. See `orderLabels` for what each
 * labelling does to the shifts.
 */
export function toyLabellingBias(events: ToyEvents, lambda: number, form: AsymmetryForm, labelling: Labelling, seed = 0): LabellingBias {
  const pairs: ColumnPair[] = [[events.z1, events.z2], [events.zhat1, events.zhat2], [events.sigma1, events.sigma2]];
  const relabelled = labelling === 'random'
    ? randomizeLabels(new Rng(seed), pairs)
    : orderLabels(labelling === 'truth-ordered' ? pairs[0]! : pairs[1]!, pairs);
  const [[z1, z2], [zhat1, zhat2], [sigma1, sigma2]] = relabelled.pairs;
  const pair = { zhat1, zhat2, sigma1, sigma2 };
  const c = form === 'gaussian' ? correlateGaussian(pair, lambda) : correlateExponential(pair, lambda);
  const raw = [meanStd(residuals(zhat1, z1)), meanStd(residuals(zhat2, z2))] as const;
  const cor = [meanStd(residuals(c.zhat1, z1)), meanStd(residuals(c.zhat2, z2))] as const;
  const sig = [meanStd(c.sigma1).mean, meanStd(c.sigma2).mean] as [number, number];
  return {
    labelling,
    rawShift: [raw[0].mean, raw[1].mean],
    rawShiftError: [raw[0].se, raw[1].se],
    correctedShift: [cor[0].mean, cor[1].mean],
    correctedShiftError: [cor[0].se, cor[1].se],
    rawResidualStd: [raw[0].std, raw[1].std],
    correctedResidualStd: [cor[0].std, cor[1].std],
    meanSigmaCorrected: sig,
  };
}
