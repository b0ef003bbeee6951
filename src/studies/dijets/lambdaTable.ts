/**
 * Table I of Gambhir & Nachman (arXiv:2402.14067): Λ_e and Λ fitted to the GEN-level asymmetry
 * Δ = pT,1 − pT,2 (random labels) per leading-SIM-pT bin and inclusively, with bootstrap errors.
 */
import { absAsymmetryHistogram, type AsymmetryForm, fitLambda, fitLambdaBinned, type LambdaBinFit } from '../../dijets/index.js';
import { Rng } from '../../engine/rng.js';
import type { DijetSample } from './events.js';

/** One row: the fit plus Λ over the bin's central pT (Table I's last columns). */
export interface LambdaRow extends LambdaBinFit {
  readonly centralPtGeV: number;
  readonly lambdaOverCentralPt: number;
  /** Fig. 5: the |Δ| density histogram the fit was made to (edges in GeV, density per GeV). */
  readonly histogram: { edges: number[]; density: number[] };
}

/** Λ (form 'gaussian') or Λ_e ('exponential') per bin and inclusive. */
export interface LambdaTable {
  readonly form: AsymmetryForm;
  readonly bins: LambdaRow[];
  readonly inclusive: LambdaRow;
}

/** Δ = GEN pT of label 1 minus label 2 with labels drawn at random (seeded). */
export function randomLabelAsymmetry(sample: DijetSample, seed: number): Float64Array {
  const rng = new Rng(seed);
  const [a, b] = sample.genPtGeV;
  return Float64Array.from(a, (v, e) => (rng.uniform() < 0.5 ? v - b[e]! : b[e]! - v));
}

function withCentral(fit: LambdaBinFit, delta: Float64Array, leadingPtGeV: Float64Array): LambdaRow {
  const centralPtGeV = 0.5 * (fit.ptLowGeV + fit.ptHighGeV);
  const inBin = delta.filter((_, e) => leadingPtGeV[e]! >= fit.ptLowGeV && leadingPtGeV[e]! < fit.ptHighGeV);
  let meanAbs = 0;
  for (const v of inBin) meanAbs += Math.abs(v) / Math.max(1, inBin.length);
  // The same binning as fitLambda's default (50 bins up to 5 × mean |Δ|).
  const h = absAsymmetryHistogram(inBin, 50, meanAbs > 0 ? 5 * meanAbs : 1);
  return { ...fit, centralPtGeV, lambdaOverCentralPt: fit.lambda / centralPtGeV, histogram: { edges: [...h.edges], density: [...h.density] } };
}

/**
 * Fits both rows of Table I for one form, by the paper's histogram MSE (bootstrap errors) unless
 * `method` is 'ml'.
 *
 * @param edgesGeV leading-pT bin edges, e.g. [600, 700, 800, 900, 1000]; the inclusive row spans
 *   the outer edges.
 */
export function fitLambdaTable(
  sample: DijetSample, edgesGeV: readonly number[], form: AsymmetryForm, opts: { seed: number; bootstrap: number; method?: 'mse' | 'ml' },
): LambdaTable {
  const delta = randomLabelAsymmetry(sample, opts.seed);
  const fitOpts = { form, seed: opts.seed, bootstrap: opts.bootstrap, method: opts.method ?? 'mse' };
  const leading = sample.recoPtGeV[0];
  const bins = fitLambdaBinned(delta, leading, edgesGeV, fitOpts).map((fit) => withCentral(fit, delta, leading));
  const lo = edgesGeV[0]!, hi = edgesGeV[edgesGeV.length - 1]!;
  const inBins = delta.filter((_, e) => leading[e]! >= lo && leading[e]! < hi);
  const inclusiveFit = { ptLowGeV: lo, ptHighGeV: hi, ...fitLambda(inBins, { ...fitOpts, seed: opts.seed + edgesGeV.length }) };
  const inclusive = withCentral(inclusiveFit, delta, leading);
  return { form, bins, inclusive };
}

/**
 * Λ per event: the fit of the bin holding the event's leading pT (the inclusive fit where a bin
 * has too few events to fit, or the event lies outside the bins).
 */
export function lambdaPerEvent(sample: DijetSample, table: LambdaTable): Float64Array {
  return Float64Array.from(sample.recoPtGeV[0], (pt) => {
    const row = table.bins.find((b) => pt >= b.ptLowGeV && pt < b.ptHighGeV);
    return row && Number.isFinite(row.lambda) ? row.lambda : table.inclusive.lambda;
  });
}
