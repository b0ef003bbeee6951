/**
 * Dijet events for the two-jets-at-once study (Gambhir & Nachman, arXiv:2402.14067, Sec. IV A):
 * the two jets of each MOD event, GEN-matched, |η| < 2.4, quality ≥ medium, ordered leading /
 * subleading by the corrected SIM pT (used only to bin and to label plots, never to correct).
 */
import { columnIndex, Quality, type ModData } from '../../io/mod/layout.js';

/** Two columns over events: [leading jet, subleading jet]. */
export type JetColumns = [Float64Array, Float64Array];

/** Selected dijet events; index 0 is the leading jet (larger corrected SIM pT), 1 the subleading. */
export interface DijetSample {
  readonly events: number;
  /** GEN (truth) jet pT, GeV. */
  readonly genPtGeV: JetColumns;
  /** Corrected SIM jet pT = jet_pt · jec, GeV (the CMS-like per-jet estimate). */
  readonly recoPtGeV: JetColumns;
  readonly eta: JetColumns;
  readonly phi: JetColumns;
  /** The simulator's per-jet oracle resolution, GeV (the best achievable σ). */
  readonly oracleSigmaGeV: JetColumns;
}

/** Event selection of the study. */
export interface DijetCuts {
  /** Leading corrected SIM pT range [lo, hi), GeV (paper: [600, 1000]). */
  leadingPtGeV: readonly [number, number];
  /** Minimum corrected SIM pT of both jets, GeV (the data set's implicit 375 GeV cut). */
  minJetPtGeV: number;
  /** Maximum |η| of both jets (paper: 2.4). */
  maxAbsEta: number;
}

export const DEFAULT_CUTS: DijetCuts = { leadingPtGeV: [600, 1000], minJetPtGeV: 375, maxAbsEta: 2.4 };

function columnReader(mod: ModData): (name: string) => (row: number) => number {
  const nf = mod.jetsF.cols.length;
  return (name) => {
    const k = columnIndex(mod.jetsF, name);
    if (k < 0) throw new RangeError(`selectDijets: jets_f has no column '${name}'; columns are ${mod.jetsF.cols.join(', ')}`);
    return (row) => mod.jetsF.data[row * nf + k]!;
  };
}

/**
 * Pairs the two rows of each event (consecutive rows sharing fn, rn, lbn, evn, as the simulator
 * writes them) and keeps events whose two jets both pass the cuts.
 */
export function selectDijets(mod: ModData, cuts: DijetCuts = DEFAULT_CUTS): DijetSample {
  const col = columnReader(mod);
  const pt = col('jet_pt'), jec = col('jec'), gen = col('gen_jet_pt'), eta = col('jet_eta'), phi = col('jet_phi'), oracle = col('oracle_sigma');
  const ni = mod.jetsI.cols.length, iq = columnIndex(mod.jetsI, 'quality'), iev = columnIndex(mod.jetsI, 'evn');
  const intAt = (row: number, k: number): number => Number(mod.jetsI.data[row * ni + k]!);
  const keep: Array<[number, number]> = [];
  const jetOk = (r: number): boolean =>
    gen(r) > 0 && Math.abs(eta(r)) < cuts.maxAbsEta && intAt(r, iq) >= Quality.medium && pt(r) * jec(r) >= cuts.minJetPtGeV;
  for (let r = 0; r + 1 < mod.jetsF.rows; r += 2) {
    if (intAt(r, iev) !== intAt(r + 1, iev)) throw new RangeError(`selectDijets: rows ${r} and ${r + 1} belong to different events`);
    if (!jetOk(r) || !jetOk(r + 1)) continue;
    const [a, b] = pt(r) * jec(r) >= pt(r + 1) * jec(r + 1) ? [r, r + 1] : [r + 1, r];
    const lead = pt(a) * jec(a);
    if (lead >= cuts.leadingPtGeV[0] && lead < cuts.leadingPtGeV[1]) keep.push([a, b]);
  }
  const pairOf = (f: (row: number) => number): JetColumns => [
    Float64Array.from(keep, ([a]) => f(a)),
    Float64Array.from(keep, ([, b]) => f(b)),
  ];
  return {
    events: keep.length,
    genPtGeV: pairOf(gen),
    recoPtGeV: pairOf((r) => pt(r) * jec(r)),
    eta: pairOf(eta),
    phi: pairOf(phi),
    oracleSigmaGeV: pairOf(oracle),
  };
}
