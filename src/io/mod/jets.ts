import { Rng } from '../../engine/rng.js';
import { InputError } from '../../errors.js';
import { makeTable, type Table } from '../table.js';
import { readMod, type ModIoOptions, type ModJetTables } from './hdf5.js';
import { columnIndex, type ModData } from './layout.js';
import { pidToFloat } from './pid.js';

/** The study selection of jets (defaults: the Gaussian Ansatz letter's JEC study). */
export interface JetSelection {
  genPtMinGeV: number;
  genPtMaxGeV: number;
  /** |jet_eta| must be below this. */
  absEtaMax: number;
  /** jets_i.quality ≥ this (2 = medium). */
  minQuality: number;
  maxParticles: number;
  /** Particle pT is divided by this (GeV); recorded in the dataset so models can state it. */
  momentumScaleGeV: number;
  /** Append the PID feature to each particle (PFN-PID). */
  pid: boolean;
}

export const DEFAULT_SELECTION: JetSelection = { genPtMinGeV: 500, genPtMaxGeV: 1000, absEtaMax: 2.4, minQuality: 2, maxParticles: 150, momentumScaleGeV: 1000, pid: false };

/** Selected jets with their features; clouds are ragged (no padding). */
export interface JetDataset {
  rows: number;
  /** Jet-level features [jet_pt, jet_eta, jet_phi] (GeV, rad), rows × 3. */
  jet: Float64Array;
  /** The target, gen_jet_pt (GeV). */
  genPtGeV: Float64Array;
  weight: Float64Array;
  /** Per particle: [pt / momentumScaleGeV, Δy, Δφ] (+ [pid float]), Δφ wrapped into (−π, π]. */
  particles: Float32Array;
  offsets: Int32Array;
  particleDim: number;
  momentumScaleGeV: number;
  /** (fn, rn, lbn, evn) of each jet, for dijet pairing. */
  eventKey: string[];
  /** Every jets_f column by name (including simulator extras such as oracle_pt). */
  columns: Record<string, Float64Array>;
  sources: string[];
  /** The selection that was applied. */
  selection: JetSelection;
}

/** φ difference wrapped into (−π, π]. */
export function deltaPhi(a: number, b: number): number {
  let d = (a - b) % (2 * Math.PI);
  if (d > Math.PI) d -= 2 * Math.PI;
  else if (d <= -Math.PI) d += 2 * Math.PI;
  return d;
}

/** The index of column `name` of `table` (dataset `dataset` of `file`); a missing column is an InputError naming both. */
function need(table: { cols: string[] }, dataset: string, name: string, file: string): number {
  const k = columnIndex(table, name);
  if (k < 0) throw new InputError(`dataset '${dataset}' has no column '${name}' in attrs.cols (it has ${table.cols.join(', ')})`, { file, column: name });
  return k;
}

/**
 * The rows of the jets that pass `selection` (GEN pT range, |η|, quality, particle count; jets
 * without a GEN match dropped), ascending: what `selectJets` keeps, from the jet tables alone.
 */
export function selectedJetRows(tables: Pick<ModJetTables, 'jetsF' | 'jetsI' | 'pfcsIndex'>, file: string, selection: Partial<JetSelection> = {}): number[] {
  const s = { ...DEFAULT_SELECTION, ...selection };
  const f = tables.jetsF, i = tables.jetsI, index = tables.pfcsIndex;
  const fc = f.cols.length, ic = i.cols.length;
  const col = { eta: need(tables.jetsF, 'jets_f', 'jet_eta', file), gen: need(tables.jetsF, 'jets_f', 'gen_jet_pt', file), genEta: need(tables.jetsF, 'jets_f', 'gen_jet_eta', file) };
  const q = need(tables.jetsI, 'jets_i', 'quality', file);
  const kept: number[] = [];
  for (let j = 0; j < f.rows; j++) {
    const gen = f.data[j * fc + col.gen]!;
    const nPart = Number(index[j + 1]! - index[j]!);
    if (f.data[j * fc + col.genEta]! === -1 && gen === -1) continue; // unmatched
    if (gen < s.genPtMinGeV || gen > s.genPtMaxGeV) continue;
    if (!(Math.abs(f.data[j * fc + col.eta]!) < s.absEtaMax)) continue;
    if (Number(i.data[j * ic + q]!) < s.minQuality) continue;
    if (nPart > s.maxParticles || nPart === 0) continue;
    kept.push(j);
  }
  return kept;
}

