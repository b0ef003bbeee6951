/**
 * The one small interface every compute backend implements. The model, the architectures and
 * training call only these functions; a backend (plain JavaScript, WebAssembly SIMD, …) plugs
 * in by implementing them. All matrices are row-major Float32Arrays.
 *
 * Buffers that a backend's kernels read or write should come from its `alloc`, so that a
 * backend with its own memory (WebAssembly) can work on them without copies. Arrays allocated
 * elsewhere must still work (a backend may copy them in and out).
 */
export type Activation = 'linear' | 'relu' | 'leakyRelu' | 'softplus';

/** The negative-side slope of `leakyRelu`. */
export const LEAKY_SLOPE = 0.01;

export interface Kernels {
  /** Which implementation ran, for logs and benchmarks: 'js', 'wasm-simd', 'wasm-simd-fma', … */
  readonly name: string;

  /** A zero-filled array of `length` floats that stays valid for the lifetime of this backend. */
  alloc(length: number): Float32Array;

  /**
   * c (m×n) = op(a)·op(b), or c += op(a)·op(b) with `accumulate`. op(a) is m×k: `a` is stored
   * m×k, or k×m with `transA`. op(b) is k×n: `b` is stored k×n, or n×k with `transB`.
   * Returns `c`.
   */
  gemm(m: number, n: number, k: number, a: Float32Array, b: Float32Array, c: Float32Array, opts?: GemmOptions): Float32Array;

  /**
   * Dense layer forward, fused: y (rows×outDim) = act(x (rows×inDim) · w (inDim×outDim) + b).
   * Returns `y`.
   */
  denseForward(x: Float32Array, w: Float32Array, b: Float32Array, y: Float32Array, rows: number, inDim: number, outDim: number, act: Activation): Float32Array;

  /**
   * Dense layer backward. `y` is the forward output (after the activation), `dy` the gradient of
   * the loss with respect to it; `dy` is overwritten with the gradient with respect to the
   * pre-activation. Then dw += xᵀ·dy, db += Σ_rows dy, and, when `dx` is given,
   * dx (rows×inDim) = dy·wᵀ (overwritten, not accumulated).
   */
  denseBackward(
    x: Float32Array, w: Float32Array, y: Float32Array, dy: Float32Array,
    dw: Float32Array, db: Float32Array, dx: Float32Array | null,
    rows: number, inDim: number, outDim: number, act: Activation,
  ): void;

  /**
   * One Adam step over a flat parameter vector (Kingma & Ba, arXiv:1412.6980), with L2
   * regularisation `l2`·Σw² added to the loss (so the gradient gets 2·l2·w). `step` counts from 1.
   */
  adam(params: Float32Array, grads: Float32Array, m: Float32Array, v: Float32Array, opts: AdamStep): void;
}

export interface GemmOptions {
  transA?: boolean;
  transB?: boolean;
  accumulate?: boolean;
}

export interface AdamStep {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  step: number;
  l2: number;
}

/** The derivative of `act` expressed through its output y (possible for all four activations). */
export function activationDerivativeFromOutput(act: Activation, y: number): number {
  switch (act) {
    case 'linear':
      return 1;
    case 'relu':
      return y > 0 ? 1 : 0;
    case 'leakyRelu':
      return y > 0 ? 1 : LEAKY_SLOPE;
    case 'softplus':
      // y = log(1 + e^u) ⇒ dy/du = sigmoid(u) = 1 − e^(−y)
      return -Math.expm1(-y);
  }
}
