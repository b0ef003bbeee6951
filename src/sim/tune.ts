/**
 * The physics knobs of the generator, with the defaults that land on (or near) the DETECTOR.md
 * targets as measured by `measureTuning` (numbers in the issue-3 notes). Fractions are of pT.
 */
export interface GeneratorTune {
  /** Mean species pT fractions in a jet: charged hadrons, photons, neutral hadrons, electrons, muons. */
  readonly speciesFractions: readonly [number, number, number, number, number];
  /**
   * Dirichlet concentration of the per-jet species fractions (jet-to-jet spread). DETECTOR.md's
   * prototype used 8; here 8 gave a jet resolution of 4.41 % and an oracle gain of 12 %, 6 gave
   * 4.82 % / 15.6 %, 5 gives 4.99 % / 17.8 % (40 000 flat 600–800 GeV events, window 680–720 GeV).
   */
  readonly speciesConcentration: number;
  /** Quark-jet multiplicity N = a + b·ln(pT / 10 GeV); gluon jets × `gluonMultiplicityFactor`. */
  readonly multiplicityA: number;
  readonly multiplicityB: number;
  readonly gluonMultiplicityFactor: number;
  /** Dirichlet α of the momentum sharing inside a species (quark, gluon). */
  readonly sharingAlphaQuark: number;
  readonly sharingAlphaGluon: number;
  /** Mean kT (GeV) of a particle relative to the jet axis: θ = kT / pT, exponential; gluons × 1.3. */
  readonly meanKtGeV: number;
  /** Radius within which in-cone particles are kept (soft ones beyond it are spread uniformly inside). */
  readonly coreRadius: number;
  /** Out-of-cone emissions per quark jet: Poisson mean `oocRate`·ln 50 at 700 GeV; gluon jets × 2. */
  readonly oocRate: number;
  /** Power p of the pT dependence of the emission rate, rate ∝ (pT / 700 GeV)^−p. */
  readonly oocPtPower: number;
  /** Recoil kick per transverse component: σ_k = kickA + kickB · pT_hat (GeV). */
  readonly kickAGeV: number;
  readonly kickB: number;
  /** Probability that a quark (gluon) jet loses energy to a neutrino, and the maximal fraction lost. */
  readonly neutrinoProbQuark: number;
  readonly neutrinoProbGluon: number;
  readonly neutrinoMaxFraction: number;
  /** Gluon-jet fraction at 300 GeV and its change per TeV of pT_hat (clamped to [0.2, 0.8]). */
  readonly gluonFraction300: number;
  readonly gluonFractionSlopePerTeV: number;
  /** Pileup: pT per unit η–φ area per pileup vertex (GeV), mean particle pT (GeV), disc radius around each jet. */
  readonly pileupDensityGeV: number;
  readonly pileupMeanPtGeV: number;
  readonly pileupRadius: number;
}

/** Defaults (tuned with `measureTuning`, seed 1; numbers in the issue-3 report). */
export const DEFAULT_TUNE: GeneratorTune = {
  speciesFractions: [0.615, 0.255, 0.115, 0.01, 0.005],
  speciesConcentration: 5,
  multiplicityA: 5,
  multiplicityB: 6,
  gluonMultiplicityFactor: 1.5,
  sharingAlphaQuark: 0.3,
  sharingAlphaGluon: 0.45,
  meanKtGeV: 2,
  coreRadius: 0.45,
  oocRate: 0.14,
  oocPtPower: 0.3,
  kickAGeV: 10,
  kickB: 0.03,
  neutrinoProbQuark: 0.12,
  neutrinoProbGluon: 0.06,
  neutrinoMaxFraction: 0.3,
  gluonFraction300: 0.7,
  gluonFractionSlopePerTeV: -0.4,
  pileupDensityGeV: 1.0,
  pileupMeanPtGeV: 0.45,
  pileupRadius: 0.7,
};
