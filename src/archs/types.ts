import type { Kernels } from '../engine/kernels.js';
import type { ParamLayout } from '../nn/params.js';

/**
 * The inputs of one batch (or batch slice). Dense features for a DNN; a ragged particle cloud
 * (rows jets, jet r owning particles offsets[r]..offsets[r+1]) for EFN/PFN-like architectures.
 */
export interface FeatureBatch {
  rows: number;
  /** rows × xDim, row-major. */
  dense?: Float32Array;
  /** nParticles × particleDim, row-major. */
  particles?: Float32Array;
  /** rows + 1 offsets into `particles` (counted in particles). */
  offsets?: Int32Array;
}

/**
 * One replica's embedding of the inputs into a fixed-size latent vector per row: the identity
 * for a DNN, F's input Σ_i z_i Φ(p̂_i) for an EFN, Σ_i Φ(p_i) for a PFN. Each network A, B, C, D
 * has its own embedding and an MLP head on top.
 */
export interface Embedding {
  readonly dim: number;
  /** True when the embedding has trainable parameters (then `backward` needs the latent gradient). */
  readonly trainable: boolean;
  /** rows × dim; the view is valid until the next call. */
  forward(batch: FeatureBatch): Float32Array;
  /** Accumulates parameter gradients from the gradient with respect to the latent (rows × dim). */
  backward(dLatent: Float32Array): void;
}

/** What an architecture contributes: the parameter layout of an embedding and its per-replica state. */
export interface EmbeddingFactory {
  readonly dim: number;
  /** Builds one replica's embedding over the shared parameters. */
  create(kernels: Kernels, params: Float32Array, grads: Float32Array, limits: BatchLimits): Embedding;
}

/** Buffer sizes a replica needs: the most rows (jets) and the most particles in one slice. */
export interface BatchLimits {
  maxRows: number;
  maxParticles: number;
}

/** Reserves an embedding's parameters in `layout` (called once per network, identically in every thread). */
export type EmbeddingBuilder = (layout: ParamLayout, name: string) => EmbeddingFactory;
