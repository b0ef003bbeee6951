import { z } from 'zod';
import { ParameterError } from '../errors.js';
import { BACKEND_NAMES } from '../engine/backend.js';
import { trainOptionsSchema, type TrainOptions } from '../train/options.js';
import type { ArchName } from './structure.js';
import type { GaussianAnsatzParams } from './GaussianAnsatz.js';

export const ACTIVATIONS = ['relu', 'leakyRelu', 'softplus', 'linear'] as const;

const sizes = z.array(z.number().int().positive()).nonempty();

/** The constraints of the model hyperparameters (the training ones are trainOptionsSchema's). */
function modelParamsSchema(archs: readonly ArchName[]) {
  return z.strictObject({
    arch: z.string().refine((a) => (archs as readonly string[]).includes(a)),
    hidden: sizes,
    act: z.enum(ACTIVATIONS),
    epsilon: z.number().positive().finite(),
    phiSizes: sizes,
    order: z.number().int().min(1).max(4),
    estimate: z.enum(['argmax', 'b']),
    cUsesZ: z.boolean(),
  });
}

/** What each parameter may be, in the words of the error message ("must be …"). */
function allowedValues(archs: readonly ArchName[]): Record<keyof GaussianAnsatzParams, string> {
  const oneOf = (xs: readonly string[]): string => `one of ${xs.map((x) => `'${x}'`).join(', ')}`;
  return {
    arch: oneOf(archs),
    hidden: 'a non-empty list of positive integers',
    act: oneOf(ACTIVATIONS),
    epsilon: 'a number > 0',
    phiSizes: 'a non-empty list of positive integers',
    order: 'an integer in [1, 4]',
    estimate: oneOf(['argmax', 'b']),
    cUsesZ: 'true or false',
    epochs: 'an integer ≥ 1',
    batchSize: "'auto' or an integer ≥ 2",
    learningRate: 'a number > 0',
    l2: 'a number ≥ 0',
    dPenalty: 'a number ≥ 0',
    stages: 'an integer ≥ 1',
    lrFactor: 'a number > 0',
    dPenaltyFactor: 'a number > 0',
    loss: oneOf(['dv', 'mlc']),
    pretrainEpochs: 'an integer ≥ 0',
    pretrainC0: 'a number < 0',
    valFraction: 'a number in [0.01, 0.9]',
    patience: 'an integer ≥ 0',
    minImprovement: 'a number ≥ 0',
    seed: 'an integer',
    threads: "'auto' or an integer ≥ 1",
    backend: oneOf(BACKEND_NAMES),
    beta1: 'a number in [0, 1)',
    beta2: 'a number in [0, 1)',
    adamEpsilon: 'a number > 0',
  };
}

/**
 * Checks every hyperparameter of GaussianAnsatz, model and training alike, in one pass; the
 * first wrong one is a ParameterError in scikit-learn's words: "The 'learningRate' parameter of
 * GaussianAnsatz must be a number > 0. Got -1 instead." Returns the training options.
 */
export function validateParams(p: GaussianAnsatzParams, archs: readonly ArchName[]): TrainOptions {
  const allowed = allowedValues(archs);
  const schema = modelParamsSchema(archs).extend(trainOptionsSchema.shape).strict();
  const parsed = schema.safeParse(p);
  if (parsed.success) {
    const out = {} as Record<string, unknown>;
    for (const key of Object.keys(trainOptionsSchema.shape)) out[key] = (p as unknown as Record<string, unknown>)[key];
    return out as unknown as TrainOptions;
  }
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    throw new ParameterError(
      key,
      'GaussianAnsatz',
      `one of its parameters (${Object.keys(allowed).join(', ')}); '${key}' is not`,
      (p as unknown as Record<string, unknown>)[key],
    );
  }
  const key = String(issue.path[0]) as keyof GaussianAnsatzParams;
  throw new ParameterError(
    key,
    'GaussianAnsatz',
    allowed[key] ?? 'valid',
    (p as unknown as Record<string, unknown>)[key],
  );
}
