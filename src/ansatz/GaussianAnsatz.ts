import '../archs/index.js'; // registers the particle-cloud architectures
import type { Activation } from '../engine/kernels.js';
import { loadKernels } from '../engine/backend.js';
import { InputError, NotFittedError, ParameterError } from '../errors.js';
import type { FeatureBatch } from '../archs/types.js';
import { fitAnsatz, type EpochReport, type FitHooks, type FitResult } from '../train/fit.js';
import { TRAIN_DEFAULTS, type TrainOptions } from '../train/options.js';
import { mutualInformationLoss } from '../train/loss.js';
import { Rng } from '../engine/rng.js';
import { gaussianPosterior, predictionFromRaw, type Prediction } from './inference.js';
import { asMatrix, isCloud, type Cloud, type Matrix, type MatrixLike } from './inputs.js';
import { PREDICT_BLOCK_ROWS, Replica } from './replica.js';
import { fitStandardizer, standardize, type Standardizer } from './scaler.js';
import { buildStructure, registeredArchitectures, type ArchName, type ModelSpec } from './structure.js';
import { validateParams } from './params.js';
import { selfCheck, type SelfCheck } from './selfCheck.js';
import { splitRows } from '../train/split.js';

/** Jets per inference pass over particle clouds (their packed particles, not rows, set the memory). */
const CLOUD_CHUNK_JETS = 8192;

/** Model hyperparameters (EnergyFlow/Keras names in brackets). */
export interface ModelParams {
  /** Architecture of A, B, C, D: 'dnn' on dense x; 'efn', 'pfn', 'pfn-pid', 'moment-efn' on particle clouds. */
  arch: ArchName;
  /** Hidden layer sizes of each network's MLP (the F sizes for cloud architectures) [`dense_sizes`, `F_sizes`]. */
  hidden: number[];
  /** Hidden activation [`acts`]. */
  act: Activation;
  /** ε in C = −(LLᵀ + εI), standardised units. */
  epsilon: number;
  /** Φ sizes of cloud architectures [`Phi_sizes`]. */
  phiSizes: number[];
  /** Highest pooled moment of moment-efn. */
  order: number;
  /**
   * How ẑ is read off the learned T: 'argmax' (default) maximises T, ẑ = B + (−C)⁻¹D, which is
   * the papers' ẑ = B once D has been driven to 0 and stays the maximum-likelihood estimate
   * when it has not (a step from B longer than 10 training spreads of z, which only happens
   * where the model extrapolates, is shortened to that); 'b' returns B(x) as the reference code does.
   */
  estimate: 'argmax' | 'b';
  /**
   * Whether C sees z (C(x, z), the papers' choice: T can then describe non-Gaussian
   * likelihoods) or x only (T exactly quadratic in z: fewer degrees of freedom, a sharper σ̂
   * when the likelihood is Gaussian).
   */
  cUsesZ: boolean;
}

export type GaussianAnsatzParams = ModelParams & TrainOptions;

export const MODEL_DEFAULTS: ModelParams = { arch: 'dnn', hidden: [64, 64, 64], act: 'relu', epsilon: 1e-6, phiSizes: [100, 100, 128], order: 2, estimate: 'argmax', cUsesZ: true };

export type { Prediction } from './inference.js';

/**
 * What `fit` takes besides the data: weights, names and hooks. Hyperparameters (epochs,
 * batchSize, …) belong in the constructor, so that the model saved, and any retraining of it,
 * has the parameters it was trained with.
 */
export interface FitOptions extends FitHooks {
  /** Per-row sample weights, honoured in every term of the loss and in standardisation. */
  sampleWeight?: ArrayLike<number>;
  xNames?: string[];
  zNames?: string[];
}

/**
 * The Gaussian Ansatz estimator (Gambhir, Nachman, Thaler, arXiv:2205.03413): learns
 * T(x,z) = A(x) + (z−B(x))·D(x) + ½(z−B(x))ᵀC(x,z)(z−B(x)) ≈ log p(x|z)/p(x) + c, hence the
 * maximum-likelihood estimate ẑ(x), the maximiser of T (= B(x) once D = 0), its resolution Σ̂(x) (the
 * inverse of −C around ẑ) and I(X;Z), from one training. Defaults: the recipe validated on the
 * known-answer problems (src/studies/knownAnswers.ts; figures in the README).
 *
 * @example
 * const model = await new GaussianAnsatz().fit(x, z);
 * const { zHat, sigma } = model.predict(x);
 */
