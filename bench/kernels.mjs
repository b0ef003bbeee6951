#!/usr/bin/env node
// Kernel micro-benchmark: GFLOP/s of the js, wasm and native backends on the shapes of SPEC §6, one JSON
// object per line. Build first: npx tsc -p tsconfig.json && node bench/kernels.mjs [--reps N]
// --backend NAME keeps one backend (js, wasm-simd, wasm-simd-fma, native-avx2); --case TEXT keeps matching cases.
// Each figure is the best of N repetitions (default 7) of a loop lasting ≥ 0.1 s (≥ 1 call).
import { jsKernels } from '../dist/engine/jsKernels.js';
import { loadWasmKernels } from '../dist/engine/wasm/index.js';
import { loadNativeKernels } from '../dist/engine/native/index.js';

const option = (flag) => {
  const at = process.argv.indexOf(flag);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const onlyBackend = option('--backend');
const onlyCase = option('--case');
const reps = Number(option('--reps') ?? 7);
const backends = [jsKernels, loadWasmKernels({ fma: false }), loadWasmKernels({ fma: true }), loadNativeKernels()]
  .filter((k) => k !== undefined && (onlyBackend === undefined || k.name === onlyBackend));

const fill = (a, seed) => {
  let s = seed >>> 0;
  for (let i = 0; i < a.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    a[i] = s / 2 ** 32 - 0.5;
  }
  return a;
};

/** Each case: its FLOP count and a setup(kernels) returning the call to time. */
const cases = [
  ['gemm 2048,64,64 forward', 2 * 2048 * 64 * 64, (k) => gemmCall(k, 2048, 64, 64, {})],
  ['gemm 2048,64,64 dW = Xt*dY', 2 * 2048 * 64 * 64, (k) => gemmCall(k, 64, 64, 2048, { transA: true, accumulate: true })],
  ['gemm 2048,64,64 dX = dY*Wt', 2 * 2048 * 64 * 64, (k) => gemmCall(k, 2048, 64, 64, { transB: true })],
  ['gemm 81920,50,64 forward', 2 * 81920 * 50 * 64, (k) => gemmCall(k, 81920, 64, 50, {})],
  ['gemm 2048,64,1 forward', 2 * 2048 * 64, (k) => gemmCall(k, 2048, 1, 64, {})],
  ['denseForward 2048,64,64 relu', 2 * 2048 * 64 * 64, (k) => forwardCall(k, 2048, 64, 64)],
  ['denseBackward 2048,64,64 relu (dW, db, dX)', 4 * 2048 * 64 * 64, (k) => backwardCall(k, 2048, 64, 64)],
  ['denseForward 81920,50,64 relu', 2 * 81920 * 50 * 64, (k) => forwardCall(k, 81920, 50, 64)],
  ['denseBackward 81920,50,64 relu (dW, db, dX)', 4 * 81920 * 50 * 64, (k) => backwardCall(k, 81920, 50, 64)],
  ['adam 35000 params', 35000 * 12, (k) => adamCall(k, 35000)],
];

function arrays(k, ...lengths) {
  return lengths.map((n, i) => fill(k.alloc(n), 17 + i));
}

function gemmCall(k, m, n, depth, opts) {
  const [a, b, c] = arrays(k, m * depth, depth * n, m * n);
  return () => k.gemm(m, n, depth, a, b, c, opts);
}

function forwardCall(k, rows, inDim, outDim) {
  const [x, w, b, y] = arrays(k, rows * inDim, inDim * outDim, outDim, rows * outDim);
  return () => k.denseForward(x, w, b, y, rows, inDim, outDim, 'relu');
}

function backwardCall(k, rows, inDim, outDim) {
  const [x, w, y, dy, dw, db, dx] = arrays(k, rows * inDim, inDim * outDim, rows * outDim, rows * outDim, inDim * outDim, outDim, rows * inDim);
  for (let i = 0; i < y.length; i++) y[i] = Math.max(y[i], 0);
  return () => k.denseBackward(x, w, y, dy, dw, db, dx, rows, inDim, outDim, 'relu');
}

function adamCall(k, length) {
  const [p, g, m, v] = arrays(k, length, length, length, length);
  v.fill(0);
  let step = 0;
  return () => k.adam(p, g, m, v, { lr: 1e-4, beta1: 0.9, beta2: 0.999, eps: 1e-8, step: ++step, l2: 1e-6 });
}

function bestSecondsPerCall(call) {
  call(); // warm-up: lets V8 tier the wasm functions up to optimised code
  call();
  let best = Infinity;
  for (let r = 0; r < reps; r++) {
    let calls = 0;
    const t0 = process.hrtime.bigint();
    let elapsed = 0;
    do {
      call();
      calls++;
      elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
    } while (elapsed < 0.1);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

for (const [name, flop, setup] of cases) {
  if (onlyCase !== undefined && !name.includes(onlyCase)) continue;
  for (const k of backends) {
    const seconds = bestSecondsPerCall(setup(k));
    console.log(JSON.stringify({ case: name, backend: k.name, gflops: Number((flop / seconds / 1e9).toFixed(2)), msPerCall: Number((seconds * 1e3).toFixed(4)) }));
  }
}
