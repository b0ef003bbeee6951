import { z } from 'zod';
import type { LossName } from './loss.js';
import type { BackendName } from '../engine/backend.js';

/**
 * Training hyperparameters. Defaults are the Gaussian Ansatz papers' recipe: Adam at 1e-4,
 * batch 2048, L2 1e-6 on all weights, an L1 penalty on D of 1e-3 (batch mean), and four stages
 * in which the learning rate is divided by 5 and the D penalty multiplied by 10.
 */
export interface TrainOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** L2 regularisation: l2·Σw² added to the loss. */
  l2: number;
  /** λ_D of the L1 penalty λ_D · mean_batch |D(x)| (the reference summed it, so its strength grew with the batch). */
  dPenalty: number;
  /** Number of stages of the schedule (1 = constant). */
  stages: number;
  /** Learning-rate factor per stage (papers: 1/5). */
  lrFactor: number;
  /** D-penalty factor per stage (papers: 10). */
  dPenaltyFactor: number;
  loss: LossName;
  /** Epochs of MSE pre-training of B and C before the mutual-information training (0 = none). */
  pretrainEpochs: number;
  /** The target c₀ of C in pre-training (standardised units: −1 means unit resolution). */
  pretrainC0: number;
  /** Fraction of rows held out for validation, early stopping and the MI estimate. */
  valFraction: number;
  /** Epochs without validation improvement before moving to the next stage (or stopping in the last); 0 = never. */
  patience: number;
  seed: number;
  /** Replicas (threads): 'auto' = one per core, at most 2 here. */
  threads: number | 'auto';
  backend: BackendName;
  beta1: number;
  beta2: number;
  adamEpsilon: number;
}

export const TRAIN_DEFAULTS: TrainOptions = {
  epochs: 200, batchSize: 2048, learningRate: 1e-4, l2: 1e-6, dPenalty: 1e-3,
  stages: 4, lrFactor: 0.2, dPenaltyFactor: 10, loss: 'dv', pretrainEpochs: 0, pretrainC0: -1,
  valFraction: 0.2, patience: 20, seed: 0, threads: 'auto', backend: 'auto',
  beta1: 0.9, beta2: 0.999, adamEpsilon: 1e-7,
};

const positiveInt = z.number().int().positive();
const positive = z.number().positive().finite();
const nonNegative = z.number().nonnegative().finite();

/** The constraints of every training option, checked before any work is done. */
export const trainOptionsSchema = z.strictObject({
  epochs: positiveInt,
  batchSize: z.number().int().min(2),
  learningRate: positive,
  l2: nonNegative,
  dPenalty: nonNegative,
  stages: positiveInt,
  lrFactor: positive,
  dPenaltyFactor: positive,
  loss: z.enum(['dv', 'mlc']),
  pretrainEpochs: z.number().int().nonnegative(),
  pretrainC0: z.number().negative().finite(),
  valFraction: z.number().min(0.01).max(0.9),
  patience: z.number().int().nonnegative(),
  seed: z.number().int(),
  threads: z.union([z.literal('auto'), positiveInt]),
  backend: z.enum(['auto', 'js', 'wasm']),
  beta1: z.number().min(0).lt(1),
  beta2: z.number().min(0).lt(1),
  adamEpsilon: positive,
});

/** The learning rate and D penalty of `epoch` (0-based) under the staged schedule. */
export function scheduleAt(o: Pick<TrainOptions, 'epochs' | 'stages' | 'learningRate' | 'lrFactor' | 'dPenalty' | 'dPenaltyFactor'>, stage: number): { lr: number; dPenalty: number } {
  return { lr: o.learningRate * Math.pow(o.lrFactor, stage), dPenalty: o.dPenalty * Math.pow(o.dPenaltyFactor, stage) };
}

/** The stage an epoch falls in when no early stage change happened: epochs are split evenly. */
export function nominalStage(o: Pick<TrainOptions, 'epochs' | 'stages'>, epoch: number): number {
  return Math.min(o.stages - 1, Math.floor(epoch / Math.ceil(o.epochs / o.stages)));
}