export class GaussianAnsatz {
  readonly params: GaussianAnsatzParams;
  spec_: ModelSpec | undefined;
  weights_: Float32Array | undefined;
  xScaler_: Standardizer | undefined;
  zScaler_: Standardizer | undefined;
  /** c = log E_{p(x)p(z)}[e^T] from held-out data, removed by `logLikelihoodRatio`. */
  logNormalizer_ = 0;
  history_: EpochReport[] = [];
  fitResult_: Omit<FitResult, 'params' | 'history'> | undefined;
  xNames_: string[] = [];
  zNames_: string[] = [];
  /** How the inputs were read from files (e.g. the MOD jet selection), so predict can read new files the same way. */
  inputs_: Record<string, unknown> | undefined;
  /** The self-check on the held-out rows after `fit` (or as saved with the model). */
  selfCheck_: SelfCheck | undefined;

  constructor(params: Partial<GaussianAnsatzParams> = {}) {
    this.params = { ...MODEL_DEFAULTS, ...TRAIN_DEFAULTS, ...params };
  }

  /** A copy of the hyperparameters. */
  getParams(): GaussianAnsatzParams {
    return structuredClone(this.params);
  }

  /** Trains on x (rows × xDim, or particle clouds) and z (rows × N). Returns `this`. */
  async fit(x: MatrixLike | Cloud, z: MatrixLike, opts: FitOptions = {}): Promise<this> {
    const { sampleWeight, xNames, zNames, onEpoch, onStep, checkpointDir, resume, onDiverged, ...unknown } = opts;
    const stray = Object.keys(unknown);
    if (stray.length > 0)
      throw new ParameterError(
        stray[0]!,
        'GaussianAnsatz.fit',
        'given to the constructor, not to fit (fit takes sampleWeight, xNames, zNames and the hooks ' +
          'onEpoch, onStep, checkpointDir, resume, onDiverged)',
        (unknown as Record<string, unknown>)[stray[0]!],
      );
    const p: GaussianAnsatzParams = this.params;
    const trainOptions = validateParams(p, registeredArchitectures());
    const zm = asMatrix(z, 'z');
    const cloud = isCloud(x) ? x : undefined;
    const xm = cloud ? undefined : asMatrix(x as MatrixLike, 'x');
    const rows = cloud ? cloud.offsets.length - 1 : xm!.rows;
    if (zm.rows !== rows) throw new InputError(`x has ${rows} rows but z has ${zm.rows}`);
    if (rows < 10) throw new InputError(`${rows} rows is too few to train on (need at least 10)`);
    const weights = sampleWeight ? checkWeights(sampleWeight, rows) : undefined;
    this.zScaler_ = fitStandardizer(zm.data, rows, zm.cols, weights);
    this.zScaler_.std.forEach((s, i) => {
      if (!(s > 0))
        throw new InputError(`z column ${zNames?.[i] ?? i} has zero variance: nothing to calibrate against`, {
          column: zNames?.[i],
        });
    });
    this.xScaler_ = xm ? fitStandardizer(xm.data, rows, xm.cols, weights) : particleScaler(cloud!, p.arch);
    const xDim = cloud ? cloud.dim : xm!.cols;
    const spec: ModelSpec = {
      arch: p.arch,
      xDim,
      zDim: zm.cols,
      hidden: p.hidden,
      act: p.act,
      epsilon: p.epsilon,
      ...(p.cUsesZ ? {} : { cUsesZ: false }),
      ...(p.arch !== 'dnn'
        ? { phiSizes: p.phiSizes, order: p.order, ...(p.arch === 'efn' ? { latentAct: 'linear' as const } : {}) }
        : {}),
      ...(cloud && (p.arch === 'pfn' || p.arch === 'pfn-pid') ? { poolScale: poolScaleOf(cloud) } : {}),
    };
    const result = await fitAnsatz(
      spec,
      {
        n: rows,
        xDim,
        zDim: zm.cols,
        dense: xm ? standardize(xm.data, rows, this.xScaler_) : undefined,
        particles: cloud ? standardize(cloud.particles, cloud.particles.length / cloud.dim, this.xScaler_) : undefined,
        offsets: cloud?.offsets,
        z: standardize(zm.data, rows, this.zScaler_),
        weights,
      },
      trainOptions,
      { onEpoch, onStep, checkpointDir, resume, onDiverged },
    );
    const { params: learned, history, ...rest } = result;
    this.spec_ = spec;
    this.weights_ = learned;
    this.logNormalizer_ = result.logNormalizer;
    this.history_ = history;
    this.fitResult_ = rest;
    this.xNames_ = xNames ?? Array.from({ length: xDim }, (_, i) => `x${i}`);
    this.zNames_ = zNames ?? Array.from({ length: zm.cols }, (_, i) => `z${i}`);
    const { val } = splitRows(rows, trainOptions.valFraction, trainOptions.seed);
    this.selfCheck_ = this.selfCheck(
      cloud ? cloudRows(cloud, val) : matrixRows(xm!, val),
      matrixRows(zm, val),
      weights ? { sampleWeight: Float64Array.from(val, (r) => weights[r]!) } : {},
    );
    return this;
  }

