import type { Rng } from '../engine/rng.js';

/** A slice of the flat parameter vector: where one weight matrix or bias lives. */
export interface ParamSlice {
  offset: number;
  length: number;
}

/**
 * Hands out consecutive slices of one flat parameter vector, so that the optimiser, the
 * gradient reduction between threads and the model file all work on a single Float32Array.
 */
export class ParamLayout {
  private size = 0;
  readonly slices: { name: string; slice: ParamSlice; init: 'glorot' | 'zeros'; fanIn: number; fanOut: number }[] = [];

  /** Reserves `fanIn × fanOut` weights (Glorot-uniform initialised) or `fanOut` biases (zeros). */
  reserve(name: string, fanIn: number, fanOut: number, init: 'glorot' | 'zeros'): ParamSlice {
    const length = init === 'glorot' ? fanIn * fanOut : fanOut;
    const slice = { offset: this.size, length };
    this.size += length;
    this.slices.push({ name, slice, init, fanIn, fanOut });
    return slice;
  }

  get length(): number {
    return this.size;
  }

  /** Fills `params` with Glorot-uniform weights, limit sqrt(6 / (fanIn + fanOut)), and zero biases (Keras's defaults). */
  initialise(params: Float32Array, rng: Rng): Float32Array {
    for (const { slice, init, fanIn, fanOut } of this.slices) {
      const view = params.subarray(slice.offset, slice.offset + slice.length);
      if (init === 'zeros') view.fill(0);
      else {
        const limit = Math.sqrt(6 / (fanIn + fanOut));
        for (let i = 0; i < view.length; i++) view[i] = (2 * rng.uniform() - 1) * limit;
      }
    }
    return params;
  }
}

/** The view of `slice` in a flat vector. */
export function view(flat: Float32Array, slice: ParamSlice): Float32Array {
  return flat.subarray(slice.offset, slice.offset + slice.length);
}
