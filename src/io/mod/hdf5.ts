import h5wasm from 'h5wasm/node';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { InputError, ParameterError } from '../../errors.js';
import { removeOnExit, tempPathFor } from '../atomic.js';
import type { ModBlock, ModData } from './layout.js';

type H5File = InstanceType<typeof h5wasm.File>;
type H5Dataset = InstanceType<typeof h5wasm.Dataset>;

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
/** Rows of `width` float64/int64 values that fit in `sliceBytes` (at least one). */
function rowsPerSlice(sliceBytes: number, width: number): number {
  return Math.max(1, Math.floor(sliceBytes / (8 * width)));
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
  await withTempFile(path, (file) => {
    for (const [name, key] of TABLES) {
      const block = data[key] as ModBlock<Float64Array | BigInt64Array>;
      const ds = writeRows(file, name, block.data, block.rows, block.cols.length, sliceBytes);
      ds.create_attribute('cols', block.cols);
    }
    writeRows(file, 'pfcs_index', data.pfcsIndex, data.pfcsIndex.length, undefined, sliceBytes);
    writeRows(file, 'gens_index', data.gensIndex, data.gensIndex.length, undefined, sliceBytes);
    writeFilenames(file, data.filenames);
  });
}

/** Row counts of a MOD file `writeModChunks` wrote. */
export interface ModFileSummary {
  jets: number;
  pfcs: number;
  gens: number;
}

/**
 * Writes one MOD file from consecutive blocks of jets (e.g. `simulateDijetChunks`), appending each
 * to resizable datasets as it comes, so that only one block is ever in memory. Each block is a
 * MOD file of its own (index datasets from 0; the file's run on from the rows before) with the
 * first block's columns. The file holds the blocks' rows in order, as `writeMod` of their
 * concatenation would, and the first block's filenames. Atomic, as `writeMod`.
 */
export async function writeModChunks(path: string, blocks: Iterable<ModData> | AsyncIterable<ModData>, options: ModIoOptions = {}): Promise<ModFileSummary> {
  const sliceBytes = sliceBytesOf(options, 'writeModChunks');
  let summary: ModFileSummary = { jets: 0, pfcs: 0, gens: 0 };
  await withTempFile(path, async (file) => {
    let appender: ModAppender | undefined;
    let blockNo = 0;
    for await (const block of blocks) {
      appender ??= new ModAppender(file, block, sliceBytes);
      appender.append(block, blockNo++);
    }
    if (appender === undefined) throw new ParameterError('blocks', 'writeModChunks', 'at least one block of jets', 'none');
    appender.close();
    summary = appender.summary();
  });
  return summary;
}

/** Opens a temporary file beside `path`, lets `write` fill it, and renames it to `path`; removes it on any error or exit before that. */
async function withTempFile(path: string, write: (file: H5File) => void | Promise<void>): Promise<void> {
  await h5wasm.ready;
  const tmp = tempPathFor(path).replace(/\.tmp$/, '.h5.tmp');
  const file = new h5wasm.File(tmp, 'w');
  const settled = removeOnExit(tmp);
  try {
    await write(file);
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
  } finally {
    settled();
  }
}

function writeFilenames(file: H5File, filenames: readonly string[]): void {
  file.create_dataset({ name: 'filenames', data: filenames.length ? [...filenames] : [''] });
}

/** The datasets of a MOD file being written block by block, and the rows written so far. */
class ModAppender {
  private readonly tables: { key: (typeof TABLES)[number][1]; name: string; cols: string[]; ds: H5Dataset | undefined; rows: number }[];
  private readonly indexes: { name: 'pfcs_index' | 'gens_index'; key: 'pfcsIndex' | 'gensIndex'; rowsOf: 'pfcs' | 'gens'; ds: H5Dataset | undefined; rows: number; offset: bigint }[] = [
    { name: 'pfcs_index', key: 'pfcsIndex', rowsOf: 'pfcs', ds: undefined, rows: 0, offset: 0n },
    { name: 'gens_index', key: 'gensIndex', rowsOf: 'gens', ds: undefined, rows: 0, offset: 0n },
  ];
  private readonly filenames: string[];

  constructor(private readonly file: H5File, first: ModData, private readonly sliceBytes: number) {
    this.tables = TABLES.map(([name, key]) => ({ key, name, cols: [...first[key].cols], ds: undefined, rows: 0 }));
    this.filenames = [...first.filenames];
  }

