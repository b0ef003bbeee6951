/**
 * SIM level: each true particle through the CMS-like detector, then particle flow.
 * - Photons: ECAL energy smearing, 0.5 GeV threshold.  Electrons, muons: tracker smearing.
 * - Charged hadrons: tracked with `trackEfficiency`; every hadron showers in the HCAL with deposit
 *   d = R(E)·E + R(E)·σ_HCAL(E)·N(0,1). When the calorimeter resolution beats the track's
 *   (`calorimeterTrustsHadron`), the hadron's energy is its own raw deposit d (flag calo = 1).
 * - Particle-flow confusion: per HCAL cell (0.087 × 0.087) the neutral-hadron energy is the raw
 *   deposit minus the expected deposit R(p)·p of the tracked hadrons in it; every excess above the
 *   1 GeV threshold becomes a neutral hadron (pid 130), so charged-shower noise lands in it.
 * - Each output particle also gets the oracle's estimate of its true pT and the variance of that
 *   estimate (the detector model inverted: d → R⁻¹(d) for calorimeter energies).
 */
import type { Rng } from '../engine/rng.js';
import type { ParticleBuffer } from './particleBuffer.js';
import { type DetectorModel, hcalResponse, hcalResolutionGeV, hcalInverseResponse, calorimeterTrustsHadron } from './detector.js';
import { Pdg, Species, pdgMassGeV, speciesOf } from './pdg.js';
import { HcalCells } from './hcalCells.js';

const PION_MASS = pdgMassGeV(Pdg.pion);
const KLONG_MASS = pdgMassGeV(Pdg.kLong);
/** Slots of Reconstructor.current. */
const ENERGY = 0, COSH = 1, TRACK_ENERGY = 2;

/** Particle flow's code of a charged hadron of PDG code `pid`: a π of the same charge sign. */
function chargedPionPid(pid: number): number {
  return pid > 0 ? Pdg.pion : -Pdg.pion;
}

/**
 * Reconstructs particle-flow candidates from true particles; reusable across events.
 * Calls with floating-point arguments that V8 does not inline box every argument, and that garbage
 * was a large part of the simulator's time: doubles go to helpers through scratch arrays, and the
 * hot paths are split into handlers small enough for their callees to be inlined.
 */
export class Reconstructor {
  private readonly cells = new HcalCells();
  /**
   * For each particle of the last `reconstruct` call's `out` (from index 0), the index of the
   * `truth` particle it measures (same η and φ), or −1 (pileup, cell neutral hadrons).
   */
  truthIndex = new Int32Array(0);
  /** cosh η of each particle of the last `reconstruct` call's `out`, as computed for its energy. */
  coshEta = new Float64Array(0);
  constructor(readonly det: DetectorModel) {}

  /** Appends the reconstructed particles of `truth` (hard event: vertex forced 0) and `pileup` (own vertex) to `out`. */
  reconstruct(rng: Rng, truth: ParticleBuffer, pileup: ParticleBuffer, out: ParticleBuffer): void {
    this.cells.clear();
    out.reserve(truth.n + pileup.n);
    this.fitTruthIndex(out);
    this.truthIndex.fill(-1, 0, out.n);
    for (let k = 0; k < out.n; k++) this.coshEta[k] = Math.cosh(out.eta[k]!);
    this.particles(rng, truth, false, out);
    this.particles(rng, pileup, true, out);
    this.emitNeutralHadrons(out);
  }

  /** Grows truthIndex and coshEta to the capacity of `out` (no particle of `out` beyond it). */
  private fitTruthIndex(out: ParticleBuffer): void {
    const capacity = out.ptGeV.length;
    if (this.truthIndex.length >= capacity) return;
    const grown = new Int32Array(capacity), grownCosh = new Float64Array(capacity);
    grown.set(this.truthIndex);
    grownCosh.set(this.coshEta);
    this.truthIndex = grown;
    this.coshEta = grownCosh;
  }

  /**
   * Scratch of the particle being reconstructed: its energy (ENERGY), cosh η (COSH) and, for a
   * tracked charged hadron, the track's energy (TRACK_ENERGY). The species handlers read them here:
   * passed as arguments, V8 would box each double where it does not inline the handler.
   */
  private readonly current = new Float64Array(3);

  /**
   * Reconstructs the particles of `src` into `out` from index out.n. One small handler per species
   * (not one long loop body): each is compiled with its own inlining budget, so that the detector
   * formulas and the Rng draws it calls are inlined and pass no boxed doubles.
   */
  private particles(rng: Rng, src: ParticleBuffer, isPileup: boolean, out: ParticleBuffer): void {
    const oTruth = this.truthIndex, oCosh = this.coshEta, current = this.current;
    let k = out.n;
    for (let i = 0; i < src.n; i++) {
      // Set for whatever lands at k; only a handler that fills slot k (and returns k + 1) keeps it.
      oTruth[k] = isPileup ? -1 : i;
      const cosh = Math.cosh(src.eta[i]!);
      oCosh[k] = cosh;
      current[COSH] = cosh;
      current[ENERGY] = src.ptGeV[i]! * cosh;
      const vertex = isPileup ? src.vertex[i]! : 0;
      const species = speciesOf(src.pid[i]!);
      if (species === Species.photon) k = this.photon(rng, src, i, out, k);
      else if (species === Species.electron || species === Species.muon) k = this.lepton(rng, src, i, vertex, out, k);
      else if (species === Species.neutralHadron) { if (Math.abs(src.eta[i]!) <= 3) this.shower(rng, src, i, false); }
      else if (species === Species.chargedHadron) k = this.chargedHadron(rng, src, i, vertex, out, k);
    }
    out.n = k;
  }

