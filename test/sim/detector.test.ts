import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';
import {
  FAST_DETECTOR, FULL_DETECTOR, ParticleBuffer, Reconstructor, calorimeterTrustsHadron, electronRelResolution, hcalInverseResponse,
  hcalResolutionGeV, hcalResponse, muonRelResolution, photonResolutionGeV, trackEfficiency, trackRelResolution, type DetectorModel,
} from '../../src/sim/index.js';
import { pdgMassGeV } from '../../src/sim/pdg.js';

/** Sends `n` copies of one particle through the detector (no pileup); returns the reconstructed particles. */
function shoot(det: DetectorModel, pid: number, ptGeV: number, eta: number, n: number, seed = 1): ParticleBuffer {
  const rng = new Rng(seed), truth = new ParticleBuffer(), none = new ParticleBuffer(), all = new ParticleBuffer(), one = new ParticleBuffer();
  const rec = new Reconstructor(det);
  truth.push(ptGeV, eta, 0.3, 0, pid, 0);
  for (let k = 0; k < n; k++) {
    one.clear();
    rec.reconstruct(rng, truth, none, one);
    for (let i = 0; i < one.n; i++) {
      const j = all.push(one.ptGeV[i]!, one.eta[i]!, one.phi[i]!, one.massGeV[i]!, one.pid[i]!, one.vertex[i]!);
      all.calo[j] = one.calo[i]!;
    }
  }
  return all;
}

function energies(p: ParticleBuffer): number[] {
  return Array.from({ length: p.n }, (_, i) => p.ptGeV[i]! * Math.cosh(p.eta[i]!));
}
const mean = (x: number[]): number => x.reduce((a, b) => a + b, 0) / x.length;
const std = (x: number[]): number => { const m = mean(x); return Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1)); };

// With N = 4000 draws the sample mean has standard error σ/√N (1.6 % of σ) and the sample std a
// relative standard error ≈ 1/√(2N) = 1.1 %: we allow 4 standard errors on the mean and 5 % on σ.
const N = 4000;

