import type { ModelSpec } from '../ansatz/structure.js';
import type { BackendName } from '../engine/backend.js';
import type { SharedData } from './data.js';

/** Commands the main thread sends to a replica worker through its shared control block. */
export const Command = { forward: 1, backward: 2, pretrain: 3, stop: 4, predict: 5 } as const;

/** Slots of a worker's control block (Int32Array on a SharedArrayBuffer). */
export const Slot = { seq: 0, done: 1, cmd: 2, start: 3, end: 4, failed: 5 } as const;
export const CONTROL_SLOTS = 8;
export const ERROR_BYTES = 4096;
/** Atomics.load polls before blocking in Atomics.wait: waking a blocked thread costs ~0.05 ms, a step's phases take ~1–5 ms. */
export const SPIN_ITERATIONS = 20_000;

/** Buffers shared by the main thread and every worker, created once per training. */
export interface SharedBuffers {
  params: Float32Array;
  indices: Int32Array;
  margIndices: Int32Array;
  tJoint: Float64Array;
  tMarg: Float64Array;
  gJoint: Float64Array;
  gMarg: Float64Array;
  /** Per row: λ_D-weighted factor of sign(D) (training) or w_r/Σw (pre-training). */
  rowFactor: Float64Array;
  scalars: Float64Array; // [c0, argmax (1) or B (0) for predict]
  /** Next unclaimed row of a predict command: every thread claims blocks of rows from it until none are left. */
  cursor: Int32Array;
  /** Inference outputs per batch row: ẑ and B (rows × zDim), D (rows × zDim), raw C (rows × N(N+1)/2). */
  prediction: { zHat: Float32Array; b: Float32Array; d: Float32Array; cRaw: Float32Array };
}

export interface WorkerInit {
  spec: ModelSpec;
  backend: BackendName;
  data: SharedData;
  shared: SharedBuffers;
  control: Int32Array;
  error: Uint8Array;
  grads: Float32Array;
  /** Pre-training loss of this worker's slice. */
  result: Float64Array;
  maxRows: number;
  maxParticles: number;
}
