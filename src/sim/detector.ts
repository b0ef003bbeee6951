/**
 * Per-particle response and resolution of the CMS-like detector (numbers of the Delphes CMS card
 * and CMS 2011 performance, /work/shared/DETECTOR.md). All resolutions are one standard deviation;
 * energies and momenta in GeV. The "full" detector has the non-compensating HCAL response
 * R(E) = 1 − a·(E / 10 GeV)^−b (a = 0.35, b = 0.291); the "fast" one has R = 1 and calorimeter
 * resolution terms 25 % worse.
 */

/** The parameters of one detector variant. */
export interface DetectorModel {
  readonly name: 'full' | 'fast';
  /** a of R(E) = 1 − a (E/10 GeV)^−b; 0 means a linear (R = 1) hadron response. */
  readonly hcalResponseA: number;
  /** b of R(E). */
  readonly hcalResponseB: number;
  /** Stochastic term S of σ_HCAL(E) = sqrt((C·E)² + S²·E), in sqrt(GeV). */
  readonly hcalStochastic: number;
  /** Constant term C of σ_HCAL. */
  readonly hcalConstant: number;
  /** Factor on every ECAL photon resolution term. */
  readonly ecalScale: number;
  /** HCAL (neutral-hadron) threshold in GeV. */
  readonly hcalThresholdGeV: number;
  /** ECAL photon threshold in GeV. */
  readonly ecalThresholdGeV: number;
}

/** The default detector: Delphes CMS resolutions plus a non-compensating HCAL. */
export const FULL_DETECTOR: DetectorModel = {
  name: 'full', hcalResponseA: 0.35, hcalResponseB: 0.291, hcalStochastic: 1.5, hcalConstant: 0.05,
  ecalScale: 1, hcalThresholdGeV: 1, ecalThresholdGeV: 0.5,
};

/** The "fast" variant: linear hadron response (R = 1), calorimeter terms 25 % worse. */
export const FAST_DETECTOR: DetectorModel = {
  name: 'fast', hcalResponseA: 0, hcalResponseB: 0.291, hcalStochastic: 1.875, hcalConstant: 0.0625,
  ecalScale: 1.25, hcalThresholdGeV: 1, ecalThresholdGeV: 0.5,
};

/** The detector model named `name`. */
export function detectorModel(name: 'full' | 'fast'): DetectorModel {
  return name === 'full' ? FULL_DETECTOR : FAST_DETECTOR;
}

/** Below this energy the HCAL response is frozen at R(1 GeV) (the power law would turn negative). */
export const RESPONSE_FLOOR_GEV = 1;

/** HCAL response R(E) = 1 − a·(max(E, 1 GeV)/10 GeV)^−b: mean deposit / true energy of a hadron. */
export function hcalResponse(eGeV: number, det: DetectorModel = FULL_DETECTOR): number {
  if (det.hcalResponseA === 0) return 1;
  // Math.max, not a conditional: RESPONSE_FLOOR_GEV, an exported binding, reaches optimized code as
  // a tagged value, and a conditional's result then merges a double with it, which V8 does by
  // boxing the double (a heap number per call, most of this function's garbage).
  const e = Math.max(eGeV, RESPONSE_FLOOR_GEV);
  // x^−b as exp(−b ln x): V8's Math.pow is about twice the cost of Math.exp plus Math.log, and
  // this is the simulator's most frequent power; the two differ only in the last bits.
  return 1 - det.hcalResponseA * Math.exp(-det.hcalResponseB * Math.log(e / 10));
}

/**
 * HCAL energy resolution at true energy E (before the response): σ(E) = sqrt((C·E)² + S²·E).
 * A hadron's deposit is R(E)·E + R(E)·σ(E)·N(0,1) (the noise scales with the response).
 */
export function hcalResolutionGeV(eGeV: number, det: DetectorModel = FULL_DETECTOR): number {
  const c = det.hcalConstant * eGeV;
  return Math.sqrt(c * c + det.hcalStochastic * det.hcalStochastic * eGeV);
}

