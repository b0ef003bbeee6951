import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadKernels } from '../../src/engine/backend.js';
import { jsKernels } from '../../src/engine/jsKernels.js';
import type { Activation, AdamStep, Kernels } from '../../src/engine/kernels.js';
import { Rng } from '../../src/engine/rng.js';
import { loadWasmKernels } from '../../src/engine/wasm/index.js';
import { COMPILED_BACKENDS } from './compiledBackends.js';

const ACTIVATIONS: Activation[] = ['linear', 'relu', 'leakyRelu', 'softplus'];
const randomArray = (rng: Rng, length: number, half = 1): Float32Array => Float32Array.from({ length }, () => rng.uniformIn(-half, half));
const abs = (a: Float32Array): Float32Array => a.map(Math.abs);

/** |actual − expected| ≤ rel·(scale + 1e-6) elementwise; see kernelsGemm.test.ts for why rel = 1e-5 on Σ|terms|. */
function expectClose(actual: Float32Array, expected: Float32Array, scale: Float32Array, rel: number): void {
  for (let i = 0; i < expected.length; i++) {
    const tol = rel * (scale[i]! + 1e-6);
    if (!(Math.abs(actual[i]! - expected[i]!) <= tol)) expect.fail(`element ${i}: ${actual[i]} vs ${expected[i]} (tolerance ${tol})`);
  }
}

