import '../archs/index.js'; // registers the particle-cloud architectures in this thread
import { buildStructure } from '../ansatz/structure.js';
import { PREDICT_BLOCK_ROWS, Replica } from '../ansatz/replica.js';
import type { Kernels } from '../engine/kernels.js';
import type { ModelSpec } from '../ansatz/structure.js';
import { allocGatherBuffers, gather, type GatherBuffers, type SharedData } from './data.js';
import type { SharedBuffers } from './protocol.js';

/**
 * A replica together with its gather buffers and its own copies of parameters and gradients
 * (in its backend's memory). The same class serves the main thread and each worker.
 */
export class ReplicaHost {
  readonly replica: Replica;
  readonly params: Float32Array;
  readonly grads: Float32Array;
  readonly kernelsName: string;
  private readonly buffers: GatherBuffers;

  /** With `sharedParams`, the replica reads shared.params in place (it must live in `kernels`' memory). */
  constructor(spec: ModelSpec, kernels: Kernels, private readonly data: SharedData, private readonly shared: SharedBuffers, maxRows: number, maxParticles: number, sharedParams = false) {
    this.kernelsName = kernels.name;
    const structure = buildStructure(spec);
    this.params = sharedParams ? shared.params : kernels.alloc(structure.layout.length);
    this.grads = kernels.alloc(structure.layout.length);
    this.replica = new Replica(kernels, structure, this.params, this.grads, { maxRows, maxParticles });
    this.buffers = allocGatherBuffers(data, maxRows, maxParticles, kernels.alloc);
  }

  /** Forward on batch rows [start, end): pulls the current parameters, writes T into the shared arrays. */
  forward(start: number, end: number): void {
    if (this.params !== this.shared.params) this.params.set(this.shared.params);
    const batch = gather(this.data, this.buffers, this.shared.indices, start, end, this.shared.margIndices);
    this.replica.forward(batch, this.buffers.z, this.buffers.zMarg);
    const rows = end - start;
    this.shared.tJoint.set(this.replica.tJoint.subarray(0, rows), start);
    this.shared.tMarg.set(this.replica.tMarg.subarray(0, rows), start);
  }

  /** Backward for the rows of the last forward; gradients land in `this.grads` (overwritten). */
  backward(start: number, end: number): void {
    this.grads.fill(0);
    const s = this.shared;
    this.replica.backward(s.gJoint.subarray(start, end), s.gMarg.subarray(start, end), s.rowFactor.subarray(start, end));
  }

  /**
   * Inference into shared.prediction (ẑ by argmax when shared.scalars[1] is 1) on blocks of
   * batch rows in [start, end) claimed from shared.cursor, until every row is claimed.
   */
  predict(start: number, end: number): void {
    if (this.params !== this.shared.params) this.params.set(this.shared.params);
    const argmax = this.shared.scalars[1] === 1, out = this.shared.prediction, n = this.data.zDim;
    for (;;) {
      const from = start + Atomics.add(this.shared.cursor, 0, PREDICT_BLOCK_ROWS);
      if (from >= end) return;
      const batch = gather(this.data, this.buffers, this.shared.indices, from, Math.min(end, from + PREDICT_BLOCK_ROWS));
      const p = this.replica.predict(batch, argmax);
      const nTri = p.cRaw.length / batch.rows;
      out.zHat.set(p.zHat, from * n);
      out.b.set(p.b, from * n);
      out.d.set(p.d, from * n);
      out.cRaw.set(p.cRaw, from * nTri);
    }
  }

  /** One MSE pre-training forward+backward on rows [start, end); returns the weighted loss part. */
  pretrain(start: number, end: number): number {
    if (this.params !== this.shared.params) this.params.set(this.shared.params);
    this.grads.fill(0);
    const batch = gather(this.data, this.buffers, this.shared.indices, start, end);
    return this.replica.pretrain(batch, this.buffers.z, this.shared.rowFactor.subarray(start, end), this.shared.scalars[0]!);
  }
}
