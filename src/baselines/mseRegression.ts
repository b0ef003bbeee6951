import { loadKernels, type BackendName } from '../engine/backend.js';
import { Rng } from '../engine/rng.js';
import { Mlp, layoutMlp } from '../nn/mlp.js';
import { ParamLayout } from '../nn/params.js';
import { fitStandardizer, standardize, type Standardizer } from '../ansatz/scaler.js';
import { asMatrix, type MatrixLike } from '../ansatz/inputs.js';
import { NotFittedError, ParameterError } from '../errors.js';
import type { Activation } from '../engine/kernels.js';

export interface MseRegressionOptions {
  hidden: number[];
  act: Activation;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  backend: BackendName;
}

/**
 * The naive calibration: a neural network trained with mean squared error, f(x) ≈ E[z|x].
 * Its answer depends on the prior p(z) of the training sample (arXiv:2205.05084) — the
 * baseline the Gaussian Ansatz is compared with. Sample weights enter the loss.
 *
 * @example
 * const f = new MseRegression({ epochs: 20 }).fit(x, z);
 * f.predict(x);
 */
export class MseRegression {
  readonly options: MseRegressionOptions;
  private state: { layers: ReturnType<typeof layoutMlp>; params: Float32Array; xs: Standardizer; zs: Standardizer; xDim: number } | undefined;

  constructor(options: Partial<MseRegressionOptions> = {}) {
    this.options = { hidden: [64, 64, 64], act: 'relu', epochs: 20, batchSize: 256, learningRate: 1e-3, seed: 0, backend: 'auto', ...options };
    if (!(this.options.learningRate > 0)) throw new ParameterError('learningRate', 'MseRegression', 'a float in (0, inf)', this.options.learningRate);
  }

  /** Fits f on x (rows × xDim) and a one-column z, minimising Σ w (f(x) − z)² / Σ w. Returns `this`. */
  fit(x: MatrixLike, z: ArrayLike<number>, sampleWeight?: ArrayLike<number>): this {
    const o = this.options, xm = asMatrix(x, 'x'), n = xm.rows;
    const kernels = loadKernels(o.backend);
    const layout = new ParamLayout();
    const layers = layoutMlp(layout, 'f', { inDim: xm.cols, hidden: o.hidden, outDim: 1, act: o.act, outAct: 'linear' });
    const rng = new Rng(o.seed);
    const params = layout.initialise(kernels.alloc(layout.length), rng);
    const grads = kernels.alloc(layout.length), m = kernels.alloc(layout.length), v = kernels.alloc(layout.length);
    const xs = fitStandardizer(xm.data, n, xm.cols, sampleWeight), zs = fitStandardizer(z, n, 1, sampleWeight);
    const xStd = standardize(xm.data, n, xs), zStd = standardize(z, n, zs);
    const bs = Math.min(o.batchSize, n);
    const mlp = new Mlp(kernels, layers, params, grads, bs);
    const xb = kernels.alloc(bs * xm.cols);
    let step = 0;
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      const order = rng.permutation(n);
      for (let b0 = 0; b0 < n; b0 += bs) {
        const rows = Math.min(bs, n - b0);
        let wSum = 0;
        for (let r = 0; r < rows; r++) {
          const i = order[b0 + r]!;
          xb.set(xStd.subarray(i * xm.cols, (i + 1) * xm.cols), r * xm.cols);
          wSum += sampleWeight ? sampleWeight[i]! : 1;
        }
        const y = mlp.forward(xb, rows), dy = mlp.outputGradient();
        for (let r = 0; r < rows; r++) {
          const i = order[b0 + r]!;
          dy[r] = (2 * (sampleWeight ? sampleWeight[i]! : 1) * (y[r]! - zStd[i]!)) / wSum;
        }
        grads.fill(0);
        mlp.backward(null);
        kernels.adam(params, grads, m, v, { lr: o.learningRate, beta1: 0.9, beta2: 0.999, eps: 1e-7, step: ++step, l2: 0 });
      }
    }
    this.state = { layers, params, xs, zs, xDim: xm.cols };
    return this;
  }

  /** f(x) in the units of z. */
  predict(x: MatrixLike): Float64Array {
    if (!this.state) throw new NotFittedError('MseRegression');
    const { layers, params, xs, zs, xDim } = this.state;
    const xm = asMatrix(x, 'x'), n = xm.rows, chunk = 8192;
    const kernels = loadKernels(this.options.backend);
    const mlp = new Mlp(kernels, layers, params, kernels.alloc(params.length), Math.min(chunk, n));
    const xStd = standardize(xm.data, n, xs);
    const out = new Float64Array(n);
    for (let r0 = 0; r0 < n; r0 += chunk) {
      const rows = Math.min(chunk, n - r0);
      const y = mlp.forward(xStd.subarray(r0 * xDim, (r0 + rows) * xDim), rows);
      for (let r = 0; r < rows; r++) out[r0 + r] = y[r]! * zs.std[0]! + zs.mean[0]!;
    }
    return out;
  }
}