/**
 * Writes the features [pt / momentumScaleGeV, Δy, Δφ] (+ [pid float]) of particle rows (pfcs cols
 * wide, as `pfcsCols`) of a jet at (jy, jphi) into a Float32Array; built once per file.
 */
interface ParticleFeatureWriter {
  dim: number;
  /** Writes the features of `rows` into `out` from index `at`. */
  write(out: Float32Array, at: number, rows: Float64Array, jy: number, jphi: number): void;
}

function particleFeatureWriter(pfcsCols: string[], file: string, s: JetSelection): ParticleFeatureWriter {
  const table = { cols: pfcsCols };
  const pc = pfcsCols.length;
  const pt = need(table, 'pfcs', 'pt', file), y = need(table, 'pfcs', 'y', file), phi = need(table, 'pfcs', 'phi', file);
  const pid = s.pid ? need(table, 'pfcs', 'pid', file) : -1;
  const dim = s.pid ? 4 : 3, scale = s.momentumScaleGeV;
  return {
    dim,
    write(out, at, rows, jy, jphi) {
      for (let k = 0, o = at; k < rows.length; k += pc) {
        out[o++] = rows[k + pt]! / scale;
        out[o++] = rows[k + y]! - jy;
        out[o++] = deltaPhi(rows[k + phi]!, jphi);
        if (pid >= 0) out[o++] = pidToFloat(rows[k + pid]!);
      }
    },
  };
}

/** Offsets from 0 of the particles of jets `kept` of a file with particle offsets `index`. */
function keptOffsets(index: BigInt64Array, kept: ArrayLike<number>): Int32Array {
  const offsets = new Int32Array(kept.length + 1);
  for (let r = 0; r < kept.length; r++) offsets[r + 1] = offsets[r]! + Number(index[kept[r]! + 1]! - index[kept[r]!]!);
  return offsets;
}

/** The JetDataset of jets `kept` of the jet tables f, i, whose particle features are `particles` at `offsets`. */
function jetDataset(f: ModData['jetsF'], i: ModData['jetsI'], kept: readonly number[], particles: Float32Array, offsets: Int32Array, dim: number, file: string, s: JetSelection): JetDataset {
  const fc = f.cols.length, ic = i.cols.length;
  const col = { pt: need(f, 'jets_f', 'jet_pt', file), eta: need(f, 'jets_f', 'jet_eta', file), phi: need(f, 'jets_f', 'jet_phi', file) };
  const wCol = columnIndex(f, 'weight');
  const keyCols = ['fn', 'rn', 'lbn', 'evn'].map((c) => need(i, 'jets_i', c, file));
  const columns: Record<string, Float64Array> = {};
  f.cols.forEach((name, c) => (columns[name] = Float64Array.from(kept, (j) => f.data[j * fc + c]!)));
  return {
    rows: kept.length,
    jet: Float64Array.from(kept.flatMap((j) => [f.data[j * fc + col.pt]!, f.data[j * fc + col.eta]!, f.data[j * fc + col.phi]!])),
    genPtGeV: columns.gen_jet_pt!,
    weight: wCol >= 0 ? columns.weight! : new Float64Array(kept.length).fill(1),
    particles, offsets, particleDim: dim, momentumScaleGeV: s.momentumScaleGeV,
    eventKey: kept.map((j) => keyCols.map((c) => String(i.data[j * ic + c]!)).join(':')),
    columns, sources: [file], selection: s,
  };
}

