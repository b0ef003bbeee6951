import type { FeatureBatch } from '../archs/types.js';

/**
 * Training data after standardisation, in shared memory so that worker threads read it without
 * copies. Dense features (n × xDim) or a particle cloud (particles + offsets).
 */
export interface SharedData {
  n: number;
  xDim: number;
  zDim: number;
  dense?: Float32Array;
  particles?: Float32Array;
  offsets?: Int32Array;
  z: Float32Array;
  /** Per-row weights, or undefined for unit weights. */
  weights?: Float64Array;
}

/** A SharedArrayBuffer-backed copy of a typed array (the array itself when it already is). */
export function toShared<T extends Float32Array | Float64Array | Int32Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const Ctor = a.constructor as { new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number };
  const out = new Ctor(new SharedArrayBuffer(a.length * Ctor.BYTES_PER_ELEMENT));
  out.set(a as never);
  return out;
}

/** Per-replica gather buffers, sized for the largest slice. */
export interface GatherBuffers {
  dense?: Float32Array;
  particles?: Float32Array;
  offsets?: Int32Array;
  z: Float32Array;
  zMarg: Float32Array;
}

export function allocGatherBuffers(data: SharedData, maxRows: number, maxParticles: number, alloc: (n: number) => Float32Array): GatherBuffers {
  return {
    dense: data.dense ? alloc(maxRows * data.xDim) : undefined,
    particles: data.particles ? alloc(maxParticles * data.xDim) : undefined,
    offsets: data.offsets ? new Int32Array(maxRows + 1) : undefined,
    z: alloc(maxRows * data.zDim),
    zMarg: alloc(maxRows * data.zDim),
  };
}

/** The number of particles in the rows `indices` (for sizing buffers). */
export function particleCount(data: SharedData, indices: ArrayLike<number>, start = 0, end = indices.length): number {
  if (!data.offsets) return 0;
  let total = 0;
  for (let i = start; i < end; i++) total += data.offsets[indices[i]! + 1]! - data.offsets[indices[i]!]!;
  return total;
}

/**
 * Gathers rows indices[start..end) into `buf`, with zMarg from rows margIndices[start..end)
 * when given. Returns the feature batch view.
 */
export function gather(data: SharedData, buf: GatherBuffers, indices: ArrayLike<number>, start: number, end: number, margIndices?: ArrayLike<number>): FeatureBatch {
  const rows = end - start, xd = data.xDim, zd = data.zDim;
  for (let r = 0; r < rows; r++) {
    const i = indices[start + r]!;
    if (data.dense) for (let k = 0; k < xd; k++) buf.dense![r * xd + k] = data.dense[i * xd + k]!;
    for (let k = 0; k < zd; k++) buf.z[r * zd + k] = data.z[i * zd + k]!;
    if (margIndices) {
      const j = margIndices[start + r]!;
      for (let k = 0; k < zd; k++) buf.zMarg[r * zd + k] = data.z[j * zd + k]!;
    }
  }
  const batch: FeatureBatch = { rows };
  if (data.dense) batch.dense = buf.dense;
  if (data.particles && data.offsets) {
    const off = buf.offsets!;
    off[0] = 0;
    for (let r = 0; r < rows; r++) {
      const i = indices[start + r]!;
      const a = data.offsets[i]!, b = data.offsets[i + 1]!;
      buf.particles!.set(data.particles.subarray(a * xd, b * xd), off[r]! * xd);
      off[r + 1] = off[r]! + (b - a);
    }
    batch.particles = buf.particles;
    batch.offsets = off;
  }
  return batch;
}
