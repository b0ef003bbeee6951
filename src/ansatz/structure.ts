import type { Activation } from '../engine/kernels.js';
import { denseEmbedding } from '../archs/dnn.js';
import type { EmbeddingBuilder, EmbeddingFactory } from '../archs/types.js';
import { layoutMlp } from '../nn/mlp.js';
import { ParamLayout } from '../nn/params.js';
import { triangleSize } from './quadratic.js';

/** Architecture names; `dnn` takes dense x, the others particle clouds. */
export type ArchName = 'dnn' | 'efn' | 'pfn' | 'pfn-pid' | 'moment-efn';

/** Everything that fixes the shapes of a Gaussian Ansatz model. Serialised into the model file. */
export interface ModelSpec {
  arch: ArchName;
  /** Dense feature count (dnn), or per-particle feature count (cloud architectures). */
  xDim: number;
  zDim: number;
  /** Hidden sizes of each network's MLP head (the F sizes for cloud architectures). */
  hidden: number[];
  act: Activation;
  /** ε in C = −(LLᵀ + εI), in standardised units of z. */
  epsilon: number;
  /** Cloud architectures: Φ sizes (the last is the latent size). */
  phiSizes?: number[];
  /** moment-efn: the highest order k of pooled moments. */
  order?: number;
  /** false: C depends on x only, so T is exactly quadratic in z (default true: C(x, z) as in the papers). */
  cUsesZ?: boolean;
  /**
   * PFN-like (unweighted) pooling: the pooled latent is poolScale · Σ_i Φ(p_i). Fitting sets it
   * to 1/N̄, the inverse mean multiplicity of the training clouds, fixed from then on and stored
   * here, so the model stays a function of the cloud (a sum, as EnergyFlow's PFN, times a
   * constant) while its latent is of order Φ rather than N̄ × Φ. Absent: 1 (the plain sum).
   */
  poolScale?: number;
  /**
   * Cloud architectures: the activation of Φ's last layer (the per-particle latent); absent: `act`
   * (EnergyFlow's choice, and how every model file of version 1 was trained). fit() stores
   * 'linear' for the EFN: its Φ sees two angles only, and with ReLU there one quick training
   * (JEC_QUICK, seed 1) ended with every latent unit of C's Φ at zero for all particles, so σ̂ was
   * the same 34.0 GeV for every jet. A linear latent cannot die that way (seeds 1 and 2: σ̂ spread
   * 2.1 GeV, as the DNN's). The PFNs keep ReLU: a linear latent cost PFN-PID 0.9 and 1.5 GeV of σ̂
   * on the same two seeds.
   */
  latentAct?: Activation;
}

export type NetName = 'A' | 'B' | 'C' | 'D';
export const NET_NAMES: readonly NetName[] = ['A', 'B', 'C', 'D'];

/** The layers of one network: an embedding and an MLP head. */
export interface NetStructure {
  embedding: EmbeddingFactory;
  head: ReturnType<typeof layoutMlp>;
  /** Head input = latent (+ z for C). */
  headInDim: number;
  outDim: number;
}

export interface ModelStructure {
  spec: ModelSpec;
  layout: ParamLayout;
  nets: Record<NetName, NetStructure>;
}

/** Extra architectures register their embedding builders here (EFN, PFN, …). */
const embeddingRegistry = new Map<ArchName, (spec: ModelSpec) => EmbeddingBuilder>([['dnn', (s) => denseEmbedding(s.xDim)]]);

export function registerArchitecture(arch: ArchName, builder: (spec: ModelSpec) => EmbeddingBuilder): void {
  embeddingRegistry.set(arch, builder);
}

export function registeredArchitectures(): ArchName[] {
  return [...embeddingRegistry.keys()];
}

/**
 * Lays out the parameters of A (→1), B (→N), C (latent ⊕ z → N(N+1)/2) and D (→N), each an
 * embedding plus an MLP head. Deterministic, so every thread builds the same layout.
 */
export function buildStructure(spec: ModelSpec): ModelStructure {
  const makeEmbedding = embeddingRegistry.get(spec.arch);
  if (!makeEmbedding) throw new RangeError(`Unsupported architecture "${spec.arch}". Should be one of: ${registeredArchitectures().join(', ')}.`);
  const layout = new ParamLayout();
  const outDims: Record<NetName, number> = { A: 1, B: spec.zDim, C: triangleSize(spec.zDim), D: spec.zDim };
  const nets = {} as Record<NetName, NetStructure>;
  for (const name of NET_NAMES) {
    const embedding = makeEmbedding(spec)(layout, `${name}.embedding`);
    const headInDim = embedding.dim + (name === 'C' && spec.cUsesZ !== false ? spec.zDim : 0);
    const head = layoutMlp(layout, `${name}.head`, { inDim: headInDim, hidden: spec.hidden, outDim: outDims[name], act: spec.act, outAct: 'linear' });
    nets[name] = { embedding, head, headInDim, outDim: outDims[name] };
  }
  return { spec, layout, nets };
}
