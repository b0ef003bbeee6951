import type { Worker } from 'node:worker_threads';
import { startWorker } from '../engine/workers.js';
import type { ModelSpec } from '../ansatz/structure.js';
import { triangleSize } from '../ansatz/quadratic.js';
import { loadKernels, type BackendName } from '../engine/backend.js';
import type { Kernels } from '../engine/kernels.js';
import { toShared, type SharedData } from './data.js';
import { Command, CONTROL_SLOTS, ERROR_BYTES, Slot, SPIN_ITERATIONS, type SharedBuffers, type WorkerInit } from './protocol.js';
import { ReplicaHost } from './replicaHost.js';

/** How long one batch slice may take before the pool gives up on a worker. */
const WORKER_TIMEOUT_MS = 600_000;

interface WorkerHandle {
  worker: Worker;
  control: Int32Array;
  error: Uint8Array;
  /** The worker's gradients: a view of its own (shared) WebAssembly memory when it has one, else WorkerInit.grads. */
  grads: Float32Array;
  result: Float64Array;
  seq: number;
}


/**
 * Data-parallel replicas: the main thread plus `threads − 1` workers, each computing the
 * forward/backward of a contiguous slice of every batch. The loss couples the whole batch, so a
 * step is two phases (forward → loss on the main thread → backward); gradients are summed in a
 * fixed order, so results depend on the seed, the data and the thread count only.
 */
export class ReplicaPool {
  readonly shared: SharedBuffers;
  /** The summed gradient after `backward`/`pretrain` (the main replica's buffer, in `kernels`' memory). */
  readonly grads: Float32Array;
  /** The main thread's backend: Adam and optimiser state should use it (no copies into its memory). */
  readonly kernels: Kernels;
  readonly kernelsName: string;
  /** False when the last summed gradient holds a NaN or ±Inf. */
  gradientsFinite = true;
  private readonly local: ReplicaHost;
  private readonly workers: WorkerHandle[] = [];
  private slices: [number, number][] = [];

  private constructor(spec: ModelSpec, backend: BackendName, data: SharedData, nParams: number, readonly maxBatch: number, readonly threads: number, maxParticles: number) {
    const f64 = (n: number): Float64Array => new Float64Array(new SharedArrayBuffer(8 * n));
    const i32 = (n: number): Int32Array => new Int32Array(new SharedArrayBuffer(4 * n));
    const f32 = (n: number): Float32Array => new Float32Array(new SharedArrayBuffer(4 * n));
    this.kernels = loadKernels(backend);
    // In the main backend's memory when that is shared (WebAssembly): the main replica and Adam then use it in place.
    const inKernels = this.kernels.alloc(nParams);
    const paramsShared = inKernels.buffer instanceof SharedArrayBuffer;
    this.shared = {
      params: paramsShared ? inKernels : new Float32Array(new SharedArrayBuffer(4 * nParams)),
      indices: i32(maxBatch), margIndices: i32(maxBatch),
      tJoint: f64(maxBatch), tMarg: f64(maxBatch), gJoint: f64(maxBatch), gMarg: f64(maxBatch),
      rowFactor: f64(maxBatch), scalars: f64(4),
      cursor: i32(1),
      prediction: { zHat: f32(maxBatch * spec.zDim), b: f32(maxBatch * spec.zDim), d: f32(maxBatch * spec.zDim), cRaw: f32(maxBatch * triangleSize(spec.zDim)) },
    };
    const perReplica = Math.ceil(maxBatch / threads);
    this.local = new ReplicaHost(spec, this.kernels, data, this.shared, perReplica, maxParticles, paramsShared);
    this.kernelsName = this.local.kernelsName;
    this.grads = this.local.grads;
    for (let w = 1; w < threads; w++) {
      const init: WorkerInit = {
        spec, backend, data, shared: this.shared,
        control: i32(CONTROL_SLOTS), error: new Uint8Array(new SharedArrayBuffer(ERROR_BYTES)),
        grads: new Float32Array(new SharedArrayBuffer(4 * nParams)), result: f64(1),
        maxRows: perReplica, maxParticles,
      };
      const worker = startWorker(import.meta.url, 'worker', init);
      worker.unref();
      this.workers.push({ worker, control: init.control, error: init.error, grads: init.grads, result: init.result, seq: 0 });
    }
  }

  /**
   * Starts a pool. `data` is moved into shared memory here (arrays already there are used in place). `maxParticles` bounds the particles
   * of one replica's slice (clouds only).
   */
  static async create(spec: ModelSpec, backend: BackendName, data: SharedData, nParams: number, maxBatch: number, threads: number, maxParticles = 0): Promise<ReplicaPool> {
    const sharedData: SharedData = {
      ...data,
      dense: data.dense && toShared(data.dense),
      particles: data.particles && toShared(data.particles),
      offsets: data.offsets && toShared(data.offsets),
      z: toShared(data.z),
      weights: data.weights && toShared(data.weights),
    };
    const pool = new ReplicaPool(spec, backend, sharedData, nParams, maxBatch, Math.max(1, threads), maxParticles);
    await Promise.all(pool.workers.map((h) => new Promise<void>((resolve, reject) => {
      h.worker.once('message', (m: { ready: boolean; error?: string; grads?: Float32Array }) => {
        if (!m.ready) return reject(new Error(`replica worker failed to start: ${m.error}`));
        if (m.grads) h.grads = m.grads;
        resolve();
      });
      h.worker.once('error', reject);
    })));
    return pool;
  }

