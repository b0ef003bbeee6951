/**
 * Dijet samples of the prior study (arXiv:2205.05084 Sec. V A): QCD events of the built-in
 * simulator with x = reconstructed m_jj (uncalibrated jets, as in the paper) and z = GEN m_jj,
 * split into disjoint, complementary train and test halves; the BSM sample is the same QCD
 * events reweighted on the true m_jj to a narrow resonance (Eq. (45)), which keeps every hidden
 * variable (jet rapidities, flavours, pileup) and hence p(x|z) identical between QCD and BSM.
 */
import { Rng } from '../../engine/rng.js';
import { columnIndex, type ModData } from '../../io/mod/layout.js';
import { simulateDijets } from '../../sim/index.js';

/** One simulated sample, one entry per event with both jets matched at GEN level. */
export interface DijetEvents {
  /** Reconstructed m_jj of the two hardest SIM jets, no jet energy correction (GeV). */
  recoMjjGeV: Float64Array;
  /** m_jj of the two GEN jets matched to them (GeV). */
  genMjjGeV: Float64Array;
  /** Event weight of the generator (1 for the simulator's unweighted QCD). */
  weight: Float64Array;
}

/** The simulator settings of the QCD sample. */
export interface QcdSampleOptions {
  events: number;
  seed: number;
  /** pT_hat range (GeV); the paper keeps pT_hat > 1 TeV. */
  ptRangeGeV: readonly [number, number];
  /** n of dσ/dpT_hat ∝ pT_hat^−n. */
  qcdPower: number;
}

/** Simulates QCD dijets with the given detector, uncalibrated jets, and keeps the matched events. */
export function simulateQcd(o: QcdSampleOptions, detector: 'full' | 'fast'): DijetEvents {
  const mod = simulateDijets({ events: o.events, seed: o.seed, detector, spectrum: 'qcd', ptRangeGeV: o.ptRangeGeV, qcdPower: o.qcdPower, calibration: 'none' });
  return eventsFromMod(mod);
}

/** One row per event (the simulator writes two jet rows per event sharing gen_mjj and reco_mjj); unmatched events (gen_mjj < 0) are dropped. */
export function eventsFromMod(mod: ModData): DijetEvents {
  const { cols, data, rows } = mod.jetsF;
  const nc = cols.length;
  const gi = columnIndex(mod.jetsF, 'gen_mjj'), ri = columnIndex(mod.jetsF, 'reco_mjj'), wi = columnIndex(mod.jetsF, 'weight');
  const reco: number[] = [], gen: number[] = [], w: number[] = [];
  for (let r = 0; r < rows; r += 2) {
    const g = data[r * nc + gi]!;
    if (!(g > 0)) continue;
    gen.push(g);
    reco.push(data[r * nc + ri]!);
    w.push(data[r * nc + wi]!);
  }
  return { recoMjjGeV: Float64Array.from(reco), genMjjGeV: Float64Array.from(gen), weight: Float64Array.from(w) };
}

/** Rows `idx` of a sample. */
export function takeEvents(e: DijetEvents, idx: ArrayLike<number>): DijetEvents {
  const pick = (a: Float64Array): Float64Array => Float64Array.from({ length: idx.length }, (_, i) => a[idx[i] as number]!);
  return { recoMjjGeV: pick(e.recoMjjGeV), genMjjGeV: pick(e.genMjjGeV), weight: pick(e.weight) };
}

/**
 * Disjoint, complementary halves: a seeded permutation of the rows, the first ⌊n/2⌋ for training
 * and all the others for testing (the reference code's split kept only a quarter of the data).
 */
export function splitHalves(e: DijetEvents, seed: number): { train: DijetEvents; test: DijetEvents } {
  const n = e.genMjjGeV.length;
  const order = new Rng(seed).permutation(n);
  const half = Math.floor(n / 2);
  return { train: takeEvents(e, order.subarray(0, half)), test: takeEvents(e, order.subarray(half)) };
}
