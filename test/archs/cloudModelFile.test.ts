import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GaussianAnsatz } from '../../src/ansatz/GaussianAnsatz.js';
import type { Cloud } from '../../src/ansatz/inputs.js';
import { loadModel, saveModel } from '../../src/ansatz/modelFile.js';
import '../../src/archs/index.js';
import { Rng } from '../../src/engine/rng.js';

const dir = mkdtempSync(join(tmpdir(), 'ansatz-cloud-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Jets of 5–40 particles [pT fraction, Δy, Δφ, pid]; z = the summed pT with a 5 % smear. */
function clouds(n: number, seed: number): { x: Cloud; z: Float64Array } {
  const rng = new Rng(seed);
  const offsets = new Int32Array(n + 1), parts: number[] = [], z = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const m = 5 + rng.int(36);
    let sum = 0;
    for (let k = 0; k < m; k++) {
      const pt = 0.02 * rng.exponential(1);
      sum += pt;
      parts.push(pt, 0.1 * rng.normal(), 0.1 * rng.normal(), rng.int(3) * 0.1);
    }
    offsets[j + 1] = offsets[j]! + m;
    z[j] = 1000 * sum * (1 + 0.05 * rng.normal());
  }
  return { x: { particles: Float32Array.from(parts), offsets, dim: 4 }, z };
}

describe('saveModel → loadModel for particle-cloud models', () => {
  for (const arch of ['pfn-pid', 'efn'] as const) {
    it(`${arch}: the loaded model keeps the particle standardisation and pooling scale and predicts bit-identically`, async () => {
      const { x, z } = clouds(600, 3);
      const model = await new GaussianAnsatz({ arch, hidden: [8], phiSizes: [8, 8], epochs: 1, batchSize: 128, seed: 1, threads: 1, stages: 1, patience: 0 }).fit(x, z);
      const path = join(dir, arch);
      saveModel(model, path);
      const loaded = loadModel(path);
      expect(loaded.spec_).toEqual(model.spec_);
      expect(loaded.xScaler_).toEqual(model.xScaler_);
      if (arch === 'pfn-pid') expect(model.spec_!.poolScale).toBeCloseTo(600 / x.offsets[600]!, 12);
      const a = model.predict(x), b = loaded.predict(x);
      expect(Array.from(b.zHat)).toEqual(Array.from(a.zHat));
      expect(Array.from(b.sigma)).toEqual(Array.from(a.sigma));
    });
  }
});
