/**
 * The JEC and oracle calibrations of each detector variant, derived once by `deriveCalibration`
 * (src/sim/deriveCalibration.ts, 200 000 events each) and pasted here.
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
  jec: { coef: [0.99144, -0.0139641, 0.00473356, 0.000678244, -0.000600248, -0.00136413], pileupOffsetGeV: 0 },
  oracle: { coef: [1.02111, -0.0228768, 0.00346098, -0.00142783, 0.00196751, -0.000378588], pileupOffsetGeV: 0.384011 },
  oracleSigmaScale: 1.0726,
};

/** Fast detector (deriveCalibration('fast', { events: 200000, seed: 12345 })). */
export const FAST_CALIBRATION: Calibration = {
  jec: { coef: [1.05209, -0.0485225, 0.0150924, -0.00827866, 0.0063536, 0.00034783], pileupOffsetGeV: 0 },
  oracle: { coef: [1.04421, -0.0399699, 0.00986257, -0.00835946, 0.00622155, 0.000407747], pileupOffsetGeV: 0.803002 },
  oracleSigmaScale: 0.988112,
};

/** The built-in calibration of detector `name`. */
export function defaultCalibration(name: 'full' | 'fast'): Calibration {
  return name === 'full' ? FULL_CALIBRATION : FAST_CALIBRATION;
}
