import type { Activation, Kernels } from '../engine/kernels.js';
import { Mlp, layoutMlp } from '../nn/mlp.js';
import type { ParamLayout } from '../nn/params.js';
import type { BatchLimits, Embedding, EmbeddingBuilder, FeatureBatch } from './types.js';
import { momentTuples } from './moments.js';

/**
 * Particle-cloud embeddings (EnergyFlow's EFN and PFN, Komiske, Metodiev, Thaler,
 * arXiv:1810.05165), and moment pooling:
 *
 *   EFN:        latent = Σ_i z_i Φ(p̂_i)          z_i = feature 0 (the energy weight), p̂_i = features 1… (angles)
 *   PFN:        latent = s · Σ_i Φ(p_i)          all features (PFN-PID: the PID feature is among them);
 *                                                s = poolScale, a fixed constant (fit sets 1/N̄, see ModelSpec)
 *   moment EFN: latent = Σ_i z_i Π_{a∈t} Φ_a(p̂_i)  for every index tuple t of length ≤ k
 *
 * Particles are packed (no padding): Φ runs once over all particles of the slice, and the
 * pooling is a segment sum over the jets' offsets. The EFN latent is IRC safe.
 */
export interface CloudSpec {
  kind: 'efn' | 'pfn' | 'moment-efn';
  particleDim: number;
  phiSizes: number[];
  act: Activation;
  /** Activation of Φ's last layer (default `act`, EnergyFlow's choice; see ModelSpec.latentAct). */
  latentAct?: Activation;
  order: number;
  /**
   * PFN only: the fixed factor s of the pooled sum (default 1, EnergyFlow's plain sum). An
   * unweighted sum over N ≈ 40–150 particles is N times larger than Φ, and it grows with the
   * multiplicity, so F's first layer sees inputs ~N̄ times larger than an EFN's (whose energy
   * weights sum to ≈ the jet pT in units of 1000 GeV) and training with the learning rate that suits
   * an EFN diverges or stalls. s = 1/N̄ keeps the latent at the scale of Φ; it is a constant, so
   * the latent is still a sum over particles (a multiplicity-aware function of the cloud).
   */
  poolScale?: number;
}

export function cloudEmbedding(spec: CloudSpec): EmbeddingBuilder {
  const energyWeighted = spec.kind !== 'pfn';
  const phiIn = energyWeighted ? spec.particleDim - 1 : spec.particleDim;
  if (phiIn < 1) throw new RangeError(`${spec.kind}: particles have ${spec.particleDim} features; an energy weight plus at least one angle is needed`);
  const latent = spec.phiSizes[spec.phiSizes.length - 1]!;
  const tuples = spec.kind === 'moment-efn' ? momentTuples(latent, spec.order) : null;
  const dim = tuples ? tuples.length : latent;
  return (layout: ParamLayout, name: string) => {
    const layers = layoutMlp(layout, `${name}.Phi`, { inDim: phiIn, hidden: spec.phiSizes.slice(0, -1), outDim: latent, act: spec.act, outAct: spec.latentAct ?? spec.act });
    return {
      dim,
      create: (kernels: Kernels, params: Float32Array, grads: Float32Array, limits: BatchLimits): Embedding =>
        new CloudEmbedding(kernels, new Mlp(kernels, layers, params, grads, Math.max(1, limits.maxParticles)), spec.particleDim, energyWeighted, latent, tuples, limits, energyWeighted ? 1 : (spec.poolScale ?? 1)),
    };
  };
}

class CloudEmbedding implements Embedding {
  readonly trainable = true;
  readonly dim: number;
  private readonly phiInput: Float32Array | null;
  private readonly weights: Float32Array;
  private readonly out: Float32Array;
  private phi: Float32Array | undefined;
  private offsets: Int32Array | undefined;
  private rows = 0;
  private nParticles = 0;

  constructor(
    kernels: Kernels,
    private readonly Phi: Mlp,
    private readonly particleDim: number,
    private readonly energyWeighted: boolean,
    private readonly latent: number,
    private readonly tuples: number[][] | null,
    limits: BatchLimits,
    private readonly poolScale: number,
  ) {
    this.dim = tuples ? tuples.length : latent;
    const maxP = Math.max(1, limits.maxParticles);
    this.phiInput = energyWeighted ? kernels.alloc(maxP * (particleDim - 1)) : null;
    this.weights = new Float32Array(maxP);
    this.out = kernels.alloc(limits.maxRows * this.dim);
  }

  forward(batch: FeatureBatch): Float32Array {
    const { particles, offsets, rows } = batch;
    if (!particles || !offsets) throw new TypeError('particle-cloud architectures need particles and offsets; got dense features');
    const n = offsets[rows]!, d = this.particleDim;
    this.rows = rows;
    this.offsets = offsets;
    this.nParticles = n;
    let input = particles;
    if (this.energyWeighted) {
      const buf = this.phiInput!, di = d - 1;
      for (let i = 0; i < n; i++) {
        this.weights[i] = particles[i * d]!;
        for (let k = 0; k < di; k++) buf[i * di + k] = particles[i * d + 1 + k]!;
      }
      input = buf;
    } else this.weights.fill(this.poolScale, 0, n);
    const phi = (this.phi = this.Phi.forward(input, n));
    const L = this.latent, out = this.out, dim = this.dim;
    out.fill(0, 0, rows * dim);
    for (let r = 0; r < rows; r++) {
      const o = r * dim;
      for (let i = offsets[r]!; i < offsets[r + 1]!; i++) {
        const w = this.weights[i]!, p = i * L;
        if (!this.tuples) for (let a = 0; a < L; a++) out[o + a]! += w * phi[p + a]!;
        else
          this.tuples.forEach((t, c) => {
            let v = w;
            for (const a of t) v *= phi[p + a]!;
            out[o + c]! += v;
          });
      }
    }
    return out.subarray(0, rows * dim);
  }

  backward(dLatent: Float32Array): void {
    const phi = this.phi!, offsets = this.offsets!, L = this.latent, dim = this.dim;
    const dPhi = this.Phi.outputGradient();
    for (let r = 0; r < this.rows; r++) {
      const g = r * dim;
      for (let i = offsets[r]!; i < offsets[r + 1]!; i++) {
        const w = this.weights[i]!, p = i * L;
        if (!this.tuples) {
          for (let a = 0; a < L; a++) dPhi[p + a] = w * dLatent[g + a]!;
          continue;
        }
        for (let a = 0; a < L; a++) dPhi[p + a] = 0;
        this.tuples.forEach((t, c) => {
          const up = w * dLatent[g + c]!;
          // ∂(Π_{a∈t} Φ_a)/∂Φ_b = product over t with one occurrence of b removed
          for (let s = 0; s < t.length; s++) {
            let v = up;
            for (let u = 0; u < t.length; u++) if (u !== s) v *= phi[p + t[u]!]!;
            dPhi[p + t[s]!]! += v;
          }
        });
      }
    }
    this.Phi.backward(null);
  }
}
