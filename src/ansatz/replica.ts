import type { Kernels } from '../engine/kernels.js';
import type { BatchLimits, Embedding, FeatureBatch } from '../archs/types.js';
import { Mlp } from '../nn/mlp.js';
import { backpropT, evaluateT, precisionFromRaw, triangleSize, type AnsatzGradients, type AnsatzOutputs } from './quadratic.js';
import { NET_NAMES, type ModelStructure, type NetName } from './structure.js';
import { backpropPrecisionPenalty } from './pretrain.js';
import { cholesky, invertSpd, rawFromPrecision } from './inference.js';
import { softplus } from '../engine/softplus.js';

/**
 * Rows per inference pass over dense features (GaussianAnsatz's chunks, PredictPool's claimed
 * blocks): one block's activations (rows × layer width floats) stay in the core's L2 cache.
 */
export const PREDICT_BLOCK_ROWS = 1024;

interface Net {
  embedding: Embedding;
  head: Mlp;
  headIn: Float32Array | null; // concat buffer [latent, z] (C only)
  dHeadIn: Float32Array | null;
}

/**
 * One thread's working copy of a Gaussian Ansatz model: buffers for a batch slice of up to
 * `limits.maxRows` rows, views of the shared parameters and this replica's own gradients.
 * The marginal term reuses A, B, D and the latent of C: only C's head runs twice (on
 * [latent, z] and [latent, z_π]).
 */
export class Replica {
  private readonly nets: Record<NetName, Net>;
  private readonly zDim: number;
  /** How many z components C's head sees (0 when C depends on x only). */
  private readonly cZ: number;
  private readonly epsilon: number;
  private rows = 0;
  private z: Float32Array | undefined;
  private zMarg: Float32Array | undefined;
  private outputs: AnsatzOutputs | undefined;
  readonly tJoint: Float64Array;
  readonly tMarg: Float64Array;
  private readonly penaltySign: Float32Array;

  constructor(private readonly kernels: Kernels, private readonly structure: ModelStructure, params: Float32Array, readonly grads: Float32Array, private readonly limits: BatchLimits) {
    const { spec } = structure;
    this.zDim = spec.zDim;
    this.cZ = spec.cUsesZ === false ? 0 : spec.zDim;
    this.epsilon = spec.epsilon;
    const nets = {} as Record<NetName, Net>;
    for (const name of NET_NAMES) {
      const s = structure.nets[name];
      const headRows = name === 'C' ? 2 * limits.maxRows : limits.maxRows;
      nets[name] = {
        embedding: s.embedding.create(kernels, params, grads, limits),
        head: new Mlp(kernels, s.head, params, grads, headRows),
        headIn: name === 'C' ? kernels.alloc(headRows * s.headInDim) : null,
        dHeadIn: name === 'C' ? kernels.alloc(headRows * s.headInDim) : null,
      };
    }
    this.nets = nets;
    this.tJoint = new Float64Array(limits.maxRows);
    this.tMarg = new Float64Array(limits.maxRows);
    this.penaltySign = new Float32Array(limits.maxRows * spec.zDim);
  }

  /** C's head input: rows [latent_r, z_r] for r < rows, then [latent_r, zMarg_r] when zMarg is given. */
  private fillCInput(latent: Float32Array, z: Float32Array, zMarg: Float32Array | null, rows: number): number {
    const net = this.nets.C;
    const e = net.embedding.dim, n = this.cZ, w = e + n, buf = net.headIn!;
    const sets = zMarg ? [z, zMarg] : [z];
    for (let s = 0; s < sets.length; s++) {
      const zs = sets[s]!;
      for (let r = 0; r < rows; r++) {
        const o = (s * rows + r) * w;
        for (let k = 0; k < e; k++) buf[o + k] = latent[r * e + k]!;
        for (let k = 0; k < n; k++) buf[o + e + k] = zs[r * n + k]!;
      }
    }
    return sets.length * rows;
  }

