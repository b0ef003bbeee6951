/**
 * Architectures for the networks A, B, C, D: 'dnn' (dense x) and the particle-cloud ones.
 * Importing this module registers them (the training workers import it too).
 */
import { registerArchitecture } from '../ansatz/structure.js';
import { cloudEmbedding } from './cloud.js';

registerArchitecture('efn', (s) => cloudEmbedding({ kind: 'efn', particleDim: s.xDim, phiSizes: s.phiSizes ?? [100, 100, 128], act: s.act, latentAct: s.latentAct, order: 1 }));
registerArchitecture('pfn', (s) => cloudEmbedding({ kind: 'pfn', particleDim: s.xDim, phiSizes: s.phiSizes ?? [100, 100, 128], act: s.act, latentAct: s.latentAct, order: 1, poolScale: s.poolScale ?? 1 }));
registerArchitecture('pfn-pid', (s) => cloudEmbedding({ kind: 'pfn', particleDim: s.xDim, phiSizes: s.phiSizes ?? [100, 100, 128], act: s.act, latentAct: s.latentAct, order: 1, poolScale: s.poolScale ?? 1 }));
registerArchitecture('moment-efn', (s) => cloudEmbedding({ kind: 'moment-efn', particleDim: s.xDim, phiSizes: s.phiSizes ?? [32, 32, 16], act: s.act, latentAct: s.latentAct, order: s.order ?? 2 }));

export { cloudEmbedding, type CloudSpec } from './cloud.js';
export { momentTuples } from './moments.js';
export { denseEmbedding } from './dnn.js';
export type { Embedding, EmbeddingFactory, FeatureBatch, BatchLimits } from './types.js';
