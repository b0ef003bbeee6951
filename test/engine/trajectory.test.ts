import { describe, expect, it } from 'vitest';
import { fitAnsatz } from '../../src/train/fit.js';
import { TRAIN_DEFAULTS, type TrainOptions } from '../../src/train/options.js';
import { Rng } from '../../src/engine/rng.js';
import type { ModelSpec } from '../../src/ansatz/structure.js';
import type { SharedData } from '../../src/train/data.js';
import type { BackendName } from '../../src/engine/backend.js';
import { buildStructure } from '../../src/ansatz/structure.js';
import { PREDICT_BLOCK_ROWS, Replica } from '../../src/ansatz/replica.js';
import { GaussianAnsatz } from '../../src/ansatz/GaussianAnsatz.js';
import { jsKernels } from '../../src/engine/jsKernels.js';
import { PredictPool } from '../../src/train/predictPool.js';
import { loadNativeKernels } from '../../src/engine/native/index.js';

/** The compiled paths that load here: WebAssembly always, native where scripts/build-native.mjs built it. */
const FAST_BACKENDS: BackendName[] = loadNativeKernels() ? ['wasm', 'native'] : ['wasm'];

/** x ∈ R³, z = x₀ + x₁/2 − 0.3x₂² + (0.3 + 0.2|x₀|)·N(0,1): the peer's DNN benchmark distribution. */
function data(n: number, seed: number): SharedData {
  const rng = new Rng(seed), dense = new Float32Array(n * 3), z = new Float32Array(n);
  for (let r = 0; r < n; r++) {
    for (let k = 0; k < 3; k++) dense[3 * r + k] = rng.normal();
    const [a, b, c] = [dense[3 * r]!, dense[3 * r + 1]!, dense[3 * r + 2]!];
    z[r] = a + 0.5 * b - 0.3 * c * c + (0.3 + 0.2 * Math.abs(a)) * rng.normal();
  }
  return { n, xDim: 3, zDim: 1, dense, z };
}

const spec: ModelSpec = { arch: 'dnn', xDim: 3, zDim: 1, hidden: [64, 64, 64], act: 'relu', epsilon: 1e-6 };

async function firstLosses(backend: BackendName, threads: number, lossName: 'dv' | 'mlc' = 'dv', weighted = false): Promise<number[]> {
  const d = data(2600, 7);
  if (weighted) {
    const rng = new Rng(8);
    d.weights = Float64Array.from({ length: d.n }, () => 0.5 + rng.uniform());
  }
  // Learning rate 1e-3 so that five steps move the weights visibly; the D penalty is on.
  const o: TrainOptions = { ...TRAIN_DEFAULTS, epochs: 1, batchSize: 512, learningRate: 1e-3, valFraction: 0.01, seed: 3, threads, backend, loss: lossName };
  const losses: number[] = [];
  await fitAnsatz(spec, d, o, { onStep: (l) => losses.push(l) });
  return losses.slice(0, 5);
}

describe('fast paths against the plain path', () => {
  // Float32 forward passes in a different summation order (SIMD tiles, FMA, two replicas) agree
  // to ~1e-6 relative per step; five Adam steps at lr 1e-3 keep the drift far below 1e-4.
  for (const backend of FAST_BACKENDS) for (const [lossName, weighted] of [['dv', false], ['mlc', true]] as const) {
    it(`fitAnsatz(backend '${backend}', 2 threads) gives the first 5 step losses of fitAnsatz(backend 'js', 1 thread) to 1e-4 relative (${lossName}${weighted ? ', weighted' : ''})`, async () => {
      const plain = await firstLosses('js', 1, lossName, weighted);
      const fast = await firstLosses(backend, 2, lossName, weighted);
      expect(plain).toHaveLength(5);
      expect(fast).toHaveLength(5);
      for (let i = 0; i < 5; i++) expect(Math.abs(fast[i]! - plain[i]!) / Math.abs(plain[i]!)).toBeLessThan(1e-4);
      // the losses do move: the comparison is not between five copies of the initial loss
      expect(new Set(plain).size).toBe(5);
    }, 60_000);
  }

  it("fitAnsatz(backend 'wasm', 1 thread) and (backend 'wasm', 2 threads) give the same first 5 step losses to 1e-4 relative", async () => {
    const one = await firstLosses('wasm', 1);
    const two = await firstLosses('wasm', 2);
    for (let i = 0; i < 5; i++) expect(Math.abs(two[i]! - one[i]!) / Math.abs(one[i]!)).toBeLessThan(1e-4);
  }, 60_000);
});

describe('PredictPool against Replica.predict', () => {
  it('GaussianAnsatz.predict over more rows than one block (PREDICT_BLOCK_ROWS) gives each row what a call on that row alone gives', () => {
    const structure = buildStructure(spec);
    const model = new GaussianAnsatz({ ...spec, backend: 'js' });
    model.spec_ = spec;
    model.weights_ = structure.layout.initialise(new Float32Array(structure.layout.length), new Rng(4));
    model.xScaler_ = { mean: [0, 0, 0], std: [1, 1, 1] };
    model.zScaler_ = { mean: [0], std: [1] };
    const rows = 2 * PREDICT_BLOCK_ROWS + 300, d = data(rows, 10);
    const full = model.predict({ data: d.dense!, rows, cols: 3 });
    for (const from of [0, PREDICT_BLOCK_ROWS - 1, PREDICT_BLOCK_ROWS, rows - 5]) {
      const one = model.predict({ data: d.dense!.subarray(3 * from, 3 * from + 3), rows: 1, cols: 3 });
      for (const key of ['zHat', 'sigma', 'covariance'] as const) expect(full[key][from]).toBe(one[key][0]);
    }
  });

  it.each(FAST_BACKENDS)("PredictPool.predict(x, rows, argmax) with backend '%s' on 2 threads gives Replica.predict's outputs with backend 'js' to 1e-5 of their scale", async (backend) => {
    const structure = buildStructure(spec);
    const params = structure.layout.initialise(new Float32Array(structure.layout.length), new Rng(4));
    const d = data(20_000, 9);
    // chunks of 4096 rows: five chunks, the last one partial, split between two replicas
    const pool = await PredictPool.create(spec, backend, params, 2, 4096);
    try {
      for (const argmax of [false, true]) {
        const fast = pool.predict(d.dense!, d.n, argmax);
        const replica = new Replica(jsKernels, structure, params, new Float32Array(params.length), { maxRows: d.n, maxParticles: 0 });
        const plain = replica.predict({ rows: d.n, dense: d.dense }, argmax);
        for (const key of ['zHat', 'b', 'd', 'cRaw'] as const) {
          expect(fast[key]).toHaveLength(plain[key].length);
          let worst = 0, scale = 0;
          for (let i = 0; i < plain[key].length; i++) {
            worst = Math.max(worst, Math.abs(fast[key][i]! - plain[key][i]!));
            scale = Math.max(scale, Math.abs(plain[key][i]!));
          }
          // float32 sums of 64 products in another order (and FMA): ~1e-7 of the outputs' scale
          expect(worst).toBeLessThanOrEqual(1e-5 * scale);
        }
      }
    } finally {
      await pool.close();
    }
  }, 60_000);
});