  append(block: ModData, blockNo: number): void {
    for (const t of this.tables) {
      const b = block[t.key] as ModBlock<Float64Array | BigInt64Array>;
      if (b.cols.length !== t.cols.length || b.cols.some((c, k) => c !== t.cols[k]))
        throw new ParameterError('blocks', 'writeModChunks', `blocks with the first block's ${t.name} columns [${t.cols.join(', ')}]`, `block ${blockNo} with [${b.cols.join(', ')}]`);
    }
    const jets = block.jetsI.rows;
    if (block.jetsF.rows !== jets) throw new ParameterError('blocks', 'writeModChunks', 'blocks with as many jets_f rows as jets_i rows', `block ${blockNo} with ${block.jetsF.rows} and ${jets}`);
    for (const ix of this.indexes) {
      const idx = block[ix.key];
      if (idx.length !== jets + 1 || idx[0] !== 0n || Number(idx[jets]) !== block[ix.rowsOf].rows)
        throw new ParameterError('blocks', 'writeModChunks', `${ix.name} offsets running from 0 to the block's ${ix.rowsOf} rows`, `block ${blockNo}'s ${idx.length} offsets`);
    }
    for (const t of this.tables) {
      const b = block[t.key] as ModBlock<Float64Array | BigInt64Array>;
      t.ds = appendRows(this.file, t.ds, t.name, b.data, b.rows, t.cols.length, t.rows, this.sliceBytes);
      t.rows += b.rows;
    }
    for (const ix of this.indexes) {
      // The file's offsets run on from the rows of the blocks before; its leading 0 comes from the first block.
      const idx = block[ix.key];
      const from = ix.ds === undefined ? 0 : 1;
      const shifted = new BigInt64Array(idx.length - from);
      for (let k = from; k < idx.length; k++) shifted[k - from] = idx[k]! + ix.offset;
      ix.ds = appendRows(this.file, ix.ds, ix.name, shifted, shifted.length, undefined, ix.rows, this.sliceBytes);
      ix.rows += shifted.length;
      ix.offset += BigInt(block[ix.rowsOf].rows);
    }
  }

  /** Creates what no block reached (tables of 0 rows), the cols attributes and the filenames. */
  close(): void {
    for (const t of this.tables) {
      const empty = t.key === 'jetsI' ? new BigInt64Array(0) : new Float64Array(0);
      const ds = t.ds ?? this.file.create_dataset({ name: t.name, data: empty, shape: [0, t.cols.length], dtype: t.key === 'jetsI' ? '<q' : '<d' });
      ds.create_attribute('cols', t.cols);
    }
    writeFilenames(this.file, this.filenames);
  }

  summary(): ModFileSummary {
    const rows = (key: string): number => this.tables.find((t) => t.key === key)!.rows;
    return { jets: rows('jetsI'), pfcs: rows('pfcs'), gens: rows('gens') };
  }
}

/**
 * A dataset of `rows` × `cols` (1-D of `rows` when cols is undefined) holding `values`: in one piece
 * when it fits in `sliceBytes`, else appended slice by slice to a resizable one.
 */
function writeRows(file: H5File, name: string, values: Float64Array | BigInt64Array, rows: number, cols: number | undefined, sliceBytes: number): H5Dataset {
  const sliceRows = rowsPerSlice(sliceBytes, cols ?? 1);
  const shape = cols === undefined ? [rows] : [rows, cols];
  if (rows <= sliceRows) return file.create_dataset({ name, data: values, shape, dtype: values instanceof BigInt64Array ? '<q' : '<d' });
  return appendRows(file, undefined, name, values, rows, cols, 0, sliceBytes)!;
}

/**
 * Appends `rows` rows of `values` (`cols` wide; a 1-D dataset when undefined) to dataset `name`,
 * which has `at` rows, in slices of at most `sliceBytes`. When `ds` is undefined and there is a row
 * to write, the dataset is created resizable, chunked in chunks of `rows` rows up to CHUNK_ROWS.
 */
function appendRows(file: H5File, ds: H5Dataset | undefined, name: string, values: Float64Array | BigInt64Array, rows: number, cols: number | undefined, at: number, sliceBytes: number): H5Dataset | undefined {
  if (rows === 0) return ds;
  const width = cols ?? 1;
  const shape = (r: number | null): (number | null)[] => (cols === undefined ? [r] : [r, cols]);
  const sliceRows = rowsPerSlice(sliceBytes, width);
  let r = 0;
  if (ds === undefined) {
    r = Math.min(rows, sliceRows);
    ds = file.create_dataset({
      name, data: values.subarray(0, r * width), shape: shape(r) as number[], dtype: values instanceof BigInt64Array ? '<q' : '<d',
      maxshape: shape(null), chunks: shape(Math.min(CHUNK_ROWS, rows)) as number[],
    });
    at = r;
  }
  if (r < rows) ds.resize(shape(at + rows - r) as number[]);
  for (; r < rows; r += sliceRows) {
    const end = Math.min(rows, r + sliceRows);
    ds.write_slice(cols === undefined ? [[at, at + end - r]] : [[at, at + end - r], [0, cols]], values.subarray(r * width, end * width));
    at += end - r;
  }
  return ds;
}

