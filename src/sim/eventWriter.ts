/** Turns one simulated event (partons, GEN and SIM particles, both clusterings) into two MOD jet rows. */
import type { Clustering } from './antikt.js';
import type { ParticleBuffer } from './particleBuffer.js';
import type { Parton } from './fragment.js';
import type { ModBuilder } from './modBuilder.js';
import type { Calibration } from './calibration.js';
import type { EventSummary } from './simulate.js';
import { SPECIES_ENERGY_SUMS, addSpeciesEnergy, jetArea, jetIdFromEnergies, jetKinematics, maxNeutralFraction, pairMass, type JetKinematics } from './jets.js';
import { invertResponse } from './response.js';
import { rapidityFromEta, deltaPhi } from './kinematics.js';

const R = 0.5;
const MATCH_DR = 0.3;
/** GEN jets a SIM jet may be matched to: the hardest few. */
const MATCH_CANDIDATES = 4;
/**
 * Per-jet sums of the two stored SIM jets (EventWriter.sums, JET_SUMS slots per jet): the jet-ID
 * energies (SPECIES_ENERGY_SUMS), then the oracle's Σ p̂T cos φ, Σ p̂T sin φ and Σ var.
 */
const ORACLE_X = SPECIES_ENERGY_SUMS, ORACLE_Y = ORACLE_X + 1, ORACLE_VAR = ORACLE_X + 2, JET_SUMS = ORACLE_X + 3;
/** Slots of EventWriter.eventValues: each stored jet's JEC, the GEN and reco dijet masses, the event weight. */
const JEC = 0, GEN_MJJ = 2, RECO_MJJ = 3, WEIGHT = 4;
/** Slots of EventWriter.oracleOut. */
const ORACLE_PT = 0, ORACLE_SIGMA = 1;

/** One event handed to the writer. */
export interface SimEvent {
  fn: number; rn: number; lbn: number; evn: number; npv: number;
  partons: readonly [Parton, Parton];
  gen: ParticleBuffer; genJets: Clustering;
  reco: ParticleBuffer; recoJets: Clustering;
  /** cosh η of each reco particle, if known (Reconstructor.coshEta). */
  recoCoshEta?: Float64Array;
}

/**
 * Oracle of one SIM jet: raw = |Σ_i p̂_T,i (cos φ_i, sin φ_i)| over its hard-vertex particles
 * (vertex 0), where p̂_T,i is the particle's true-pT estimate from the inverted detector model
 * (src/sim/reconstruct.ts); then the calibrated oracle g solves g·r_o(g, η) + ρ_o·(npv − 1)·A = raw
 * (r_o, ρ_o fitted once, src/sim/calibration.ts), and σ = s·(g / raw)·sqrt(Σ_i var_i).
 */
export class EventWriter {
  private readonly kin: [JetKinematics, JetKinematics] = [
    { pt: 0, y: 0, phi: 0, m: 0, eta: 0 }, { pt: 0, y: 0, phi: 0, m: 0, eta: 0 },
  ];
  /** Kinematics of the event's first MATCH_CANDIDATES GEN jets, computed once per event. */
  private readonly genKin: JetKinematics[] = Array.from({ length: MATCH_CANDIDATES }, () => ({ pt: 0, y: 0, phi: 0, m: 0, eta: 0 }));
  private readonly floatRow: Float64Array;
  private readonly intRow = new Float64Array(7);
  /**
   * Per-event values both jets' rows share, and the oracle of the jet being written: kept in arrays
   * rather than passed or returned, which would box each double where V8 does not inline the call.
   */
  private readonly eventValues = new Float64Array(5);
  private readonly oracleOut = new Float64Array(2);
  private readonly sums = new Float64Array(2 * JET_SUMS);
  private readonly nConst = new Int32Array(2);
  /** Constituents of the two jets being written (see `collectConstituents`), and how many each. */
  private constituents: Int32Array[] = [new Int32Array(256), new Int32Array(256)];
  private readonly nConstituents = new Int32Array(2);
  /** The same for the GEN jets matched to them. */
  private genConstituents: Int32Array[] = [new Int32Array(256), new Int32Array(256)];
  private readonly nGenConstituents = new Int32Array(2);

  constructor(
    private readonly builder: ModBuilder,
    private readonly calibration: Calibration | undefined,
    private readonly eventWeight: ((e: EventSummary) => number) | undefined,
  ) {
    this.floatRow = new Float64Array(builder.jetsFCols.length);
  }

