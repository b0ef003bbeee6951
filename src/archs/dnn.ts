import type { EmbeddingBuilder } from './types.js';

/**
 * The DNN architecture's embedding is the identity on the dense features x (e.g. jet pT, η, φ):
 * the networks A, B, C, D are then plain MLPs, as in the Gaussian Ansatz letter (3 × 64, ReLU).
 */
export function denseEmbedding(xDim: number): EmbeddingBuilder {
  return () => ({
    dim: xDim,
    create: () => ({
      dim: xDim,
      trainable: false,
      forward(batch) {
        if (!batch.dense) throw new TypeError('the dnn architecture needs dense features x; got a particle cloud');
        return batch.dense;
      },
      backward() {},
    }),
  });
}