/** Applies the selection to one in-memory MOD file and builds the features. */
export function selectJets(data: ModData, file: string, selection: Partial<JetSelection> = {}): JetDataset {
  const s = { ...DEFAULT_SELECTION, ...selection };
  const f = data.jetsF, fc = f.cols.length, pc = data.pfcs.cols.length;
  const y = need(f, 'jets_f', 'jet_y', file), phi = need(f, 'jets_f', 'jet_phi', file);
  const features = particleFeatureWriter(data.pfcs.cols, file, s);
  const kept = selectedJetRows(data, file, s);
  const offsets = keptOffsets(data.pfcsIndex, kept);
  const particles = new Float32Array(offsets[kept.length]! * features.dim);
  kept.forEach((j, r) => {
    const rows = data.pfcs.data.subarray(Number(data.pfcsIndex[j]!) * pc, Number(data.pfcsIndex[j + 1]!) * pc);
    features.write(particles, offsets[r]! * features.dim, rows, f.data[j * fc + y]!, f.data[j * fc + phi]!);
  });
  return jetDataset(f, data.jetsI, kept, particles, offsets, features.dim, file, s);
}

/** The jets `rows` of `ds` (in that order), particles and every column included. */
export function subsetJets(ds: JetDataset, rows: readonly number[]): JetDataset {
  const dim = ds.particleDim;
  const offsets = new Int32Array(rows.length + 1);
  rows.forEach((j, r) => (offsets[r + 1] = offsets[r]! + ds.offsets[j + 1]! - ds.offsets[j]!));
  const particles = new Float32Array(offsets[rows.length]! * dim);
  rows.forEach((j, r) => particles.set(ds.particles.subarray(ds.offsets[j]! * dim, ds.offsets[j + 1]! * dim), offsets[r]! * dim));
  const pick = (a: Float64Array, width = 1): Float64Array => {
    const out = new Float64Array(rows.length * width);
    rows.forEach((j, r) => out.set(a.subarray(j * width, (j + 1) * width), r * width));
    return out;
  };
  const columns = Object.fromEntries(Object.entries(ds.columns).map(([name, v]) => [name, pick(v)]));
  return {
    ...ds, rows: rows.length, jet: pick(ds.jet, 3), genPtGeV: columns.gen_jet_pt ?? pick(ds.genPtGeV), weight: pick(ds.weight),
    particles, offsets, eventKey: rows.map((j) => ds.eventKey[j]!), columns,
  };
}

/**
 * Disjoint, complementary halves of `ds` by event: both jets of an event land in the same half,
 * so a dijet never straddles training and test. The events are shuffled with `seed`; about
 * `trainFraction` of them go to the first half.
 */
export function splitByEvent(ds: JetDataset, trainFraction: number, seed: number): [JetDataset, JetDataset] {
  const events = new Rng(seed).shuffle([...new Set(ds.eventKey)]);
  const inTrain = new Set(events.slice(0, Math.round(trainFraction * events.length)));
  const train: number[] = [], test: number[] = [];
  ds.eventKey.forEach((key, j) => (inTrain.has(key) ? train : test).push(j));
  return [subsetJets(ds, train), subsetJets(ds, test)];
}

/**
 * Reads MOD files and concatenates their selected jets: `selectJets` of each file, read without
 * the rest. Only the jet tables, the selected jets' particle features and one slice of particles
 * at a time are in memory (no GEN particles, no unselected jets, no float64 copy of the kept ones).
 */
export async function loadJets(paths: string[], selection: Partial<JetSelection> = {}, io: ModIoOptions = {}): Promise<JetDataset> {
  const parts: JetDataset[] = [];
  for (const path of paths) parts.push(await loadSelectedJets(path, selection, io));
  return concatJets(parts);
}

/**
 * Bytes of particles read at a time by `loadJets` unless `io.sliceBytes` says otherwise. Measured
 * on a 10⁵-event file (140 157 jets kept): 4, 8, 16, 64 MiB took 2.5, 2.5–2.7, 3.2, 3.8 s and
 * peaked at 395, 386–404, 380, 537 MB (a slice is copied out of h5wasm's memory; small ones stay in cache).
 */
const PARTICLE_SLICE_BYTES = 8 << 20;