/** What `ModReadOptions.keepJets` sees of a file: its jet tables, particle offsets and particle columns. */
export interface ModJetTables {
  jetsI: ModBlock<BigInt64Array>;
  jetsF: ModBlock<Float64Array>;
  pfcsIndex: BigInt64Array;
  gensIndex: BigInt64Array;
  pfcsCols: string[];
}

/** Options of `readMod`. */
export interface ModReadOptions extends ModIoOptions {
  /**
   * The jet rows to keep (ascending), chosen from the jet tables before any particle is read:
   * the result then holds only those jets and their particles (offsets from 0), and the particle
   * tables are read slice by slice, so that memory holds the kept particles only.
   */
  keepJets?: (tables: ModJetTables) => ArrayLike<number>;
  /** Read the gens table (default true); false leaves it empty (its cols kept, every offset 0). */
  gens?: boolean;
  /**
   * With `keepJets`: hand the kept jets' pfcs rows to this function as they are read instead of
   * returning them (the result's pfcs table is then empty, its cols kept; pfcsIndex still gives
   * each kept jet's rows). `rows` holds rows first, first + 1, … of the kept jet at `position`
   * (pfcs cols wide), a view valid during the call; a jet may come in several calls.
   */
  visitParticles?: (position: number, rows: Float64Array, first: number) => void;
}

/**
 * Reads a MOD file; a wrong layout is an InputError naming the file and the dataset.
 * `keepJets` and `gens: false` read part of it (e.g. `loadJets` reads only the selected jets'
 * reconstructed particles).
 */
