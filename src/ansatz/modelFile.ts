import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { writeDirAtomic } from '../io/atomic.js';
import { readFloat32File } from '../io/binary.js';
import { ModelFileError } from '../errors.js';
import { GaussianAnsatz, type GaussianAnsatzParams } from './GaussianAnsatz.js';
import { buildStructure, type ModelSpec } from './structure.js';
import type { Standardizer } from './scaler.js';
import type { SelfCheck } from './selfCheck.js';

/** The model file format: a directory with manifest.json (versioned) and weights.bin (float32, little-endian). */
export const MODEL_FORMAT = 'ansatz-model';
/**
 * 2: EFN models carry ModelSpec.latentAct; a reader of version 1 would ignore it and
 * apply the wrong activation, so it must refuse these files. Version-1 files load unchanged.
 */
export const MODEL_FORMAT_VERSION = 2;

interface Manifest {
  format: typeof MODEL_FORMAT;
  version: number;
  createdBy: string;
  spec: ModelSpec;
  params: GaussianAnsatzParams;
  xNames: string[];
  zNames: string[];
  inputs?: Record<string, unknown>;
  xScaler: Standardizer;
  zScaler: Standardizer;
  logNormalizer: number;
  metrics: Record<string, unknown>;
  history: unknown[];
  /** The self-check on the held-out rows after training: its verdict and every check. */
  selfCheck?: SelfCheck;
  weights: { file: string; dtype: 'float32'; count: number; sha256: string };
}

/** Saves a fitted model into directory `dir` atomically (a reader never sees half a model). */
export function saveModel(model: GaussianAnsatz, dir: string, version = 'ansatz'): void {
  if (!model.spec_ || !model.weights_) throw new ModelFileError('Cannot save a model that has not been fitted.', "Call 'fit' first.");
  const bytes = new Uint8Array(model.weights_.buffer, model.weights_.byteOffset, model.weights_.byteLength);
  const manifest: Manifest = {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    createdBy: version,
    spec: model.spec_,
    params: model.params,
    xNames: model.xNames_,
    zNames: model.zNames_,
    ...(model.inputs_ ? { inputs: model.inputs_ } : {}),
    xScaler: model.xScaler_!,
    zScaler: model.zScaler_!,
    logNormalizer: model.logNormalizer_,
    metrics: { ...(model.fitResult_ ?? {}) },
    history: model.history_,
    ...(model.selfCheck_ ? { selfCheck: model.selfCheck_ } : {}),
    weights: {
      file: 'weights.bin',
      dtype: 'float32',
      count: model.weights_.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
  };
  writeDirAtomic(dir, (tmp) => {
    writeFileSync(join(tmp, 'weights.bin'), bytes);
    writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 1));
  });
}

/** Loads a model saved by `saveModel`; predictions are bit-identical to the saved model's. */
export function loadModel(dir: string): GaussianAnsatz {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new ModelFileError(`No model in ${dir}: manifest.json is missing.`, 'Point --model at a directory written by `ansatz train --out DIR`.');
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ModelFileError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  if (m.format !== MODEL_FORMAT) throw new ModelFileError(`${path} is not an ansatz model (format "${m.format}").`);
  if (m.version > MODEL_FORMAT_VERSION) throw new ModelFileError(`${path} has format version ${m.version}; this ansatz reads up to ${MODEL_FORMAT_VERSION}.`, 'Upgrade ansatz.');
  const weights = readFloat32File(join(dir, m.weights.file));
  const expected = buildStructure(m.spec).layout.length;
  if (weights.length !== m.weights.count || weights.length !== expected)
    throw new ModelFileError(`${join(dir, m.weights.file)} holds ${weights.length} weights; the manifest says ${m.weights.count} and the architecture needs ${expected}.`);
  const digest = createHash('sha256').update(new Uint8Array(weights.buffer)).digest('hex');
  if (digest !== m.weights.sha256) throw new ModelFileError(`${join(dir, m.weights.file)} does not match the checksum in its manifest (corrupted or replaced).`);
  const model = new GaussianAnsatz(m.params);
  model.spec_ = m.spec;
  model.weights_ = weights;
  model.xScaler_ = m.xScaler;
  model.zScaler_ = m.zScaler;
  model.logNormalizer_ = m.logNormalizer;
  model.xNames_ = m.xNames;
  model.zNames_ = m.zNames;
  model.inputs_ = m.inputs;
  model.history_ = m.history as GaussianAnsatz['history_'];
  model.fitResult_ = m.metrics as GaussianAnsatz['fitResult_'];
  model.selfCheck_ = m.selfCheck;
  return model;
}
