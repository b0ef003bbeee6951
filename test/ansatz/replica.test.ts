import { describe, expect, it } from 'vitest';
import { jsKernels } from '../../src/engine/jsKernels.js';
import { Rng } from '../../src/engine/rng.js';
import { Replica } from '../../src/ansatz/replica.js';
import { buildStructure, type ModelSpec } from '../../src/ansatz/structure.js';
import { mutualInformationLoss } from '../../src/train/loss.js';
import { finiteDifference, relativeError } from '../helpers/gradcheck.js';

/** A small model, a batch, and the full training loss (DV + L1 on D) as a function of the parameters. */
function setup(zDim: number, loss: 'dv' | 'mlc', withWeights: boolean) {
  const spec: ModelSpec = { arch: 'dnn', xDim: 2, zDim, hidden: [6, 5], act: 'softplus', epsilon: 1e-3 };
  const structure = buildStructure(spec);
  const rng = new Rng(11 + zDim);
  const params = structure.layout.initialise(new Float32Array(structure.layout.length), rng);
  for (let i = 0; i < params.length; i++) params[i]! += 0.2 * rng.normal();
  const grads = new Float32Array(params.length);
  const rows = 7;
  const replica = new Replica(jsKernels, structure, params, grads, { maxRows: rows, maxParticles: 0 });
  const x = Float32Array.from({ length: rows * 2 }, () => rng.normal());
  const z = Float32Array.from({ length: rows * zDim }, () => rng.normal());
  const pi = rng.derangement(rows);
  const zMarg = Float32Array.from({ length: rows * zDim }, (_, k) => z[pi[Math.floor(k / zDim)]! * zDim + (k % zDim)]!);
  const w = withWeights ? Float64Array.from({ length: rows }, () => 0.5 + rng.uniform()) : null;
  const wM = w ? Float64Array.from({ length: rows }, (_, r) => w[r]! * w[pi[r]!]!) : null;
  const lambda = 0.3;
  const wSum = w ? w.reduce((a, b) => a + b, 0) : rows;
  const penaltyFactor = Float64Array.from({ length: rows }, (_, r) => (lambda * (w ? w[r]! : 1)) / wSum);
  const gJ = new Float64Array(rows), gM = new Float64Array(rows);
  const total = (): number => {
    replica.forward({ rows, dense: x }, z, zMarg);
    const res = mutualInformationLoss(loss, replica.tJoint.subarray(0, rows), replica.tMarg.subarray(0, rows), w, wM, gJ, gM);
    // the L1 penalty on D, read back by a B-free forward: D's head output is rows × zDim
    const d = (replica as unknown as { outputs: { d: Float32Array } }).outputs.d;
    let pen = 0;
    for (let r = 0; r < rows; r++) for (let k = 0; k < zDim; k++) pen += penaltyFactor[r]! * Math.abs(d[r * zDim + k]!);
    return res.loss + pen;
  };
  return { replica, params, grads, total, gJ, gM, penaltyFactor, rows };
}

describe('Replica', () => {
  for (const [zDim, loss, weighted] of [[1, 'dv', false], [1, 'mlc', true], [3, 'dv', true]] as const) {
    it(`Replica.backward() matches finite differences of the ${loss.toUpperCase()} loss + L1(D), z ∈ R^${zDim}${weighted ? ', weighted' : ''}`, () => {
      const { replica, params, grads, total, gJ, gM, penaltyFactor } = setup(zDim, loss, weighted);
      total();
      grads.fill(0);
      replica.backward(gJ, gM, penaltyFactor);
      const analytic = Array.from(grads);
      const all = Array.from({ length: params.length }, (_, i) => i);
      const numeric = finiteDifference(params, total, all, 1e-2);
      // softplus activations keep the function smooth; the float32 forward limits agreement to ~1e-3.
      expect(relativeError(analytic, numeric)).toBeLessThan(1e-2);
    });
  }

  it('Replica.pretrain() returns the MSE loss whose gradient matches finite differences', () => {
    const spec: ModelSpec = { arch: 'dnn', xDim: 2, zDim: 2, hidden: [5], act: 'softplus', epsilon: 1e-3 };
    const structure = buildStructure(spec);
    const rng = new Rng(5);
    const params = structure.layout.initialise(new Float32Array(structure.layout.length), rng);
    const grads = new Float32Array(params.length);
    const rows = 5;
    const replica = new Replica(jsKernels, structure, params, grads, { maxRows: rows, maxParticles: 0 });
    const x = Float32Array.from({ length: rows * 2 }, () => rng.normal());
    const z = Float32Array.from({ length: rows * 2 }, () => rng.normal());
    const w = new Float64Array(rows).fill(1 / rows);
    const f = (): number => replica.pretrain({ rows, dense: x }, z, w, -1);
    grads.fill(0);
    f();
    const analytic = Array.from(grads);
    const numeric = finiteDifference(params, () => {
      const saved = grads.slice();
      const v = f();
      grads.set(saved);
      return v;
    }, Array.from({ length: params.length }, (_, i) => i));
    expect(relativeError(analytic, numeric)).toBeLessThan(1e-2);
  });
});
