import { z } from 'zod';
import type { LossName } from './loss.js';
import { BACKEND_NAMES, type BackendName } from '../engine/backend.js';

/**
 * Training hyperparameters. The defaults are the recipe validated on the known-answer problems
 * (src/studies/knownAnswers.ts, figures in the README): Adam at 1e-3, batch 'auto', 1 epoch of
 * MSE pre-training, an L1 penalty on D of 1e-3 (batch mean), four stages that each end on a
 * plateau of the validation loss (patience 5) and divide the learning rate by 5, at most 200
 * epochs. Where it departs from the papers' recipe (Adam at 1e-4, batch 2048, L2 1e-6, fixed
 * stages of 50 epochs, the D penalty ×10 per stage) the README says what was measured.
 */
export interface TrainOptions {
  /** The most epochs of training after pre-training; the plateau rule usually stops it earlier. */
  epochs: number;
  /** Rows per step; 'auto': see autoBatchSize. */
  batchSize: number | 'auto';
  learningRate: number;
  /**
   * L2 regularisation: l2·Σw² added to the loss. Off by default: through Adam it pulls the weights
   * whose loss gradient is small toward 0 at full speed (the papers' 1e-6 shrank a learned
   * correlation of 0.6 to 0.55 on the 2-D known-answer problem).
   */
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
  /**
   * Epochs without an improvement of the validation loss (by more than `minImprovement`) after
   * which a stage ends, and after the last stage the training; 0: the stages split the epochs evenly.
   */
  patience: number;
  /** The smallest drop of the validation loss, in nats, that counts as an improvement. */
  minImprovement: number;
  seed: number;
  /** Replicas (threads): 'auto' = one per core, at most 2 here. */
  threads: number | 'auto';
  backend: BackendName;
  beta1: number;
  beta2: number;
  adamEpsilon: number;
}

export const TRAIN_DEFAULTS: TrainOptions = {
  epochs: 200, batchSize: 'auto', learningRate: 1e-3, l2: 0, dPenalty: 1e-3,
  stages: 4, lrFactor: 0.2, dPenaltyFactor: 1, loss: 'dv', pretrainEpochs: 1, pretrainC0: -1,
  valFraction: 0.2, patience: 5, minImprovement: 1e-4, seed: 0, threads: 'auto', backend: 'auto',
  beta1: 0.9, beta2: 0.999, adamEpsilon: 1e-7,
};

const positiveInt = z.number().int().positive();
const positive = z.number().positive().finite();
const nonNegative = z.number().nonnegative().finite();

/** The constraints of every training option, checked before any work is done. */
export const trainOptionsSchema = z.strictObject({
  epochs: positiveInt,
  batchSize: z.union([z.literal('auto'), z.number().int().min(2)]),
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
  minImprovement: nonNegative,
  seed: z.number().int(),
  threads: z.union([z.literal('auto'), positiveInt]),
  backend: z.enum(BACKEND_NAMES as [BackendName, ...BackendName[]]),
  beta1: z.number().min(0).lt(1),
  beta2: z.number().min(0).lt(1),
  adamEpsilon: positive,
});

/**
 * The batch size 'auto' resolves to: the power of two nearest to a 300th of the training rows,
 * within [256, 2048]. Enough steps per epoch for the plateau rule to see progress on small
 * samples (10⁵ rows: 256, 312 steps per epoch; on the Gaussian, heteroscedastic and log-normal
 * known-answer problems, same recipe otherwise and σ̂ read off C at ẑ, the worst σ̂ error was
 * 10–16 % at 256 against 13–36 % at 2048), and the papers' 2048 from 6·10⁵ rows on, where an epoch
 * is long anyway and larger batches run faster per row.
 */
export function autoBatchSize(trainRows: number): number {
  const target = Math.pow(2, Math.round(Math.log2(Math.max(1, trainRows / 300))));
  return Math.min(2048, Math.max(256, target));
}

/** The batch size of a training on `trainRows` rows. */
export function resolveBatchSize(batchSize: number | 'auto', trainRows: number): number {
  return Math.min(batchSize === 'auto' ? autoBatchSize(trainRows) : batchSize, trainRows);
}

/** The learning rate and D penalty of `epoch` (0-based) under the staged schedule. */
export function scheduleAt(o: Pick<TrainOptions, 'epochs' | 'stages' | 'learningRate' | 'lrFactor' | 'dPenalty' | 'dPenaltyFactor'>, stage: number): { lr: number; dPenalty: number } {
  return { lr: o.learningRate * Math.pow(o.lrFactor, stage), dPenalty: o.dPenalty * Math.pow(o.dPenaltyFactor, stage) };
}
