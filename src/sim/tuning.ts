/**
 * The three tuning targets of DETECTOR.md, measured on a simulated MOD block:
 * (a) jet-level resolution: std of jet_pt·jec / gen_jet_pt for GEN pT in a window around 700 GeV;
 * (b) the oracle's: std of oracle_pt / gen_jet_pt in the same window;
 * (c) Λ_e of the truth asymmetry: MSE fit of the density e^(−|Δ|/Λ_e)/Λ_e to the histogram of
 *     |Δ| = |pT,1 − pT,2| of the two GEN jets of each event, in bins of leading GEN pT
 *     ("Calibrating two jets at once", PRD 110, 076015 (2024), Table I).
 * Jets count when GEN-matched, |η| < 2.4 and quality ≥ medium.
 */
import type { ModData } from '../io/mod/layout.js';
import { columnIndex } from '../io/mod/layout.js';

/** Where a simulated sample lands on the tuning targets. */
export interface TuningReport {
  /** Jets in the GEN window and their mean reconstructed-particle count. */
  nJetsAt700: number;
  meanParticlesAt700: number;
  meanPileupParticlesAt700: number;
  /** (a) and (b): relative resolutions, plain std and 3σ-clipped std. */
  jetResolution: number;
  jetResolutionClipped: number;
  oracleResolution: number;
  oracleResolutionClipped: number;
  /** 1 − (b)/(a) with the plain stds. */
  oracleGain: number;
  /** Mean of jet_pt·jec / gen and oracle_pt / gen in the window (closure of the calibrations). */
  jetClosure: number;
  oracleClosure: number;
  /** std of (oracle_pt − gen) / oracle_sigma in the window (1 if oracle_sigma is calibrated). */
  oraclePullWidth: number;
  /** (c): per leading-GEN-pT bin [lo, hi): Λ_e in GeV and Λ_e / bin centre. */
  asymmetry: { loGeV: number; hiGeV: number; events: number; lambdaGeV: number; lambdaOverPt: number }[];
}

/** Default leading-pT bins of target (c), GeV. */
export const ASYMMETRY_BINS: readonly (readonly [number, number])[] = [[500, 600], [650, 750], [800, 1000]];

/** Measures the tuning targets on `mod`; `windowGeV` is the GEN-pT window of (a) and (b) (default [680, 720]). */
export function measureTuning(mod: ModData, windowGeV: readonly [number, number] = [680, 720]): TuningReport {
  const f = mod.jetsF, nf = f.cols.length, fi = (n: string): number => columnIndex(f, n);
  const iPt = fi('jet_pt'), iJec = fi('jec'), iGen = fi('gen_jet_pt'), iEta = fi('jet_eta'), iOr = fi('oracle_pt'), iOs = fi('oracle_sigma');
  const iQ = columnIndex(mod.jetsI, 'quality'), ni = mod.jetsI.cols.length;
  const iVtx = columnIndex(mod.pfcs, 'vertex'), np = mod.pfcs.cols.length;
  const jet: number[] = [], orc: number[] = [], pull: number[] = [];
  let nPart = 0, nPu = 0;
  for (let r = 0; r < f.rows; r++) {
    const g = f.data[r * nf + iGen]!;
    if (!(g >= windowGeV[0] && g < windowGeV[1])) continue;
    if (Math.abs(f.data[r * nf + iEta]!) >= 2.4 || Number(mod.jetsI.data[r * ni + iQ]!) < 2) continue;
    jet.push((f.data[r * nf + iPt]! * f.data[r * nf + iJec]!) / g);
    const o = f.data[r * nf + iOr]!;
    orc.push(o / g);
    pull.push((o - g) / f.data[r * nf + iOs]!);
    const a = Number(mod.pfcsIndex[r]!), b = Number(mod.pfcsIndex[r + 1]!);
    nPart += b - a;
    for (let p = a; p < b; p++) if (mod.pfcs.data[p * np + iVtx]! > 0) nPu++;
  }
  const jetRes = std(jet), orRes = std(orc);
  return {
    nJetsAt700: jet.length, meanParticlesAt700: nPart / jet.length, meanPileupParticlesAt700: nPu / jet.length,
    jetResolution: jetRes, jetResolutionClipped: clippedStd(jet), oracleResolution: orRes, oracleResolutionClipped: clippedStd(orc),
    oracleGain: 1 - orRes / jetRes, jetClosure: mean(jet), oracleClosure: mean(orc), oraclePullWidth: std(pull),
    asymmetry: ASYMMETRY_BINS.map(([lo, hi]) => {
      const d = truthAsymmetries(mod, lo, hi);
      const lambda = fitExponentialWidth(d);
      return { loGeV: lo, hiGeV: hi, events: d.length, lambdaGeV: lambda, lambdaOverPt: lambda / (0.5 * (lo + hi)) };
    }),
  };
}