function hasClang(): boolean {
  try {
    execFileSync('clang-16', ['--version'], { stdio: 'ignore' });
    execFileSync('wasm-ld-16', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

for (const backend of COMPILED_BACKENDS) {
  const k = backend.kernels as Kernels;
  describe.skipIf(!backend.kernels)(`dense and Adam (${backend.label})`, () => {
    const shapes = [[1, 1, 1], [5, 3, 64], [37, 50, 50], [130, 64, 1], [64, 7, 9]] as const;

    it('denseForward(x, w, b, y, rows, in, out, act) matches jsKernels for every activation', () => {
      const rng = new Rng(21);
      for (const act of ACTIVATIONS) for (const [rows, inDim, outDim] of shapes) {
        const x = randomArray(rng, rows * inDim, 3), w = randomArray(rng, inDim * outDim), b = randomArray(rng, outDim);
        const expected = jsKernels.denseForward(x, w, b, new Float32Array(rows * outDim), rows, inDim, outDim, act);
        // Every activation is 1-Lipschitz, so y errs by at most the pre-activation error (scale |x||w| + |b|) plus its own rounding.
        const scale = jsKernels.denseForward(abs(x), abs(w), abs(b), new Float32Array(rows * outDim), rows, inDim, outDim, 'linear');
        for (let i = 0; i < scale.length; i++) scale[i] = scale[i]! + Math.abs(expected[i]!);
        expectClose(k.denseForward(x, w, b, new Float32Array(rows * outDim), rows, inDim, outDim, act), expected, scale, 1e-5);
      }
    });

    it('denseForward(…, softplus) is accurate relative to tiny outputs and finite for u = ±1e4', () => {
      const u = Float32Array.from([-1e4, -103, -90, -80, -30, -5, -0.5, -1e-3, 0, 1e-3, 0.4, 3, 20, 90, 1e4]);
      const y = k.denseForward(u, Float32Array.of(1), Float32Array.of(0), new Float32Array(u.length), u.length, 1, 1, 'softplus');
      const expected = jsKernels.denseForward(u, Float32Array.of(1), Float32Array.of(0), new Float32Array(u.length), u.length, 1, 1, 'softplus');
      // Below u ≈ −87 the result is a float32 subnormal: compare absolutely there (spacing 1.4e-45).
      for (let i = 0; i < u.length; i++) expect(Math.abs(y[i]! - expected[i]!)).toBeLessThanOrEqual(Math.max(1e-6 * expected[i]!, 1e-44));
    });

    it('denseBackward(x, w, y, dy, dw, db, dx, …) matches jsKernels for every activation, with and without dx', () => {
      const rng = new Rng(33);
      for (const act of ACTIVATIONS) for (const [rows, inDim, outDim] of shapes) for (const withDx of [true, false]) {
        const x = randomArray(rng, rows * inDim), w = randomArray(rng, inDim * outDim), b = randomArray(rng, outDim);
        const y = jsKernels.denseForward(x, w, b, new Float32Array(rows * outDim), rows, inDim, outDim, act);
        const dy = randomArray(rng, rows * outDim), dw0 = randomArray(rng, inDim * outDim), db0 = randomArray(rng, outDim);
        const ref = { dy: dy.slice(), dw: dw0.slice(), db: db0.slice(), dx: new Float32Array(rows * inDim) };
        jsKernels.denseBackward(x, w, y, ref.dy, ref.dw, ref.db, withDx ? ref.dx : null, rows, inDim, outDim, act);
        const got = { dy: dy.slice(), dw: dw0.slice(), db: db0.slice(), dx: new Float32Array(rows * inDim).fill(9) };
        k.denseBackward(x, w, y, got.dy, got.dw, got.db, withDx ? got.dx : null, rows, inDim, outDim, act);
        expectClose(got.dy, ref.dy, abs(ref.dy), 1e-5);
        const dyAbs = abs(ref.dy);
        expectClose(got.dw, ref.dw, jsKernels.gemm(inDim, outDim, rows, abs(x), dyAbs, abs(dw0), { transA: true, accumulate: true }), 1e-5);
        expectClose(got.db, ref.db, jsKernels.gemm(1, outDim, rows, new Float32Array(rows).fill(1), dyAbs, abs(db0), { accumulate: true }), 1e-5);
        if (withDx) expectClose(got.dx, ref.dx, jsKernels.gemm(rows, inDim, outDim, dyAbs, abs(w), new Float32Array(rows * inDim), { transB: true }), 1e-5);
        else expect(got.dx.every((v) => v === 9)).toBe(true);
      }
    });

    it('adam(params, grads, m, v, step) follows jsKernels over 5 steps with L2 (odd length 35)', () => {
      const rng = new Rng(5);
      const length = 35;
      const ref = { p: randomArray(rng, length), m: new Float32Array(length), v: new Float32Array(length) };
      const got = { p: k.alloc(length), m: k.alloc(length), v: new Float32Array(length) };
      got.p.set(ref.p);
      for (let step = 1; step <= 5; step++) {
        const grads = randomArray(rng, length, 0.1);
        const o: AdamStep = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, step, l2: 0.05 };
        jsKernels.adam(ref.p, grads, ref.m, ref.v, o);
        k.adam(got.p, grads, got.m, got.v, o);
      }
      expectClose(got.p, ref.p, abs(ref.p), 1e-6);
      expectClose(got.m, ref.m, abs(ref.m), 1e-5);
      expectClose(got.v, ref.v, abs(ref.v), 1e-5);
    });
  });
}

describe('wasm backend memory and loading', () => {
  it('alloc(length) arrays stay valid and in place after the memory grows', () => {
    const k = loadWasmKernels() as Kernels;
    const a = k.alloc(1000).fill(2), b = k.alloc(1000).fill(3);
    const big = k.alloc(40_000_000); // 160 MB: forces growth
    big[big.length - 1] = 1;
    expect(a.length).toBe(1000);
    const c = k.alloc(1);
    k.gemm(1, 1, 1000, a, b, c);
    expect(c[0]).toBe(6000);
    expect(a.every((v) => v === 2)).toBe(true);
  });

  it("loadKernels('wasm') gives a WebAssembly backend here", () => {
    expect(loadKernels('wasm').name).toMatch(/^wasm-simd/);
  });

  it.skipIf(!hasClang())('scripts/build-wasm.mjs --check: the committed binary is what the kernel sources build to', () => {
    expect(() => execFileSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
