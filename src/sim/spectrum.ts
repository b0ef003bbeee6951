/**
 * The hard 2→2 scattering: the prior on the hard scale (pT_hat or the dijet mass), the
 * rapidities of the two partons and their flavours.
 */
import type { Rng } from '../engine/rng.js';

/** Which prior the hard scale is drawn from. */
export type SpectrumKind = 'qcd' | 'flat' | 'resonance';

/** The hard-scale prior. */
export interface SpectrumOptions {
  kind: SpectrumKind;
  /** pT_hat range for 'qcd' and 'flat' (GeV). */
  ptRangeGeV: readonly [number, number];
  /** n of dσ/dpT ∝ pT^−n for 'qcd'. */
  qcdPower: number;
  /** Dijet mass M ~ N(massGeV, widthGeV) for 'resonance'. */
  resonanceMassGeV: number;
  resonanceWidthGeV: number;
}

/** Defaults: a QCD-like pT^−5 spectrum of pT_hat in [400, 1200] GeV (gen jets 500–1000 GeV survive the cuts). */
export const DEFAULT_SPECTRUM: SpectrumOptions = {
  kind: 'qcd', ptRangeGeV: [400, 1200], qcdPower: 5, resonanceMassGeV: 2800, resonanceWidthGeV: 10,
};

/** The two partons before the recoil kick: common pT_hat, rapidities, flavours (PDG). */
export interface HardScatter {
  ptHatGeV: number;
  y1: number;
  y2: number;
  phi1: number;
  pid1: number;
  pid2: number;
}

const MAX_PARTON_RAPIDITY = 2.5;

/** Draws pT_hat ∝ pT^−n on [lo, hi] by inverting the CDF (n ≠ 1). */
export function samplePowerLaw(rng: Rng, lo: number, hi: number, n: number): number {
  const a = 1 - n;
  const u = rng.uniform();
  return Math.pow(Math.pow(lo, a) + u * (Math.pow(hi, a) - Math.pow(lo, a)), 1 / a);
}

/**
 * Draws one hard scatter. 'qcd'/'flat': pT_hat from the spectrum, boost y_b ~ N(0, 0.6) and
 * y* ~ N(0, 0.6). 'resonance': M ~ N(M0, Γ), cos θ* uniform in [−0.95, 0.95], y* = atanh(cos θ*),
 * pT_hat = (M/2)·sin θ*, y_b ~ N(0, 0.5). Partons beyond |y| = 2.5 are redrawn.
 */
export function sampleHardScatter(rng: Rng, spec: SpectrumOptions, gluonFraction: (ptGeV: number) => number): HardScatter {
  for (;;) {
    let ptHat: number, yStar: number, yBoost: number;
    if (spec.kind === 'resonance') {
      const m = spec.resonanceMassGeV + spec.resonanceWidthGeV * rng.normal();
      const cosTheta = rng.uniformIn(-0.95, 0.95);
      yStar = Math.atanh(cosTheta);
      ptHat = 0.5 * m * Math.sqrt(1 - cosTheta * cosTheta);
      yBoost = 0.5 * rng.normal();
    } else {
      const [lo, hi] = spec.ptRangeGeV;
      ptHat = spec.kind === 'flat' ? rng.uniformIn(lo, hi) : samplePowerLaw(rng, lo, hi, spec.qcdPower);
      yStar = 0.6 * rng.normal();
      yBoost = 0.6 * rng.normal();
    }
    const y1 = yBoost + yStar, y2 = yBoost - yStar;
    if (Math.abs(y1) > MAX_PARTON_RAPIDITY || Math.abs(y2) > MAX_PARTON_RAPIDITY) continue;
    const g = gluonFraction(ptHat);
    return {
      ptHatGeV: ptHat, y1, y2, phi1: 2 * Math.PI * rng.uniform(),
      pid1: rng.uniform() < g ? 21 : quarkPid(rng), pid2: rng.uniform() < g ? 21 : quarkPid(rng),
    };
  }
}

function quarkPid(rng: Rng): number {
  const flavour = 1 + rng.int(5);
  return rng.uniform() < 0.5 ? flavour : -flavour;
}
