import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import h5wasm from 'h5wasm/node';
import { deltaPhi, loadJets, pairDijets, readMod, selectJets, selectedJetRows, writeMod, writeModChunks, type ModData } from '../../src/io/mod/index.js';
import { InputError } from '../../src/errors.js';

/** A hand-made MOD file: 3 jets (two from one event), one of them at φ ≈ π with particles across the seam. */
function fixture(): ModData {
  const jetsICols = ['fn', 'rn', 'lbn', 'evn', 'npv', 'quality', 'hard_pid'];
  const jetsI = BigInt64Array.from([0, 1, 7, 100, 5, 3, 21, 0, 1, 7, 100, 5, 3, 21, 0, 1, 7, 101, 6, 1, 1].map(BigInt));
  const jetsFCols = ['jet_pt', 'jet_y', 'jet_phi', 'jet_m', 'jet_eta', 'jec', 'jet_area', 'jet_max_nef', 'gen_jet_pt', 'gen_jet_y', 'gen_jet_phi', 'gen_jet_m', 'gen_jet_eta', 'hard_pt', 'hard_y', 'hard_phi', 'weight', 'oracle_pt'];
  const row = (pt: number, y: number, phi: number, gen: number, w: number) => [pt, y, phi, 50, y, 1.01, 0.78, 0.2, gen, y, phi, 48, y, gen, 0, 0, w, gen * 1.01];
  const jetsF = Float64Array.from([...row(700, 0.1, 3.1, 710, 2), ...row(650, -0.4, 0.2, 640, 2), ...row(800, 1.0, 1.0, 790, 1)]);
  const pfcsCols = ['pt', 'y', 'phi', 'm', 'pid', 'vertex'];
  const pfcs = Float64Array.from([
    400, 0.12, 3.13, 0, 211, 0, 300, 0.08, -3.12, 0, 22, 0, // jet 0: φ on both sides of ±π
    650, -0.4, 0.2, 0, 130, 0, // jet 1
    500, 1.0, 1.0, 0, -211, 0, 300, 1.1, 0.9, 0, 13, 1, // jet 2
  ]);
  return {
    jetsI: { cols: jetsICols, data: jetsI, rows: 3 },
    jetsF: { cols: jetsFCols, data: jetsF, rows: 3 },
    pfcs: { cols: pfcsCols, data: pfcs, rows: 5 },
    pfcsIndex: BigInt64Array.from([0n, 2n, 3n, 5n]),
    gens: { cols: ['pt', 'y', 'phi', 'm', 'pid'], data: Float64Array.from([710, 0.1, 3.1, 0, 211, 640, -0.4, 0.2, 0, 22, 790, 1, 1, 0, 211]), rows: 3 },
    gensIndex: BigInt64Array.from([0n, 1n, 2n, 3n]),
    filenames: ['fixture.root'],
  };
}

const dir = mkdtempSync(join(tmpdir(), 'ansatz-mod-'));

describe('MOD HDF5 files', () => {
  it('writeMod(path, data) → readMod(path) returns identical datasets, cols and filenames, and leaves no temporary file', async () => {
    const path = join(dir, 'round.h5');
    const data = fixture();
    await writeMod(path, data);
    const back = await readMod(path);
    expect(back).toEqual(data);
    expect(readdirSync(dir).filter((f) => f.includes('tmp'))).toEqual([]);
  });

  it('readMod(path) on a file missing pfcs_index names the file and the dataset', async () => {
    await h5wasm.ready;
    const path = join(dir, 'broken.h5');
    const f = new h5wasm.File(path, 'w');
    f.create_dataset({ name: 'jets_i', data: BigInt64Array.from([1n, 2n]), shape: [1, 2], dtype: '<q' }).create_attribute('cols', ['fn', 'rn']);
    f.close();
    await expect(readMod(path)).rejects.toThrow(InputError);
    await expect(readMod(path)).rejects.toThrow(new RegExp(`dataset 'jets_f' is missing.*file ${path}`));
  });

  it('readMod(path) on a table whose cols do not match its shape names the dataset', async () => {
    const data = fixture();
    data.jetsF.cols = data.jetsF.cols.slice(1);
    const path = join(dir, 'cols.h5');
    await writeMod(path, { ...data, jetsF: { ...data.jetsF, cols: fixture().jetsF.cols } });
    await h5wasm.ready;
    const f = new h5wasm.File(path, 'a');
    const ds = f.get('jets_f') as InstanceType<typeof h5wasm.Dataset>;
    ds.delete_attribute?.('cols');
    ds.create_attribute('cols', data.jetsF.cols);
    f.close();
    await expect(readMod(path)).rejects.toThrow(/dataset 'jets_f' has shape \[3, 18\] but 17 names/);
  });

  it('readMod(path) on a file that does not exist says so', async () => {
    await expect(readMod(join(dir, 'nope.h5'))).rejects.toThrow(/file not found/);
  });
});

