import h5wasm from 'h5wasm/node';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { InputError } from '../../errors.js';
import { tempPathFor } from '../atomic.js';
import type { ModBlock, ModData } from './layout.js';

/** The datasets of a MOD file and whether each holds a table with attrs.cols. */
const TABLES = [['jets_i', 'jetsI'], ['jets_f', 'jetsF'], ['pfcs', 'pfcs'], ['gens', 'gens']] as const;

/**
 * Writes one MOD file (jets_i int64, jets_f/pfcs/gens float64 with attrs `cols`,
 * pfcs_index/gens_index int64 offsets, filenames) with h5wasm. Atomic: written to a temporary
 * file beside `path`, then renamed.
 */
export async function writeMod(path: string, data: ModData): Promise<void> {
  await h5wasm.ready;
  const tmp = tempPathFor(path).replace(/\.tmp$/, '.h5.tmp');
  const file = new h5wasm.File(tmp, 'w');
  try {
    for (const [name, key] of TABLES) {
      const block = data[key] as ModBlock<Float64Array | BigInt64Array>;
      const ds = file.create_dataset({ name, data: block.data, shape: [block.rows, block.cols.length], dtype: block.data instanceof BigInt64Array ? '<q' : '<d' });
      ds.create_attribute('cols', block.cols);
    }
    file.create_dataset({ name: 'pfcs_index', data: data.pfcsIndex, shape: [data.pfcsIndex.length], dtype: '<q' });
    file.create_dataset({ name: 'gens_index', data: data.gensIndex, shape: [data.gensIndex.length], dtype: '<q' });
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

/** Reads a MOD file; a wrong layout is an InputError naming the file and the dataset. */
export async function readMod(path: string): Promise<ModData> {
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
      const raw = ds.value as ArrayLike<number | bigint>;
      const data = kind === 'int' ? toBigInt64(raw) : toFloat64(raw);
      return { cols, data: data as A, rows };
    };
    const offsets = (name: string, total: number, jets: number): BigInt64Array => {
      const idx = toBigInt64(dataset(name).value as ArrayLike<number | bigint>);
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

function toBigInt64(a: ArrayLike<number | bigint>): BigInt64Array {
  if (a instanceof BigInt64Array) return a;
  return BigInt64Array.from(Array.from(a, (v) => BigInt(v)));
}

function toFloat64(a: ArrayLike<number | bigint>): Float64Array {
  if (a instanceof Float64Array) return a;
  return Float64Array.from(Array.from(a, Number));
}
