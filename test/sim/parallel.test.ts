import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateDijets, simulateDijetChunksParallel, EVENTS_PER_LUMI_BLOCK, type Calibration } from '../../src/sim/index.js';
import { readMod, writeModChunks } from '../../src/io/mod/index.js';
import { ParameterError } from '../../src/errors.js';
import { modDifference } from '../helpers/modData.js';

describe('simulateDijetChunksParallel', () => {
  it('gives the events of simulateDijets, bit for bit, on 2 threads (each luminosity block has its own Rng stream)', async () => {
    const options = { events: 2 * EVENTS_PER_LUMI_BLOCK + 500, seed: 5, detector: 'fast' as const };
    const whole = simulateDijets(options);
    const dir = mkdtempSync(join(tmpdir(), 'ansatz-par-'));
    try {
      const progress: number[] = [];
      const path = join(dir, 'par.h5');
      // Three chunks (1000, 1000, 500 events) over two threads; progress every 1000 events.
      await writeModChunks(path, simulateDijetChunksParallel({ ...options, chunkEvents: 1000, threads: 2, progressEveryEvents: 1000, onProgress: (n) => progress.push(n) }));
      expect(modDifference(await readMod(path), whole)).toBe('');
      // …and the comparison sees one changed value.
      const nudged = whole.pfcs.data.slice();
      nudged[5]! += 1e-9;
      expect(modDifference({ ...whole, pfcs: { ...whole.pfcs, data: nudged } }, whole)).toBe('pfcs.data');
      expect(progress).toEqual([1000, 2000]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses chunks that split a luminosity block, a function it cannot pass to its threads, and a bad thread count', () => {
    expect(() => simulateDijetChunksParallel({ events: 5000, chunkEvents: 1500 })).toThrow(ParameterError);
    expect(() => simulateDijetChunksParallel({ events: 5000, chunkEvents: 1500 })).toThrow(/chunkEvents.*multiple of 1000/);
    expect(() => simulateDijetChunksParallel({ events: 5000, eventWeight: () => 1 })).toThrow(/eventWeight/);
    expect(() => simulateDijetChunksParallel({ events: 5000, threads: 0 })).toThrow(/threads/);
  });

  it('passes an error thrown in a worker thread to the caller, and writeModChunks then leaves no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ansatz-par-'));
    try {
      // A calibration the workers cannot use: the JEC of the first jet throws in the worker.
      const broken = { jec: null, oracle: null, oracleSigmaScale: 1 } as unknown as Calibration;
      await expect(writeModChunks(join(dir, 'x.h5'), simulateDijetChunksParallel({ events: 3000, chunkEvents: 1000, threads: 2, calibration: broken }))).rejects.toThrow(TypeError);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
