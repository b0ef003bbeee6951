import h5wasm from 'h5wasm/node';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { InputError, ParameterError } from '../../errors.js';
import { tempPathFor } from '../atomic.js';
import type { ModBlock, ModData } from './layout.js';

/** The datasets of a MOD file and whether each holds a table with attrs.cols. */
const TABLES = [['jets_i', 'jetsI'], ['jets_f', 'jetsF'], ['pfcs', 'pfcs'], ['gens', 'gens']] as const;

/**
 * How many bytes of one dataset go through h5wasm at a time (default 64 MiB). h5wasm's WebAssembly
 * memory is limited to 2 GiB and a dataset handed over whole is copied into it, so bigger datasets
 * (a simulated run's pfcs grow by ≈ 4 KB per event) are written and read in slices of rows.
 */
export interface ModIoOptions {
  sliceBytes?: number;
}

const DEFAULT_SLICE_BYTES = 64 << 20;

function sliceBytesOf(options: ModIoOptions, owner: string): number {
  const bytes = options.sliceBytes ?? DEFAULT_SLICE_BYTES;
  if (!(bytes >= 8 && Number.isFinite(bytes))) throw new ParameterError('sliceBytes', owner, 'a number of bytes ≥ 8', bytes);
  return bytes;
}
/** Rows per HDF5 chunk of a dataset written in slices. */
const CHUNK_ROWS = 16384;

/**
 * Writes one MOD file (jets_i int64, jets_f/pfcs/gens float64 with attrs `cols`,
 * pfcs_index/gens_index int64 offsets, filenames) with h5wasm. Atomic: written to a temporary
 * file beside `path`, then renamed.
 */
