import { describe, expect, it } from 'vitest';
import '../../src/archs/index.js';
import { jsKernels } from '../../src/engine/jsKernels.js';
import { Rng } from '../../src/engine/rng.js';
import { Replica } from '../../src/ansatz/replica.js';
import { buildStructure, type ArchName, type ModelSpec } from '../../src/ansatz/structure.js';
import { mutualInformationLoss } from '../../src/train/loss.js';
import { GaussianAnsatz } from '../../src/ansatz/GaussianAnsatz.js';
import { momentTuples } from '../../src/archs/index.js';
import { finiteDifference, relativeError } from '../helpers/gradcheck.js';

function cloud(rng: Rng, jets: number, dim: number) {
  const offsets = new Int32Array(jets + 1);
  for (let r = 0; r < jets; r++) offsets[r + 1] = offsets[r]! + 2 + rng.int(5);
  const particles = Float32Array.from({ length: offsets[jets]! * dim }, (_, k) => (k % dim === 0 ? 0.05 + rng.uniform() : rng.normal()));
  return { particles, offsets };
}

function replicaFor(arch: ArchName, dim: number, rows: number, maxParticles: number, order = 2, poolScale?: number, extra: Partial<ModelSpec> = {}) {
  const spec: ModelSpec = { arch, xDim: dim, zDim: 1, hidden: [5], act: 'softplus', epsilon: 1e-3, phiSizes: [6, 4], order, ...(poolScale !== undefined ? { poolScale } : {}), ...extra };
  const structure = buildStructure(spec);
  const rng = new Rng(8);
  const params = structure.layout.initialise(new Float32Array(structure.layout.length), rng);
  const grads = new Float32Array(params.length);
  return { replica: new Replica(jsKernels, structure, params, grads, { maxRows: rows, maxParticles }), params, grads };
}

