/**
 * Derives the JEC and oracle calibrations of a detector variant from simulation (numerical
 * inversion, src/sim/response.ts): simulate a flat pT_hat spectrum with calibration 'none', fit
 * r_jec(g, η) = E[jet_pt / gen_pt] and r_o(g, η) with the pileup offset on the oracle's raw particle
 * sum, then set the oracle σ scale s to the 3σ-clipped std of the pulls (ĝ − gen) / σ̂ so that
 * oracle_sigma is a calibrated one-standard-deviation resolution. Jets: GEN-matched, |η| < 2.5.
 */
import { columnIndex } from '../io/mod/layout.js';
import type { Calibration } from './calibration.js';
import { fitResponse, invertResponse } from './response.js';
import { simulateDijets } from './simulate.js';

/**
 * The calibration of detector `name` fitted on `events` simulated events (flat pT_hat in
 * [300, 1400] GeV, seed `seed`).
 * @example
 * const cal = deriveCalibration('full', { events: 200000, seed: 12345 });
 */
export function deriveCalibration(name: 'full' | 'fast', opts: { events: number; seed: number }): Calibration {
  const mod = simulateDijets({ events: opts.events, seed: opts.seed, detector: name, spectrum: 'flat', ptRangeGeV: [300, 1400], calibration: 'none' });
  const f = mod.jetsF, nf = f.cols.length, col = (c: string): number => columnIndex(f, c);
  const iPt = col('jet_pt'), iEta = col('jet_eta'), iGen = col('gen_jet_pt'), iArea = col('jet_area'), iOr = col('oracle_pt'), iOs = col('oracle_sigma');
  const iNpv = columnIndex(mod.jetsI, 'npv'), ni = mod.jetsI.cols.length;
  const x: number[] = [], o: number[] = [], g: number[] = [], eta: number[] = [], pu: number[] = [], s: number[] = [];
  for (let r = 0; r < f.rows; r++) {
    const gen = f.data[r * nf + iGen]!, e = f.data[r * nf + iEta]!;
    if (!(gen > 0) || Math.abs(e) >= 2.5) continue;
    x.push(f.data[r * nf + iPt]!);
    o.push(f.data[r * nf + iOr]!);
    s.push(f.data[r * nf + iOs]!);
    g.push(gen);
    eta.push(e);
    pu.push((Number(mod.jetsI.data[r * ni + iNpv]!) - 1) * f.data[r * nf + iArea]!);
  }
  const jec = fitResponse(x, g, eta);
  const oracle = fitResponse(o, g, eta, pu);
  const pulls: number[] = [];
  for (let k = 0; k < o.length; k++) {
    const ghat = invertResponse(oracle, o[k]!, eta[k]!, pu[k]!);
    pulls.push((ghat - g[k]!) / ((ghat / o[k]!) * s[k]!));
  }
  return { jec, oracle, oracleSigmaScale: clippedStd(pulls) };
}

function clippedStd(v: readonly number[]): number {
  let kept = v.filter((a) => Number.isFinite(a));
  for (let pass = 0; pass < 5; pass++) {
    const m = kept.reduce((a, b) => a + b, 0) / kept.length;
    const sd = Math.sqrt(kept.reduce((a, b) => a + (b - m) ** 2, 0) / (kept.length - 1));
    kept = kept.filter((a) => Math.abs(a - m) <= 3 * sd);
  }
  const m = kept.reduce((a, b) => a + b, 0) / kept.length;
  return Math.sqrt(kept.reduce((a, b) => a + (b - m) ** 2, 0) / (kept.length - 1));
}