  /** Splits a batch of `rows` rows into one contiguous slice per replica. */
  private split(rows: number): void {
    const k = this.threads, base = Math.floor(rows / k), extra = rows % k;
    this.slices = [];
    let s = 0;
    for (let r = 0; r < k; r++) {
      const len = base + (r < extra ? 1 : 0);
      this.slices.push([s, s + len]);
      s += len;
    }
  }

  private dispatch(cmd: number): void {
    this.workers.forEach((h, w) => {
      const [start, end] = this.slices[w + 1]!;
      h.control[Slot.cmd] = cmd;
      h.control[Slot.start] = start;
      h.control[Slot.end] = end;
      h.seq++;
      Atomics.store(h.control, Slot.seq, h.seq);
      Atomics.notify(h.control, Slot.seq);
    });
  }

  private join(): void {
    for (const h of this.workers) {
      // Bounded waits: Node 20 was seen to lose a notify about once in 10⁵ waits (a
      // stress test of this exact protocol hung with done === seq), so never rely on one.
      for (let spin = 0; spin < SPIN_ITERATIONS && Atomics.load(h.control, Slot.done) !== h.seq; spin++);
      const started = performance.now();
      while (Atomics.load(h.control, Slot.done) !== h.seq) {
        Atomics.wait(h.control, Slot.done, Atomics.load(h.control, Slot.done), 2);
        if (performance.now() - started > WORKER_TIMEOUT_MS) throw new Error(`a replica worker did not answer within ${WORKER_TIMEOUT_MS / 1000} s`);
      }
      if (Atomics.load(h.control, Slot.failed)) {
        const text = new TextDecoder().decode(h.error.slice()).replace(/\0+$/, '');
        throw new Error(`a replica worker failed: ${text}`);
      }
    }
  }

  /** Forward pass over `rows` rows of shared.indices / shared.margIndices; fills shared.tJoint/tMarg. */
  forward(rows: number): void {
    this.split(rows);
    this.dispatch(Command.forward);
    this.local.forward(...this.slices[0]!);
    this.join();
  }

  /** Backward pass from shared.gJoint/gMarg/rowFactor; sums the gradients into `this.grads`. */
  backward(): void {
    this.dispatch(Command.backward);
    this.local.backward(...this.slices[0]!);
    this.join();
    this.sumGradients();
  }

  /**
   * Inference on rows shared.indices[0..rows): fills shared.prediction (ẑ by argmax of T, or B).
   * Rows are not split in fixed slices: each thread claims the next block from shared.cursor,
   * so a core taken by another process slows the call down by its own share only.
   */
  predict(rows: number, argmax: boolean): void {
    this.shared.scalars[1] = argmax ? 1 : 0;
    Atomics.store(this.shared.cursor, 0, 0);
    this.slices = Array.from({ length: this.threads }, () => [0, rows] as [number, number]);
    this.dispatch(Command.predict);
    this.local.predict(0, rows);
    this.join();
  }

  /** MSE pre-training step on `rows` rows (shared.rowFactor holds w_r/Σw); returns the loss. */
  pretrain(rows: number, c0: number): number {
    this.shared.scalars[0] = c0;
    this.split(rows);
    this.dispatch(Command.pretrain);
    let loss = this.local.pretrain(...this.slices[0]!);
    this.join();
    for (const h of this.workers) loss += h.result[0]!;
    this.sumGradients();
    return loss;
  }

  /** Adds the workers' gradients to the main replica's, in worker order, and checks that all are finite. */
  private sumGradients(): void {
    const sum = this.grads;
    let bad = 0;
    if (this.workers.length === 0) for (let i = 0; i < sum.length; i++) bad += sum[i]! - sum[i]!;
    for (let w = 0; w < this.workers.length; w++) {
      const g = this.workers[w]!.grads, last = w === this.workers.length - 1;
      for (let i = 0; i < sum.length; i++) {
        const s = Math.fround(sum[i]! + g[i]!);
        sum[i] = s;
        if (last) bad += s - s; // NaN for NaN or ±Inf
      }
    }
    this.gradientsFinite = bad === 0;
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    for (const h of this.workers) {
      h.control[Slot.cmd] = Command.stop;
      h.seq++;
      Atomics.store(h.control, Slot.seq, h.seq);
      Atomics.notify(h.control, Slot.seq);
    }
    await Promise.all(this.workers.map((h) => h.worker.terminate()));
  }
}
