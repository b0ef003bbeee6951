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

/**
 * Reconstructs particle-flow candidates from true particles; reusable across events.
 * The per-particle path is written out in one loop (the detector formulas of detector.ts inlined,
 * same expressions, same results bit for bit): calls with floating-point arguments that V8 does not
 * inline box every argument, and that garbage was a large part of the simulator's time.
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

  private particles(rng: Rng, src: ParticleBuffer, isPileup: boolean, out: ParticleBuffer): void {
    const det = this.det, cells = this.cells, pending = cells.pending;
    const ecalScale = det.ecalScale;
    const hS = det.hcalStochastic, hC = det.hcalConstant;
    const ecalThreshold = det.ecalThresholdGeV;
    const oPt = out.ptGeV, oEta = out.eta, oPhi = out.phi, oM = out.massGeV, oPid = out.pid, oVtx = out.vertex;
    const oCalo = out.calo, oOr = out.oraclePtGeV, oVar = out.oracleVarGeV2, oTruth = this.truthIndex, oCosh = this.coshEta;
    let k = out.n;
    for (let i = 0; i < src.n; i++) {
      // Set for whatever lands at k; only a k++ below keeps it.
      oTruth[k] = isPileup ? -1 : i;
      const pt = src.ptGeV[i]!, eta = src.eta[i]!, phi = src.phi[i]!, pid = src.pid[i]!;
      const vertex = isPileup ? src.vertex[i]! : 0;
      const absEta = Math.abs(eta), cosh = Math.cosh(eta);
      oCosh[k] = cosh;
      const e = pt * cosh;
      const species = speciesOf(pid);
      // What goes to the HCAL: `dep` true energy, `tracked` with track energy `eTrack`.
      let depositE = -1, tracked = false, eTrack = 0;
      if (species === Species.photon) {
        if (absEta > 2.5) depositE = e;
        else {
          // photonResolutionGeV, inlined (|η| ≤ 2.5 here).
          const base = Math.sqrt((0.008 * e) ** 2 + 0.11 * 0.11 * e + 0.4 * 0.4);
          const etaFactor = absEta <= 1.5 ? 1 + 0.64 * eta * eta : 2.16 + 5.6 * (absEta - 2) ** 2;
          const sigma = ecalScale * etaFactor * base;
          const em = e + sigma * rng.normal();
          if (em > ecalThreshold) {
            oPt[k] = em / cosh; oEta[k] = eta; oPhi[k] = phi; oM[k] = 0; oPid[k] = Pdg.photon; oVtx[k] = 0;
            oCalo[k] = 1; oOr[k] = em / cosh; oVar[k] = (sigma / cosh) ** 2;
            k++;
          }
        }
      } else if (species === Species.electron || species === Species.muon) {
        const isMuon = species === Species.muon;
        if (absEta > (isMuon ? 2.4 : 2.5)) { if (!isMuon && absEta <= 3) depositE = e; }
        else {
          const rel = isMuon ? Math.sqrt(0.01 * 0.01 + (1.0e-4 * pt) ** 2) : Math.sqrt(0.03 * 0.03 + (1.3e-3 * pt) ** 2);
          const ptm = pt * (1 + rel * rng.normal());
          if (ptm > 0) {
            oPt[k] = ptm; oEta[k] = eta; oPhi[k] = phi; oM[k] = pdgMassGeV(pid); oPid[k] = pid; oVtx[k] = vertex;
            oCalo[k] = 0; oOr[k] = ptm; oVar[k] = (rel * ptm) ** 2;
            k++;
          }
        }
      } else if (species === Species.neutralHadron) {
        if (absEta <= 3) depositE = e;
      } else if (species === Species.chargedHadron) {
        // Tracking efficiency (trackEfficiency, inlined).
        const eff = pt <= 0.1 || absEta > 2.5 ? 0 : absEta <= 1.5 ? (pt <= 1 ? 0.7 : 0.95) : pt <= 1 ? 0.5 : pt <= 100 ? 0.83 : 0.9;
        if (rng.uniform() >= eff) {
          if (absEta <= 3) depositE = e;
        } else {
          const charge = pid > 0 ? 1 : -1;
          // trackRelResolution, inlined.
          const c = absEta <= 0.5 ? 0.01 : absEta <= 1.5 ? 0.015 : 0.025;
          const kk = absEta <= 0.5 ? 1.5e-4 : absEta <= 1.5 ? 2.5e-4 : 5.5e-4;
          const rel = Math.sqrt(c * c + (kk * pt) ** 2);
          const ptTrack = pt * (1 + rel * rng.normal());
          // Below 40 GeV the track always beats the calorimeter (both detectors); skip the comparison.
          if (ptTrack > 0 && (ptTrack < 40 || !calorimeterTrustsHadron(ptTrack, eta, det))) {
            oPt[k] = ptTrack; oEta[k] = eta; oPhi[k] = phi; oM[k] = PION_MASS; oPid[k] = charge * Pdg.pion; oVtx[k] = vertex;
            oCalo[k] = 0; oOr[k] = ptTrack; oVar[k] = (rel * ptTrack) ** 2;
            k++;
            depositE = e; tracked = true; eTrack = ptTrack * cosh;
          } else {
            k = this.caloHadron(rng, src, i, vertex, out, k);
          }
        }
      }
      if (depositE < 0) continue;
      // An HCAL shower of true energy e; tracked showers also add their expected deposit at the track energy.
      const r = hcalResponse(e, det);
      const ce = hC * e;
      const d = r * e + r * Math.sqrt(ce * ce + hS * hS * e) * rng.normal();
      pending[0] = eta; pending[1] = phi; pending[2] = d;
      if (!tracked) { pending[3] = 0; pending[4] = 0; cells.addPending(); continue; }
      const rt = hcalResponse(eTrack, det);
      const ct = hC * eTrack;
      const noise = rt * Math.sqrt(ct * ct + hS * hS * eTrack);
      pending[3] = rt * eTrack; pending[4] = noise * noise;
      cells.addPending();
    }
    out.n = k;
  }

  /**
   * A tracked hadron whose energy the calorimeter measures better (rare): its raw deposit, if
   * positive, into slot k; returns the next free slot. A method of its own, with no floating-point
   * arguments (cosh η is coshEta[k]), so that it leaves `particles` V8's inlining budget for the
   * frequent paths.
   */
  private caloHadron(rng: Rng, src: ParticleBuffer, i: number, vertex: number, out: ParticleBuffer, k: number): number {
    const det = this.det;
    const cosh = this.coshEta[k]!, e = src.ptGeV[i]! * cosh;
    const r = hcalResponse(e, det);
    const d = r * e + r * hcalResolutionGeV(e, det) * rng.normal();
    if (!(d > 0)) return k;
    const eHat = hcalInverseResponse(d, det);
    const sigma = hcalResolutionGeV(eHat, det);
    out.ptGeV[k] = d / cosh; out.eta[k] = src.eta[i]!; out.phi[k] = src.phi[i]!; out.massGeV[k] = PION_MASS; out.pid[k] = (src.pid[i]! > 0 ? 1 : -1) * Pdg.pion; out.vertex[k] = vertex;
    out.calo[k] = 1; out.oraclePtGeV[k] = eHat / cosh; out.oracleVarGeV2[k] = (sigma / cosh) ** 2;
    return k + 1;
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
