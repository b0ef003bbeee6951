import { loadModel } from '../ansatz/modelFile.js';
import { predictParallel } from '../ansatz/predictParallel.js';
import { loadTrainingInputs, type ModInputs } from './inputs.js';
import { say, type Output } from './output.js';

export interface EvaluateCommandOptions extends Output {
  model: string;
  data: string;
  weight?: string;
}

/**
 * `ansatz evaluate`: the mutual information and DV loss of a trained model on a data file
 * (the model's x and z columns), plus the mean pull (ẑ − z)/σ̂, its width, and the coverage
 * of ±1σ̂ intervals per z component.
 */
export async function evaluateCommand(o: EvaluateCommandOptions): Promise<void> {
  const model = loadModel(o.model);
  const inputs = await loadTrainingInputs({ data: o.data, weight: o.weight }, { needZ: true, defaults: { x: model.xNames_, z: model.zNames_ }, mod: model.inputs_?.mod as ModInputs | undefined });
  const mi = model.mutualInformation(inputs.x, inputs.z!, { sampleWeight: inputs.weights });
  const pred = await predictParallel(model, inputs.x);
  const n = pred.zDim, z = inputs.z!.data;
  const perComponent = model.zNames_.map((name, i) => {
    let s = 0, s2 = 0, inside = 0;
    for (let r = 0; r < pred.rows; r++) {
      const pull = (pred.zHat[r * n + i]! - z[r * n + i]!) / pred.sigma[r * n + i]!;
      s += pull;
      s2 += pull * pull;
      if (Math.abs(pull) <= 1) inside++;
    }
    const mean = s / pred.rows;
    return { column: name, pull_mean: mean, pull_std: Math.sqrt(s2 / pred.rows - mean * mean), coverage_1sigma: inside / pred.rows };
  });
  const record = { mutual_information_nats: mi.mutualInformationNats, dv_loss: mi.dvLoss, rows: mi.rows, log_normalizer: model.logNormalizer_, pulls: perComponent };
  if (o.json) process.stdout.write(`${JSON.stringify(record)}\n`);
  else {
    say({ ...o, quiet: false }, `rows ${mi.rows}: I(X;Z) = ${mi.mutualInformationNats.toFixed(4)} nats (DV loss ${mi.dvLoss.toFixed(4)})`);
    for (const p of perComponent) say({ ...o, quiet: false }, `${p.column}: pull mean ${p.pull_mean.toFixed(3)}, width ${p.pull_std.toFixed(3)}, ±1σ̂ coverage ${(100 * p.coverage_1sigma).toFixed(1)} % (68.3 % for a calibrated σ̂)`);
  }
}
