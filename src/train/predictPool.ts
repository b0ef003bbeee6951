import type { ModelSpec } from '../ansatz/structure.js';
import { triangleSize } from '../ansatz/quadratic.js';
import type { BackendName } from '../engine/backend.js';
import type { SharedData } from './data.js';
import { ReplicaPool } from './pool.js';
import { availableThreads } from './split.js';

/** Per-row inference outputs in standardised units (see Replica.predict). */
export interface PredictOutputs {
  /** ẑ (rows × N): the argmax of T, or B. */
  zHat: Float32Array;
  b: Float32Array;
  /** D (rows × N); zeros when ẑ = B was asked for. */
  d: Float32Array;
  /** Raw C outputs at (x, ẑ) (rows × N(N+1)/2). */
  cRaw: Float32Array;
}

/**
 * Data-parallel inference for dense features: the rows of each chunk are split between the main
 * thread and `threads − 1` workers (the training replicas' protocol), each running
 * Replica.predict on its slice. Create once per model and reuse: starting workers costs ~0.1 s.
 */
export class PredictPool {
  private constructor(private readonly pool: ReplicaPool, private readonly staging: Float32Array, private readonly spec: ModelSpec, readonly chunkRows: number) {}

  /** `params` are the model's weights; `chunkRows` rows go through the replicas at a time. */
  static async create(spec: ModelSpec, backend: BackendName, params: Float32Array, threads: number | 'auto' = 'auto', chunkRows = 16_384): Promise<PredictPool> {
    if (spec.arch !== 'dnn') throw new RangeError(`PredictPool runs dense-feature models; got architecture "${spec.arch}"`);
    const staging = new Float32Array(new SharedArrayBuffer(4 * chunkRows * spec.xDim));
    const data: SharedData = { n: chunkRows, xDim: spec.xDim, zDim: spec.zDim, dense: staging, z: new Float32Array(new SharedArrayBuffer(4 * chunkRows * spec.zDim)) };
    const n = threads === 'auto' ? availableThreads() : threads;
    const pool = await ReplicaPool.create(spec, backend, data, params.length, chunkRows, n);
    pool.shared.params.set(params);
    for (let r = 0; r < chunkRows; r++) pool.shared.indices[r] = r;
    return new PredictPool(pool, staging, spec, chunkRows);
  }

  /** Which kernels and how many threads run. */
  get path(): string {
    return `${this.pool.kernelsName}, ${this.pool.threads} thread${this.pool.threads > 1 ? 's' : ''}`;
  }

  /** Outputs for `rows` rows of standardised x (rows × xDim); ẑ = argmax of T when `argmax`, else B. */
  predict(x: Float32Array, rows: number, argmax: boolean): PredictOutputs {
    const { xDim, zDim } = this.spec, nTri = triangleSize(zDim), out = this.pool.shared.prediction;
    const res: PredictOutputs = { zHat: new Float32Array(rows * zDim), b: new Float32Array(rows * zDim), d: new Float32Array(rows * zDim), cRaw: new Float32Array(rows * nTri) };
    for (let r0 = 0; r0 < rows; r0 += this.chunkRows) {
      const n = Math.min(this.chunkRows, rows - r0);
      this.staging.set(x.subarray(r0 * xDim, (r0 + n) * xDim));
      this.pool.predict(n, argmax);
      res.zHat.set(out.zHat.subarray(0, n * zDim), r0 * zDim);
      res.b.set(out.b.subarray(0, n * zDim), r0 * zDim);
      res.d.set(out.d.subarray(0, n * zDim), r0 * zDim);
      res.cRaw.set(out.cRaw.subarray(0, n * nTri), r0 * nTri);
    }
    return res;
  }

  /** Stops the workers. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