describe('particle-cloud architectures', () => {
  for (const [arch, dim] of [['efn', 3], ['pfn', 3], ['pfn-pid', 4], ['moment-efn', 3]] as const) {
    it(`${arch}: Replica.backward() through Φ and the pooling matches finite differences of the DV loss`, () => {
      const rng = new Rng(3);
      const rows = 5;
      const { particles, offsets } = cloud(rng, rows, dim);
      const { replica, params, grads } = replicaFor(arch, dim, rows, offsets[rows]!);
      const z = Float32Array.from({ length: rows }, () => rng.normal());
      const pi = rng.derangement(rows);
      const zMarg = Float32Array.from(pi, (j) => z[j]!);
      const gJ = new Float64Array(rows), gM = new Float64Array(rows);
      const batch = { rows, particles, offsets };
      const loss = (): number => {
        replica.forward(batch, z, zMarg);
        return mutualInformationLoss('dv', replica.tJoint.subarray(0, rows), replica.tMarg.subarray(0, rows), null, null, gJ, gM).loss;
      };
      loss();
      grads.fill(0);
      replica.backward(gJ, gM, new Float64Array(rows));
      const numeric = finiteDifference(params, loss, Array.from({ length: params.length }, (_, i) => i));
      expect(relativeError(Array.from(grads), numeric)).toBeLessThan(1e-2);
    });
  }

  it('efn: the latent is IRC safe (a zero-energy particle or a collinear split leaves it unchanged) and permutation invariant', () => {
    const rng = new Rng(4);
    const { replica } = replicaFor('efn', 3, 1, 10);
    const base = Float32Array.from([0.5, 0.1, -0.2, 0.3, -0.3, 0.4, 0.2, 0.0, 0.1]);
    const latentOf = (p: Float32Array): number[] => {
      const emb = (replica as unknown as { nets: { A: { embedding: { forward: (b: object) => Float32Array } } } }).nets.A.embedding;
      return Array.from(emb.forward({ rows: 1, particles: p, offsets: Int32Array.from([0, p.length / 3]) }));
    };
    const ref = latentOf(base);
    const withSoft = Float32Array.from([...base, 0, rng.normal(), rng.normal()]);
    const split = Float32Array.from([0.25, 0.1, -0.2, 0.25, 0.1, -0.2, ...base.subarray(3)]);
    const permuted = Float32Array.from([...base.subarray(6), ...base.subarray(0, 6)]);
    for (const other of [withSoft, split, permuted]) latentOf(other).forEach((v, k) => expect(v).toBeCloseTo(ref[k]!, 6));
  });

  it('pfn: the pooled latent is poolScale · Σ_i Φ(p_i) (a fixed constant times the plain sum), permutation invariant', () => {
    const latentOf = (poolScale: number | undefined, p: Float32Array): number[] => {
      const { replica } = replicaFor('pfn', 3, 1, 10, 2, poolScale);
      const emb = (replica as unknown as { nets: { A: { embedding: { forward: (b: object) => Float32Array } } } }).nets.A.embedding;
      return Array.from(emb.forward({ rows: 1, particles: p, offsets: Int32Array.from([0, p.length / 3]) }));
    };
    const base = Float32Array.from([0.5, 0.1, -0.2, 0.3, -0.3, 0.4, 0.2, 0.0, 0.1]);
    const permuted = Float32Array.from([...base.subarray(6), ...base.subarray(0, 6)]);
    const plain = latentOf(undefined, base), scaled = latentOf(0.25, base), scaledPermuted = latentOf(0.25, permuted);
    expect(plain.some((v) => v !== 0)).toBe(true);
    plain.forEach((v, k) => {
      expect(scaled[k]!).toBeCloseTo(0.25 * v, 6);
      expect(scaledPermuted[k]!).toBeCloseTo(0.25 * v, 6);
    });
  });

  it('fit() fixes the PFN pool scale to 1/N̄ of the training clouds and keeps EFN a plain energy-weighted sum', async () => {
    const rng = new Rng(9);
    const jets = 200;
    for (const arch of ['pfn', 'efn'] as const) {
      const { particles, offsets } = cloud(rng, jets, 3);
      const z = Float64Array.from({ length: jets }, () => rng.normal());
      const model = await new GaussianAnsatz({ arch, phiSizes: [4, 4], hidden: [4], epochs: 1, batchSize: 64, learningRate: 1e-3 }).fit({ particles, offsets, dim: 3 }, z);
      if (arch === 'pfn') expect(model.spec_!.poolScale).toBeCloseTo(jets / offsets[jets]!, 12);
      else expect(model.spec_!.poolScale).toBeUndefined();
    }
  });

  it("Φ's last layer: fit() stores a linear latent for the EFN; a spec without latentAct (version-1 model files) keeps act (ReLU) there", async () => {
    const rng = new Rng(4);
    const { particles, offsets } = cloud(rng, 40, 3);
    const latentOf = (extra: Partial<ModelSpec>): number[] => {
      const { replica } = replicaFor('efn', 3, 40, offsets[40]!, 1, undefined, { act: 'relu', phiSizes: [8, 8], ...extra });
      const emb = (replica as unknown as { nets: { A: { embedding: { forward: (b: object) => Float32Array } } } }).nets.A.embedding;
      return Array.from(emb.forward({ rows: 40, particles, offsets }));
    };
    // Energy weights are positive, so a ReLU latent pools to ≥ 0 and a linear one (same weights) does not.
    expect(latentOf({}).every((v) => v >= 0)).toBe(true);
    expect(latentOf({ latentAct: 'linear' }).some((v) => v < 0)).toBe(true);
    const z = Float64Array.from({ length: 40 }, () => rng.normal());
    const fitted = await new GaussianAnsatz({ arch: 'efn', phiSizes: [4, 4], hidden: [4], epochs: 1, batchSize: 20 }).fit({ particles, offsets, dim: 3 }, z);
    expect(fitted.spec_!.latentAct).toBe('linear');
    const pfn = await new GaussianAnsatz({ arch: 'pfn', phiSizes: [4, 4], hidden: [4], epochs: 1, batchSize: 20 }).fit({ particles, offsets, dim: 3 }, z);
    expect(pfn.spec_!.latentAct).toBeUndefined();
    const dense = await new GaussianAnsatz({ hidden: [4], epochs: 1, batchSize: 20 }).fit({ data: Float64Array.from(z), rows: 40, cols: 1 }, z);
    expect(dense.spec_!.latentAct).toBeUndefined();
  });

  it('momentTuples(L, k) lists L + L(L+1)/2 tuples for k = 2', () => {
    expect(momentTuples(4, 2).length).toBe(4 + 10);
    expect(momentTuples(3, 3).length).toBe(3 + 6 + 10);
  });

  for (const arch of ['efn', 'pfn', 'pfn-pid', 'moment-efn'] as const) {
    it(`GaussianAnsatz({arch: '${arch}'}).fit(cloud, z) trains an epoch and predicts finite ẑ, σ̂`, async () => {
      const rng = new Rng(6);
      const jets = 600, dim = arch === 'pfn-pid' ? 4 : 3;
      const { particles, offsets } = cloud(rng, jets, dim);
      const z = Float64Array.from({ length: jets }, (_, r) => {
        let s = 0;
        for (let i = offsets[r]!; i < offsets[r + 1]!; i++) s += particles[i * dim]!;
        return s + 0.1 * rng.normal();
      });
      const model = await new GaussianAnsatz({ arch, phiSizes: [8, 8], hidden: [8], epochs: 1, batchSize: 128, learningRate: 1e-3, order: 2 }).fit({ particles, offsets, dim }, z);
      const p = model.predict({ particles, offsets, dim });
      expect(p.rows).toBe(jets);
      expect(p.zHat.every(Number.isFinite)).toBe(true);
      expect(p.sigma.every((s) => Number.isFinite(s) && s > 0)).toBe(true);
    });
  }
});
