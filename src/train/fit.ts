import { buildStructure, type ModelSpec } from '../ansatz/structure.js';
import { Rng } from '../engine/rng.js';
import { DivergenceError } from '../errors.js';
import { readCheckpoint, writeCheckpoint, type TrainState } from './checkpoint.js';
import { particleCount, type SharedData } from './data.js';
import { mutualInformationLoss } from './loss.js';
import { resolveBatchSize, scheduleAt, type TrainOptions } from './options.js';
import { ReplicaPool } from './pool.js';
import { availableThreads, epochRng, splitRows } from './split.js';
import { BatchStepper } from './step.js';

/** What the training loop reports after every epoch (the CLI's progress line, `--json` lines). */
export interface EpochReport {
  epoch: number;
  epochs: number;
  stage: number;
  phase: 'pretrain' | 'train';
  trainLoss: number;
  valLoss: number;
  /** −(validation DV loss): a lower bound on I(X;Z) in nats on held-out data. */
  mutualInformationNats: number;
  learningRate: number;
  dPenalty: number;
  seconds: number;
  etaSeconds: number;
}

export interface FitResult {
  params: Float32Array;
  history: EpochReport[];
  /** The constant c = log E_{p(x)p(z)}[e^T] on the validation rows (removed from T at inference). */
  logNormalizer: number;
  mutualInformationNats: number;
  valRows: number;
  trainRows: number;
  stopReason: 'completed' | 'early-stopping';
  /** How each stage of the schedule ended: on a plateau of the validation loss, or out of epochs. */
  stageEnds: ('plateau' | 'epochs')[];
  kernels: string;
  threads: number;
  samplesPerSecond: number;
}

export interface FitHooks {
  onEpoch?: (r: EpochReport) => void;
  checkpointDir?: string;
  resume?: boolean;
  /** Called with the last good parameters when training diverges, before the error is thrown. */
  onDiverged?: (goodParams: Float32Array) => void;
  /** Called after every optimisation step with the loss of its batch (computed before the update). */
  onStep?: (loss: number) => void;
}

/**
 * Trains a Gaussian Ansatz on standardised data. Splits rows into training and validation
 * (seeded), optionally pre-trains B and C with MSE, then minimises the DV (or MLC) loss with
 * Adam under the staged schedule, with early stopping on the validation loss. Stops with a
 * DivergenceError on NaN/Inf, keeping (and checkpointing) the last good weights.
 */