  /**
   * The self-check on labelled rows (see selfCheck.ts): pulls and ±1σ̂/±2σ̂ coverage per z
   * column, overall and in quantile bins of z; the expected-coverage curve of Σ̂; the size of D;
   * and whether the validation loss had reached its plateau. `fit` runs it on the held-out rows
   * and keeps it in `selfCheck_`.
   */
  selfCheck(
    x: MatrixLike | Cloud,
    z: MatrixLike,
    opts: { sampleWeight?: ArrayLike<number>; bins?: number } = {},
  ): SelfCheck {
    const zm = asMatrix(z, 'z');
    const { prediction, newtonStep } = this.predictWithStep(x);
    if (zm.rows !== prediction.rows) throw new InputError(`x has ${prediction.rows} rows but z has ${zm.rows}`);
    if (zm.cols !== prediction.zDim)
      throw new InputError(`z has ${zm.cols} columns but the model was trained with ${prediction.zDim}`);
    const weights = opts.sampleWeight ? checkWeights(opts.sampleWeight, zm.rows) : undefined;
    const fit = this.fitResult_;
    return selfCheck({
      prediction,
      z: zm.data,
      zNames: this.zNames_,
      weights,
      bins: opts.bins,
      // With C(x) alone T is quadratic in z and the step B → ẑ is exact however long: D's size is no concern.
      ...(this.spec_!.cUsesZ === false ? {} : { newtonStep }),
      ...(this.history_.length > 0
        ? { history: this.history_, stageEnds: fit?.stageEnds ?? [], minImprovement: this.params.minImprovement }
        : {}),
    });
  }

  /**
   * `predict`'s result and ẑ − B per row in the units of z, the step from B to the maximum of T
   * that D makes: from the same pass where ẑ is the argmax, from a second one where it is B.
   */
  private predictWithStep(x: MatrixLike | Cloud): { prediction: Prediction; newtonStep: Float64Array } {
    const spec = this.checkFitted(),
      n = spec.zDim;
    const argmax = this.params.estimate === 'argmax';
    const parts = this.mapBatches(x, (replica, batch) => {
      const r = replica.predict(batch, argmax);
      const step = argmax ? r : replica.predict(batch, true);
      return { zHat: r.zHat, cRaw: r.cRaw, step: Float32Array.from(step.zHat, (v, i) => v - step.b[i]!) };
    });
    const stepStd = concatFloat32(parts.map((p) => p.step));
    return {
      prediction: this.predictionFrom(parts),
      newtonStep: Float64Array.from(stepStd, (v, i) => v * this.zScaler_!.std[i % n]!),
    };
  }

  /** ẑ(x), σ̂(x) and Σ̂(x) for every row of x. */
  predict(x: MatrixLike | Cloud): Prediction {
    this.checkFitted();
    return this.predictionFrom(
      this.mapBatches(x, (replica, batch) => replica.predict(batch, this.params.estimate === 'argmax')),
    );
  }

  /** The prediction in the units of z from the replicas' per-batch standardised ẑ and raw C. */
  private predictionFrom(parts: { zHat: Float32Array; cRaw: Float32Array }[]): Prediction {
    const spec = this.checkFitted(),
      zDim = spec.zDim;
    const zHatStd = concatFloat32(parts.map((p) => p.zHat)),
      cRaw = concatFloat32(parts.map((p) => p.cRaw));
    return predictionFromRaw(zHatStd, cRaw, zHatStd.length / zDim, zDim, spec.epsilon, this.zScaler_!);
  }

  /** ẑ(x) (rows × N), as `predict` reads it off (see ModelParams.estimate). Name as in the reference code. */
  maximumLikelihood(x: MatrixLike | Cloud): Float64Array {
    return this.predict(x).zHat;
  }

  /** Σ̂(x) (rows × N × N). */
  covariance(x: MatrixLike | Cloud): Float64Array {
    return this.predict(x).covariance;
  }

