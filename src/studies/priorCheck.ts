import { GaussianAnsatz } from '../ansatz/GaussianAnsatz.js';
import type { Cloud, Matrix } from '../ansatz/inputs.js';
import { binnedMeanStd, weightedQuantiles } from '../baselines/index.js';
import { InputError } from '../errors.js';
import type { EpochReport } from '../train/fit.js';

/**
 * A reweighting of the truth spectrum, w(z) for one z column:
 *   gauss:MEAN:SIGMA  w = N(z; MEAN, SIGMA) (a narrow resonance)
 *   exp:SCALE         w = e^(−z/SCALE)      (a steeper spectrum)
 *   power:N           w = z^(−N)            (z > 0)
 *   flat              w = 1/p̂(z), p̂ a 50-bin histogram of z (a flat spectrum)
 *   column:NAME       w = that column of the data file
 */
export function parseReweight(spec: string): (z: Float64Array, column?: (name: string) => Float64Array) => Float64Array {
  const [kind, ...args] = spec.split(':');
  const nums = args.map(Number);
  const bad = (): never => {
    throw new InputError(`--reweight '${spec}' is not understood. Should be one of: gauss:MEAN:SIGMA, exp:SCALE, power:N, flat, column:NAME.`);
  };
  switch (kind) {
    case 'gauss':
      if (nums.length !== 2 || !(nums[1]! > 0) || !Number.isFinite(nums[0]!)) bad();
      return (z) => z.map((v) => Math.exp(-0.5 * ((v - nums[0]!) / nums[1]!) ** 2));
    case 'exp':
      if (nums.length !== 1 || !(nums[0]! > 0)) bad();
      return (z) => {
        const z0 = Math.min(...z);
        return z.map((v) => Math.exp(-(v - z0) / nums[0]!));
      };
    case 'power':
      if (nums.length !== 1 || !Number.isFinite(nums[0]!)) bad();
      return (z) => z.map((v) => (v > 0 ? Math.pow(v, -nums[0]!) : 0));
    case 'flat':
      if (args.length) bad();
      return (z) => flatWeights(z, 50);
    case 'column':
      if (args.length !== 1) bad();
      return (_z, column) => column!(args[0]!);
    default:
      return bad();
  }
}

function flatWeights(z: Float64Array, bins: number): Float64Array {
  let lo = Infinity, hi = -Infinity;
  for (const v of z) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const width = (hi - lo) / bins || 1;
  const counts = new Float64Array(bins);
  const bin = (v: number): number => Math.min(bins - 1, Math.floor((v - lo) / width));
  for (const v of z) counts[bin(v)]!++;
  return z.map((v) => z.length / (bins * counts[bin(v)]!));
}

export interface PriorCheckBin {
  zLow: number;
  zHigh: number;
  rows: number;
  /** Mean of (ẑ_reweighted − ẑ_original)/σ̂ over the rows whose ẑ falls in the bin. */
  meanShiftInSigma: number;
  meanShiftError: number;
  /** The same for a retraining without reweighting and another seed: the training-to-training noise. */
  noiseShiftInSigma: number;
}

export interface PriorCheckResult {
  bins: PriorCheckBin[];
  /** The largest |mean shift| over bins, in units of σ̂. */
  maxAbsShiftInSigma: number;
  /** The largest |shift| of the reseeded, unweighted retraining: what noise alone does. */
  maxAbsNoiseShiftInSigma: number;
}

/**
 * How far a calibration moves when the truth spectrum is reweighted: retrains the model's
 * configuration on the same pairs with sample weights w(z) and compares ẑ, bin by bin in ẑ
 * (quantile bins of the original estimate), in units of the original σ̂. A second retraining,
 * unweighted with another seed, measures the training-to-training noise: a prior-independent
 * calibration moves under reweighting by no more than that.
 */
export async function checkPrior(model: GaussianAnsatz, x: Matrix | Cloud, z: Matrix, weights: Float64Array, opts: { component?: number; bins?: number; epochs?: number; onEpoch?: (r: EpochReport) => void } = {}): Promise<PriorCheckResult> {
  const k = opts.component ?? 0, nBins = opts.bins ?? 10;
  const retrain = (sampleWeight: Float64Array | undefined, seed: number): Promise<GaussianAnsatz> =>
    new GaussianAnsatz({ ...model.params, seed, ...(opts.epochs ? { epochs: opts.epochs } : {}) }).fit(x, z, { sampleWeight, onEpoch: opts.onEpoch, xNames: model.xNames_, zNames: model.zNames_ });
  const reweighted = await retrain(weights, model.params.seed);
  const reseeded = await retrain(undefined, model.params.seed + 1);
  const before = model.predict(x), after = reweighted.predict(x), noise = reseeded.predict(x);
  const n = before.rows, d = before.zDim;
  const zHat = Float64Array.from({ length: n }, (_, r) => before.zHat[r * d + k]!);
  const shiftOf = (p: typeof after): Float64Array => Float64Array.from({ length: n }, (_, r) => (p.zHat[r * d + k]! - zHat[r]!) / before.sigma[r * d + k]!);
  const edges = weightedQuantiles(zHat, Array.from({ length: nBins + 1 }, (_, i) => i / nBins));
  edges[nBins] = edges[nBins]! + 1e-9 * Math.max(1, Math.abs(edges[nBins]!));
  const stats = binnedMeanStd(shiftOf(after), zHat, uniqueIncreasing(edges));
  const noiseStats = binnedMeanStd(shiftOf(noise), zHat, stats.edges);
  const bins = Array.from(stats.mean, (m, b) => ({ zLow: stats.edges[b]!, zHigh: stats.edges[b + 1]!, rows: stats.count[b]!, meanShiftInSigma: m, meanShiftError: stats.meanError[b]!, noiseShiftInSigma: noiseStats.mean[b]! }));
  const maxAbs = (f: (b: PriorCheckBin) => number): number => Math.max(...bins.filter((b) => b.rows > 0).map((b) => Math.abs(f(b))));
  return { bins, maxAbsShiftInSigma: maxAbs((b) => b.meanShiftInSigma), maxAbsNoiseShiftInSigma: maxAbs((b) => b.noiseShiftInSigma) };
}

function uniqueIncreasing(edges: Float64Array): Float64Array {
  const out: number[] = [];
  for (const e of edges) if (out.length === 0 || e > out[out.length - 1]!) out.push(e);
  return Float64Array.from(out);
}