/** |pT,1 − pT,2| of the two GEN jets of each event (rows paired by fn, rn, lbn, evn) with leading GEN pT in [lo, hi). */
export function truthAsymmetries(mod: ModData, loGeV: number, hiGeV: number): number[] {
  const f = mod.jetsF, nf = f.cols.length, iGen = columnIndex(f, 'gen_jet_pt');
  const I = mod.jetsI, ni = I.cols.length, key = ['fn', 'rn', 'lbn', 'evn'].map((n) => columnIndex(I, n));
  const out: number[] = [];
  for (let r = 0; r + 1 < f.rows; r++) {
    if (!key.every((k) => I.data[r * ni + k] === I.data[(r + 1) * ni + k])) continue;
    const a = f.data[r * nf + iGen]!, b = f.data[(r + 1) * nf + iGen]!;
    r++;
    if (!(a > 0 && b > 0)) continue;
    const lead = Math.max(a, b);
    if (lead >= loGeV && lead < hiGeV) out.push(Math.abs(a - b));
  }
  return out;
}

/**
 * Λ_e minimising the mean squared error between the density e^(−x/Λ)/Λ and the normalised
 * histogram of `absDelta` (bins of `binGeV` up to `maxGeV`), by golden-section search on [1, 1000] GeV.
 */
export function fitExponentialWidth(absDelta: readonly number[], binGeV = 10, maxGeV = 600): number {
  const nb = Math.ceil(maxGeV / binGeV), h = new Float64Array(nb);
  for (const x of absDelta) { const b = Math.floor(x / binGeV); if (b < nb) h[b]! += 1; }
  for (let b = 0; b < nb; b++) h[b]! /= absDelta.length * binGeV;
  const mse = (lambda: number): number => {
    let s = 0;
    for (let b = 0; b < nb; b++) {
      // Bin-averaged density of the exponential.
      const model = (Math.exp((-b * binGeV) / lambda) - Math.exp((-(b + 1) * binGeV) / lambda)) / binGeV;
      s += (model - h[b]!) ** 2;
    }
    return s / nb;
  };
  let lo = 1, hi = 1000;
  const gr = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 80; it++) {
    const a = hi - gr * (hi - lo), b = lo + gr * (hi - lo);
    if (mse(a) < mse(b)) hi = b; else lo = a;
  }
  return 0.5 * (lo + hi);
}

function mean(x: readonly number[]): number {
  return x.reduce((s, v) => s + v, 0) / x.length;
}

function std(x: readonly number[]): number {
  const m = mean(x);
  return Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1));
}

/** std after iteratively dropping points beyond 3σ of the mean (5 passes). */
function clippedStd(x: readonly number[]): number {
  let kept = x.slice();
  for (let pass = 0; pass < 5; pass++) {
    const m = mean(kept), s = std(kept);
    kept = kept.filter((v) => Math.abs(v - m) <= 3 * s);
  }
  return std(kept);
}