  /** A photon: ECAL-measured inside |η| ≤ 2.5 (kept above the threshold), an HCAL shower beyond. Returns the next free slot. */
  private photon(rng: Rng, src: ParticleBuffer, i: number, out: ParticleBuffer, k: number): number {
    const eta = src.eta[i]!, absEta = Math.abs(eta);
    if (absEta > 2.5) {
      this.shower(rng, src, i, false);
      return k;
    }
    const e = this.current[ENERGY]!, cosh = this.current[COSH]!;
    // photonResolutionGeV, inlined (|η| ≤ 2.5 here).
    const base = Math.sqrt((0.008 * e) ** 2 + 0.11 * 0.11 * e + 0.4 * 0.4);
    const etaFactor = absEta <= 1.5 ? 1 + 0.64 * eta * eta : 2.16 + 5.6 * (absEta - 2) ** 2;
    const sigma = this.det.ecalScale * etaFactor * base;
    const em = e + sigma * rng.normal();
    if (!(em > this.det.ecalThresholdGeV)) return k;
    out.ptGeV[k] = em / cosh; out.eta[k] = eta; out.phi[k] = src.phi[i]!; out.massGeV[k] = 0; out.pid[k] = Pdg.photon; out.vertex[k] = 0;
    out.calo[k] = 1; out.oraclePtGeV[k] = em / cosh; out.oracleVarGeV2[k] = (sigma / cosh) ** 2;
    return k + 1;
  }

  /** An electron or muon: tracker-measured inside the tracker; a forward electron (|η| ≤ 3) showers in the HCAL. */
  private lepton(rng: Rng, src: ParticleBuffer, i: number, vertex: number, out: ParticleBuffer, k: number): number {
    const pt = src.ptGeV[i]!, eta = src.eta[i]!, pid = src.pid[i]!, absEta = Math.abs(eta);
    const isMuon = speciesOf(pid) === Species.muon;
    if (absEta > (isMuon ? 2.4 : 2.5)) {
      if (!isMuon && absEta <= 3) this.shower(rng, src, i, false);
      return k;
    }
    const rel = isMuon ? Math.sqrt(0.01 * 0.01 + (1.0e-4 * pt) ** 2) : Math.sqrt(0.03 * 0.03 + (1.3e-3 * pt) ** 2);
    const ptm = pt * (1 + rel * rng.normal());
    if (!(ptm > 0)) return k;
    out.ptGeV[k] = ptm; out.eta[k] = eta; out.phi[k] = src.phi[i]!; out.massGeV[k] = pdgMassGeV(pid); out.pid[k] = pid; out.vertex[k] = vertex;
    out.calo[k] = 0; out.oraclePtGeV[k] = ptm; out.oracleVarGeV2[k] = (rel * ptm) ** 2;
    return k + 1;
  }

  /**
   * A charged hadron: untracked, it showers in the HCAL; tracked, it is a track (its shower also
   * lands in the HCAL, with the expected deposit of the track), unless the calorimeter measures it
   * better (`calorimeterTrustsHadron`): then its energy is its raw deposit.
   */
  private chargedHadron(rng: Rng, src: ParticleBuffer, i: number, vertex: number, out: ParticleBuffer, k: number): number {
    const pt = src.ptGeV[i]!, eta = src.eta[i]!, absEta = Math.abs(eta);
    // Tracking efficiency (trackEfficiency, inlined).
    const eff = pt <= 0.1 || absEta > 2.5 ? 0 : absEta <= 1.5 ? (pt <= 1 ? 0.7 : 0.95) : pt <= 1 ? 0.5 : pt <= 100 ? 0.83 : 0.9;
    if (rng.uniform() >= eff) {
      if (absEta <= 3) this.shower(rng, src, i, false);
      return k;
    }
    // trackRelResolution, inlined.
    const c = absEta <= 0.5 ? 0.01 : absEta <= 1.5 ? 0.015 : 0.025;
    const kk = absEta <= 0.5 ? 1.5e-4 : absEta <= 1.5 ? 2.5e-4 : 5.5e-4;
    const rel = Math.sqrt(c * c + (kk * pt) ** 2);
    const ptTrack = pt * (1 + rel * rng.normal());
    // Below 40 GeV the track always beats the calorimeter (both detectors); skip the comparison.
    if (ptTrack > 0 && (ptTrack < 40 || !calorimeterTrustsHadron(ptTrack, eta, this.det))) {
      out.ptGeV[k] = ptTrack; out.eta[k] = eta; out.phi[k] = src.phi[i]!; out.massGeV[k] = PION_MASS; out.pid[k] = chargedPionPid(src.pid[i]!); out.vertex[k] = vertex;
      out.calo[k] = 0; out.oraclePtGeV[k] = ptTrack; out.oracleVarGeV2[k] = (rel * ptTrack) ** 2;
      this.current[TRACK_ENERGY] = ptTrack * this.current[COSH]!;
      this.shower(rng, src, i, true);
      return k + 1;
    }
    return this.caloHadron(rng, src, i, vertex, out, k);
  }