  write(ev: SimEvent): void {
    const { genJets, recoJets } = ev;
    for (let j = 0; j < 2; j++) jetKinematics(recoJets, j, this.kin[j]!);
    for (let g = 0; g < Math.min(genJets.nJets, MATCH_CANDIDATES); g++) jetKinematics(genJets, g, this.genKin[g]!);
    const genMatch0 = this.matchGen(ev, 0), genMatch1 = this.matchGen(ev, 1);
    const values = this.eventValues;
    values[JEC] = this.jec(0);
    values[JEC + 1] = this.jec(1);
    const genMjj = genMatch0 >= 0 && genMatch1 >= 0 && genMatch0 !== genMatch1 ? pairMass(genJets, genMatch0, genMatch1) : -1;
    const recoMjj = pairMass(recoJets, 0, 1, values[JEC]!, values[JEC + 1]!);
    values[GEN_MJJ] = genMjj;
    values[RECO_MJJ] = recoMjj;
    values[WEIGHT] = this.eventWeight === undefined ? 1 : this.eventWeight({ hardPtGeV: ev.partons[0].ptGeV, genMjjGeV: genMjj, recoMjjGeV: recoMjj });
    this.sumRecoJets(ev);
    this.constituents = collectConstituents(ev.reco, recoJets, 0, 1, this.constituents, this.nConstituents);
    this.genConstituents = collectConstituents(ev.gen, genJets, genMatch0, genMatch1, this.genConstituents, this.nGenConstituents);
    this.writeJet(ev, 0, genMatch0);
    this.writeJet(ev, 1, genMatch1);
  }

  /**
   * The jet-ID and oracle sums of SIM jets 0 and 1 in one pass over the reco particles (each jet's
   * sums taken in input order, as a pass per jet would).
   */
  private sumRecoJets(ev: SimEvent): void {
    const { reco, recoCoshEta: coshEta } = ev, { jetOf, cosPhi, sinPhi } = ev.recoJets;
    const sums = this.sums.fill(0), nConst = this.nConst.fill(0);
    for (let i = 0; i < reco.n; i++) {
      const j = jetOf[i]!;
      if (j !== 0 && j !== 1) continue;
      const o = j * JET_SUMS;
      addSpeciesEnergy(sums, o, reco.ptGeV[i]! * (coshEta !== undefined ? coshEta[i]! : Math.cosh(reco.eta[i]!)), reco.pid[i]!);
      nConst[j]!++;
      if (reco.vertex[i] !== 0) continue;
      // The clusterer's cos φ, sin φ of the same particles: the same numbers as Math.cos, Math.sin here.
      sums[o + ORACLE_X]! += reco.oraclePtGeV[i]! * (cosPhi !== undefined ? cosPhi[i]! : Math.cos(reco.phi[i]!));
      sums[o + ORACLE_Y]! += reco.oraclePtGeV[i]! * (sinPhi !== undefined ? sinPhi[i]! : Math.sin(reco.phi[i]!));
      sums[o + ORACLE_VAR]! += reco.oracleVarGeV2[i]!;
    }
  }

  private jec(j: number): number {
    const k = this.kin[j]!;
    if (this.calibration === undefined) return 1;
    return invertResponse(this.calibration.jec, k.pt, k.eta) / k.pt;
  }

  private matchGen(ev: SimEvent, j: number): number {
    const k = this.kin[j]!;
    let best = -1, bestDr2 = MATCH_DR * MATCH_DR;
    for (let g = 0; g < Math.min(ev.genJets.nJets, MATCH_CANDIDATES); g++) {
      const gk = this.genKin[g]!;
      const dphi = deltaPhi(gk.phi, k.phi), dy = gk.y - k.y;
      const dr2 = dy * dy + dphi * dphi;
      if (dr2 < bestDr2) { bestDr2 = dr2; best = g; }
    }
    return best;
  }

  /** Writes SIM jet j's rows; g is its matched GEN jet or −1. */
  private writeJet(ev: SimEvent, j: number, g: number): void {
    const { reco, gen, recoJets, genJets, partons } = ev;
    const k = this.kin[j]!, values = this.eventValues;
    const area = jetArea(recoJets, j, R);
    const quality = jetIdFromEnergies(this.sums, j * JET_SUMS, this.nConst[j]!, Math.abs(k.eta));
    const parton = nearestParton(partons, k);
    const gk = g >= 0 ? this.genKin[g] : undefined;
    this.oracle(ev, j, k.eta, area);
    const row = this.floatRow;
    let c = 0;
    row[c++] = k.pt; row[c++] = k.y; row[c++] = k.phi; row[c++] = k.m; row[c++] = k.eta;
    row[c++] = values[JEC + j]!; row[c++] = area; row[c++] = maxNeutralFraction(this.sums, j * JET_SUMS);
    row[c++] = gk ? gk.pt : -1; row[c++] = gk ? gk.y : -1; row[c++] = gk ? gk.phi : -1; row[c++] = gk ? gk.m : -1; row[c++] = gk ? gk.eta : -1;
    row[c++] = parton.ptGeV; row[c++] = parton.eta; row[c++] = parton.phi; row[c++] = values[WEIGHT]!;
    row[c++] = this.oracleOut[ORACLE_PT]!; row[c++] = this.oracleOut[ORACLE_SIGMA]!; row[c++] = values[GEN_MJJ]!; row[c++] = values[RECO_MJJ]!;
    this.writeParticles(reco, recoJets, this.constituents[j]!, this.nConstituents[j]!, true);
    if (g >= 0) this.writeParticles(gen, genJets, this.genConstituents[j]!, this.nGenConstituents[j]!, false);
    const ir = this.intRow;
    ir[0] = ev.fn; ir[1] = ev.rn; ir[2] = ev.lbn; ir[3] = ev.evn; ir[4] = ev.npv; ir[5] = quality; ir[6] = parton.pid;
    this.builder.jet(ir, row);
  }

