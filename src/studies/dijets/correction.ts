/**
 * Applies the correlation-improved correction (Gambhir & Nachman, arXiv:2402.14067, Eqs. 10, 12,
 * 14, 17) to a per-jet calibration of dijet events, with random jet labels, and maps the result
 * back to leading / subleading.
 */
import { applySwaps, type AsymmetryForm, correlateExponential, correlateGaussian, randomizeLabels } from '../../dijets/index.js';
import { Rng } from '../../engine/rng.js';
import type { PerJetCalibration } from './calibrations.js';
import type { JetColumns } from './events.js';

/** Corrected estimates ẑ', resolutions σ' (GeV) per jet, leading (0) and subleading (1). */
export interface CorrectedJets {
  readonly form: AsymmetryForm;
  readonly zhatGeV: JetColumns;
  readonly sigmaGeV: JetColumns;
  /** 1 where the random labelling made the subleading jet label 1. */
  readonly swapped: Uint8Array;
  /** Exponential form: fraction of events that snapped (case 3 of Eq. 14). */
  readonly snappedFraction?: number;
}

/**
 * Random labels (seeded), then the Gaussian closed form (width Λ) or the exponential three-case
 * solution (Λ_e), with one width per event.
 */
export function correctDijets(cal: PerJetCalibration, lambdaGeV: Float64Array, form: AsymmetryForm, seed: number): CorrectedJets {
  const { pairs, swapped } = randomizeLabels(new Rng(seed), [cal.zhatGeV, cal.sigmaGeV]);
  const [[zhat1, zhat2], [sigma1, sigma2]] = pairs;
  const pair = { zhat1, zhat2, sigma1, sigma2 };
  const corrected = form === 'gaussian' ? correlateGaussian(pair, lambdaGeV) : correlateExponential(pair, lambdaGeV);
  const [zhatGeV, sigmaGeV] = applySwaps(swapped, [
    [corrected.zhat1, corrected.zhat2],
    [corrected.sigma1, corrected.sigma2],
  ]);
  if (form === 'gaussian') return { form, zhatGeV: zhatGeV!, sigmaGeV: sigmaGeV!, swapped };
  const cases = (corrected as ReturnType<typeof correlateExponential>).solutionCase;
  const snapped = cases.reduce((s, c) => s + (c === 3 ? 1 : 0), 0);
  return { form, zhatGeV: zhatGeV!, sigmaGeV: sigmaGeV!, swapped, snappedFraction: cases.length ? snapped / cases.length : NaN };
}