export async function writeMod(path: string, data: ModData, options: ModIoOptions = {}): Promise<void> {
  const sliceBytes = sliceBytesOf(options, 'writeMod');
  await h5wasm.ready;
  const tmp = tempPathFor(path).replace(/\.tmp$/, '.h5.tmp');
  const file = new h5wasm.File(tmp, 'w');
  try {
    for (const [name, key] of TABLES) {
      const block = data[key] as ModBlock<Float64Array | BigInt64Array>;
      const ds = writeRows(file, name, block.data, block.rows, block.cols.length, sliceBytes);
      ds.create_attribute('cols', block.cols);
    }
    writeRows(file, 'pfcs_index', data.pfcsIndex, data.pfcsIndex.length, undefined, sliceBytes);
    writeRows(file, 'gens_index', data.gensIndex, data.gensIndex.length, undefined, sliceBytes);
    file.create_dataset({ name: 'filenames', data: data.filenames.length ? data.filenames : [''] });
    file.close();
    renameSync(tmp, path);
  } catch (err) {
    try {
      file.close();
    } catch {
      /* already closed */
    }
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * A dataset of `rows` × `cols` (1-D of `rows` when cols is undefined) holding `values`: in one piece
 * when it fits in `sliceBytes`, else chunked, created with its first slice of rows and filled slice
 * by slice.
 */
function writeRows(file: InstanceType<typeof h5wasm.File>, name: string, values: Float64Array | BigInt64Array, rows: number, cols: number | undefined, sliceBytes: number): InstanceType<typeof h5wasm.Dataset> {
  const dtype = values instanceof BigInt64Array ? '<q' : '<d';
  const width = cols ?? 1;
  const shape = (r: number | null): (number | null)[] => (cols === undefined ? [r] : [r, cols]);
  const sliceRows = Math.max(1, Math.floor(sliceBytes / (8 * width)));
  if (rows <= sliceRows) return file.create_dataset({ name, data: values, shape: shape(rows) as number[], dtype });
  const ds = file.create_dataset({
    name, data: values.subarray(0, sliceRows * width), shape: shape(sliceRows) as number[], dtype,
    maxshape: shape(null), chunks: shape(Math.min(CHUNK_ROWS, sliceRows)) as number[],
  });
  ds.resize(shape(rows) as number[]);
  for (let r = sliceRows; r < rows; r += sliceRows) {
    const end = Math.min(rows, r + sliceRows);
    ds.write_slice(cols === undefined ? [[r, end]] : [[r, end], [0, cols]], values.subarray(r * width, end * width));
  }
  return ds;
}

/** Reads a MOD file; a wrong layout is an InputError naming the file and the dataset. */
export async function readMod(path: string, options: ModIoOptions = {}): Promise<ModData> {
  const sliceBytes = sliceBytesOf(options, 'readMod');
  if (!existsSync(path)) throw new InputError('file not found', { file: path });
  await h5wasm.ready;
  let file: InstanceType<typeof h5wasm.File>;
  try {
    file = new h5wasm.File(path, 'r');
  } catch (err) {
    throw new InputError(`not a readable HDF5 file (${(err as Error).message})`, { file: path });
  }
  try {
    const keys = new Set(file.keys());
    const dataset = (name: string): InstanceType<typeof h5wasm.Dataset> => {
      if (!keys.has(name)) throw new InputError(`dataset '${name}' is missing; a MOD file has jets_i, jets_f, pfcs, pfcs_index, gens, gens_index`, { file: path });
      return file.get(name) as InstanceType<typeof h5wasm.Dataset>;
    };
    const table = <A extends Float64Array | BigInt64Array>(name: string, kind: 'int' | 'float'): ModBlock<A> => {
      const ds = dataset(name);
      const cols = ds.attrs.cols ? (ds.get_attribute('cols', true) as string[]) : undefined;
      if (!Array.isArray(cols)) throw new InputError(`dataset '${name}' has no 'cols' attribute naming its columns`, { file: path });
      const shape = ds.shape ?? [];
      const rows = shape[0] ?? 0;
      if (shape.length !== 2 || shape[1] !== cols.length) throw new InputError(`dataset '${name}' has shape [${shape.join(', ')}] but ${cols.length} names in attrs.cols`, { file: path });
      const raw = readRows(ds, rows, cols.length, sliceBytes);
      const data = kind === 'int' ? toBigInt64(raw) : toFloat64(raw);
      return { cols, data: data as A, rows };
    };
    const offsets = (name: string, total: number, jets: number): BigInt64Array => {
      const ds = dataset(name);
      const idx = toBigInt64(readRows(ds, ds.shape?.[0] ?? 0, 1, sliceBytes));
      if (idx.length !== jets + 1) throw new InputError(`dataset '${name}' has ${idx.length} offsets for ${jets} jets; expected ${jets + 1}`, { file: path });
      for (let j = 0; j < jets; j++)
        if (idx[j + 1]! < idx[j]!) throw new InputError(`dataset '${name}' is not non-decreasing at jet ${j}`, { file: path, row: j + 1 });
      if (idx[0] !== 0n || Number(idx[jets]) !== total) throw new InputError(`dataset '${name}' must run from 0 to ${total}; it runs from ${idx[0]} to ${idx[jets]}`, { file: path });
      return idx;
    };
    const jetsI = table<BigInt64Array>('jets_i', 'int');
    const jetsF = table<Float64Array>('jets_f', 'float');
    if (jetsF.rows !== jetsI.rows) throw new InputError(`jets_f has ${jetsF.rows} rows but jets_i has ${jetsI.rows}`, { file: path });
    const pfcs = table<Float64Array>('pfcs', 'float');
    const gens = table<Float64Array>('gens', 'float');
    const names = keys.has('filenames') ? dataset('filenames').value : [];
    return {
      jetsI, jetsF, pfcs, gens,
      pfcsIndex: offsets('pfcs_index', pfcs.rows, jetsI.rows),
      gensIndex: offsets('gens_index', gens.rows, jetsI.rows),
      filenames: (Array.isArray(names) ? names : [names]).map(String).filter((s) => s.length > 0),
    };
  } finally {
    file.close();
  }
}

/** The values of a rows × cols dataset, read whole when they fit in `sliceBytes`, else slice by slice. */
function readRows(ds: InstanceType<typeof h5wasm.Dataset>, rows: number, cols: number, sliceBytes: number): ArrayLike<number | bigint> {
  const sliceRows = Math.max(1, Math.floor(sliceBytes / (8 * cols)));
  if (rows <= sliceRows) return ds.value as ArrayLike<number | bigint>;
  let out: Float64Array | BigInt64Array | undefined;
  for (let r = 0; r < rows; r += sliceRows) {
    const end = Math.min(rows, r + sliceRows);
    const part = ds.slice([[r, end]]) as ArrayLike<number | bigint>;
    out ??= part instanceof BigInt64Array ? new BigInt64Array(rows * cols) : new Float64Array(rows * cols);
    if (out instanceof BigInt64Array) out.set(toBigInt64(part), r * cols);
    else out.set(toFloat64(part), r * cols);
  }
  return out!;
}

function toBigInt64(a: ArrayLike<number | bigint>): BigInt64Array {
  if (a instanceof BigInt64Array) return a;
  return BigInt64Array.from(Array.from(a, (v) => BigInt(v)));
}

function toFloat64(a: ArrayLike<number | bigint>): Float64Array {
  if (a instanceof Float64Array) return a;
  return Float64Array.from(Array.from(a, Number));
}
