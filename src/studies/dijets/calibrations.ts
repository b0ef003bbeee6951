/**
 * Per-jet calibrations fed to the two-jets-at-once correction (Gambhir & Nachman,
 * arXiv:2402.14067, Sec. IV C): the CMS-like baseline (corrected pT with the CMS resolution
 * formula, Eq. 22) and a Gaussian Ansatz (Gambhir, Nachman, Thaler, arXiv:2205.03413) trained on a
 * separate simulated sample.
 */
import { GaussianAnsatz, type GaussianAnsatzParams } from '../../ansatz/GaussianAnsatz.js';
import type { EpochReport } from '../../train/fit.js';
import type { DijetSample, JetColumns } from './events.js';

/** Per-jet estimates ẑ and resolutions σ (GeV) of the leading and subleading jet of every event. */
export interface PerJetCalibration {
  readonly name: 'cms-like' | 'gaussian-ansatz';
  readonly zhatGeV: JetColumns;
  readonly sigmaGeV: JetColumns;
}

/** Constants of σ/pT = sqrt(sgn(N)N²/pT² + S²/pT + C²) (Eq. 22). */
export interface CmsResolutionParams {
  /** sgn(N)·N², GeV². */
  noiseSqGeV2: number;
  /** S², GeV. */
  stochasticSqGeV: number;
  /** C, dimensionless. */
  constant: number;
}

/** The reference code's values (SPEC §1): N² = 30 GeV², S² = 0.81 GeV, C = 0.04. */
export const CMS_RESOLUTION: CmsResolutionParams = { noiseSqGeV2: 30, stochasticSqGeV: 0.81, constant: 0.04 };

/** σ(pT) = pT·sqrt(sgn(N)N²/pT² + S²/pT + C²), GeV (Eq. 22), evaluated at the estimate pT. */
export function cmsResolutionGeV(ptGeV: number, p: CmsResolutionParams = CMS_RESOLUTION): number {
  return ptGeV * Math.sqrt(Math.max(0, p.noiseSqGeV2 / (ptGeV * ptGeV) + p.stochasticSqGeV / ptGeV + p.constant * p.constant));
}

/** The CMS-like baseline: ẑ = jet_pt·jec, σ from Eq. 22 at ẑ. */
export function cmsLikeCalibration(sample: DijetSample, p: CmsResolutionParams = CMS_RESOLUTION): PerJetCalibration {
  const sigma = (pts: Float64Array): Float64Array => pts.map((pt) => cmsResolutionGeV(pt, p));
  return {
    name: 'cms-like',
    zhatGeV: [Float64Array.from(sample.recoPtGeV[0]), Float64Array.from(sample.recoPtGeV[1])],
    sigmaGeV: [sigma(sample.recoPtGeV[0]), sigma(sample.recoPtGeV[1])],
  };
}

/**
 * x = (corrected SIM pT [GeV], η) per jet, row-major (jets × 2), both jets of each event. φ is left
 * out: the simulated detector is φ-symmetric, so it only adds noise to a short training.
 */
export function jetFeatures(sample: DijetSample): { x: Float64Array; z: Float64Array; rows: number } {
  const rows = 2 * sample.events;
  const x = new Float64Array(rows * 2), z = new Float64Array(rows);
  for (let e = 0; e < sample.events; e++) {
    for (let j = 0; j < 2; j++) {
      const r = 2 * e + j;
      x[2 * r] = sample.recoPtGeV[j]![e]!;
      x[2 * r + 1] = sample.eta[j]![e]!;
      z[r] = sample.genPtGeV[j]![e]!;
    }
  }
  return { x, z, rows };
}

/**
 * The estimator's defaults, but for two things: at most 30 epochs (the study's time budget; the
 * plateau rule shares them among the stages) and C depending on x only, since the jet response
 * to (pT·jec, η) is close to Gaussian and the study needs σ̂ more than a non-Gaussian shape.
 */
export const ANSATZ_TRAINING: Partial<GaussianAnsatzParams> = { epochs: 30, cUsesZ: false };

/** Trains a Gaussian Ansatz ẑ(x), σ̂(x) on every jet of `training` (x = pT·jec, η; z = GEN pT). */
export async function trainJetAnsatz(
  training: DijetSample, params: Partial<GaussianAnsatzParams>, onEpoch?: (r: EpochReport) => void,
): Promise<GaussianAnsatz> {
  const { x, z, rows } = jetFeatures(training);
  return new GaussianAnsatz({ ...ANSATZ_TRAINING, ...params }).fit({ data: x, rows, cols: 2 }, { data: z, rows, cols: 1 }, {
    xNames: ['jet_pt_corrected', 'jet_eta'], zNames: ['gen_jet_pt'], onEpoch,
  });
}

/** The Gaussian Ansatz per-jet calibration of `sample`: ẑ = B(x), σ = σ̂(x). */
export function ansatzCalibration(model: GaussianAnsatz, sample: DijetSample): PerJetCalibration {
  const { x, rows } = jetFeatures(sample);
  const p = model.predict({ data: x, rows, cols: 2 });
  const column = (values: Float64Array, j: number): Float64Array => Float64Array.from({ length: sample.events }, (_, e) => values[2 * e + j]!);
  return {
    name: 'gaussian-ansatz',
    zhatGeV: [column(p.zHat, 0), column(p.zHat, 1)],
    sigmaGeV: [column(p.sigma, 0), column(p.sigma, 1)],
  };
}