  /** σ̂(x) (rows × N). */
  uncertainty(x: MatrixLike | Cloud): Float64Array {
    return this.predict(x).sigma;
  }

  /** log p(x|z)/p(x) = T(x,z) − c for each row pair. */
  logLikelihoodRatio(x: MatrixLike | Cloud, z: MatrixLike): Float64Array {
    this.checkFitted();
    const zs = this.standardizeZ(z);
    let r0 = 0;
    const parts = this.mapBatches(x, (replica, batch) => {
      const t = replica.evaluate(batch, zs.subarray(r0 * this.spec_!.zDim, (r0 + batch.rows) * this.spec_!.zDim));
      r0 += batch.rows;
      return t;
    });
    const out = new Float64Array(r0);
    let o = 0;
    for (const t of parts) {
      for (let i = 0; i < t.length; i++) out[o + i] = t[i]! - this.logNormalizer_;
      o += t.length;
    }
    return out;
  }

  /**
   * The Donsker–Varadhan estimate of I(X;Z) in nats on the given pairs (mean T over the pairs
   * minus log mean e^T over `permutations` fixed-point-free shuffles of z).
   */
  mutualInformation(
    x: MatrixLike | Cloud,
    z: MatrixLike,
    opts: { sampleWeight?: ArrayLike<number>; permutations?: number; seed?: number } = {},
  ): { mutualInformationNats: number; dvLoss: number; rows: number } {
    const zm = asMatrix(z, 'z');
    const n = zm.rows,
      zDim = zm.cols,
      k = opts.permutations ?? 4;
    const w = opts.sampleWeight ? checkWeights(opts.sampleWeight, n) : undefined;
    const tJoint = this.logLikelihoodRatio(x, zm);
    const rng = new Rng(opts.seed ?? 1);
    const tMarg = new Float64Array(n * k),
      wM = w ? new Float64Array(n * k) : null;
    for (let p = 0; p < k; p++) {
      const pi = rng.derangement(n);
      const zPerm = new Float64Array(n * zDim);
      for (let r = 0; r < n; r++) for (let c = 0; c < zDim; c++) zPerm[r * zDim + c] = zm.data[pi[r]! * zDim + c]!;
      tMarg.set(this.logLikelihoodRatio(x, { data: zPerm, rows: n, cols: zDim }), p * n);
      if (w && wM) for (let r = 0; r < n; r++) wM[p * n + r] = w[r]! * w[pi[r]!]!;
    }
    const tJ = new Float64Array(n * k);
    for (let p = 0; p < k; p++) tJ.set(tJoint, p * n);
    const wJ = w ? Float64Array.from({ length: n * k }, (_, i) => w[i % n]!) : null;
    const res = mutualInformationLoss('dv', tJ, tMarg, wJ, wM, new Float64Array(n * k), new Float64Array(n * k));
    return { mutualInformationNats: -res.loss, dvLoss: res.loss, rows: n };
  }

  /** The Bayesian posterior mean and covariance under a Gaussian prior N(mean, covariance) on z (row-major N×N). */
  posterior(
    x: MatrixLike | Cloud,
    prior: { mean: number[]; covariance: number[] },
  ): { mean: Float64Array; covariance: Float64Array } {
    const pred = this.predict(x);
    return gaussianPosterior(pred.zHat, pred.covariance, pred.rows, pred.zDim, prior.mean, prior.covariance);
  }

  private checkFitted(): ModelSpec {
    if (!this.spec_ || !this.weights_) throw new NotFittedError('GaussianAnsatz');
    return this.spec_;
  }

  private standardizeZ(z: MatrixLike): Float32Array {
    const zm = asMatrix(z, 'z');
    if (zm.cols !== this.spec_!.zDim)
      throw new InputError(`z has ${zm.cols} columns but the model was trained with ${this.spec_!.zDim}`);
    return standardize(zm.data, zm.rows, this.zScaler_!);
  }

