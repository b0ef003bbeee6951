/**
 * Soft pileup tied to the number of primary vertices: each of the npv − 1 pileup vertices adds
 * soft particles with `pileupDensityGeV` of pT per unit η–φ area, placed uniformly in a disc of
 * radius `pileupRadius` around each jet axis (only there does pileup reach the stored jets).
 */
import type { Rng } from '../engine/rng.js';
import type { ParticleBuffer } from './particleBuffer.js';
import type { GeneratorTune } from './tune.js';
import { Pdg, pdgMassGeV } from './pdg.js';
import { wrapPhi } from './kinematics.js';

/** 2011-like number of primary vertices: npv = 1 + Poisson(meanNpv − 1). */
export function sampleNpv(rng: Rng, meanNpv: number): number {
  return 1 + rng.poisson(Math.max(0, meanNpv - 1));
}

/** Appends pileup particles (vertex 1 … npv − 1) around the axis (eta0, phi0) to `out`. */
export function addPileup(rng: Rng, tune: GeneratorTune, npv: number, eta0: number, phi0: number, out: ParticleBuffer): void {
  if (npv <= 1) return;
  const r = tune.pileupRadius;
  const meanCount = ((npv - 1) * tune.pileupDensityGeV * Math.PI * r * r) / tune.pileupMeanPtGeV;
  const n = rng.poisson(meanCount), a = out.pending;
  for (let i = 0; i < n; i++) {
    const rho = r * Math.sqrt(rng.uniform()), psi = 2 * Math.PI * rng.uniform();
    const u = rng.uniform();
    const pid = u < 0.6 ? (u < 0.3 ? Pdg.pion : -Pdg.pion) : u < 0.9 ? Pdg.photon : Pdg.kLong;
    const vertex = 1 + rng.int(npv - 1);
    a[0] = rng.exponential(tune.pileupMeanPtGeV);
    a[1] = eta0 + rho * Math.cos(psi); a[2] = wrapPhi(phi0 + rho * Math.sin(psi)); a[3] = pdgMassGeV(pid);
    out.pushPending(pid, vertex);
  }
}
