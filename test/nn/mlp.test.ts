import { describe, expect, it } from 'vitest';
import { jsKernels } from '../../src/engine/jsKernels.js';
import { Rng } from '../../src/engine/rng.js';
import { Mlp, layoutMlp } from '../../src/nn/mlp.js';
import { ParamLayout } from '../../src/nn/params.js';
import type { Activation } from '../../src/engine/kernels.js';
import { finiteDifference, relativeError } from '../helpers/gradcheck.js';

function setup(act: Activation) {
  const layout = new ParamLayout();
  const layers = layoutMlp(layout, 'net', { inDim: 3, hidden: [5, 4], outDim: 2, act, outAct: 'linear' });
  const rng = new Rng(3);
  const params = layout.initialise(new Float32Array(layout.length), rng);
  for (let i = 0; i < params.length; i++) params[i]! += 0.1 * rng.normal(); // non-zero biases too
  const grads = new Float32Array(layout.length);
  const rows = 6;
  const x = Float32Array.from({ length: rows * 3 }, () => rng.normal());
  const target = Float32Array.from({ length: rows * 2 }, () => rng.normal());
  const mlp = new Mlp(jsKernels, layers, params, grads, rows);
  // loss = ½ Σ (y − target)²
  const loss = (): number => {
    const y = mlp.forward(x, rows);
    let s = 0;
    for (let i = 0; i < y.length; i++) s += 0.5 * (y[i]! - target[i]!) ** 2;
    return s;
  };
  return { mlp, params, grads, x, target, rows, loss };
}

describe('Mlp', () => {
  for (const act of ['relu', 'leakyRelu', 'softplus', 'linear'] as const) {
    it(`Mlp.backward() matches finite differences for ${act} layers`, () => {
      const { mlp, params, grads, x, target, rows, loss } = setup(act);
      const y = mlp.forward(x, rows);
      const dy = mlp.outputGradient();
      for (let i = 0; i < y.length; i++) dy[i] = y[i]! - target[i]!;
      const dx = new Float32Array(rows * 3);
      mlp.backward(dx);
      const all = Array.from({ length: params.length }, (_, i) => i);
      const numeric = finiteDifference(params, loss, all, 1e-2);
      // kinks of relu/leakyRelu within ±h of a pre-activation spoil a few entries; h = 1e-2 with
      // unit-scale inputs makes that rare, and the norm-wise error below absorbs one or two.
      expect(relativeError(Array.from(grads), numeric)).toBeLessThan(act === 'relu' || act === 'leakyRelu' ? 3e-2 : 5e-3);
      const dxNumeric = finiteDifference(x, loss, Array.from({ length: x.length }, (_, i) => i), 1e-2);
      expect(relativeError(Array.from(dx), dxNumeric)).toBeLessThan(act === 'relu' || act === 'leakyRelu' ? 3e-2 : 5e-3);
    });
  }
});

describe('adam', () => {
  it('adam(params, grads, m, v, step 1) moves each weight by lr·sign(g) (bias-corrected first step)', () => {
    const params = Float32Array.from([1, -2, 0.5]);
    const grads = Float32Array.from([0.3, -4, 0]);
    const m = new Float32Array(3), v = new Float32Array(3);
    jsKernels.adam(params, grads, m, v, { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-7, step: 1, l2: 0 });
    // m̂ = g, v̂ = g² ⇒ Δ = −lr · g / (|g| + eps)
    expect(params[0]).toBeCloseTo(1 - 0.1 * 0.3 / (0.3 + 1e-7), 6);
    expect(params[1]).toBeCloseTo(-2 + 0.1 * 4 / (4 + 1e-7), 6);
    expect(params[2]).toBeCloseTo(0.5, 7);
  });

  it('adam(...) with l2 adds 2·l2·w to the gradient, then follows the hand-computed second step', () => {
    const params = Float32Array.from([2]);
    const m = new Float32Array(1), v = new Float32Array(1);
    const l2 = 0.05, lr = 0.01, b1 = 0.9, b2 = 0.999;
    let w = 2, mm = 0, vv = 0;
    for (let step = 1; step <= 2; step++) {
      const g0 = 0.5 * step;
      jsKernels.adam(params, Float32Array.from([g0]), m, v, { lr, beta1: b1, beta2: b2, eps: 1e-7, step, l2 });
      const g = g0 + 2 * l2 * w;
      mm = b1 * mm + (1 - b1) * g;
      vv = b2 * vv + (1 - b2) * g * g;
      w -= (lr * (mm / (1 - b1 ** step))) / (Math.sqrt(vv / (1 - b2 ** step)) + 1e-7);
    }
    expect(params[0]).toBeCloseTo(w, 6);
  });
});