export async function readMod(path: string, options: ModReadOptions = {}): Promise<ModData> {
  const sliceBytes = sliceBytesOf(options, 'readMod');
  if (!existsSync(path)) throw new InputError('file not found', { file: path });
  await h5wasm.ready;
  let file: H5File;
  try {
    file = new h5wasm.File(path, 'r');
  } catch (err) {
    throw new InputError(`not a readable HDF5 file (${(err as Error).message})`, { file: path });
  }
  try {
    const keys = new Set(file.keys());
    const dataset = (name: string): H5Dataset => {
      if (!keys.has(name)) throw new InputError(`dataset '${name}' is missing; a MOD file has jets_i, jets_f, pfcs, pfcs_index, gens, gens_index`, { file: path });
      return file.get(name) as H5Dataset;
    };
    /** A table's dataset, column names and row count, its layout checked. */
    const tableOf = (name: string): { ds: H5Dataset; cols: string[]; rows: number } => {
      const ds = dataset(name);
      const cols = ds.attrs.cols ? (ds.get_attribute('cols', true) as string[]) : undefined;
      if (!Array.isArray(cols)) throw new InputError(`dataset '${name}' has no 'cols' attribute naming its columns`, { file: path });
      const shape = ds.shape ?? [];
      if (shape.length !== 2 || shape[1] !== cols.length) throw new InputError(`dataset '${name}' has shape [${shape.join(', ')}] but ${cols.length} names in attrs.cols`, { file: path });
      return { ds, cols, rows: shape[0] ?? 0 };
    };
    const table = <A extends Float64Array | BigInt64Array>(name: string, kind: 'int' | 'float'): ModBlock<A> => {
      const { ds, cols, rows } = tableOf(name);
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
    const pfcsTable = tableOf('pfcs'), gensTable = tableOf('gens');
    const pfcsIndex = offsets('pfcs_index', pfcsTable.rows, jetsI.rows);
    const gensIndex = offsets('gens_index', gensTable.rows, jetsI.rows);
    const names = keys.has('filenames') ? dataset('filenames').value : [];
    const filenames = (Array.isArray(names) ? names : [names]).map(String).filter((s) => s.length > 0);
    const readGens = options.gens ?? true;
    if (options.keepJets === undefined) {
      const gens = readGens ? table<Float64Array>('gens', 'float') : emptyTable(gensTable.cols);
      return { jetsI, jetsF, pfcs: table<Float64Array>('pfcs', 'float'), gens, pfcsIndex, gensIndex: readGens ? gensIndex : new BigInt64Array(jetsI.rows + 1), filenames };
    }
    const kept = Int32Array.from(options.keepJets({ jetsI, jetsF, pfcsIndex, gensIndex, pfcsCols: pfcsTable.cols }));
    for (let r = 0; r < kept.length; r++)
      if (!(Number.isInteger(kept[r]) && kept[r]! >= (r > 0 ? kept[r - 1]! + 1 : 0) && kept[r]! < jetsI.rows))
        throw new ParameterError('keepJets', 'readMod', `ascending jet rows in [0, ${jetsI.rows})`, `row ${kept[r]} at position ${r}`);
    const pickRows = <A extends Float64Array | BigInt64Array>(block: ModBlock<A>): ModBlock<A> => {
      const width = block.cols.length;
      const data = (block.data instanceof BigInt64Array ? new BigInt64Array(kept.length * width) : new Float64Array(kept.length * width)) as A;
      kept.forEach((j, r) => data.set(block.data.subarray(j * width, (j + 1) * width) as never, r * width));
      return { cols: block.cols, data, rows: kept.length };
    };
    const keptPfcsIndex = keptRowOffsets(pfcsIndex, kept);
    const keptGensIndex = readGens ? keptRowOffsets(gensIndex, kept) : new BigInt64Array(kept.length + 1);
    const visit = options.visitParticles;
    if (visit !== undefined) visitJetRows(pfcsTable, pfcsIndex, kept, sliceBytes, visit);
    const pfcs = visit === undefined ? readJetRows(pfcsTable, pfcsIndex, kept, keptPfcsIndex, sliceBytes) : emptyTable(pfcsTable.cols);
    const gens = readGens ? readJetRows(gensTable, gensIndex, kept, keptGensIndex, sliceBytes) : emptyTable(gensTable.cols);
    return { jetsI: pickRows(jetsI), jetsF: pickRows(jetsF), pfcs, gens, pfcsIndex: keptPfcsIndex, gensIndex: keptGensIndex, filenames };
  } finally {
    file.close();
  }
}

/** A particle table of no rows with columns `cols` (one that was not read). */
function emptyTable(cols: string[]): ModBlock<Float64Array> {
  return { cols, data: new Float64Array(0), rows: 0 };
}

/** Offsets from 0 of the rows of jets `kept` of a particle table whose jet j owns rows [index[j], index[j+1]). */
function keptRowOffsets(index: BigInt64Array, kept: Int32Array): BigInt64Array {
  const keptIndex = new BigInt64Array(kept.length + 1);
  kept.forEach((j, r) => (keptIndex[r + 1] = keptIndex[r]! + index[j + 1]! - index[j]!));
  return keptIndex;
}

/**
 * The rows of the jets `kept` (ascending) of a particle table whose jet j owns rows
 * [index[j], index[j+1]); `keptIndex` holds their offsets from 0 (keptRowOffsets).
 */
function readJetRows(table: { ds: H5Dataset; cols: string[] }, index: BigInt64Array, kept: Int32Array, keptIndex: BigInt64Array, sliceBytes: number): ModBlock<Float64Array> {
  const rows = Number(keptIndex[kept.length]);
  const data = new Float64Array(rows * table.cols.length);
  let at = 0;
  visitJetRows(table, index, kept, sliceBytes, (_position, part) => {
    data.set(part, at);
    at += part.length;
  });
  return { cols: table.cols, data, rows };
}

/**
 * Hands the rows of the jets `kept` (ascending) of a particle table whose jet j owns rows
 * [index[j], index[j+1]) to `visit`, jet by jet, as views of slices of at most `sliceBytes` read
 * where kept rows are (a slice starts at the first kept row it is needed for).
 */
function visitJetRows(table: { ds: H5Dataset; cols: string[] }, index: BigInt64Array, kept: Int32Array, sliceBytes: number,
  visit: (position: number, rows: Float64Array, first: number) => void): void {
  const width = table.cols.length;
  const sliceRows = rowsPerSlice(sliceBytes, width);
  const total = table.ds.shape?.[0] ?? 0;
  let slice: Float64Array = new Float64Array(0), sliceFrom = 0, sliceTo = 0;
  kept.forEach((j, position) => {
    const start = Number(index[j]!), end = Number(index[j + 1]!);
    for (let k = start; k < end; ) {
      if (k < sliceFrom || k >= sliceTo) {
        sliceFrom = k;
        sliceTo = Math.min(total, k + sliceRows);
        slice = toFloat64(table.ds.slice([[sliceFrom, sliceTo]]) as ArrayLike<number>);
      }
      const upto = Math.min(end, sliceTo);
      visit(position, slice.subarray((k - sliceFrom) * width, (upto - sliceFrom) * width), k - start);
      k = upto;
    }
  });
}

/** The values of a rows × cols dataset, read whole when they fit in `sliceBytes`, else slice by slice. */
function readRows(ds: H5Dataset, rows: number, cols: number, sliceBytes: number): ArrayLike<number | bigint> {
  const sliceRows = rowsPerSlice(sliceBytes, cols);
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
