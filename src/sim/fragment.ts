/**
 * GEN-level jets from a parton: out-of-cone emissions, neutrino losses and fragmentation of the
 * rest into stable particles inside the cone (a parametric model tuned to DETECTOR.md, not a
 * parton shower). Particles are appended to a ParticleBuffer with `vertex` = parton index.
 */
import type { Rng } from '../engine/rng.js';
import type { ParticleBuffer } from './particleBuffer.js';
import type { GeneratorTune } from './tune.js';
import { Pdg, pdgMassGeV } from './pdg.js';
import { wrapPhi } from './kinematics.js';

const LN50 = Math.log(50);
const MAX_SPECIES_PARTICLES = 400;
const scratch = new Float64Array(MAX_SPECIES_PARTICLES);
const fractions = new Float64Array(5);
const alphas = new Float64Array(5);

/** Kinematics of one outgoing parton (after the recoil kick). */
export interface Parton {
  ptGeV: number;
  eta: number;
  phi: number;
  pid: number;
  /** pT carried away by a neutrino (GeV), 0 if none. */
  neutrinoPtGeV: number;
}

/** Appends the stable visible particles of parton `index` to `gen`; sets `parton.neutrinoPtGeV`. */
export function fragmentParton(rng: Rng, tune: GeneratorTune, parton: Parton, index: number, gen: ParticleBuffer): void {
  const gluon = parton.pid === 21;
  let ptLeft = parton.ptGeV;
  const rate = tune.oocRate * LN50 * (gluon ? 2 : 1) * Math.pow(parton.ptGeV / 700, -tune.oocPtPower);
  const nEmissions = rng.poisson(rate);
  for (let k = 0; k < nEmissions; k++) {
    const z = 0.01 * Math.exp(LN50 * rng.uniform());
    emitOutOfCone(rng, z * ptLeft, parton, index, gen);
    ptLeft *= 1 - z;
  }
  parton.neutrinoPtGeV = 0;
  if (rng.uniform() < (gluon ? tune.neutrinoProbGluon : tune.neutrinoProbQuark)) {
    const z = tune.neutrinoMaxFraction * rng.uniform();
    parton.neutrinoPtGeV = z * ptLeft;
    ptLeft *= 1 - z;
  }
  fragmentInCone(rng, tune, ptLeft, parton, gluon, index, gen);
}

/** A hard emission at 0.6 < ΔR < 1.5 from the axis: 1–6 collinear particles of mixed species. */
function emitOutOfCone(rng: Rng, ptGeV: number, parton: Parton, index: number, gen: ParticleBuffer): void {
  const dr = rng.uniformIn(0.6, 1.5), psi = 2 * Math.PI * rng.uniform();
  const eta0 = parton.eta + dr * Math.cos(psi), phi0 = parton.phi + dr * Math.sin(psi);
  const n = 1 + Math.min(5, Math.floor(ptGeV / 20));
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (scratch[i] = rng.exponential());
  const a = gen.pending;
  for (let i = 0; i < n; i++) {
    const u = rng.uniform();
    const pid = u < 0.62 ? chargedHadronPid(rng) : u < 0.88 ? Pdg.photon : neutralHadronPid(rng);
    const th = 0.05 * rng.uniform(), ps = 2 * Math.PI * rng.uniform();
    a[0] = (ptGeV * scratch[i]!) / sum; a[1] = eta0 + th * Math.cos(ps); a[2] = wrapPhi(phi0 + th * Math.sin(ps)); a[3] = pdgMassGeV(pid);
    gen.pushPending(pid, index);
  }
}

function fragmentInCone(rng: Rng, tune: GeneratorTune, ptGeV: number, parton: Parton, gluon: boolean, index: number, gen: ParticleBuffer): void {
  const mean = (tune.multiplicityA + tune.multiplicityB * Math.log(Math.max(ptGeV, 10) / 10)) * (gluon ? tune.gluonMultiplicityFactor : 1);
  const n = Math.min(MAX_SPECIES_PARTICLES, Math.max(2, rng.poisson(mean)));
  for (let s = 0; s < 5; s++) alphas[s] = tune.speciesConcentration * tune.speciesFractions[s]!;
  rng.dirichlet(alphas, fractions);
  let nLeft = n;
  for (let s = 3; s < 5; s++) {
    // A lepton below 2 GeV is folded into the charged hadrons.
    if (fractions[s]! * ptGeV < 2) { fractions[0]! += fractions[s]!; continue; }
    const pid = (s === 3 ? Pdg.electron : Pdg.muon) * (rng.uniform() < 0.5 ? 1 : -1);
    gen.pending[0] = fractions[s]! * ptGeV;
    pushInCone(rng, tune, parton, gluon, pid, index, gen);
    nLeft--;
  }
  const hadronic = fractions[0]! + fractions[1]! + fractions[2]!;
  nLeft = Math.max(3, nLeft);
  for (let s = 0; s < 3; s++) {
    const count = Math.max(1, Math.round((nLeft * fractions[s]!) / hadronic));
    shareSpecies(rng, tune, fractions[s]! * ptGeV, count, s, parton, gluon, index, gen);
  }
}

/** Splits `ptGeV` among `count` particles of species s with Dirichlet(α) fractions. */
function shareSpecies(rng: Rng, tune: GeneratorTune, ptGeV: number, count: number, s: number, parton: Parton, gluon: boolean, index: number, gen: ParticleBuffer): void {
  const alpha = gluon ? tune.sharingAlphaGluon : tune.sharingAlphaQuark;
  const sum = rng.gammaSum(alpha, scratch, count);
  for (let i = 0; i < count; i++) {
    const pid = s === 0 ? chargedHadronPid(rng) : s === 1 ? Pdg.photon : neutralHadronPid(rng);
    gen.pending[0] = (ptGeV * scratch[i]!) / sum;
    pushInCone(rng, tune, parton, gluon, pid, index, gen);
  }
}

/**
 * One particle of pT gen.pending[0] (passed there, not as a boxed argument) at angle θ = kT / pT from
 * the axis (kT exponential), kept inside the core radius.
 */
function pushInCone(rng: Rng, tune: GeneratorTune, parton: Parton, gluon: boolean, pid: number, index: number, gen: ParticleBuffer): void {
  const a = gen.pending, ptGeV = a[0]!;
  if (!(ptGeV > 1e-3)) return;
  const kt = rng.exponential(tune.meanKtGeV * (gluon ? 1.3 : 1));
  let theta = kt / ptGeV;
  if (theta > tune.coreRadius) theta = tune.coreRadius * Math.sqrt(rng.uniform());
  const psi = 2 * Math.PI * rng.uniform();
  a[1] = parton.eta + theta * Math.cos(psi); a[2] = wrapPhi(parton.phi + theta * Math.sin(psi)); a[3] = pdgMassGeV(pid);
  gen.pushPending(pid, index);
}

/** π± 80 %, K± 13 %, p/p̄ 7 %, random charge. */
function chargedHadronPid(rng: Rng): number {
  const u = rng.uniform();
  const code = u < 0.8 ? Pdg.pion : u < 0.93 ? Pdg.kaon : Pdg.proton;
  return rng.uniform() < 0.5 ? code : -code;
}

/** K⁰_L 55 %, n/n̄ 45 %. */
function neutralHadronPid(rng: Rng): number {
  const u = rng.uniform();
  if (u < 0.55) return Pdg.kLong;
  return u < 0.775 ? Pdg.neutron : -Pdg.neutron;
}
