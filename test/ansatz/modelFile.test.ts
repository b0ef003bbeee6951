import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GaussianAnsatz } from '../../src/ansatz/GaussianAnsatz.js';
import { loadModel, saveModel, MODEL_FORMAT_VERSION } from '../../src/ansatz/modelFile.js';
import { Rng } from '../../src/engine/rng.js';
import { ModelFileError, NotFittedError } from '../../src/errors.js';

function sample(n: number, seed: number) {
  const rng = new Rng(seed);
  const x: number[][] = [], z: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = rng.normal(), b = rng.normal();
    z.push([a, b]);
    x.push([a + 0.3 * rng.normal(), b + 0.3 * rng.normal(), rng.normal()]);
  }
  return { x, z };
}

const settings = { epochs: 4, batchSize: 256, learningRate: 1e-3, hidden: [8, 8], stages: 2, patience: 0, seed: 3 };

describe('model files', () => {
  it('saveModel(model, dir) → loadModel(dir) gives bit-identical predictions and likelihood ratios', async () => {
    const { x, z } = sample(2000, 1);
    const model = await new GaussianAnsatz(settings).fit(x, z, { xNames: ['a', 'b', 'c'], zNames: ['u', 'v'] });
    const dir = join(mkdtempSync(join(tmpdir(), 'ansatz-model-')), 'm');
    saveModel(model, dir);
    const loaded = loadModel(dir);
    const p1 = model.predict(x), p2 = loaded.predict(x);
    expect(p2.zHat).toEqual(p1.zHat);
    expect(p2.covariance).toEqual(p1.covariance);
    expect(loaded.logLikelihoodRatio(x, z)).toEqual(model.logLikelihoodRatio(x, z));
    expect(loaded.zNames_).toEqual(['u', 'v']);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.format).toBe('ansatz-model');
    expect(manifest.version).toBe(MODEL_FORMAT_VERSION);
    expect(manifest.params.seed).toBe(3);
    // the self-check of the held-out rows travels with the model
    expect(manifest.selfCheck.checks.length).toBeGreaterThan(5);
    expect(loaded.selfCheck_).toEqual(model.selfCheck_);
  });

  it('fit() takes data, weights and hooks; a hyperparameter given to fit is refused, so the saved model has what it trained with', async () => {
    const { x, z } = sample(500, 4);
    await expect(new GaussianAnsatz(settings).fit(x, z, { epochs: 1 } as never)).rejects.toThrow("The 'epochs' parameter of GaussianAnsatz.fit must be given to the constructor");
    const losses: number[] = [];
    const model = await new GaussianAnsatz({ ...settings, epochs: 1, pretrainEpochs: 0 }).fit(x, z, { onStep: (loss) => losses.push(loss) });
    // 400 training rows in batches of 256: two steps, each reported with its loss
    expect(losses).toHaveLength(2);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(model.getParams().epochs).toBe(1);
  });

  it('loadModel(dir) refuses weights that do not match the manifest checksum', async () => {
    const { x, z } = sample(500, 2);
    const model = await new GaussianAnsatz({ ...settings, epochs: 1 }).fit(x, z);
    const dir = join(mkdtempSync(join(tmpdir(), 'ansatz-model-')), 'm');
    saveModel(model, dir);
    const bytes = readFileSync(join(dir, 'weights.bin'));
    bytes[10] = bytes[10]! ^ 0xff;
    writeFileSync(join(dir, 'weights.bin'), bytes);
    expect(() => loadModel(dir)).toThrow(ModelFileError);
  });

  it('predict() before fit() throws NotFittedError', () => {
    expect(() => new GaussianAnsatz().predict([[1, 2]])).toThrow(NotFittedError);
  });

  it('fit(…, {resume}) after an interrupted run continues from the checkpoint and ends where an uninterrupted run ends', async () => {
    const { x, z } = sample(2000, 5);
    const full = await new GaussianAnsatz({ ...settings, threads: 1 }).fit(x, z);
    const checkpointDir = join(mkdtempSync(join(tmpdir(), 'ansatz-ckpt-')), 'ckpt');
    const interrupted = new GaussianAnsatz({ ...settings, threads: 1 });
    await expect(interrupted.fit(x, z, {
      checkpointDir,
      onEpoch: (r) => {
        if (r.epoch === 2) throw new Error('interrupted');
      },
    })).rejects.toThrow('interrupted');
    expect(existsSync(join(checkpointDir, 'state.json'))).toBe(true);
    const epochs: number[] = [];
    const resumed = await new GaussianAnsatz({ ...settings, threads: 1 }).fit(x, z, { checkpointDir, resume: true, onEpoch: (r) => epochs.push(r.epoch) });
    // 1 epoch of pre-training (the default) and 4 of training: the interruption fell after the switch to training
    expect(epochs).toEqual([3, 4, 5]);
    expect(resumed.history_.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(resumed.weights_!)).toEqual(Array.from(full.weights_!));
    const p = resumed.predict(x);
    expect(p.sigma.every((s) => Number.isFinite(s) && s > 0)).toBe(true);
  });
});
