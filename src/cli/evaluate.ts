import { loadModel } from '../ansatz/modelFile.js';
import { loadTrainingInputs, type ModInputs } from './inputs.js';
import { say, type Output } from './output.js';
import { sayVerdict, selfCheckRecord } from './selfCheck.js';

export interface EvaluateCommandOptions extends Output {
  model: string;
  data: string;
  weight?: string;
}

/**
 * `ansatz evaluate`: the mutual information and DV loss of a trained model on a data file
 * (the model's x and z columns), plus the mean pull (ẑ − z)/σ̂, its width, and the coverage
 * of ±1σ̂ and ±2σ̂ intervals per z component, and the self-check (see ansatz/selfCheck.ts).
 */
export async function evaluateCommand(o: EvaluateCommandOptions): Promise<void> {
  const model = loadModel(o.model);
  const inputs = await loadTrainingInputs({ data: o.data, weight: o.weight }, { needZ: true, defaults: { x: model.xNames_, z: model.zNames_ }, mod: model.inputs_?.mod as ModInputs | undefined });
  const mi = model.mutualInformation(inputs.x, inputs.z!, { sampleWeight: inputs.weights });
  const check = model.selfCheck(inputs.x, inputs.z!, { sampleWeight: inputs.weights });
  const perComponent = model.zNames_.map((name) => {
    const get = (kind: string): number => check.checks.find((k) => k.name === `${kind}, ${name}`)!.value;
    return {
      column: name,
      pull_mean: get('pull mean'),
      pull_std: get('pull width'),
      coverage_1sigma: get('±1σ̂ coverage'),
      coverage_2sigma: get('±2σ̂ coverage'),
    };
  });
  const record = {
    mutual_information_nats: mi.mutualInformationNats,
    dv_loss: mi.dvLoss,
    rows: mi.rows,
    log_normalizer: model.logNormalizer_,
    pulls: perComponent,
    self_check: selfCheckRecord(check),
  };
  if (o.json) process.stdout.write(`${JSON.stringify(record)}\n`);
  else {
    say({ ...o, quiet: false }, `rows ${mi.rows}: I(X;Z) = ${mi.mutualInformationNats.toFixed(4)} nats (DV loss ${mi.dvLoss.toFixed(4)})`);
    for (const p of perComponent)
      say(
        { ...o, quiet: false },
        `${p.column}: pull mean ${p.pull_mean.toFixed(3)}, width ${p.pull_std.toFixed(3)}, ±1σ̂ ` +
          `coverage ${(100 * p.coverage_1sigma).toFixed(1)} % (68.3 % for a calibrated σ̂), ±2σ̂ ` +
          `${(100 * p.coverage_2sigma).toFixed(1)} % (95.4 %)`,
      );
    sayVerdict({ ...o, quiet: false }, check, o.data);
  }
}
