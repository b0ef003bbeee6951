import { extname } from 'node:path';
import { InputError } from '../errors.js';
import { readTable, requireVaryingColumn, type Table } from '../io/index.js';
import type { Cloud, Matrix } from '../ansatz/inputs.js';
import { jetsToTable, loadJets, type JetSelection } from '../io/mod/index.js';
import { splitList } from './output.js';

/** The data flags shared by train, predict and evaluate. */
export interface DataSelection {
  data: string;
  x?: string;
  z?: string;
  weight?: string;
  pid?: boolean;
}

interface LoadOptions {
  needZ: boolean;
  defaults?: { x: string[]; z: string[] };
  allColumns?: boolean;
  /** How a model trained on MOD jets read them (predict/evaluate reuse it). */
  mod?: ModInputs;
}

/** How jets were taken from MOD files: jet-level features or particle clouds, and the selection. */
export interface ModInputs {
  x: 'jet' | 'particles';
  selection: JetSelection;
}

/** x, z and weights read from a file, with their column names. */
export interface TrainingInputs {
  source: string;
  rows: number;
  x: Matrix | Cloud;
  xNames: string[];
  z?: Matrix;
  zNames: string[];
  weights?: Float64Array;
  /** The full table that was read (predict writes every input column back). */
  table?: Table;
  /** Set when the data came from a MOD file. */
  mod?: ModInputs;
}

/** Columns of `table` stacked into a row-major matrix. */
export function columnsToMatrix(table: Table, names: string[]): Matrix {
  const data = new Float64Array(table.rows * names.length);
  names.forEach((name, c) => {
    const col = table.columns[name]!;
    for (let r = 0; r < table.rows; r++) data[r * names.length + c] = col[r]!;
  });
  return { data, rows: table.rows, cols: names.length };
}

/**
 * Reads x (and z, weights) from a CSV or Parquet file. Column names come from the flags, or,
 * for predict/evaluate, from the model (`defaults`).
 */
export async function loadTrainingInputs(o: DataSelection, opts: LoadOptions): Promise<TrainingInputs> {
  const ext = extname(o.data).toLowerCase();
  if (ext === '.h5' || ext === '.hdf5') return loadModInputs(o, opts);
  const xNames = o.x ? splitList(o.x) : opts.defaults?.x;
  const zNames = o.z ? splitList(o.z) : opts.defaults?.z ?? [];
  if (!xNames || xNames.length === 0) throw new InputError('no x columns: give --x COLS (comma-separated column names)');
  if (opts.needZ && zNames.length === 0) throw new InputError('no z columns: give --z COLS (comma-separated column names)');
  refuseRepeatedColumns(xNames, opts.needZ ? zNames : [], o.weight, o.data);
  const wanted = [...xNames, ...(opts.needZ ? zNames : []), ...(o.weight ? [o.weight] : [])];
  const table = readTable(o.data, opts.allColumns ? {} : { columns: wanted });
  for (const name of wanted) if (!(name in table.columns)) throw new InputError(`column '${name}' not found; available: ${table.names.join(', ')}`, { file: o.data, column: name });
  if (table.rows === 0) throw new InputError('the file has no data rows', { file: o.data });
  if (opts.needZ) for (const name of zNames) requireVaryingColumn(table, name, o.data);
  let weights: Float64Array | undefined;
  if (o.weight) {
    weights = table.columns[o.weight]!;
    weights.forEach((w, r) => {
      if (!(w >= 0)) throw new InputError(`weight ${w} is negative`, { file: o.data, column: o.weight, row: r + 1 });
    });
  }
  return {
    source: o.data, rows: table.rows, table,
    x: columnsToMatrix(table, xNames), xNames,
    z: opts.needZ ? columnsToMatrix(table, zNames) : undefined, zNames,
    weights,
  };
}

/**
 * A column named twice in --x or --z, or in both (x would then hold the truth it is to
 * estimate, a model with nothing to learn), or the weight column among them: refused.
 */
function refuseRepeatedColumns(xNames: string[], zNames: string[], weight: string | undefined, file: string): void {
  for (const [flag, names] of [['--x', xNames], ['--z', zNames]] as const) {
    const seen = new Set<string>();
    for (const name of names) {
      if (seen.has(name))
        throw new InputError(
          `${flag} names column '${name}' twice`,
          { file, column: name },
          `Give each column once: ${flag} ${[...new Set(names)].join(',')}`,
        );
      seen.add(name);
    }
  }
  for (const name of zNames)
    if (xNames.includes(name))
      throw new InputError(
        `column '${name}' is in both --x and --z: the truth would be among the measured inputs`,
        { file, column: name },
        'A column is either measured (--x) or the truth (--z), not both.',
      );
  if (weight && (xNames.includes(weight) || zNames.includes(weight)))
    throw new InputError(`the weight column '${weight}' is also in --x or --z`, { file, column: weight });
}

const JET_X = ['jet_pt', 'jet_eta', 'jet_phi'];

/**
 * MOD HDF5 input: the study selection (src/io/mod), x = 'jet' (jet pT, η, φ) or 'particles'
 * (clouds of [pT/1000 GeV, Δy, Δφ], + PID with --pid), z = a jets_f column (gen_jet_pt).
 */
async function loadModInputs(o: DataSelection, opts: LoadOptions): Promise<TrainingInputs> {
  const x = (o.x ?? opts.mod?.x ?? 'jet') as string;
  if (x !== 'jet' && x !== 'particles') throw new InputError(`--x for a MOD file must be 'jet' or 'particles'; got '${x}'`, { file: o.data });
  const selection: Partial<JetSelection> = { ...(opts.mod?.selection ?? {}), ...(o.pid !== undefined ? { pid: Boolean(o.pid) } : {}) };
  const ds = await loadJets([o.data], selection);
  if (ds.rows === 0) throw new InputError('no jet passes the selection (gen pT 500–1000 GeV, |η| < 2.4, quality ≥ 2, ≤ 150 particles)', { file: o.data });
  const zNames = o.z ? splitList(o.z) : opts.defaults?.z ?? ['gen_jet_pt'];
  refuseRepeatedColumns([], zNames, o.weight, o.data);
  for (const name of zNames) if (!(name in ds.columns)) throw new InputError(`jets_f has no column '${name}'`, { file: o.data, column: name });
  const table = jetsToTable(ds);
  if (opts.needZ) for (const name of zNames) requireVaryingColumn(table, name, o.data);
  const weights = o.weight ? table.columns[o.weight] : undefined;
  if (o.weight && !weights) throw new InputError(`jets_f has no column '${o.weight}'`, { file: o.data, column: o.weight });
  return {
    source: o.data, rows: ds.rows, table,
    x: x === 'jet' ? { data: ds.jet, rows: ds.rows, cols: 3 } : { particles: ds.particles, offsets: ds.offsets, dim: ds.particleDim },
    xNames: x === 'jet' ? JET_X : ['particles'],
    z: opts.needZ ? columnsToMatrix(table, zNames) : undefined, zNames, weights,
    mod: { x, selection: { ...ds.selection } },
  };
}
