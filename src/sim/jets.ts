/** Per-jet quantities: kinematics of a 4-vector, the anti-kT jet area, and the CMS PF jet ID. */
import type { Clustering } from './antikt.js';
import { Species, speciesOf } from './pdg.js';
import { Quality } from '../io/mod/layout.js';

/** pT, rapidity y, azimuth φ ∈ [0, 2π), mass and pseudorapidity of a 4-vector (GeV). */
export interface JetKinematics { pt: number; y: number; phi: number; m: number; eta: number }

/** Fills `out` with the kinematics of jet j of `c` and returns it. */
export function jetKinematics(c: Clustering, j: number, out: JetKinematics): JetKinematics {
  const px = c.px[j]!, py = c.py[j]!, pz = c.pz[j]!, e = c.e[j]!;
  const pt = Math.sqrt(px * px + py * py);
  const phi = Math.atan2(py, px);
  const m2 = e * e - px * px - py * py - pz * pz;
  out.pt = pt;
  out.phi = phi < 0 ? phi + 2 * Math.PI : phi;
  out.m = m2 > 0 ? Math.sqrt(m2) : 0;
  out.y = 0.5 * Math.log((e + pz) / (e - pz));
  out.eta = Math.asinh(pz / pt);
  return out;
}

/** Invariant mass of the sum of jets a and b of `c`, each 4-vector scaled by sa, sb (GeV). */
export function pairMass(c: Clustering, a: number, b: number, sa = 1, sb = 1): number {
  const e = sa * c.e[a]! + sb * c.e[b]!, px = sa * c.px[a]! + sb * c.px[b]!;
  const py = sa * c.py[a]! + sb * c.py[b]!, pz = sa * c.pz[a]! + sb * c.pz[b]!;
  const m2 = e * e - px * px - py * py - pz * pz;
  return m2 > 0 ? Math.sqrt(m2) : 0;
}

/**
 * Geometric anti-kT area of jet j: πR² less, for every harder jet (pT > `minPtGeV`) closer than 2R,
 * the lens where the two discs overlap (anti-kT gives the lens to the harder jet). Passive-area
 * ghosts would refine this; hard jets in this simulator are round to good approximation.
 */
export function jetArea(c: Clustering, j: number, radius: number, minPtGeV = 5): number {
  const r = radius;
  let area = Math.PI * r * r;
  const ptj = Math.hypot(c.px[j]!, c.py[j]!);
  const yj = rap(c, j), phij = Math.atan2(c.py[j]!, c.px[j]!);
  for (let k = 0; k < j; k++) {
    const ptk = Math.hypot(c.px[k]!, c.py[k]!);
    if (ptk < minPtGeV || ptk < ptj) continue;
    let dphi = Math.abs(Math.atan2(c.py[k]!, c.px[k]!) - phij);
    if (dphi > Math.PI) dphi = 2 * Math.PI - dphi;
    const d = Math.hypot(rap(c, k) - yj, dphi);
    if (d >= 2 * r) continue;
    area -= 2 * r * r * Math.acos(d / (2 * r)) - 0.5 * d * Math.sqrt(4 * r * r - d * d);
  }
  return area;
}

function rap(c: Clustering, j: number): number {
  return 0.5 * Math.log((c.e[j]! + c.pz[j]!) / (c.e[j]! - c.pz[j]!));
}

/** Energy sums a jet ID needs, at offset o of a sums array: total, charged hadrons, neutral hadrons, photons, electrons. */
export const SPECIES_ENERGY_SUMS = 5;

/** Adds a constituent of energy e and PDG code pid to the jet-ID energy sums at sums[o..o + SPECIES_ENERGY_SUMS). */
export function addSpeciesEnergy(sums: Float64Array, o: number, e: number, pid: number): void {
  sums[o]! += e;
  const s = speciesOf(pid);
  if (s === Species.chargedHadron) sums[o + 1]! += e;
  else if (s === Species.neutralHadron) sums[o + 2]! += e;
  else if (s === Species.photon) sums[o + 3]! += e;
  else if (s === Species.electron) sums[o + 4]! += e;
}

/** max(neutral-hadron fraction, photon fraction) of the jet whose energy sums are at sums[o..). */
export function maxNeutralFraction(sums: Float64Array, o: number): number {
  const eTot = sums[o]!;
  return Math.max(sums[o + 2]! / eTot, sums[o + 3]! / eTot);
}

/**
 * CMS 2011 PF jet ID (a Quality) from the energy sums at sums[o..) of a jet with nConst
 * constituents: tight (3) when the neutral-hadron and photon fractions are < 0.90, medium (2)
 * < 0.95, loose (1) < 0.99, each also requiring ≥ 2 constituents and, for |η| ≤ 2.4, a
 * charged-hadron fraction > 0 and an electron fraction < 0.99.
 */
export function jetIdFromEnergies(sums: Float64Array, o: number, nConst: number, absEta: number): number {
  const eTot = sums[o]!;
  const chf = sums[o + 1]! / eTot, cef = sums[o + 4]! / eTot;
  const maxNef = maxNeutralFraction(sums, o);
  const chargedOk = absEta > 2.4 || (chf > 0 && cef < 0.99);
  if (nConst < 2 || !chargedOk) return Quality.none;
  return maxNef < 0.9 ? Quality.tight : maxNef < 0.95 ? Quality.medium : maxNef < 0.99 ? Quality.loose : Quality.none;
}