  /** Runs A, B, D on the batch and C on (x, z) and, if given, on (x, zMarg). */
  private runNetworks(batch: FeatureBatch, z: Float32Array, zMarg: Float32Array | null): AnsatzOutputs {
    const rows = batch.rows;
    if (rows > this.limits.maxRows) throw new RangeError(`Replica: ${rows} rows but buffers hold ${this.limits.maxRows}`);
    this.rows = rows;
    const run = (name: 'A' | 'B' | 'D'): Float32Array => this.nets[name].head.forward(this.nets[name].embedding.forward(batch), rows);
    const a = run('A'), b = run('B'), d = run('D');
    const cRows = this.fillCInput(this.nets.C.embedding.forward(batch), z, zMarg, rows);
    const cRaw = this.nets.C.head.forward(this.nets.C.headIn!, cRows);
    this.outputs = { a, b, d, cRaw };
    return this.outputs;
  }

  /** Forward pass for the Donsker–Varadhan loss: fills tJoint[r] = T(x_r, z_r) and tMarg[r] = T(x_r, zMarg_r). */
  forward(batch: FeatureBatch, z: Float32Array, zMarg: Float32Array): void {
    this.z = z;
    this.zMarg = zMarg;
    const o = this.runNetworks(batch, z, zMarg);
    const rows = batch.rows;
    evaluateT(o, 0, z, rows, this.zDim, this.epsilon, this.tJoint);
    evaluateT(o, rows, zMarg, rows, this.zDim, this.epsilon, this.tMarg);
  }

  /**
   * Backward pass from g = ∂loss/∂T for the joint and marginal rows, plus the L1 penalty on D:
   * `dPenalty[r]` multiplies sign(D_r) (λ_D · w_r / Σw for a weighted batch mean). Accumulates
   * into `grads`.
   */
  backward(gJoint: ArrayLike<number>, gMarg: ArrayLike<number>, dPenalty: ArrayLike<number>): void {
    const o = this.outputs!, rows = this.rows, n = this.zDim;
    const grad: AnsatzGradients = {
      a: this.nets.A.head.outputGradient(),
      b: this.nets.B.head.outputGradient(),
      d: this.nets.D.head.outputGradient(),
      cRaw: this.nets.C.head.outputGradient(),
    };
    grad.a.fill(0, 0, rows);
    grad.b.fill(0, 0, rows * n);
    const sign = this.penaltySign;
    for (let r = 0; r < rows; r++) for (let k = 0; k < n; k++) sign[r * n + k] = dPenalty[r]! * Math.sign(o.d[r * n + k]!);
    grad.d.set(sign.subarray(0, rows * n));
    backpropT(o, 0, this.z!, gJoint, rows, n, this.epsilon, grad);
    backpropT(o, rows, this.zMarg!, gMarg, rows, n, this.epsilon, grad);
    this.backwardNetworks(['A', 'B', 'C', 'D'], 2 * rows);
  }

  /** Backpropagates from the heads' output gradients through heads and embeddings. */
  private backwardNetworks(names: NetName[], cRows: number): void {
    const rows = this.rows;
    for (const name of names) {
      const net = this.nets[name];
      if (name !== 'C') {
        if (!net.embedding.trainable) net.head.backward(null);
        else {
          const dLatent = this.latentGradientBuffer(name);
          net.head.backward(dLatent);
          net.embedding.backward(dLatent);
        }
        continue;
      }
      if (!net.embedding.trainable) {
        net.head.backward(null);
        continue;
      }
      net.head.backward(net.dHeadIn!);
      const e = net.embedding.dim, w = e + this.cZ, dIn = net.dHeadIn!;
      const dLatent = this.latentGradientBuffer('C');
      for (let r = 0; r < rows; r++)
        for (let k = 0; k < e; k++) {
          let s = 0;
          for (let set = 0; set * rows < cRows; set++) s += dIn[(set * rows + r) * w + k]!;
          dLatent[r * e + k] = s;
        }
      net.embedding.backward(dLatent);
    }
  }

  private readonly latentGradients = new Map<NetName, Float32Array>();
  private latentGradientBuffer(name: NetName): Float32Array {
    let buf = this.latentGradients.get(name);
    if (!buf) {
      buf = this.kernels.alloc(this.limits.maxRows * this.nets[name].embedding.dim); // in the backend's memory: no copies per call
      this.latentGradients.set(name, buf);
    }
    return buf;
  }