describe('selectJets(data, file, selection)', () => {
  it('selectJets applies gen pT, quality and multiplicity cuts and centres particles with φ wrap-around', () => {
    const ds = selectJets(fixture(), 'fixture.h5', { genPtMinGeV: 500, genPtMaxGeV: 1000 });
    expect(ds.rows).toBe(2); // jet 2 has quality 1 < 2
    const jet0 = Array.from(ds.particles.subarray(0, 6));
    expect(jet0[0]).toBeCloseTo(0.4, 6);
    expect(jet0[2]).toBeCloseTo(0.03, 5); // 3.13 − 3.1
    expect(jet0[5]).toBeCloseTo(-3.12 + 2 * Math.PI - 3.1, 5); // across the seam: +0.063, not −6.22
    expect(Math.abs(jet0[5]!)).toBeLessThan(0.1);
    expect(Array.from(ds.genPtGeV)).toEqual([710, 640]);
    expect(ds.columns.oracle_pt![0]).toBeCloseTo(717.1, 6);
    expect(pairDijets(ds)).toEqual([[0, 1]]);
  });

  it('selectJets with pid appends the particle-ID feature', () => {
    const ds = selectJets(fixture(), 'fixture.h5', { pid: true });
    expect(ds.particleDim).toBe(4);
    expect(ds.particles[3]).toBeCloseTo(0.1, 6); // π⁺
    expect(ds.particles[7]).toBeCloseTo(0.0, 6); // photon
  });

  it('deltaPhi(a, b) lies in (−π, π]', () => {
    expect(deltaPhi(-3.1, 3.1)).toBeCloseTo(2 * Math.PI - 6.2, 12);
    expect(deltaPhi(Math.PI, -Math.PI)).toBeCloseTo(0, 12);
    expect(deltaPhi(0.5, 0.2)).toBeCloseTo(0.3, 12);
  });

  it('selectJets names the file and column when a needed jets_f column is missing', () => {
    const data = fixture();
    data.jetsF.cols = data.jetsF.cols.map((c) => (c === 'gen_jet_pt' ? 'genpt' : c));
    expect(() => selectJets(data, 'x.h5')).toThrow(/no column 'gen_jet_pt'.*file x\.h5/);
  });
});

