import { PredictPool } from '../train/predictPool.js';
import { availableThreads } from '../train/split.js';
import type { Cloud, MatrixLike } from './inputs.js';
import { asMatrix, isCloud } from './inputs.js';
import { standardize } from './scaler.js';
import { predictionFromRaw, type Prediction } from './inference.js';
import type { GaussianAnsatz } from './GaussianAnsatz.js';
import { InputError, NotFittedError } from '../errors.js';

/**
 * Below this many rows, starting worker threads costs more than it saves. Measured with the native
 * kernels on 2 cores: a pool starts in 0.1–0.3 s, `predict` runs ≈ 2 × 10⁶ rows/s on one thread,
 * and the two break even near 8 × 10⁵ rows.
 */
export const PARALLEL_PREDICT_MIN_ROWS = 1_000_000;

export interface PredictParallelOptions {
  /** Threads including the main one; 'auto' = the cores Node reports (at most the training default). */
  threads?: number | 'auto';
}

/**
 * `model.predict(x)` with the rows split over worker threads (PredictPool) for dense-feature
 * models with many rows; the single-threaded `predict` otherwise. Same numbers either way: each
 * row goes through the same kernels, only on another thread.
 *
 * @example
 * const { zHat, sigma } = await predictParallel(model, x);
 */
export async function predictParallel(model: GaussianAnsatz, x: MatrixLike | Cloud, opts: PredictParallelOptions = {}): Promise<Prediction> {
  const spec = model.spec_, weights = model.weights_, xScaler = model.xScaler_, zScaler = model.zScaler_;
  if (!spec || !weights || !xScaler || !zScaler) throw new NotFittedError('GaussianAnsatz');
  const threads = opts.threads === undefined || opts.threads === 'auto' ? availableThreads() : opts.threads;
  if (spec.arch !== 'dnn' || isCloud(x) || threads < 2) return model.predict(x);
  const xm = asMatrix(x, 'x');
  if (xm.rows < PARALLEL_PREDICT_MIN_ROWS) return model.predict(x);
  if (xm.cols !== spec.xDim) throw new InputError(`x has ${xm.cols} columns but the model was trained with ${spec.xDim}`);
  const pool = await PredictPool.create(spec, model.params.backend, weights, threads);
  try {
    const out = pool.predict(standardize(xm.data, xm.rows, xScaler), xm.rows, model.params.estimate === 'argmax');
    return predictionFromRaw(out.zHat, out.cRaw, xm.rows, spec.zDim, spec.epsilon, zScaler);
  } finally {
    await pool.close();
  }
}