  /** A tracked hadron whose energy the calorimeter measures better: its raw deposit, if positive. */
  private caloHadron(rng: Rng, src: ParticleBuffer, i: number, vertex: number, out: ParticleBuffer, k: number): number {
    const det = this.det, e = this.current[ENERGY]!, cosh = this.current[COSH]!;
    const r = hcalResponse(e, det);
    const ce = det.hcalConstant * e, hS = det.hcalStochastic;
    const d = r * e + r * Math.sqrt(ce * ce + hS * hS * e) * rng.normal();
    if (!(d > 0)) return k;
    const eHat = hcalInverseResponse(d, det);
    const sigma = hcalResolutionGeV(eHat, det);
    out.ptGeV[k] = d / cosh; out.eta[k] = src.eta[i]!; out.phi[k] = src.phi[i]!; out.massGeV[k] = PION_MASS; out.pid[k] = chargedPionPid(src.pid[i]!); out.vertex[k] = vertex;
    out.calo[k] = 1; out.oraclePtGeV[k] = eHat / cosh; out.oracleVarGeV2[k] = (sigma / cosh) ** 2;
    return k + 1;
  }

  /**
   * An HCAL shower of true energy current[ENERGY] into its cell; a `tracked` one also adds the
   * expected deposit at the track energy current[TRACK_ENERGY] and its noise variance.
   */
  private shower(rng: Rng, src: ParticleBuffer, i: number, tracked: boolean): void {
    const det = this.det, hS = det.hcalStochastic, hC = det.hcalConstant, e = this.current[ENERGY]!;
    const r = hcalResponse(e, det);
    const ce = hC * e;
    const d = r * e + r * Math.sqrt(ce * ce + hS * hS * e) * rng.normal();
    const pending = this.cells.pending;
    pending[0] = src.eta[i]!; pending[1] = src.phi[i]!; pending[2] = d;
    if (tracked) {
      const eTrack = this.current[TRACK_ENERGY]!;
      const rt = hcalResponse(eTrack, det);
      const ct = hC * eTrack;
      const noise = rt * Math.sqrt(ct * ct + hS * hS * eTrack);
      pending[3] = rt * eTrack; pending[4] = noise * noise;
    } else {
      pending[3] = 0; pending[4] = 0;
    }
    this.cells.addPending();
  }

  private emitNeutralHadrons(out: ParticleBuffer): void {
    const cells = this.cells, det = this.det;
    const b = det.hcalResponseB;
    out.reserve(cells.n);
    this.fitTruthIndex(out);
    for (let c = 0; c < cells.n; c++) {
      const excess = cells.raw[c]! - cells.expected[c]!;
      if (excess <= det.hcalThresholdGeV) continue;
      const eta = cells.centroidEta(c), phi = cells.centroidPhi(c), cosh = Math.cosh(eta);
      const eInv = hcalInverseResponse(excess, det);
      const r = hcalResponse(eInv, det);
      const slope = det.hcalResponseA === 0 ? 1 : 1 - (1 - b) * (1 - r);
      const noiseVar = cells.chargedNoiseVar[c]!;
      // Shrinkage: the part of the excess that is charged-shower noise is not a hadron, so it is
      // not divided by the response; w = ε² / (ε² + σ_c²) is the weight of the hadron hypothesis.
      const w = (excess * excess) / (excess * excess + noiseVar);
      const eHat = w * eInv + (1 - w) * excess;
      const gain = w / slope + (1 - w);
      const varMeasured = (r * hcalResolutionGeV(eInv, det)) ** 2 + noiseVar;
      const p = Math.sqrt(excess * excess - KLONG_MASS * KLONG_MASS);
      const k = out.n++;
      this.truthIndex[k] = -1;
      this.coshEta[k] = cosh;
      out.ptGeV[k] = p / cosh; out.eta[k] = eta; out.phi[k] = phi; out.massGeV[k] = KLONG_MASS; out.pid[k] = Pdg.kLong; out.vertex[k] = 0;
      out.calo[k] = 1; out.oraclePtGeV[k] = eHat / cosh; out.oracleVarGeV2[k] = (gain * gain * varMeasured) / (cosh * cosh);
    }
  }
}
