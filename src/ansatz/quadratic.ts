import { sigmoid, softplus } from '../engine/softplus.js';

/**
 * The Gaussian Ansatz (Gambhir, Nachman, Thaler, arXiv:2205.03413 and 2205.05084):
 *
 *   T(x,z) = A(x) + (z−B(x))·D(x) + ½ (z−B(x))ᵀ C(x,z) (z−B(x)),
 *   C = −(L Lᵀ + εI),  L lower-triangular with a softplus diagonal,
 *
 * so C is symmetric negative-definite by construction (the reference code's raw C was neither).
 * The network for C outputs N(N+1)/2 raw numbers per row: the N diagonal entries first
 * (through softplus), then the strictly-lower entries row by row: (1,0), (2,0), (2,1), …
 */
export function triangleSize(zDim: number): number {
  return (zDim * (zDim + 1)) / 2;
}

/** Fills `l` (zDim × zDim, row-major, lower-triangular) from one row of raw C outputs. */
export function choleskyFactorFromRaw(raw: ArrayLike<number>, rawOffset: number, zDim: number, l: Float64Array): Float64Array {
  l.fill(0);
  for (let i = 0; i < zDim; i++) l[i * zDim + i] = softplus(raw[rawOffset + i]!);
  let k = rawOffset + zDim;
  for (let i = 1; i < zDim; i++) for (let j = 0; j < i; j++) l[i * zDim + j] = raw[k++]!;
  return l;
}

/** precisionFromRaw's work space (reused: it is called once per row at inference). */
let factorScratch = new Float64Array(1);

/** −C = L Lᵀ + εI for one row (the precision matrix of the Gaussian in z). */
export function precisionFromRaw(raw: ArrayLike<number>, rawOffset: number, zDim: number, epsilon: number, out: Float64Array): Float64Array {
  if (factorScratch.length !== zDim * zDim) factorScratch = new Float64Array(zDim * zDim);
  const l = choleskyFactorFromRaw(raw, rawOffset, zDim, factorScratch);
  for (let i = 0; i < zDim; i++)
    for (let j = 0; j < zDim; j++) {
      let s = i === j ? epsilon : 0;
      for (let k = 0; k <= Math.min(i, j); k++) s += l[i * zDim + k]! * l[j * zDim + k]!;
      out[i * zDim + j] = s;
    }
  return out;
}

/** The per-row outputs of the four networks for a batch of `rows` rows. */
export interface AnsatzOutputs {
  a: Float32Array; // rows × 1
  b: Float32Array; // rows × zDim
  d: Float32Array; // rows × zDim
  cRaw: Float32Array; // ≥ rows × triangleSize(zDim), read from row `cRow0`
}

/**
 * T for each row r: uses a[r], b[r], d[r], the raw C of row cRow0 + r and the z of row r.
 * Writes into `t` and returns it.
 */
export function evaluateT(o: AnsatzOutputs, cRow0: number, z: Float32Array, rows: number, zDim: number, epsilon: number, t: Float64Array): Float64Array {
  const nTri = triangleSize(zDim);
  if (zDim === 1) {
    for (let r = 0; r < rows; r++) {
      const delta = z[r]! - o.b[r]!;
      const s = softplus(o.cRaw[cRow0 + r]!);
      t[r] = o.a[r]! + delta * o.d[r]! - 0.5 * (s * s + epsilon) * delta * delta;
    }
    return t;
  }
  const l = new Float64Array(zDim * zDim);
  const delta = new Float64Array(zDim);
  for (let r = 0; r < rows; r++) {
    choleskyFactorFromRaw(o.cRaw, (cRow0 + r) * nTri, zDim, l);
    let lin = 0, quad = 0;
    for (let i = 0; i < zDim; i++) {
      delta[i] = z[r * zDim + i]! - o.b[r * zDim + i]!;
      lin += delta[i]! * o.d[r * zDim + i]!;
      quad += epsilon * delta[i]! * delta[i]!;
    }
    for (let j = 0; j < zDim; j++) {
      let w = 0; // (Lᵀδ)_j
      for (let i = j; i < zDim; i++) w += l[i * zDim + j]! * delta[i]!;
      quad += w * w;
    }
    t[r] = o.a[r]! + lin - 0.5 * quad;
  }
  return t;
}

/** Where the gradients of T with respect to the network outputs are accumulated. */
export interface AnsatzGradients {
  a: Float32Array;
  b: Float32Array;
  d: Float32Array;
  cRaw: Float32Array;
}

/**
 * Given g[r] = ∂loss/∂T for row r, accumulates ∂loss/∂A, ∂loss/∂B, ∂loss/∂D (+=) and writes
 * ∂loss/∂(raw C) for row cRow0 + r (=). With δ = z − B and P = LLᵀ + εI:
 *   ∂T/∂A = 1, ∂T/∂D = δ, ∂T/∂B = −(D − Pδ), ∂T/∂L_ij = −(Lᵀδ)_j δ_i (i ≥ j),
 * and the diagonal raw entries get the softplus derivative (a sigmoid).
 */
export function backpropT(o: AnsatzOutputs, cRow0: number, z: Float32Array, g: ArrayLike<number>, rows: number, zDim: number, epsilon: number, grad: AnsatzGradients): void {
  const nTri = triangleSize(zDim);
  if (zDim === 1) {
    for (let r = 0; r < rows; r++) {
      const gr = g[r]!;
      const delta = z[r]! - o.b[r]!;
      const u = o.cRaw[cRow0 + r]!;
      const s = softplus(u);
      grad.a[r]! += gr;
      grad.d[r]! += gr * delta;
      grad.b[r]! += -gr * (o.d[r]! - (s * s + epsilon) * delta);
      grad.cRaw[cRow0 + r] = -gr * s * delta * delta * sigmoid(u);
    }
    return;
  }
  const l = new Float64Array(zDim * zDim);
  const delta = new Float64Array(zDim);
  const w = new Float64Array(zDim);
  for (let r = 0; r < rows; r++) {
    const gr = g[r]!;
    const base = (cRow0 + r) * nTri;
    choleskyFactorFromRaw(o.cRaw, base, zDim, l);
    for (let i = 0; i < zDim; i++) delta[i] = z[r * zDim + i]! - o.b[r * zDim + i]!;
    for (let j = 0; j < zDim; j++) {
      let s = 0;
      for (let i = j; i < zDim; i++) s += l[i * zDim + j]! * delta[i]!;
      w[j] = s;
    }
    grad.a[r]! += gr;
    for (let i = 0; i < zDim; i++) {
      let pDelta = epsilon * delta[i]!; // (Pδ)_i = Σ_j L_ij w_j + εδ_i
      for (let j = 0; j <= i; j++) pDelta += l[i * zDim + j]! * w[j]!;
      grad.d[r * zDim + i]! += gr * delta[i]!;
      grad.b[r * zDim + i]! += -gr * (o.d[r * zDim + i]! - pDelta);
    }
    for (let i = 0; i < zDim; i++) {
      const u = o.cRaw[base + i]!;
      grad.cRaw[base + i] = -gr * w[i]! * delta[i]! * sigmoid(u);
    }
    let k = base + zDim;
    for (let i = 1; i < zDim; i++) for (let j = 0; j < i; j++) grad.cRaw[k++] = -gr * w[j]! * delta[i]!;
  }
}
