/**
 * The MIT Open Data (MOD) HDF5 layout of the CMS 2011A open simulation, as ansatz reads and
 * writes it (one file = one block of jets). Datasets:
 *   jets_i  int64   (nJets × JETS_I_COLS)        attrs.cols: column names
 *   jets_f  float64 (nJets × JETS_F_COLS[+extra])  attrs.cols
 *   pfcs    float64 (nPfcs × PFCS_COLS)           reconstructed particles, attrs.cols
 *   pfcs_index int64 (nJets + 1)                  offsets: jet j owns rows [idx[j], idx[j+1])
 *   gens    float64 (nGens × GENS_COLS)           generator particles, attrs.cols
 *   gens_index int64 (nJets + 1)
 *   filenames  string (nFiles)
 * The simulator appends extra jets_f columns (e.g. its per-jet oracle); readers look columns up
 * by name in attrs.cols, so extra columns never break them.
 */
export const JETS_I_COLS = ['fn', 'rn', 'lbn', 'evn', 'npv', 'quality', 'hard_pid'] as const;
export const JETS_F_COLS = [
  'jet_pt', 'jet_y', 'jet_phi', 'jet_m', 'jet_eta', 'jec', 'jet_area', 'jet_max_nef',
  'gen_jet_pt', 'gen_jet_y', 'gen_jet_phi', 'gen_jet_m', 'gen_jet_eta',
  'hard_pt', 'hard_y', 'hard_phi', 'weight',
] as const;
export const PFCS_COLS = ['pt', 'y', 'phi', 'm', 'pid', 'vertex'] as const;
export const GENS_COLS = ['pt', 'y', 'phi', 'm', 'pid'] as const;

/** Jet quality flags of jets_i.quality. */
export const Quality = { none: 0, loose: 1, medium: 2, tight: 3 } as const;

/** A row-major block of one MOD dataset with its column names (attrs.cols). */
export interface ModBlock<A extends Float64Array | BigInt64Array> {
  cols: string[];
  data: A;
  rows: number;
}

/** One MOD file in memory. */
export interface ModData {
  jetsI: ModBlock<BigInt64Array>;
  jetsF: ModBlock<Float64Array>;
  pfcs: ModBlock<Float64Array>;
  pfcsIndex: BigInt64Array;
  gens: ModBlock<Float64Array>;
  gensIndex: BigInt64Array;
  filenames: string[];
}

/** The index of `name` in a block's cols, or -1. */
export function columnIndex(block: { cols: string[] }, name: string): number {
  return block.cols.indexOf(name);
}