  /**
   * MSE pre-training step, E_w[|B(x) − z|² + ‖C(x,z) − c₀I‖²_F]: forward and backward together.
   * `weights` are w_r / Σw. Returns this slice's weighted loss contribution.
   */
  pretrain(batch: FeatureBatch, z: Float32Array, weights: ArrayLike<number>, c0: number): number {
    const o = this.runNetworks(batch, z, null);
    const rows = batch.rows, n = this.zDim;
    const dB = this.nets.B.head.outputGradient();
    let loss = 0;
    for (let r = 0; r < rows; r++)
      for (let k = 0; k < n; k++) {
        const diff = o.b[r * n + k]! - z[r * n + k]!;
        loss += weights[r]! * diff * diff;
        dB[r * n + k] = 2 * weights[r]! * diff;
      }
    loss += backpropPrecisionPenalty(o.cRaw, this.nets.C.head.outputGradient(), weights, rows, n, this.epsilon, c0);
    this.backwardNetworks(['B', 'C'], rows);
    return loss;
  }

  /**
   * Inference, in standardised units. With `argmax`, ẑ is the maximiser of the learned T:
   * ∂T/∂z = D − P(z−B) = 0 ⇒ ẑ = B + P⁻¹D with P = −C(x, B) (exact when C does not vary with z;
   * equal to B once the D penalty has driven D to 0, the papers' ẑ = B), the step shortened to
   * MAX_NEWTON_STEP where it is longer (extrapolation). Otherwise ẑ = B.
   * Σ̂ is then the inverse of −C: C(x) where C does not see z; where it does, −C(x, z) averaged over
   * the sigma points ẑ ± 1σ̂ (sigmaPointPrecision). With 'b', C(x, B) alone.
   */
  predict(batch: FeatureBatch, argmax: boolean): { zHat: Float32Array; b: Float32Array; d: Float32Array; cRaw: Float32Array } {
    const rows = batch.rows, n = this.zDim, nTri = triangleSize(n);
    this.rows = rows;
    const b = this.nets.B.head.forward(this.nets.B.embedding.forward(batch), rows).slice(0, rows * n);
    const latentC = this.nets.C.embedding.forward(batch);
    const cAt = (z: Float32Array): Float32Array => {
      this.fillCInput(latentC, z, null, rows);
      return this.nets.C.head.forward(this.nets.C.headIn!, rows).slice(0, rows * nTri);
    };
    if (!argmax) return { zHat: b, b, d: new Float32Array(rows * n), cRaw: cAt(b) };
    const d = this.nets.D.head.forward(this.nets.D.embedding.forward(batch), rows).slice(0, rows * n);
    const cAtB = cAt(b);
    const zHat = newtonStep(b, d, cAtB, rows, n, this.epsilon);
    // C(x) alone (cUsesZ false) is the same at ẑ as at B: one pass of C is enough.
    return {
      zHat,
      b,
      d,
      cRaw: this.cZ === 0 ? cAtB : sigmaPointPrecision(zHat, cAt(zHat), cAt, rows, n, this.epsilon),
    };
  }

  /** Inference: T(x_r, z_r) for each row (constant c not removed). */
  evaluate(batch: FeatureBatch, z: Float32Array): Float64Array {
    const o = this.runNetworks(batch, z, null);
    return evaluateT(o, 0, z, batch.rows, this.zDim, this.epsilon, new Float64Array(batch.rows));
  }
}

/**
 * The precision of C(x, z) averaged over the 2N sigma points z = ẑ ± L₀eᵢ, L₀ the Cholesky factor
 * of Σ̂₀ = −C(x, ẑ)⁻¹, returned as raw C outputs (rows × N(N+1)/2). Why not C(x, ẑ) itself: C
 * enters T multiplied by (z − B)(z − B)ᵀ, so the data constrain it where z is about one
 * resolution from B and hardly at all at z = B, and a C(x, z) read off at ẑ alone is noisy
 * (measured on the known-answer problems, 10⁵ rows: σ̂ off by 13–36 % at ẑ against 6–15 %
 * averaged). For a quadratic T every point gives the same C; for a skewed likelihood the average
 * is the curvature of T over ±1σ̂, e.g. within 2 % of the observed information of a log-normal
 * response of 20 % width.
 */