  /** The oracle's pT and σ of SIM jet j into oracleOut. */
  private oracle(ev: SimEvent, j: number, eta: number, area: number): void {
    const sums = this.sums, o = j * JET_SUMS, v = sums[o + ORACLE_VAR]!, out = this.oracleOut;
    const raw = Math.hypot(sums[o + ORACLE_X]!, sums[o + ORACLE_Y]!);
    if (this.calibration === undefined || !(raw > 0)) {
      out[ORACLE_PT] = raw;
      out[ORACLE_SIGMA] = Math.sqrt(v);
      return;
    }
    const g = invertResponse(this.calibration.oracle, raw, eta, (ev.npv - 1) * area);
    out[ORACLE_PT] = g;
    out[ORACLE_SIGMA] = this.calibration.oracleSigmaScale * (g / raw) * Math.sqrt(v);
  }

  /** Writes the `n` particles `list` of `p` (pfcs rows if `isReco`, else gens rows). */
  private writeParticles(p: ParticleBuffer, jets: Clustering, list: Int32Array, n: number, isReco: boolean): void {
    const rapidity = jets.rapidity;
    for (let a = 0; a < n; a++) {
      const i = list[a]!;
      const pt = p.ptGeV[i]!, m = p.massGeV[i]!, eta = p.eta[i]!;
      // The clusterer's rapidity saves a sinh, a sqrt and an asinh where it is as accurate.
      const y = rapidity !== undefined && eta <= 5 && eta >= -5 ? rapidity[i]! : rapidityFromEta(pt, eta, m);
      if (isReco) this.builder.pfc(pt, y, p.phi[i]!, m, p.pid[i]!, p.vertex[i]!, p.calo[i]!);
      else this.builder.gen(pt, y, p.phi[i]!, m, p.pid[i]!);
    }
  }
}

/**
 * Lists the particles of jets `a` and `b` of `jets` (−1: none; b may equal a) into lists[0] and
 * lists[1] (grown to fit; the lists are returned), their counts into counts[0], counts[1], each
 * hardest first: a stable insertion sort by pT (ties in input order), one pass for both jets. Fed in
 * the clusterer's 1/pT² order when it has one, the sort finds them almost in place; equal pT have
 * equal 1/pT², which that order keeps by input index: the same sequence either way.
 */
function collectConstituents(p: ParticleBuffer, jets: Clustering, a: number, b: number, lists: Int32Array[], counts: Int32Array): Int32Array[] {
  if (lists[0]!.length < p.n) lists = [new Int32Array(p.n * 2), new Int32Array(p.n * 2)];
  const listA = lists[0]!, listB = lists[1]!, jetOf = jets.jetOf, hard = jets.hardOrder, pt = p.ptGeV;
  let nA = 0, nB = 0;
  for (let k = 0; k < p.n; k++) {
    const i = hard !== undefined ? hard[k]! : k;
    const jet = jetOf[i]!;
    if (jet === a) nA = insertByPt(listA, nA, i, pt);
    if (jet === b) nB = insertByPt(listB, nB, i, pt);
  }
  counts[0] = a >= 0 ? nA : 0;
  counts[1] = b >= 0 ? nB : 0;
  return lists;
}

/** Inserts particle i into list[0..n), kept by decreasing pT (after its equals); returns n + 1. */
function insertByPt(list: Int32Array, n: number, i: number, pt: Float64Array): number {
  let pos = n;
  while (pos > 0 && pt[list[pos - 1]!]! < pt[i]!) { list[pos] = list[pos - 1]!; pos--; }
  list[pos] = i;
  return n + 1;
}

function nearestParton(partons: readonly [Parton, Parton], k: JetKinematics): Parton {
  const a = partons[0], b = partons[1];
  const da = (a.eta - k.eta) ** 2 + deltaPhi(a.phi, k.phi) ** 2;
  const db = (b.eta - k.eta) ** 2 + deltaPhi(b.phi, k.phi) ** 2;
  return da <= db ? a : b;
}