/**
 * The true energy E whose mean deposit R(E)·E equals `depositGeV` (Newton iterations on the
 * monotonic map E ↦ R(E)·E); the per-particle inversion the oracle uses.
 */
export function hcalInverseResponse(depositGeV: number, det: DetectorModel = FULL_DETECTOR): number {
  if (det.hcalResponseA === 0 || depositGeV <= 0) return depositGeV;
  let e = depositGeV / hcalResponse(depositGeV, det);
  for (let it = 0; it < 8; it++) {
    const r = hcalResponse(e, det);
    const f = r * e - depositGeV;
    // d(R·E)/dE = R + a·b·(E/10)^−b = 1 − (1 − b)(1 − R) above the floor.
    const slope = e > RESPONSE_FLOOR_GEV ? 1 - (1 - det.hcalResponseB) * (1 - r) : r;
    const step = f / slope;
    e -= step;
    if (Math.abs(step) < 1e-9 * e) break;
  }
  return e;
}

/** ECAL photon energy resolution σ(E) in GeV at pseudorapidity η (Delphes CMS); Infinity outside |η| ≤ 2.5. */
export function photonResolutionGeV(eGeV: number, eta: number, det: DetectorModel = FULL_DETECTOR): number {
  const a = Math.abs(eta);
  if (a > 2.5) return Infinity;
  const base = Math.sqrt((0.008 * eGeV) ** 2 + 0.11 * 0.11 * eGeV + 0.4 * 0.4);
  const etaFactor = a <= 1.5 ? 1 + 0.64 * eta * eta : 2.16 + 5.6 * (a - 2) ** 2;
  return det.ecalScale * etaFactor * base;
}

/** Tracking efficiency of a charged hadron (Delphes CMS): 0 below pT 0.1 GeV or beyond |η| 2.5. */
export function trackEfficiency(ptGeV: number, eta: number): number {
  const a = Math.abs(eta);
  if (ptGeV <= 0.1 || a > 2.5) return 0;
  if (a <= 1.5) return ptGeV <= 1 ? 0.7 : 0.95;
  if (ptGeV <= 1) return 0.5;
  return ptGeV <= 100 ? 0.83 : 0.9;
}

/** Relative track pT resolution σ(pT)/pT of a charged hadron: sqrt(c² + (k·pT)²) by |η| region. */
export function trackRelResolution(ptGeV: number, eta: number): number {
  const a = Math.abs(eta);
  const c = a <= 0.5 ? 0.01 : a <= 1.5 ? 0.015 : 0.025;
  const k = a <= 0.5 ? 1.5e-4 : a <= 1.5 ? 2.5e-4 : 5.5e-4;
  return Math.sqrt(c * c + (k * ptGeV) ** 2);
}

/** Relative electron pT resolution sqrt(0.03² + (1.3e-3·pT)²) (barrel formula, used everywhere). */
export function electronRelResolution(ptGeV: number): number {
  return Math.sqrt(0.03 * 0.03 + (1.3e-3 * ptGeV) ** 2);
}

/** Relative muon pT resolution sqrt(0.01² + (1.0e-4·pT)²). */
export function muonRelResolution(ptGeV: number): number {
  return Math.sqrt(0.01 * 0.01 + (1.0e-4 * ptGeV) ** 2);
}

/**
 * Particle flow's choice for a tracked charged hadron of measured momentum p (energy E ≈ p):
 * true when the calorimeter's relative resolution σ_HCAL(E)/E beats the track's, so the
 * hadron's energy is taken from its (raw, response-scaled) calorimeter deposit.
 */
export function calorimeterTrustsHadron(trackPtGeV: number, eta: number, det: DetectorModel = FULL_DETECTOR): boolean {
  const e = trackPtGeV * Math.cosh(eta);
  return trackRelResolution(trackPtGeV, eta) > hcalResolutionGeV(e, det) / e;
}