export async function fitAnsatz(spec: ModelSpec, data: SharedData, o: TrainOptions, hooks: FitHooks = {}): Promise<FitResult> {
  const structure = buildStructure(spec);
  const nParams = structure.layout.length;
  const { train, val } = splitRows(data.n, o.valFraction, o.seed);
  const batchSize = resolveBatchSize(o.batchSize, train.length);
  const threads = batchSize < 256 ? 1 : o.threads === 'auto' ? availableThreads() : o.threads;
  const maxParticles = data.offsets ? maxSliceParticles(data, batchSize, threads) : 0;
  const pool = await ReplicaPool.create(spec, o.backend, data, nParams, batchSize, threads, maxParticles);
  const kernels = pool.kernels;
  const s = pool.shared;
  const stepper = new BatchStepper(pool, data);
  try {
    let state: TrainState = freshState(structure.layout.initialise(new Float32Array(nParams), new Rng(o.seed)), nParams);
    if (hooks.resume && hooks.checkpointDir) state = readCheckpoint(hooks.checkpointDir, spec, data.n, o) ?? state;
    s.params.set(state.params);
    // Adam's moments in the backend's memory, so the fused update runs without copies.
    const m = kernels.alloc(nParams), v = kernels.alloc(nParams);
    m.set(state.m);
    v.set(state.v);
    state.m = m;
    state.v = v;
    const totalEpochs = o.pretrainEpochs + o.epochs;
    const t0 = performance.now();
    let samples = 0, trainSeconds = 0;

    for (let epoch = state.epoch + 1; epoch < totalEpochs && !state.stopped; epoch++) {
      const epochStart = performance.now();
      const pretraining = epoch < o.pretrainEpochs;
      const { lr, dPenalty } = scheduleAt(o, state.stage);
      const rng = epochRng(o.seed, epoch);
      const order = rng.shuffle(Int32Array.from(train));
      const snapshot = { params: s.params.slice(), m: m.slice(), v: v.slice() };
      let lossSum = 0, batches = 0;
      for (let b0 = 0; b0 + 2 <= order.length; b0 += batchSize) {
        const rows = Math.min(batchSize, order.length - b0);
        if (rows < 2) break;
        const loss = pretraining ? stepper.pretrain(order, b0, rows, o.pretrainC0) : stepper.train(order, b0, rows, rng.derangement(rows), dPenalty, o.loss);
        if (!Number.isFinite(loss) || !pool.gradientsFinite) {
          s.params.set(snapshot.params);
          m.set(snapshot.m);
          v.set(snapshot.v);
          hooks.onDiverged?.(s.params.slice());
          if (hooks.checkpointDir) writeCheckpoint(hooks.checkpointDir, spec, data.n, o, { ...state, params: s.params.slice() });
          throw new DivergenceError(epoch, `the ${pretraining ? 'pre-training' : 'training'} loss became ${loss} at batch ${batches}`,
            `The weights of the end of epoch ${epoch - 1} were kept${hooks.checkpointDir ? ` and saved in ${hooks.checkpointDir}` : ''}. Try a smaller learning rate, or --resume after changing it.`);
        }
        state.step++;
        kernels.adam(s.params, pool.grads, m, v, { lr, beta1: o.beta1, beta2: o.beta2, eps: o.adamEpsilon, step: state.step, l2: o.l2 });
        hooks.onStep?.(loss);
        lossSum += loss;
        batches++;
        samples += rows;
      }
      trainSeconds += (performance.now() - epochStart) / 1000;
      const valLoss = pretraining ? NaN : validationLoss(pool, data, val, o.seed, 1).loss;
      if (!pretraining) advanceSchedule(state, s.params, valLoss, epoch, o);
      const seconds = (performance.now() - t0) / 1000;
      const done = epoch + 1;
      const report: EpochReport = {
        epoch: done, epochs: totalEpochs, stage: state.stage, phase: pretraining ? 'pretrain' : 'train',
        trainLoss: lossSum / Math.max(batches, 1), valLoss, mutualInformationNats: -valLoss,
        learningRate: lr, dPenalty, seconds, etaSeconds: (seconds / (done - (state.resumedAt ?? 0))) * (totalEpochs - done),
      };
      state.history.push(report);
      state.epoch = epoch;
      if (hooks.checkpointDir) writeCheckpoint(hooks.checkpointDir, spec, data.n, o, { ...state, params: s.params.slice() });
      hooks.onEpoch?.(report);
    }
    if (state.best) s.params.set(state.best);
    const final = validationLoss(pool, data, val, o.seed, 4);
    return {
      params: s.params.slice(), history: state.history,
      logNormalizer: final.marginalTerm, mutualInformationNats: final.jointMean - final.marginalTerm,
      valRows: val.length, trainRows: train.length,
      stopReason: state.stopped ? 'early-stopping' : 'completed',
      stageEnds: state.stageEnds ?? [],
      kernels: pool.kernelsName, threads: pool.threads, samplesPerSecond: samples / Math.max(trainSeconds, 1e-9),
    };
  } finally {
    await pool.close();
  }
}

function freshState(params: Float32Array, nParams: number): TrainState {
  return {
    params,
    m: new Float32Array(nParams),
    v: new Float32Array(nParams),
    epoch: -1,
    step: 0,
    stage: 0,
    stageStart: 0,
    bestLoss: Infinity,
    best: undefined,
    sinceBest: 0,
    stopped: false,
    history: [],
    stageEnds: [],
  };
}