describe('an independent HDF5 implementation reads our MOD files', () => {
  const python = '/usr/bin/python3';
  const hasH5py = existsSync(python) && spawnSync(python, ['-c', 'import h5py'], { encoding: 'utf8' }).status === 0;
  // CI installs python3-h5py (.ci/run), so there this test always runs.
  // sliceBytes 64: every dataset written a row or a few at a time (chunked, resized, write_slice).
  it.runIf(hasH5py || process.env.CI).each([undefined, 64])('h5py finds the same datasets, shapes, cols and values (sliceBytes %s)', async (sliceBytes) => {
    const path = join(dir, `h5py-${sliceBytes}.h5`);
    const data = fixture();
    await writeMod(path, data, { sliceBytes });
    const script = `
import h5py, json, sys
f = h5py.File(sys.argv[1], 'r')
out = {k: {'shape': list(f[k].shape), 'dtype': str(f[k].dtype)} for k in f}
for k in ['jets_i', 'jets_f', 'pfcs', 'gens']:
    out[k]['cols'] = [c.decode() if isinstance(c, bytes) else str(c) for c in f[k].attrs['cols']]
    out[k]['values'] = f[k][()].ravel().tolist()
out['pfcs_index']['values'] = f['pfcs_index'][()].tolist()
print(json.dumps(out))`;
    const r = spawnSync(python, ['-c', script, path], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const seen = JSON.parse(r.stdout);
    expect(Object.keys(seen).sort()).toEqual(['filenames', 'gens', 'gens_index', 'jets_f', 'jets_i', 'pfcs', 'pfcs_index']);
    expect(seen.jets_i.dtype).toBe('int64');
    expect(seen.jets_f.dtype).toBe('float64');
    expect(seen.jets_f.shape).toEqual([3, data.jetsF.cols.length]);
    expect(seen.jets_f.cols).toEqual(data.jetsF.cols);
    expect(seen.pfcs.cols).toEqual(data.pfcs.cols);
    expect(seen.jets_f.values).toEqual(Array.from(data.jetsF.data));
    expect(seen.jets_i.values).toEqual(Array.from(data.jetsI.data, Number));
    expect(seen.pfcs.values).toEqual(Array.from(data.pfcs.data));
    expect(seen.pfcs_index.values).toEqual([0, 2, 3, 5]);
  });
});

describe('the simulator writes MOD files the reader reads back', () => {
  it('simulateDijets → writeMod → readMod → selectJets round-trips every value', async () => {
    const { simulateDijets } = await import('../../src/sim/index.js');
    const data = simulateDijets({ events: 60, seed: 5 });
    const path = join(dir, 'sim.h5');
    await writeMod(path, data);
    const back = await readMod(path);
    expect(back).toEqual(data);
    const ds = selectJets(back, path, { genPtMinGeV: 0, genPtMaxGeV: 1e9 });
    expect(ds.rows).toBeGreaterThan(0);
    expect(pairDijets(ds).length).toBeGreaterThan(0);
  });

  it('writeMod and readMod in slices (datasets beyond h5wasm\'s 2 GiB go that way) give the same data as whole', async () => {
    const { simulateDijets } = await import('../../src/sim/index.js');
    const data = simulateDijets({ events: 60, seed: 5 });
    const path = join(dir, 'sim-sliced.h5');
    await writeMod(path, data, { sliceBytes: 4096 }); // pfcs: 73 rows a slice, ≈ 60 slices
    expect(await readMod(path, { sliceBytes: 4096 })).toEqual(data);
    expect(await readMod(path)).toEqual(data);
    expect(await readMod(join(dir, 'sim.h5'), { sliceBytes: 1000 })).toEqual(data);
    await expect(writeMod(join(dir, 'never.h5'), data, { sliceBytes: Number.NaN })).rejects.toThrow(/sliceBytes/);
  });

  it('simulateDijetChunks → writeModChunks writes the file simulateDijets → writeMod does (chunk by chunk, offsets carried on)', async () => {
    const { simulateDijets, simulateDijetChunks } = await import('../../src/sim/index.js');
    const whole = simulateDijets({ events: 60, seed: 5 });
    const chunks = simulateDijetChunks({ events: 60, seed: 5, chunkEvents: 7 }); // 8 chunks of 7, one of 4
    const path = join(dir, 'sim-chunks.h5');
    // sliceBytes 4096: each chunk's pfcs also goes in several slices.
    const written = await writeModChunks(path, chunks, { sliceBytes: 4096 });
    expect(written).toEqual({ jets: whole.jetsF.rows, pfcs: whole.pfcs.rows, gens: whole.gens.rows });
    expect(await readMod(path)).toEqual(whole);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('writeModChunks refuses blocks whose columns or offsets do not fit, and leaves no file', async () => {
    const path = join(dir, 'bad-chunks.h5');
    const a = fixture();
    const renamed = { ...a, pfcs: { ...a.pfcs, cols: ['pt', 'y', 'phi', 'm', 'pid', 'charge'] } };
    await expect(writeModChunks(path, [a, renamed])).rejects.toThrow(/block 1 .*pfcs|pfcs.*block 1/);
    await expect(writeModChunks(path, [a, { ...a, gensIndex: BigInt64Array.from([0n, 1n, 2n, 2n]) }])).rejects.toThrow(/gens_index/);
    await expect(writeModChunks(path, [])).rejects.toThrow(/at least one block/);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('writeModChunks of the fixture in one-jet blocks equals writeMod of it; a table no block reaches is written empty', async () => {
    const a = fixture();
    const one = (j: number): ModData => ({
      jetsI: { cols: a.jetsI.cols, data: a.jetsI.data.subarray(7 * j, 7 * j + 7), rows: 1 },
      jetsF: { cols: a.jetsF.cols, data: a.jetsF.data.subarray(18 * j, 18 * j + 18), rows: 1 },
      pfcs: { cols: a.pfcs.cols, data: a.pfcs.data.subarray(6 * Number(a.pfcsIndex[j]), 6 * Number(a.pfcsIndex[j + 1])), rows: Number(a.pfcsIndex[j + 1]! - a.pfcsIndex[j]!) },
      pfcsIndex: BigInt64Array.from([0n, a.pfcsIndex[j + 1]! - a.pfcsIndex[j]!]),
      gens: { cols: a.gens.cols, data: new Float64Array(0), rows: 0 },
      gensIndex: BigInt64Array.from([0n, 0n]),
      filenames: a.filenames,
    });
    const path = join(dir, 'fixture-chunks.h5');
    await writeModChunks(path, [one(0), one(1), one(2)]);
    const back = await readMod(path);
    expect(back).toEqual({ ...a, gens: { ...a.gens, data: new Float64Array(0), rows: 0 }, gensIndex: BigInt64Array.from([0n, 0n, 0n, 0n]) });
  });

  it('readMod with keepJets reads only the kept jets and their particles, in slices; loadJets gives selectJets of the whole file', async () => {
    const { simulateDijets } = await import('../../src/sim/index.js');
    const data = simulateDijets({ events: 60, seed: 5 });
    const path = join(dir, 'sim-select.h5');
    await writeMod(path, data);
    const kept = [0, 3, 4, 5, 17, 40, 41, 119];
    // sliceBytes 4096: 73 pfcs rows a slice, so jets straddle slices and slices are skipped between them.
    const part = await readMod(path, { keepJets: () => kept, sliceBytes: 4096 });
    const rowsOf = (block: { data: Float64Array | BigInt64Array; cols: string[] }, index: BigInt64Array | undefined, j: number) => {
      const w = block.cols.length;
      return index === undefined ? Array.from(block.data.subarray(j * w, (j + 1) * w)) : Array.from(block.data.subarray(Number(index[j]) * w, Number(index[j + 1]) * w));
    };
    expect(part.jetsF.rows).toBe(kept.length);
    kept.forEach((j, r) => {
      expect(rowsOf(part.jetsF, undefined, r)).toEqual(rowsOf(data.jetsF, undefined, j));
      expect(rowsOf(part.jetsI, undefined, r)).toEqual(rowsOf(data.jetsI, undefined, j));
      expect(rowsOf(part.pfcs, part.pfcsIndex, r)).toEqual(rowsOf(data.pfcs, data.pfcsIndex, j));
      expect(rowsOf(part.gens, part.gensIndex, r)).toEqual(rowsOf(data.gens, data.gensIndex, j));
    });
    // visitParticles: the same rows, handed over in pieces where a jet straddles two slices.
    const pieces = kept.map(() => [] as number[]);
    let split = 0;
    const visited = await readMod(path, {
      keepJets: () => kept, sliceBytes: 4096,
      visitParticles: (position, rows, first) => {
        if (first > 0) split++;
        expect(first).toBe(pieces[position]!.length / data.pfcs.cols.length);
        pieces[position]!.push(...rows);
      },
    });
    expect(split).toBeGreaterThan(0);
    kept.forEach((j, r) => expect(pieces[r]).toEqual(rowsOf(data.pfcs, data.pfcsIndex, j)));
    expect(visited.pfcs.rows).toBe(0);
    expect(visited.pfcsIndex).toEqual(part.pfcsIndex);
    const noGens = await readMod(path, { keepJets: () => kept, gens: false });
    expect(noGens.gens).toEqual({ cols: data.gens.cols, data: new Float64Array(0), rows: 0 });
    expect(Array.from(noGens.gensIndex)).toEqual(new Array(kept.length + 1).fill(0n));
    expect(noGens.pfcs).toEqual(part.pfcs);
    const selection = { genPtMinGeV: 300, genPtMaxGeV: 900, pid: true };
    expect(selectedJetRows(data, path, selection).length).toBeGreaterThan(10);
    const selected = selectJets(data, path, selection);
    expect(await loadJets([path], selection)).toEqual(selected);
    expect(await loadJets([path], selection, { sliceBytes: 4096 })).toEqual(selected); // jets straddle slices
    await expect(readMod(path, { keepJets: () => [4, 3] })).rejects.toThrow(/keepJets.*ascending/);
    await expect(readMod(path, { keepJets: () => [data.jetsF.rows] })).rejects.toThrow(/keepJets/);
  });
});
