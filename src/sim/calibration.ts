/**
 * The JEC and oracle calibrations of each detector variant, derived once by `deriveCalibration`
 * (src/sim/deriveCalibration.ts, 200 000 events each, with the DEFAULT_TUNE of src/sim/tune.ts)
 * and pasted here; re-derive whenever the tune or the detector changes.
 */
import type { ResponseModel } from './response.js';

/** JEC response model (reco jet pT), oracle response model (with pileup offset) and the oracle σ scale s. */
export interface Calibration {
  readonly jec: ResponseModel;
  readonly oracle: ResponseModel;
  readonly oracleSigmaScale: number;
}

/** Full detector (deriveCalibration('full', { events: 200000, seed: 12345 })). */
export const FULL_CALIBRATION: Calibration = {
  jec: { coef: [0.992151, -0.013732, 0.00440832, 0.000493112, -0.000669497, -0.00131517], pileupOffsetGeV: 0 },
  oracle: { coef: [1.02171, -0.022729, 0.00284766, -0.00181002, 0.00211835, -0.000311141], pileupOffsetGeV: 0.39383 },
  oracleSigmaScale: 1.08998,
};

/** Fast detector (deriveCalibration('fast', { events: 200000, seed: 12345 })). */
export const FAST_CALIBRATION: Calibration = {
  jec: { coef: [1.05311, -0.0482233, 0.0148845, -0.00888122, 0.00666592, 0.000444428], pileupOffsetGeV: 0 },
  oracle: { coef: [1.04505, -0.0394365, 0.00954814, -0.00894008, 0.00646118, 0.000501219], pileupOffsetGeV: 0.829099 },
  oracleSigmaScale: 0.998877,
};

/** The built-in calibration of detector `name`. */
export function defaultCalibration(name: 'full' | 'fast'): Calibration {
  return name === 'full' ? FULL_CALIBRATION : FAST_CALIBRATION;
}