export function sigmaPointPrecision(
  zHat: Float32Array,
  cAtZHat: Float32Array,
  cAt: (z: Float32Array) => Float32Array,
  rows: number,
  n: number,
  epsilon: number,
): Float32Array {
  const nTri = triangleSize(n),
    nn = n * n;
  const p0 = new Float64Array(nn),
    cov0 = new Float64Array(nn),
    l0 = new Float64Array(nn);
  const factors = new Float64Array(rows * nn);
  for (let r = 0; r < rows; r++) {
    precisionFromRaw(cAtZHat, r * nTri, n, epsilon, p0);
    invertSpd(p0, n, cov0);
    cholesky(cov0, n, l0);
    factors.set(l0, r * nn);
  }
  const sum = new Float64Array(rows * nn),
    p = new Float64Array(nn),
    points = new Float32Array(rows * n);
  for (let i = 0; i < n; i++)
    for (const sign of [1, -1]) {
      for (let r = 0; r < rows; r++)
        for (let k = 0; k < n; k++) points[r * n + k] = zHat[r * n + k]! + sign * factors[r * nn + k * n + i]!;
      const c = cAt(points);
      for (let r = 0; r < rows; r++) {
        precisionFromRaw(c, r * nTri, n, epsilon, p);
        for (let k = 0; k < nn; k++) sum[r * nn + k] += p[k]!;
      }
    }
  const out = new Float32Array(rows * nTri);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < nn; k++) p[k] = sum[r * nn + k]! / (2 * n);
    rawFromPrecision(p, n, epsilon, out, r * nTri);
  }
  return out;
}

/**
 * The longest Newton step P⁻¹D the argmax estimate takes from B, in standardised units of z (one
 * unit = the spread of z in the training sample); a longer step is shortened to this length.
 * Inside the training data the steps stay well below it even before the D penalty has driven D
 * to 0 (≈ 4 at the edge of the Gaussian example with ε = 2σ; a cap at one σ̂ there cut real
 * steps and pulled the slope of ẑ(x) from 1.03 to 0.43). Far outside the training data the
 * networks extrapolate, P can fall to ε and the step runs away: one QCD event beyond the
 * training range of m_jj got ẑ ≈ 4·10⁴ z.
 */
export const MAX_NEWTON_STEP = 10;

/** ẑ = B + P⁻¹D per row, P = LLᵀ + εI from the raw C, the step shortened to at most MAX_NEWTON_STEP. */
export function newtonStep(b: Float32Array, d: Float32Array, cRaw: Float32Array, rows: number, n: number, epsilon: number): Float32Array {
  const out = new Float32Array(rows * n), p = new Float64Array(n * n), inv = new Float64Array(n * n), step = new Float64Array(n);
  const nTri = triangleSize(n);
  if (n === 1) {
    for (let r = 0; r < rows; r++) {
      const l = softplus(cRaw[r]!), s = d[r]! / (l * l + epsilon);
      out[r] = b[r]! + s * stepScale(s * s);
    }
    return out;
  }
  for (let r = 0; r < rows; r++) {
    precisionFromRaw(cRaw, r * nTri, n, epsilon, p);
    invertSpd(p, n, inv);
    let length2 = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += inv[i * n + j]! * d[r * n + j]!;
      step[i] = s;
      length2 += s * s;
    }
    const scale = stepScale(length2);
    for (let i = 0; i < n; i++) out[r * n + i] = b[r * n + i]! + scale * step[i]!;
  }
  return out;
}

/** The factor that shortens a step of squared length `length2` to MAX_NEWTON_STEP (1 for a shorter one). */
function stepScale(length2: number): number {
  return length2 > MAX_NEWTON_STEP * MAX_NEWTON_STEP ? MAX_NEWTON_STEP / Math.sqrt(length2) : 1;
}
