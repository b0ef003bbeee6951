import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';
import { jsKernels } from '../../src/engine/jsKernels.js';
import type { Kernels } from '../../src/engine/kernels.js';
import { COMPILED_BACKENDS } from './compiledBackends.js';

const randomArray = (rng: Rng, length: number): Float32Array => Float32Array.from({ length }, () => rng.uniformIn(-1, 1));

/**
 * |actual − expected| ≤ rel·scale elementwise, where scale = Σ_p |a||b| (the JS result on absolute
 * values): float32 dot products of length k err by at most ≈ k·6e-8 of that sum, and in practice by
 * ≈ √k·6e-8, so rel = 1e-5 holds for every k used here (≤ 600) while a wrong element or a missed
 * term is off by O(scale).
 */
function expectClose(actual: Float32Array, expected: Float32Array, scale: Float32Array, rel: number, length: number): void {
  for (let i = 0; i < length; i++) {
    const tol = rel * (scale[i]! + 1e-6);
    if (!(Math.abs(actual[i]! - expected[i]!) <= tol)) {
      expect.fail(`element ${i}: ${actual[i]} vs ${expected[i]} (tolerance ${tol})`);
    }
  }
}

const abs = (a: Float32Array): Float32Array => a.map(Math.abs);

for (const backend of COMPILED_BACKENDS) {
  describe.skipIf(!backend.kernels)(`gemm (${backend.label})`, () => {
    const k = backend.kernels as Kernels;
    it('says which kernels run', () => {
      expect(k.name).toMatch(backend.name);
    });
    const dims = [1, 3, 4, 5, 8, 9, 13];
    const depths = [1, 2, 7, 64, 300];

    it('gemm(m, n, k, a, b, c, {transA, transB, accumulate}) matches jsKernels for odd shapes and all flag combinations', () => {
      const rng = new Rng(7);
      for (const m of dims) for (const n of [...dims, 50]) for (const depth of depths) {
        for (let flags = 0; flags < 8; flags++) {
          const opts = { transA: (flags & 1) !== 0, transB: (flags & 2) !== 0, accumulate: (flags & 4) !== 0 };
          const a = randomArray(rng, m * depth), b = randomArray(rng, depth * n), c0 = randomArray(rng, m * n);
          const expected = jsKernels.gemm(m, n, depth, a, b, c0.slice(), opts);
          const scale = jsKernels.gemm(m, n, depth, abs(a), abs(b), abs(c0), opts);
          const foreign = k.gemm(m, n, depth, a, b, c0.slice(), opts);
          expectClose(foreign, expected, scale, 1e-5, m * n);
          // The same through arrays from alloc (no copies).
          const [ax, bx, cx] = [k.alloc(a.length), k.alloc(b.length), k.alloc(c0.length)];
          ax.set(a), bx.set(b), cx.set(c0);
          expectClose(k.gemm(m, n, depth, ax, bx, cx, opts), expected, scale, 1e-5, m * n);
        }
      }
    });

    it('gemm(m, n, k, a, b, c) is exact on small integers (every term counted once)', () => {
      const rng = new Rng(3);
      const [m, n, depth] = [11, 19, 37];
      const a = Float32Array.from({ length: m * depth }, () => rng.int(7) - 3);
      const b = Float32Array.from({ length: depth * n }, () => rng.int(7) - 3);
      for (const opts of [{}, { transA: true }, { transB: true }, { transA: true, transB: true }]) {
        expect(Array.from(k.gemm(m, n, depth, a, b, new Float32Array(m * n), opts))).toEqual(
          Array.from(jsKernels.gemm(m, n, depth, a, b, new Float32Array(m * n), opts)));
      }
    });

    it('gemm(2048, 64, 64) and gemm(64, 64, 2048, {transA}) (the training shapes) match jsKernels', () => {
      const rng = new Rng(11);
      for (const [m, n, depth, transA] of [[2048, 64, 64, false], [64, 64, 2048, true], [2048, 1, 64, false], [64, 1, 2048, true]] as const) {
        const a = randomArray(rng, m * depth), b = randomArray(rng, depth * n);
        const expected = jsKernels.gemm(m, n, depth, a, b, new Float32Array(m * n), { transA });
        const scale = jsKernels.gemm(m, n, depth, abs(a), abs(b), new Float32Array(m * n), { transA });
        expectClose(k.gemm(m, n, depth, a, b, new Float32Array(m * n), { transA }), expected, scale, 1e-5, m * n);
      }
    });

    it('gemm(m, n, k, a, b, c) leaves c past m·n untouched and throws on a short array', () => {
      const c = new Float32Array(20).fill(5);
      k.gemm(3, 4, 2, new Float32Array(6).fill(1), new Float32Array(8).fill(1), c);
      expect(Array.from(c.subarray(0, 12))).toEqual(new Array(12).fill(2));
      expect(Array.from(c.subarray(12))).toEqual(new Array(8).fill(5));
      expect(() => k.gemm(3, 4, 2, new Float32Array(5), new Float32Array(8), c)).toThrow(/a array must hold at least 6 floats/);
    });
  });
}