describe('per-species detector response', () => {
  it('hcalResponse(E) is 0.65, 0.78, 0.87 at 10, 50, 300 GeV (DETECTOR.md) and 1 for the fast detector', () => {
    expect(hcalResponse(10)).toBeCloseTo(0.65, 2);
    expect(hcalResponse(50)).toBeCloseTo(0.78, 2);
    expect(hcalResponse(300)).toBeCloseTo(0.87, 2);
    expect(hcalResponse(50, FAST_DETECTOR)).toBe(1);
    expect(hcalResolutionGeV(100, FAST_DETECTOR) / hcalResolutionGeV(100, FULL_DETECTOR)).toBeCloseTo(1.25, 10);
  });

  it('hcalInverseResponse(R(E)·E) = E for E from 1 to 1000 GeV', () => {
    for (const e of [1, 2.5, 10, 37, 150, 1000]) expect(hcalInverseResponse(hcalResponse(e) * e)).toBeCloseTo(e, 6);
  });

  it('photonResolutionGeV(E, η) follows the Delphes CMS ECAL formula', () => {
    const base = (e: number): number => Math.sqrt((0.008 * e) ** 2 + 0.11 ** 2 * e + 0.4 ** 2);
    expect(photonResolutionGeV(50, 0.5)).toBeCloseTo((1 + 0.64 * 0.25) * base(50), 12);
    expect(photonResolutionGeV(50, -2.2)).toBeCloseTo((2.16 + 5.6 * 0.04) * base(50), 12);
    expect(photonResolutionGeV(50, 2.6)).toBe(Infinity);
  });

  it('trackEfficiency and trackRelResolution follow the Delphes CMS card', () => {
    expect(trackEfficiency(0.5, 0.3)).toBe(0.7);
    expect(trackEfficiency(5, 1.2)).toBe(0.95);
    expect(trackEfficiency(50, 2)).toBe(0.83);
    expect(trackEfficiency(150, 2)).toBe(0.9);
    expect(trackEfficiency(5, 2.6)).toBe(0);
    expect(trackRelResolution(400, 0.2)).toBeCloseTo(Math.hypot(0.01, 0.06), 12);
    expect(calorimeterTrustsHadron(400, 2.0)).toBe(true);
    expect(calorimeterTrustsHadron(20, 0.2)).toBe(false);
  });

  it('Reconstructor: 50 GeV photons at η = 0.3 have mean E and σ(E) = photonResolutionGeV', () => {
    const e = energies(shoot(FULL_DETECTOR, 22, 50 / Math.cosh(0.3), 0.3, N));
    const sigma = photonResolutionGeV(50, 0.3);
    expect(e.length).toBe(N);
    expect(Math.abs(mean(e) - 50)).toBeLessThan((4 * sigma) / Math.sqrt(N));
    expect(std(e) / sigma).toBeGreaterThan(0.95);
    expect(std(e) / sigma).toBeLessThan(1.05);
  });

  it('Reconstructor: 50 GeV neutral hadrons deposit R(E)·E with σ = R(E)·σ_HCAL(E), as pid 130', () => {
    const out = shoot(FULL_DETECTOR, 130, 50, 0, N);
    const e = energies(out);
    const r = hcalResponse(50), sigma = r * hcalResolutionGeV(50);
    expect(e.length).toBe(N);
    expect(Array.from(out.pid.subarray(0, out.n)).every((p) => p === 130)).toBe(true);
    expect(Math.abs(mean(e) - r * 50)).toBeLessThan((4 * sigma) / Math.sqrt(N));
    expect(std(e) / sigma).toBeGreaterThan(0.95);
    expect(std(e) / sigma).toBeLessThan(1.05);
  });

  it('Reconstructor: 20 GeV charged pions at η = 0.2 are tracked with efficiency 0.95 and trackRelResolution', () => {
    const out = shoot(FULL_DETECTOR, 211, 20, 0.2, N);
    const tracks: number[] = [];
    for (let i = 0; i < out.n; i++) if (out.pid[i] === 211 && out.calo[i] === 0) tracks.push(out.ptGeV[i]!);
    // Binomial: sd of the efficiency = sqrt(0.95·0.05/4000) = 0.0034; allow 4 sd.
    expect(Math.abs(tracks.length / N - 0.95)).toBeLessThan(4 * 0.0034);
    const sigma = 20 * trackRelResolution(20, 0.2);
    expect(Math.abs(mean(tracks) - 20)).toBeLessThan((4 * sigma) / Math.sqrt(tracks.length));
    expect(std(tracks) / sigma).toBeGreaterThan(0.95);
    expect(std(tracks) / sigma).toBeLessThan(1.05);
  });

  it('Reconstructor: 400 GeV charged pions at η = 2 are measured by the calorimeter (calo = 1, energy R(E)·E)', () => {
    const out = shoot(FULL_DETECTOR, -211, 400, 2, N);
    const calo: number[] = [];
    for (let i = 0; i < out.n; i++) if (out.pid[i] === -211 && out.calo[i] === 1) calo.push(out.ptGeV[i]! * Math.cosh(out.eta[i]!));
    const e = 400 * Math.cosh(2), r = hcalResponse(e), sigma = r * hcalResolutionGeV(e);
    // Tracked (efficiency 0.9) and always calorimeter-trusted at this momentum.
    expect(Math.abs(calo.length / N - 0.9)).toBeLessThan(4 * Math.sqrt((0.9 * 0.1) / N));
    expect(Math.abs(mean(calo) - r * e)).toBeLessThan((4 * sigma) / Math.sqrt(calo.length));
    expect(std(calo) / sigma).toBeGreaterThan(0.94);
    expect(std(calo) / sigma).toBeLessThan(1.06);
  });

  it('Reconstructor: 30 GeV electrons at η = 0.3 are all tracked (pid kept, calo 0, electron mass) with σ(pT) = pT·electronRelResolution', () => {
    for (const det of [FULL_DETECTOR, FAST_DETECTOR]) {
      const out = shoot(det, -11, 30, 0.3, N);
      expect(out.n).toBe(N);
      for (let i = 0; i < out.n; i++) {
        expect(out.pid[i]).toBe(-11);
        expect(out.calo[i]).toBe(0);
        expect(out.massGeV[i]).toBe(pdgMassGeV(11));
      }
      const pt = Array.from(out.ptGeV.subarray(0, out.n)), sigma = 30 * electronRelResolution(30);
      expect(Math.abs(mean(pt) - 30)).toBeLessThan((4 * sigma) / Math.sqrt(N));
      expect(std(pt) / sigma).toBeGreaterThan(0.95);
      expect(std(pt) / sigma).toBeLessThan(1.05);
    }
  });

  it('Reconstructor: 200 GeV muons at η = −1 are all tracked with σ(pT) = pT·muonRelResolution', () => {
    const out = shoot(FULL_DETECTOR, 13, 200, -1, N);
    expect(out.n).toBe(N);
    const pt: number[] = [];
    for (let i = 0; i < out.n; i++) {
      expect(out.pid[i]).toBe(13);
      expect(out.calo[i]).toBe(0);
      expect(out.massGeV[i]).toBe(pdgMassGeV(13));
      pt.push(out.ptGeV[i]!);
    }
    const sigma = 200 * muonRelResolution(200);
    expect(Math.abs(mean(pt) - 200)).toBeLessThan((4 * sigma) / Math.sqrt(N));
    expect(std(pt) / sigma).toBeGreaterThan(0.95);
    expect(std(pt) / sigma).toBeLessThan(1.05);
  });

  it('Reconstructor: beyond the tracker, electrons (2.5 < |η| ≤ 3) shower in the HCAL as pid 130 and muons (|η| > 2.4) leave nothing', () => {
    const electrons = shoot(FULL_DETECTOR, 11, 20, 2.7, N);
    const e = energies(electrons), eTrue = 20 * Math.cosh(2.7), r = hcalResponse(eTrue), sigma = r * hcalResolutionGeV(eTrue);
    expect(Array.from(electrons.pid.subarray(0, electrons.n)).every((p) => p === 130)).toBe(true);
    // Deposits below the 1 GeV neutral-hadron threshold are dropped; at R(E)·E ≈ 110 GeV none is.
    expect(e.length).toBe(N);
    expect(Math.abs(mean(e) - r * eTrue)).toBeLessThan((4 * sigma) / Math.sqrt(N));
    expect(shoot(FULL_DETECTOR, -13, 50, 2.45, 100).n).toBe(0);
    expect(shoot(FULL_DETECTOR, 11, 20, 3.2, 100).n).toBe(0);
  });
});
