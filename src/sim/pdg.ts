/**
 * PDG particle codes and masses used by the simulator (PDG Review of Particle Physics, 2022).
 * GEN particles carry their true code; reconstructed particles carry the particle-flow code
 * (every charged hadron is ±211, every neutral hadron 130, as in CMS particle flow).
 */
export const Pdg = {
  photon: 22, electron: 11, muon: 13, pion: 211, kaon: 321, proton: 2212,
  kLong: 130, neutron: 2112, nuE: 12, nuMu: 14, gluon: 21,
} as const;

/** Mass in GeV of the PDG code `pid` (sign ignored); 0 for photons, neutrinos and unknown codes. */
export function pdgMassGeV(pid: number): number {
  switch (Math.abs(pid)) {
    case 11: return 0.000511;
    case 13: return 0.10566;
    case 211: return 0.13957;
    case 321: return 0.49368;
    case 2212: return 0.93827;
    case 130: return 0.49761;
    case 2112: return 0.93957;
    default: return 0;
  }
}

/** Particle classes the detector treats differently. */
export const Species = {
  chargedHadron: 0, photon: 1, neutralHadron: 2, electron: 3, muon: 4, neutrino: 5,
} as const;
/** One of the values of `Species`. */
export type Species = (typeof Species)[keyof typeof Species];

/** Species by |PDG code| for the codes below its length; every other code is a charged hadron. */
const SPECIES_BY_CODE = ((): Int8Array => {
  const t = new Int8Array(2213).fill(Species.chargedHadron);
  t[22] = Species.photon; t[11] = Species.electron; t[13] = Species.muon;
  t[130] = Species.neutralHadron; t[2112] = Species.neutralHadron;
  t[12] = Species.neutrino; t[14] = Species.neutrino; t[16] = Species.neutrino;
  return t;
})();

/**
 * The detector class of a PDG code. A table read, not a switch: the reconstruction loop inlines it
 * at the cost of a few bytes of V8's inlining budget instead of 143.
 */
export function speciesOf(pid: number): Species {
  const species = SPECIES_BY_CODE[Math.abs(pid)]; // undefined beyond the table or for a non-integer code
  return species === undefined ? Species.chargedHadron : (species as Species);
}
