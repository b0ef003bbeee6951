import type { Activation, AdamStep, GemmOptions, Kernels } from '../kernels.js';
import { WasmArena } from './arena.js';
import { bindOperands, type Operand } from './operands.js';
import type { WasmInstance } from './wasmApi.js';
import { activationCode, checkDims, GEMM_ACCUMULATE, GEMM_TRANS_A, GEMM_TRANS_B } from '../kernelArgs.js';

/** The functions exported by kernels/*.c (addresses are byte offsets into the memory). */
interface KernelExports {
  gemm(m: number, n: number, k: number, a: number, b: number, c: number, flags: number, scratch: number): void;
  scratch_floats(n: number): number;
  dense_forward(x: number, w: number, bias: number, y: number, rows: number, inDim: number, outDim: number, act: number, scratch: number): void;
  dense_backward(
    x: number, w: number, y: number, dy: number, dw: number, db: number, dx: number,
    rows: number, inDim: number, outDim: number, act: number, scratch: number,
  ): void;
  adam(
    params: number, grads: number, m: number, v: number, length: number, stepSize: number, invSqrtC2: number,
    beta1: number, oneMinusBeta1: number, beta2: number, oneMinusBeta2: number, eps: number, l2x2: number,
  ): void;
}

const input = (name: string, array: Float32Array, length: number): Operand => ({ name, array, length, read: true, written: false });
const output = (name: string, array: Float32Array, length: number, read: boolean): Operand => ({ name, array, length, read, written: true });

/**
 * The `Kernels` of one instance of the compiled module (its own memory and allocator). `name`
 * says which build runs: 'wasm-simd-fma' or 'wasm-simd'.
 */
export function wasmKernels(name: string, instance: WasmInstance, arena: WasmArena): Kernels {
  const x = instance.exports as unknown as KernelExports;
  return {
    name,
    alloc: (length) => arena.alloc(length),

    gemm(m: number, n: number, k: number, a: Float32Array, b: Float32Array, c: Float32Array, opts: GemmOptions = {}): Float32Array {
      checkDims({ m, n, k });
      const { transA = false, transB = false, accumulate = false } = opts;
      const bound = bindOperands(arena, x.scratch_floats(n), [
        input('a', a, m * k), input('b', b, k * n), output('c', c, m * n, accumulate),
      ]);
      const [pa, pb, pc] = bound.addresses;
      const flags = (transA ? GEMM_TRANS_A : 0) | (transB ? GEMM_TRANS_B : 0) | (accumulate ? GEMM_ACCUMULATE : 0);
      x.gemm(m, n, k, pa!, pb!, pc!, flags, bound.scratchAt);
      bound.release();
      return c;
    },

    denseForward(xs: Float32Array, w: Float32Array, b: Float32Array, y: Float32Array, rows: number, inDim: number, outDim: number, act: Activation): Float32Array {
      checkDims({ rows, inDim, outDim });
      const code = activationCode(act);
      const bound = bindOperands(arena, x.scratch_floats(outDim), [
        input('x', xs, rows * inDim), input('w', w, inDim * outDim), input('b', b, outDim), output('y', y, rows * outDim, false),
      ]);
      const [px, pw, pb, py] = bound.addresses;
      x.dense_forward(px!, pw!, pb!, py!, rows, inDim, outDim, code, bound.scratchAt);
      bound.release();
      return y;
    },

    denseBackward(xs, w, y, dy, dw, db, dx, rows, inDim, outDim, act): void {
      checkDims({ rows, inDim, outDim });
      const code = activationCode(act);
      const operands = [
        input('x', xs, rows * inDim), input('w', w, inDim * outDim), input('y', y, rows * outDim),
        output('dy', dy, rows * outDim, true), output('dw', dw, inDim * outDim, true), output('db', db, outDim, true),
      ];
      if (dx) operands.push(output('dx', dx, rows * inDim, false));
      const bound = bindOperands(arena, x.scratch_floats(Math.max(inDim, outDim)), operands);
      const [px, pw, py, pdy, pdw, pdb, pdx] = bound.addresses;
      x.dense_backward(px!, pw!, py!, pdy!, pdw!, pdb!, dx ? pdx! : 0, rows, inDim, outDim, code, bound.scratchAt);
      bound.release();
    },

    adam(params: Float32Array, grads: Float32Array, m: Float32Array, v: Float32Array, o: AdamStep): void {
      const length = params.length;
      const bound = bindOperands(arena, 0, [
        output('params', params, length, true), input('grads', grads, length), output('m', m, length, true), output('v', v, length, true),
      ]);
      const [pp, pg, pm, pv] = bound.addresses;
      const c1 = 1 - Math.pow(o.beta1, o.step);
      const c2 = 1 - Math.pow(o.beta2, o.step);
      x.adam(pp!, pg!, pm!, pv!, length, o.lr / c1, 1 / Math.sqrt(c2), o.beta1, 1 - o.beta1, o.beta2, 1 - o.beta2, o.eps, 2 * o.l2);
      bound.release();
    },
  };
}