  /** Runs `fn` on consecutive batches of x with a single-threaded replica; returns the per-batch results. */
  private mapBatches<T>(x: MatrixLike | Cloud, fn: (replica: Replica, batch: FeatureBatch) => T): T[] {
    const spec = this.checkFitted();
    const cloud = isCloud(x) ? x : undefined;
    const chunk = cloud ? CLOUD_CHUNK_JETS : PREDICT_BLOCK_ROWS;
    const kernels = loadKernels(this.params.backend);
    const structure = buildStructure(spec);
    const params = kernels.alloc(this.weights_!.length);
    params.set(this.weights_!);
    const xm: Matrix | undefined = cloud ? undefined : asMatrix(x as MatrixLike, 'x');
    if (xm && xm.cols !== spec.xDim)
      throw new InputError(`x has ${xm.cols} columns but the model was trained with ${spec.xDim}`);
    const rows = cloud ? cloud.offsets.length - 1 : xm!.rows;
    let maxParticles = 0;
    if (cloud)
      for (let r = 0; r < rows; r += chunk)
        maxParticles = Math.max(maxParticles, cloud.offsets[Math.min(rows, r + chunk)]! - cloud.offsets[r]!);
    const replica = new Replica(kernels, structure, params, kernels.alloc(params.length), {
      maxRows: Math.min(chunk, rows),
      maxParticles,
    });
    const xs = xm ? standardize(xm.data, rows, this.xScaler_!) : undefined;
    const ps = cloud ? standardize(cloud.particles, cloud.particles.length / cloud.dim, this.xScaler_!) : undefined;
    const out: T[] = [];
    for (let r = 0; r < rows; r += chunk) {
      const n = Math.min(chunk, rows - r);
      const batch: FeatureBatch = { rows: n };
      if (xs) batch.dense = xs.subarray(r * spec.xDim, (r + n) * spec.xDim);
      if (cloud) {
        const a = cloud.offsets[r]!,
          b = cloud.offsets[r + n]!;
        batch.particles = ps!.subarray(a * cloud.dim, b * cloud.dim);
        batch.offsets = Int32Array.from(cloud.offsets.subarray(r, r + n + 1), (o) => o - a);
      }
      out.push(fn(replica, batch));
    }
    return out;
  }
}

function checkWeights(w: ArrayLike<number>, rows: number): Float64Array {
  if (w.length !== rows) throw new InputError(`sampleWeight has ${w.length} values, expected ${rows} (one per row)`);
  const out = Float64Array.from(w);
  out.forEach((v, i) => {
    if (!(Number.isFinite(v) && v >= 0)) throw new InputError(`sample weight ${v} is not a finite non-negative number`, { row: i + 1 });
  });
  if (!(out.reduce((a, b) => a + b, 0) > 0)) throw new InputError('sample weights sum to zero');
  return out;
}

/**
 * Per-feature standardisation of particle features (over all particles). The energy weight of
 * energy-weighted architectures (feature 0 of EFN and moment EFN) is left as it is: rescaling
 * it would not change the architecture, shifting it would break IRC safety.
 */
function particleScaler(cloud: Cloud, arch: ArchName): Standardizer {
  const s = fitStandardizer(cloud.particles, cloud.particles.length / cloud.dim, cloud.dim);
  if (arch === 'efn' || arch === 'moment-efn') {
    s.mean[0] = 0;
    s.std[0] = 1;
  }
  return s;
}

/**
 * The fixed factor of PFN pooling, 1/N̄ with N̄ the mean multiplicity of the training clouds
 * (see ModelSpec.poolScale): keeps the pooled latent at the scale of Φ whatever N̄ is.
 */
function poolScaleOf(cloud: Cloud): number {
  const rows = cloud.offsets.length - 1, n = cloud.offsets[rows]! - cloud.offsets[0]!;
  return n > 0 ? rows / n : 1;
}

/** The rows `rows` of a matrix. */
function matrixRows(m: Matrix, rows: ArrayLike<number>): Matrix {
  const data = new Float64Array(rows.length * m.cols);
  for (let k = 0; k < rows.length; k++)
    for (let c = 0; c < m.cols; c++) data[k * m.cols + c] = m.data[rows[k]! * m.cols + c]!;
  return { data, rows: rows.length, cols: m.cols };
}

/** The clouds `rows` of a cloud set. */
function cloudRows(cloud: Cloud, rows: ArrayLike<number>): Cloud {
  const offsets = new Int32Array(rows.length + 1);
  for (let k = 0; k < rows.length; k++)
    offsets[k + 1] = offsets[k]! + cloud.offsets[rows[k]! + 1]! - cloud.offsets[rows[k]!]!;
  const particles = new Float32Array(offsets[rows.length]! * cloud.dim);
  for (let k = 0; k < rows.length; k++)
    particles.set(
      cloud.particles.subarray(cloud.offsets[rows[k]!]! * cloud.dim, cloud.offsets[rows[k]! + 1]! * cloud.dim),
      offsets[k]! * cloud.dim,
    );
  return { particles, offsets, dim: cloud.dim };
}

function concatFloat32(parts: readonly Float32Array[]): Float32Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Float32Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
