import { choleskyFactorFromRaw } from './quadratic.js';
import { sigmoid } from '../engine/softplus.js';

/**
 * The C part of MSE pre-training: Σ_r w_r ‖C_r − c₀I‖²_F with C = −(LLᵀ + εI). Writes
 * ∂/∂(raw C) into `dRaw` and returns the weighted loss. With G = ∂loss/∂C (symmetric),
 * ∂loss/∂L = −2 G L.
 */
export function backpropPrecisionPenalty(cRaw: Float32Array, dRaw: Float32Array, weights: ArrayLike<number>, rows: number, zDim: number, epsilon: number, c0: number): number {
  const n = zDim, nTri = (n * (n + 1)) / 2;
  const l = new Float64Array(n * n), g = new Float64Array(n * n);
  let loss = 0;
  for (let r = 0; r < rows; r++) {
    const base = r * nTri;
    choleskyFactorFromRaw(cRaw, base, n, l);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let p = i === j ? epsilon : 0;
        for (let k = 0; k <= Math.min(i, j); k++) p += l[i * n + k]! * l[j * n + k]!;
        const diff = -p - (i === j ? c0 : 0);
        loss += weights[r]! * diff * diff;
        g[i * n + j] = 2 * weights[r]! * diff;
      }
    const dL = (i: number, j: number): number => {
      let s = 0;
      for (let k = 0; k < n; k++) s += g[i * n + k]! * l[k * n + j]!;
      return -2 * s;
    };
    for (let i = 0; i < n; i++) dRaw[base + i] = dL(i, i) * sigmoid(cRaw[base + i]!);
    let k = base + n;
    for (let i = 1; i < n; i++) for (let j = 0; j < i; j++) dRaw[k++] = dL(i, j);
  }
  return loss;
}
