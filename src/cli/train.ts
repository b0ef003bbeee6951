import { rmSync } from 'node:fs';
import { GaussianAnsatz, type GaussianAnsatzParams } from '../ansatz/GaussianAnsatz.js';
import { saveModel } from '../ansatz/modelFile.js';
import { DivergenceError, InputError } from '../errors.js';
import { loadTrainingInputs, type DataSelection } from './inputs.js';
import { readConfigFile } from './config.js';
import { emit, say, splitList, type Output } from './output.js';
import { progressPrinter } from './progress.js';
import type { ArchName } from '../ansatz/structure.js';
import { nativeUnavailableReason } from '../engine/index.js';
import { sayVerdict, selfCheckRecord } from './selfCheck.js';

export interface TrainCommandOptions extends Output, DataSelection {
  out: string;
  arch?: string;
  hidden?: string;
  phi?: string;
  f?: string;
  order?: string;
  epochs?: string;
  batchSize?: string;
  lr?: string;
  seed?: string;
  valFraction?: string;
  config?: string;
  resume?: boolean;
  threads?: string;
  backend?: string;
  pretrainEpochs?: string;
  loss?: string;
  patience?: string;
  dPenalty?: string;
  stages?: string;
}

/** `ansatz train`: reads the data, trains, saves the model directory; checkpoints to OUT.checkpoint for --resume. */
export async function trainCommand(o: TrainCommandOptions): Promise<void> {
  const params: Partial<GaussianAnsatzParams> = { ...(o.config ? readConfigFile(o.config) : {}), ...flagParams(o) };
  const inputs = await loadTrainingInputs(o, { needZ: true });
  const checkpointDir = `${o.out}.checkpoint`;
  say(o, `training a Gaussian Ansatz (${params.arch ?? 'dnn'}) on ${inputs.rows} rows of ${inputs.source}: x = ${inputs.xNames.join(', ')}; z = ${inputs.zNames.join(', ')}`);
  const model = new GaussianAnsatz(params);
  try {
    await model.fit(inputs.x, inputs.z!, {
      sampleWeight: inputs.weights, xNames: inputs.xNames, zNames: inputs.zNames,
      onEpoch: progressPrinter(o), checkpointDir, resume: o.resume,
    });
  } catch (err) {
    if (err instanceof DivergenceError) say(o, `training stopped: the last good weights are in the checkpoint ${checkpointDir}`);
    throw err;
  }
  if (inputs.mod) model.inputs_ = { mod: inputs.mod };
  saveModel(model, o.out);
  rmSync(checkpointDir, { recursive: true, force: true });
  const r = model.fitResult_!;
  const whyNotNative = r.kernels.startsWith('native') ? undefined : nativeUnavailableReason();
  say(o, `saved ${o.out}: I(X;Z) = ${r.mutualInformationNats.toFixed(4)} nats on ${r.valRows} held-out rows; ${r.stopReason}; ${Math.round(r.samplesPerSecond)} samples/s on ${r.threads} thread(s), kernels ${r.kernels}${whyNotNative ? ` (native kernels: ${whyNotNative})` : ''}`);
  const check = model.selfCheck_!;
  sayVerdict(o, check, 'the held-out rows');
  emit(o, { event: 'self_check', self_check: selfCheckRecord(check) });
  emit(o, {
    event: 'done',
    self_check_passed: check.passed,
    model: o.out,
    mutual_information_nats: r.mutualInformationNats,
    log_normalizer: r.logNormalizer,
    val_rows: r.valRows,
    train_rows: r.trainRows,
    stop_reason: r.stopReason,
    samples_per_s: r.samplesPerSecond,
    kernels: r.kernels,
    ...(whyNotNative ? { native_unavailable: whyNotNative } : {}),
  });
}

function num(flag: string, text: string | undefined, integer = false): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v) || (integer && !Number.isInteger(v))) throw new InputError(`--${flag} must be ${integer ? 'an integer' : 'a number'}; got '${text}'`);
  return v;
}

function sizes(flag: string, text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const list = splitList(text).map((s) => num(flag, s, true)!);
  if (list.length === 0) throw new InputError(`--${flag} must be a comma-separated list of layer sizes, e.g. 64,64,64`);
  return list;
}

function flagParams(o: TrainCommandOptions): Partial<GaussianAnsatzParams> {
  const p: Partial<GaussianAnsatzParams> = {};
  const set = <K extends keyof GaussianAnsatzParams>(k: K, v: GaussianAnsatzParams[K] | undefined): void => {
    if (v !== undefined) p[k] = v;
  };
  set('arch', o.arch as ArchName | undefined);
  set('hidden', sizes('hidden', o.hidden) ?? sizes('f', o.f));
  set('phiSizes', sizes('phi', o.phi));
  set('order', num('order', o.order, true));
  set('epochs', num('epochs', o.epochs, true));
  set('batchSize', o.batchSize?.trim() === 'auto' ? 'auto' : num('batch-size', o.batchSize, true));
  set('learningRate', num('lr', o.lr));
  set('seed', num('seed', o.seed, true));
  set('valFraction', num('val-fraction', o.valFraction));
  set('threads', o.threads === undefined || o.threads === 'auto' ? (o.threads as 'auto' | undefined) : num('threads', o.threads, true));
  set('backend', o.backend as GaussianAnsatzParams['backend'] | undefined);
  set('pretrainEpochs', num('pretrain-epochs', o.pretrainEpochs, true));
  set('loss', o.loss as GaussianAnsatzParams['loss'] | undefined);
  set('patience', num('patience', o.patience, true));
  set('dPenalty', num('d-penalty', o.dPenalty));
  set('stages', num('stages', o.stages, true));
  return p;
}
