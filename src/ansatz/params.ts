import { ParameterError } from '../errors.js';
import type { ArchName } from './structure.js';
import type { ModelParams } from './GaussianAnsatz.js';

const ACTIVATIONS = ['relu', 'leakyRelu', 'softplus', 'linear'];

/** Checks the model hyperparameters; the training ones are checked by trainOptionsSchema. */
export function validateParams(p: ModelParams, archs: ArchName[]): void {
  const owner = 'GaussianAnsatz';
  if (!archs.includes(p.arch)) throw new ParameterError('arch', owner, `one of ${archs.map((a) => `'${a}'`).join(', ')}`, p.arch);
  if (!Array.isArray(p.hidden) || p.hidden.some((h) => !Number.isInteger(h) || h < 1)) throw new ParameterError('hidden', owner, 'a list of positive integers', p.hidden);
  if (!ACTIVATIONS.includes(p.act)) throw new ParameterError('act', owner, `one of ${ACTIVATIONS.join(', ')}`, p.act);
  if (!(p.epsilon > 0)) throw new ParameterError('epsilon', owner, 'a float in (0, inf)', p.epsilon);
  if (!Array.isArray(p.phiSizes) || p.phiSizes.length === 0 || p.phiSizes.some((h) => !Number.isInteger(h) || h < 1)) throw new ParameterError('phiSizes', owner, 'a non-empty list of positive integers', p.phiSizes);
  if (p.estimate !== 'argmax' && p.estimate !== 'b') throw new ParameterError('estimate', owner, "'argmax' or 'b'", p.estimate);
  if (!Number.isInteger(p.order) || p.order < 1 || p.order > 4) throw new ParameterError('order', owner, 'an integer in [1, 4]', p.order);
}
