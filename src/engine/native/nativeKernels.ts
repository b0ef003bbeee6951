import type { Activation, AdamStep, GemmOptions, Kernels } from '../kernels.js';
import { activationCode, checkDims, checkLength, GEMM_ACCUMULATE, GEMM_TRANS_A, GEMM_TRANS_B } from '../kernelArgs.js';

/** The functions of native/kernels.c (each array is read in place: no copies). */
export interface NativeAddon {
  /** Whether this CPU has the instructions the kernels were compiled for (AVX2 and FMA). */
  readonly supported: boolean;
  gemm(m: number, n: number, k: number, a: Float32Array, b: Float32Array, c: Float32Array, flags: number): void;
  denseForward(x: Float32Array, w: Float32Array, b: Float32Array, y: Float32Array, rows: number, inDim: number, outDim: number, act: number): void;
  denseBackward(
    x: Float32Array, w: Float32Array, y: Float32Array, dy: Float32Array, dw: Float32Array, db: Float32Array, dx: Float32Array | null,
    rows: number, inDim: number, outDim: number, act: number,
  ): void;
  adam(
    params: Float32Array, grads: Float32Array, m: Float32Array, v: Float32Array, stepSize: number, invSqrtC2: number,
    beta1: number, oneMinusBeta1: number, beta2: number, oneMinusBeta2: number, eps: number, l2x2: number,
  ): void;
}

/** The simulator's functions of the addon (native/hugepages.c, native/antikt.c); plain x86-64, no AVX2. */
export interface NativeSimAddon {
  /**
   * Asks for transparent huge pages (fewer page faults on first write) for the whole 2 MiB pages
   * inside `buffer`; returns the byte offset of the first one.
   */
  adviseHugePages(buffer: ArrayBuffer): number;
  /**
   * Anti-kT clustering of n particles (src/sim/antikt.ts lays out the work arrays: `antiKtF64Fields`
   * and `antiKtI32Fields` fields of `cap` elements each); returns the number of jets.
   */
  antiKt(f64: Float64Array, i32: Int32Array, cap: number, n: number, nGroups: number, invR2: number): number;
  readonly antiKtF64Fields: number;
  readonly antiKtI32Fields: number;
}

/**
 * The `Kernels` of the native addon. Arrays are ordinary Float32Arrays on a SharedArrayBuffer, so
 * worker threads can share them (the training pool shares its parameters that way).
 */
export function nativeKernels(addon: NativeAddon): Kernels {
  return {
    name: 'native-avx2',
    alloc: (length) => new Float32Array(new SharedArrayBuffer(4 * length)),

    gemm(m: number, n: number, k: number, a: Float32Array, b: Float32Array, c: Float32Array, opts: GemmOptions = {}): Float32Array {
      checkDims({ m, n, k });
      checkLength('a', a, m * k);
      checkLength('b', b, k * n);
      checkLength('c', c, m * n);
      const { transA = false, transB = false, accumulate = false } = opts;
      addon.gemm(m, n, k, a, b, c, (transA ? GEMM_TRANS_A : 0) | (transB ? GEMM_TRANS_B : 0) | (accumulate ? GEMM_ACCUMULATE : 0));
      return c;
    },

    denseForward(x: Float32Array, w: Float32Array, b: Float32Array, y: Float32Array, rows: number, inDim: number, outDim: number, act: Activation): Float32Array {
      checkDims({ rows, inDim, outDim });
      const code = activationCode(act);
      checkLength('x', x, rows * inDim);
      checkLength('w', w, inDim * outDim);
      checkLength('b', b, outDim);
      checkLength('y', y, rows * outDim);
      addon.denseForward(x, w, b, y, rows, inDim, outDim, code);
      return y;
    },

    denseBackward(x, w, y, dy, dw, db, dx, rows, inDim, outDim, act): void {
      checkDims({ rows, inDim, outDim });
      const code = activationCode(act);
      checkLength('x', x, rows * inDim);
      checkLength('w', w, inDim * outDim);
      checkLength('y', y, rows * outDim);
      checkLength('dy', dy, rows * outDim);
      checkLength('dw', dw, inDim * outDim);
      checkLength('db', db, outDim);
      if (dx) checkLength('dx', dx, rows * inDim);
      addon.denseBackward(x, w, y, dy, dw, db, dx, rows, inDim, outDim, code);
    },

    adam(params: Float32Array, grads: Float32Array, m: Float32Array, v: Float32Array, o: AdamStep): void {
      const length = params.length;
      checkLength('grads', grads, length);
      checkLength('m', m, length);
      checkLength('v', v, length);
      const c1 = 1 - Math.pow(o.beta1, o.step);
      const c2 = 1 - Math.pow(o.beta2, o.step);
      addon.adam(params, grads, m, v, o.lr / c1, 1 / Math.sqrt(c2), o.beta1, 1 - o.beta1, o.beta2, 1 - o.beta2, o.eps, 2 * o.l2);
    },
  };
}
