import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFloat32File } from '../io/binary.js';
import { join } from 'node:path';
import type { ModelSpec } from '../ansatz/structure.js';
import { writeDirAtomic } from '../io/atomic.js';
import { ModelFileError } from '../errors.js';
import type { EpochReport } from './fit.js';
import type { TrainOptions } from './options.js';

/** Everything needed to continue a training where it stopped. */
export interface TrainState {
  params: Float32Array;
  m: Float32Array;
  v: Float32Array;
  /** Last completed epoch (−1 before the first). */
  epoch: number;
  step: number;
  stage: number;
  stageStart: number;
  bestLoss: number;
  best: Float32Array | undefined;
  sinceBest: number;
  stopped: boolean;
  history: EpochReport[];
  /** How each finished stage ended: on a plateau of the validation loss, or out of epochs. */
  stageEnds?: ('plateau' | 'epochs')[];
  /** Epoch at which this process resumed (for the ETA). */
  resumedAt?: number;
}

const FORMAT = 'ansatz-checkpoint/1';

/** Writes the state to `dir` (state.json + state.bin) atomically: an interrupted write leaves the previous checkpoint. */
export function writeCheckpoint(dir: string, spec: ModelSpec, rows: number, o: TrainOptions, state: TrainState): void {
  const arrays = [state.params, state.m, state.v, ...(state.best ? [state.best] : [])];
  const bin = new Float32Array(arrays.reduce((a, b) => a + b.length, 0));
  let off = 0;
  for (const a of arrays) {
    bin.set(a, off);
    off += a.length;
  }
  const { params: _p, m: _m, v: _v, best: _b, ...scalars } = state;
  const meta = { format: FORMAT, spec, rows, seed: o.seed, options: o, hasBest: state.best !== undefined, nParams: state.params.length, ...scalars, bestLoss: Number.isFinite(state.bestLoss) ? state.bestLoss : null };
  writeDirAtomic(dir, (tmp) => {
    writeFileSync(join(tmp, 'state.bin'), new Uint8Array(bin.buffer));
    writeFileSync(join(tmp, 'state.json'), JSON.stringify(meta, null, 1));
  });
}

/**
 * Reads a checkpoint if `dir` holds one; undefined if not. Throws when it belongs to another
 * model or data set (different architecture, row count or seed): resuming it would be wrong.
 */
export function readCheckpoint(dir: string, spec: ModelSpec, rows: number, o: TrainOptions): TrainState | undefined {
  const jsonPath = join(dir, 'state.json');
  if (!existsSync(jsonPath)) return undefined;
  const meta = JSON.parse(readFileSync(jsonPath, 'utf8'));
  if (meta.format !== FORMAT) throw new ModelFileError(`${jsonPath} is not an ansatz checkpoint (format ${meta.format}).`);
  if (JSON.stringify(meta.spec) !== JSON.stringify(spec) || meta.rows !== rows || meta.seed !== o.seed)
    throw new ModelFileError(`The checkpoint in ${dir} was made for another model or data set (architecture, row count or seed differ).`, 'Remove it, or resume with the same data and settings.');
  const n = meta.nParams as number;
  const bin = readFloat32File(join(dir, 'state.bin'));
  const part = (k: number): Float32Array => bin.slice(k * n, (k + 1) * n);
  return {
    params: part(0),
    m: part(1),
    v: part(2),
    best: meta.hasBest ? part(3) : undefined,
    epoch: meta.epoch,
    step: meta.step,
    stage: meta.stage,
    stageStart: meta.stageStart,
    bestLoss: meta.bestLoss ?? Infinity,
    sinceBest: meta.sinceBest,
    stopped: meta.stopped,
    history: meta.history,
    stageEnds: meta.stageEnds ?? [],
    resumedAt: meta.epoch + 1,
  };
}