/**
 * The staged schedule with early stopping. A stage ends on a plateau: `patience` epochs in which
 * the validation loss did not improve on the stage's best by more than `minImprovement` nats.
 * It also ends, at the latest, once it has had an even share of the epochs left when it began
 * (`epochs` is a maximum, and every stage gets its turn however early the others ended). The
 * next stage starts from the best weights; the last one's plateau ends the training. With
 * `patience` 0 the stages split the epochs evenly (the papers' fixed schedule).
 */
function advanceSchedule(
  state: TrainState,
  params: Float32Array,
  valLoss: number,
  epoch: number,
  o: TrainOptions,
): void {
  if (valLoss < state.bestLoss - o.minImprovement) state.sinceBest = 0;
  else state.sinceBest++;
  if (valLoss < state.bestLoss) {
    state.bestLoss = valLoss;
    state.best = params.slice();
  }
  const trainEpoch = epoch - o.pretrainEpochs;
  const plateau = o.patience > 0 && state.sinceBest >= o.patience;
  const deadline = state.stageStart + Math.ceil((o.epochs - state.stageStart) / (o.stages - state.stage));
  const outOfTime = trainEpoch + 1 >= deadline;
  if (!plateau && !outOfTime) return;
  state.stageEnds = [...(state.stageEnds ?? []), plateau ? 'plateau' : 'epochs'];
  if (state.stage + 1 >= o.stages) {
    if (plateau && trainEpoch + 1 < o.epochs) state.stopped = true;
    return;
  }
  if (state.best) params.set(state.best);
  state.stage++;
  state.stageStart = trainEpoch + 1;
  state.bestLoss = Infinity;
  state.sinceBest = 0;
}

/**
 * The DV loss over all validation rows (marginal pairs from `permutations` seeded derangements
 * of the whole set), evaluated in batches through the pool.
 */
export function validationLoss(pool: ReplicaPool, data: SharedData, val: Int32Array, seed: number, permutations: number): { loss: number; jointMean: number; marginalTerm: number } {
  const s = pool.shared, n = val.length;
  const tJ = new Float64Array(n * permutations), tM = new Float64Array(n * permutations);
  const w = data.weights;
  const wJ = w ? new Float64Array(n * permutations) : null, wM = w ? new Float64Array(n * permutations) : null;
  const rng = new Rng(seed ^ 0x7a11d);
  for (let p = 0; p < permutations; p++) {
    const pi = rng.derangement(n);
    for (let b0 = 0; b0 < n; b0 += pool.maxBatch) {
      const rows = Math.min(pool.maxBatch, n - b0);
      for (let r = 0; r < rows; r++) {
        s.indices[r] = val[b0 + r]!;
        s.margIndices[r] = val[pi[b0 + r]!]!;
        if (w) {
          wJ![p * n + b0 + r] = w[s.indices[r]!]!;
          wM![p * n + b0 + r] = w[s.indices[r]!]! * w[s.margIndices[r]!]!;
        }
      }
      pool.forward(rows);
      tJ.set(s.tJoint.subarray(0, rows), p * n + b0);
      tM.set(s.tMarg.subarray(0, rows), p * n + b0);
    }
  }
  return mutualInformationLoss('dv', tJ, tM, wJ, wM, new Float64Array(tJ.length), new Float64Array(tM.length));
}

/** An upper bound on the particles in one replica's slice: the sum of the largest clouds, a slice's worth. */
function maxSliceParticles(data: SharedData, batchSize: number, threads: number): number {
  const all = Int32Array.from({ length: data.n }, (_, i) => i);
  const counts = Int32Array.from(all, (i) => particleCount(data, [i])).sort().reverse();
  return Math.max(1, counts.subarray(0, Math.ceil(batchSize / threads)).reduce((a, b) => a + b, 0));
}