async function loadSelectedJets(path: string, selection: Partial<JetSelection>, io: ModIoOptions): Promise<JetDataset> {
  const s = { ...DEFAULT_SELECTION, ...selection };
  let features: ParticleFeatureWriter | undefined;
  let offsets: Int32Array = new Int32Array(1), particles: Float32Array = new Float32Array(0), jy: Float64Array = new Float64Array(0), jphi: Float64Array = new Float64Array(0);
  const part = await readMod(path, {
    sliceBytes: PARTICLE_SLICE_BYTES,
    ...io,
    gens: false,
    keepJets: (tables) => {
      const kept = selectedJetRows(tables, path, s);
      const f = tables.jetsF, fc = f.cols.length;
      const y = need(f, 'jets_f', 'jet_y', path), phi = need(f, 'jets_f', 'jet_phi', path);
      features = particleFeatureWriter(tables.pfcsCols, path, s);
      offsets = keptOffsets(tables.pfcsIndex, kept);
      particles = new Float32Array(offsets[kept.length]! * features.dim);
      jy = Float64Array.from(kept, (j) => f.data[j * fc + y]!);
      jphi = Float64Array.from(kept, (j) => f.data[j * fc + phi]!);
      return kept;
    },
    visitParticles: (r, rows, first) => features!.write(particles, (offsets[r]! + first) * features!.dim, rows, jy[r]!, jphi[r]!),
  });
  const all = Array.from({ length: part.jetsF.rows }, (_, r) => r);
  return jetDataset(part.jetsF, part.jetsI, all, particles, offsets, features!.dim, path, s);
}

/**
 * The jets of a MOD file that pass `selection`, with their reconstructed particles and no GEN
 * particles (an empty gens table): what `selectJets` needs of the file, read without the rest.
 */
export function readSelectedJets(path: string, selection: Partial<JetSelection> = {}): Promise<ModData> {
  return readMod(path, { keepJets: (tables) => selectedJetRows(tables, path, selection), gens: false });
}

export function concatJets(parts: JetDataset[]): JetDataset {
  if (parts.length === 1) return parts[0]!;
  const rows = parts.reduce((a, d) => a + d.rows, 0);
  const cat = (get: (d: JetDataset) => Float64Array): Float64Array => {
    const out = new Float64Array(parts.reduce((a, d) => a + get(d).length, 0));
    let o = 0;
    for (const d of parts) {
      out.set(get(d), o);
      o += get(d).length;
    }
    return out;
  };
  const offsets = new Int32Array(rows + 1);
  const particles = new Float32Array(parts.reduce((a, d) => a + d.particles.length, 0));
  let r0 = 0, p0 = 0;
  for (const d of parts) {
    for (let r = 0; r < d.rows; r++) offsets[r0 + r + 1] = offsets[r0]! + d.offsets[r + 1]!;
    particles.set(d.particles, p0);
    p0 += d.particles.length;
    r0 += d.rows;
  }
  const common = parts[0]!;
  const columns: Record<string, Float64Array> = {};
  for (const name of Object.keys(common.columns)) if (parts.every((d) => name in d.columns)) columns[name] = cat((d) => d.columns[name]!);
  return { ...common, rows, jet: cat((d) => d.jet), genPtGeV: cat((d) => d.genPtGeV), weight: cat((d) => d.weight), particles, offsets, eventKey: parts.flatMap((d) => d.eventKey), columns, sources: parts.flatMap((d) => d.sources) };
}

/** Pairs of jets from the same event (file, run, lumi block, event), in order of appearance. */
export function pairDijets(ds: JetDataset): [number, number][] {
  const first = new Map<string, number>();
  const pairs: [number, number][] = [];
  ds.eventKey.forEach((key, r) => {
    const j = first.get(key);
    if (j === undefined) first.set(key, r);
    else {
      pairs.push([j, r]);
      first.delete(key);
    }
  });
  return pairs;
}

/** A flat table of the selected jets: every jets_f column. */
export function jetsToTable(ds: JetDataset): Table {
  return makeTable(ds.columns);
}
