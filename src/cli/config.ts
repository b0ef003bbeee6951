import { readFileSync, existsSync } from 'node:fs';
import { InputError } from '../errors.js';
import { MODEL_DEFAULTS, type GaussianAnsatzParams } from '../ansatz/GaussianAnsatz.js';
import { TRAIN_DEFAULTS } from '../train/options.js';

/**
 * Reads a JSON file of GaussianAnsatz parameters (the same names as the library:
 * `learningRate`, `batchSize`, `hidden`, …). Unknown keys are errors: a typo must not be
 * silently ignored.
 */
export function readConfigFile(path: string): Partial<GaussianAnsatzParams> {
  if (!existsSync(path)) throw new InputError('config file not found', { file: path });
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new InputError(`config file is not valid JSON: ${(err as Error).message}`, { file: path });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new InputError('config file must hold one JSON object', { file: path });
  const known = new Set([...Object.keys(MODEL_DEFAULTS), ...Object.keys(TRAIN_DEFAULTS)]);
  for (const key of Object.keys(parsed)) {
    if (!known.has(key)) throw new InputError(`unknown setting '${key}' in config file. Known settings: ${[...known].sort().join(', ')}`, { file: path });
  }
  return parsed as Partial<GaussianAnsatzParams>;
}
