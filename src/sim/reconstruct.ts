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
import { type DetectorModel, hcalResponse, hcalResolutionGeV, hcalInverseResponse, photonResolutionGeV, trackEfficiency, trackRelResolution, electronRelResolution, muonRelResolution, calorimeterTrustsHadron } from './detector.js';
import { Pdg, Species, pdgMassGeV, speciesOf } from './pdg.js';
import { HcalCells } from './hcalCells.js';

const PION_MASS = pdgMassGeV(Pdg.pion);
const KLONG_MASS = pdgMassGeV(Pdg.kLong);

/** Reconstructs particle-flow candidates from true particles; reusable across events. */
export class Reconstructor {
  private readonly cells = new HcalCells();
  constructor(readonly det: DetectorModel) {}

  /** Appends the reconstructed particles of `truth` (hard event: vertex forced 0) and `pileup` (own vertex) to `out`. */
  reconstruct(rng: Rng, truth: ParticleBuffer, pileup: ParticleBuffer, out: ParticleBuffer): void {
    this.cells.clear();
    for (let i = 0; i < truth.n; i++) this.particle(rng, truth, i, 0, out);
    for (let i = 0; i < pileup.n; i++) this.particle(rng, pileup, i, pileup.vertex[i]!, out);
    this.emitNeutralHadrons(out);
  }

  private particle(rng: Rng, src: ParticleBuffer, i: number, vertex: number, out: ParticleBuffer): void {
    const pt = src.ptGeV[i]!, eta = src.eta[i]!, phi = src.phi[i]!, pid = src.pid[i]!;
    const absEta = Math.abs(eta), cosh = Math.cosh(eta);
    const e = pt * cosh;
    switch (speciesOf(pid)) {
      case Species.photon: {
        if (absEta > 2.5) { this.deposit(rng, e, eta, phi, false, 0); return; }
        const sigma = photonResolutionGeV(e, eta, this.det);
        const em = e + sigma * rng.normal();
        if (em <= this.det.ecalThresholdGeV) return;
        this.push(out, em / cosh, eta, phi, 0, Pdg.photon, 0, 1, em / cosh, (sigma / cosh) ** 2);
        return;
      }
      case Species.electron:
      case Species.muon: {
        const isMuon = speciesOf(pid) === Species.muon;
        if (absEta > (isMuon ? 2.4 : 2.5)) { if (!isMuon && absEta <= 3) this.deposit(rng, e, eta, phi, false, 0); return; }
        const rel = isMuon ? muonRelResolution(pt) : electronRelResolution(pt);
        const ptm = pt * (1 + rel * rng.normal());
        if (ptm <= 0) return;
        this.push(out, ptm, eta, phi, pdgMassGeV(pid), pid, vertex, 0, ptm, (rel * ptm) ** 2);
        return;
      }
      case Species.neutralHadron:
        if (absEta <= 3) this.deposit(rng, e, eta, phi, false, 0);
        return;
      case Species.neutrino:
        return;
      default:
        this.chargedHadron(rng, pt, eta, phi, pid, vertex, out);
    }
  }

  private chargedHadron(rng: Rng, pt: number, eta: number, phi: number, pid: number, vertex: number, out: ParticleBuffer): void {
    const cosh = Math.cosh(eta), e = pt * cosh;
    if (rng.uniform() >= trackEfficiency(pt, eta)) {
      if (Math.abs(eta) <= 3) this.deposit(rng, e, eta, phi, false, 0);
      return;
    }
    const charge = pid > 0 ? 1 : -1;
    const rel = trackRelResolution(pt, eta);
    const ptTrack = pt * (1 + rel * rng.normal());
    // Below 40 GeV the track always beats the calorimeter (both detectors); skip the comparison.
    if (ptTrack > 0 && (ptTrack < 40 || !calorimeterTrustsHadron(ptTrack, eta, this.det))) {
      this.push(out, ptTrack, eta, phi, PION_MASS, charge * Pdg.pion, vertex, 0, ptTrack, (rel * ptTrack) ** 2);
      this.deposit(rng, e, eta, phi, true, ptTrack * cosh);
      return;
    }
    const r = hcalResponse(e, this.det);
    const d = r * e + r * hcalResolutionGeV(e, this.det) * rng.normal();
    if (d <= 0) return;
    const eHat = hcalInverseResponse(d, this.det);
    const sigma = hcalResolutionGeV(eHat, this.det);
    this.push(out, d / cosh, eta, phi, PION_MASS, charge * Pdg.pion, vertex, 1, eHat / cosh, (sigma / cosh) ** 2);
  }

  /** An HCAL shower of true energy e; `tracked` showers also add their expected deposit at the track energy. */
  private deposit(rng: Rng, e: number, eta: number, phi: number, tracked: boolean, eTrack: number): void {
    const r = hcalResponse(e, this.det);
    const d = r * e + r * hcalResolutionGeV(e, this.det) * rng.normal();
    if (!tracked) { this.cells.add(eta, phi, d, 0, 0); return; }
    const rt = hcalResponse(eTrack, this.det);
    const noise = rt * hcalResolutionGeV(eTrack, this.det);
    this.cells.add(eta, phi, d, rt * eTrack, noise * noise);
  }

  private emitNeutralHadrons(out: ParticleBuffer): void {
    const cells = this.cells, det = this.det;
    const b = det.hcalResponseB;
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
      this.push(out, p / cosh, eta, phi, KLONG_MASS, Pdg.kLong, 0, 1, eHat / cosh, (gain * gain * varMeasured) / (cosh * cosh));
    }
  }

  private push(out: ParticleBuffer, pt: number, eta: number, phi: number, m: number, pid: number, vertex: number, calo: number, oraclePt: number, oracleVar: number): void {
    const k = out.push(pt, eta, phi, m, pid, vertex);
    out.calo[k] = calo;
    out.oraclePtGeV[k] = oraclePt;
    out.oracleVarGeV2[k] = oracleVar;
  }
}
