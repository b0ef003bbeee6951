import { extname } from 'node:path';
import { InputError } from '../errors.js';
import { readTable, requireVaryingColumn, type Table } from '../io/index.js';
import type { Cloud, Matrix } from '../ansatz/inputs.js';
import { splitList } from './output.js';

/** The data flags shared by train, predict and evaluate. */
export interface DataSelection {
  data: string;
  x?: string;
  z?: string;
  weight?: string;
  pid?: boolean;
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
export function loadTrainingInputs(o: DataSelection, opts: { needZ: boolean; defaults?: { x: string[]; z: string[] }; allColumns?: boolean }): TrainingInputs {
  const ext = extname(o.data).toLowerCase();
  if (ext === '.h5' || ext === '.hdf5') throw new InputError('MOD HDF5 input is not available in this build', { file: o.data });
  const xNames = o.x ? splitList(o.x) : opts.defaults?.x;
  const zNames = o.z ? splitList(o.z) : opts.defaults?.z ?? [];
  if (!xNames || xNames.length === 0) throw new InputError('no x columns: give --x COLS (comma-separated column names)');
  if (opts.needZ && zNames.length === 0) throw new InputError('no z columns: give --z COLS (comma-separated column names)');
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
