import type { Activation, Kernels } from '../engine/kernels.js';
import { ParamLayout, view, type ParamSlice } from './params.js';

/** The shape of a multilayer perceptron: inDim → hidden… → outDim. Keras/EnergyFlow: `Dense` stack. */
export interface MlpSpec {
  inDim: number;
  hidden: number[];
  outDim: number;
  /** Activation of the hidden layers; the last layer is `outAct`. */
  act: Activation;
  outAct: Activation;
}

interface Layer {
  inDim: number;
  outDim: number;
  act: Activation;
  w: ParamSlice;
  b: ParamSlice;
}

/** Reserves the parameters of an MLP in `layout` and returns its layers (shared between replicas). */
export function layoutMlp(layout: ParamLayout, name: string, spec: MlpSpec): Layer[] {
  const dims = [spec.inDim, ...spec.hidden, spec.outDim];
  const layers: Layer[] = [];
  for (let l = 0; l + 1 < dims.length; l++) {
    const inDim = dims[l]!, outDim = dims[l + 1]!;
    layers.push({
      inDim,
      outDim,
      act: l + 2 < dims.length ? spec.act : spec.outAct,
      w: layout.reserve(`${name}.${l}.w`, inDim, outDim, 'glorot'),
      b: layout.reserve(`${name}.${l}.b`, inDim, outDim, 'zeros'),
    });
  }
  return layers;
}

/**
 * One replica's working state of an MLP: activation buffers for up to `maxRows` rows and the
 * views of the shared parameters and of this replica's gradients. `forward` keeps what
 * `backward` needs; `backward` accumulates into the gradient vector.
 */
export class Mlp {
  private readonly outs: Float32Array[];
  private readonly deltas: Float32Array[];
  private input: Float32Array | undefined;
  private rows = 0;

  constructor(
    private readonly kernels: Kernels,
    private readonly layers: Layer[],
    private readonly params: Float32Array,
    private readonly grads: Float32Array,
    readonly maxRows: number,
  ) {
    this.outs = layers.map((l) => kernels.alloc(maxRows * l.outDim));
    this.deltas = layers.map((l) => kernels.alloc(maxRows * l.outDim));
  }

  get inDim(): number {
    return this.layers[0]!.inDim;
  }

  get outDim(): number {
    return this.layers[this.layers.length - 1]!.outDim;
  }

  /** Output (rows × outDim) for `x` (rows × inDim); the returned view is overwritten by the next call. */
  forward(x: Float32Array, rows: number): Float32Array {
    if (rows > this.maxRows) throw new RangeError(`Mlp.forward: ${rows} rows but buffers hold ${this.maxRows}`);
    this.input = x;
    this.rows = rows;
    let h = x;
    for (let l = 0; l < this.layers.length; l++) {
      const L = this.layers[l]!;
      h = this.kernels.denseForward(h, view(this.params, L.w), view(this.params, L.b), this.outs[l]!, rows, L.inDim, L.outDim, L.act);
    }
    return h.subarray(0, rows * this.outDim);
  }

  /** A buffer to write the output gradient into before `backward` (rows × outDim). */
  outputGradient(): Float32Array {
    return this.deltas[this.layers.length - 1]!;
  }

  /**
   * Backpropagates the gradient written into `outputGradient()`; accumulates parameter
   * gradients and, if `dx` is given, writes the gradient with respect to the input into it.
   */
  backward(dx: Float32Array | null): void {
    const x = this.input;
    if (!x) throw new Error('Mlp.backward called before forward');
    for (let l = this.layers.length - 1; l >= 0; l--) {
      const L = this.layers[l]!;
      const below = l > 0 ? this.outs[l - 1]! : x;
      const dBelow = l > 0 ? this.deltas[l - 1]! : dx;
      this.kernels.denseBackward(
        below, view(this.params, L.w), this.outs[l]!, this.deltas[l]!,
        view(this.grads, L.w), view(this.grads, L.b), dBelow,
        this.rows, L.inDim, L.outDim, L.act,
      );
    }
  }
}
