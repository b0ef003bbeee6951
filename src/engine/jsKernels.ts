import { softplus } from './softplus.js';
import { LEAKY_SLOPE, type Activation, type AdamStep, type GemmOptions, type Kernels } from './kernels.js';

/**
 * The plain-JavaScript backend: portable and the reference that faster backends are tested
 * against. Loops are ordered so the innermost one runs over contiguous memory.
 */
export const jsKernels: Kernels = {
  name: 'js',
  alloc: (length) => new Float32Array(length),
  gemm,
  denseForward,
  denseBackward,
  adam,
};

function gemm(m: number, n: number, k: number, a: Float32Array, b: Float32Array, c: Float32Array, opts: GemmOptions = {}): Float32Array {
  const { transA = false, transB = false, accumulate = false } = opts;
  if (!accumulate) c.fill(0, 0, m * n);
  if (!transB) {
    // c[i,:] += a(i,p) · b[p,:]
    for (let i = 0; i < m; i++) {
      const ci = i * n;
      for (let p = 0; p < k; p++) {
        const aip = transA ? a[p * m + i]! : a[i * k + p]!;
        if (aip === 0) continue;
        const bp = p * n;
        for (let j = 0; j < n; j++) c[ci + j]! += aip * b[bp + j]!;
      }
    }
  } else {
    // c[i,j] = Σ_p a(i,p) · b[j,p]
    for (let i = 0; i < m; i++) {
      const ci = i * n;
      for (let j = 0; j < n; j++) {
        const bj = j * k;
        let s = 0;
        if (transA) for (let p = 0; p < k; p++) s += a[p * m + i]! * b[bj + p]!;
        else {
          const ai = i * k;
          for (let p = 0; p < k; p++) s += a[ai + p]! * b[bj + p]!;
        }
        c[ci + j]! += s;
      }
    }
  }
  return c;
}

function denseForward(x: Float32Array, w: Float32Array, b: Float32Array, y: Float32Array, rows: number, inDim: number, outDim: number, act: Activation): Float32Array {
  for (let r = 0; r < rows; r++) y.set(b.subarray(0, outDim), r * outDim);
  gemm(rows, outDim, inDim, x, w, y, { accumulate: true });
  const len = rows * outDim;
  switch (act) {
    case 'linear':
      break;
    case 'relu':
      for (let i = 0; i < len; i++) if (!(y[i]! > 0)) y[i] = 0;
      break;
    case 'leakyRelu':
      for (let i = 0; i < len; i++) if (!(y[i]! > 0)) y[i] = y[i]! * LEAKY_SLOPE;
      break;
    case 'softplus':
      for (let i = 0; i < len; i++) y[i] = softplus(y[i]!);
      break;
  }
  return y;
}

function denseBackward(
  x: Float32Array, w: Float32Array, y: Float32Array, dy: Float32Array,
  dw: Float32Array, db: Float32Array, dx: Float32Array | null,
  rows: number, inDim: number, outDim: number, act: Activation,
): void {
  const len = rows * outDim;
  switch (act) {
    case 'linear':
      break;
    case 'relu':
      for (let i = 0; i < len; i++) if (!(y[i]! > 0)) dy[i] = 0;
      break;
    case 'leakyRelu':
      for (let i = 0; i < len; i++) if (!(y[i]! > 0)) dy[i] = dy[i]! * LEAKY_SLOPE;
      break;
    case 'softplus':
      for (let i = 0; i < len; i++) dy[i] = dy[i]! * -Math.expm1(-y[i]!);
      break;
  }
  for (let r = 0; r < rows; r++) {
    const o = r * outDim;
    for (let j = 0; j < outDim; j++) db[j]! += dy[o + j]!;
  }
  gemm(inDim, outDim, rows, x, dy, dw, { transA: true, accumulate: true });
  if (dx) gemm(rows, inDim, outDim, dy, w, dx, { transB: true });
}

function adam(params: Float32Array, grads: Float32Array, m: Float32Array, v: Float32Array, o: AdamStep): void {
  const c1 = 1 - Math.pow(o.beta1, o.step);
  const c2 = 1 - Math.pow(o.beta2, o.step);
  const l2x2 = 2 * o.l2;
  for (let i = 0; i < params.length; i++) {
    const g = grads[i]! + l2x2 * params[i]!;
    const mi = (m[i] = o.beta1 * m[i]! + (1 - o.beta1) * g);
    const vi = (v[i] = o.beta2 * v[i]! + (1 - o.beta2) * g * g);
    params[i] = params[i]! - (o.lr * (mi / c1)) / (Math.sqrt(vi / c2) + o.eps);
  }
}
