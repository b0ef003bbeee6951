import { describe, expect, it } from 'vitest';
import { mutualInformationLoss } from '../../src/train/loss.js';
import { Rng } from '../../src/engine/rng.js';

const grads = (n: number) => [new Float64Array(n), new Float64Array(n)] as const;

describe('mutualInformationLoss', () => {
  it("mutualInformationLoss('dv', …) equals −(mean T − log mean e^T') on moderate values", () => {
    const tJ = [0.3, -0.2, 1.1], tM = [0.5, -1.0, 0.2];
    const [gJ, gM] = grads(3);
    const { loss } = mutualInformationLoss('dv', tJ, tM, null, null, gJ, gM);
    const naive = -((0.3 - 0.2 + 1.1) / 3 - Math.log((Math.exp(0.5) + Math.exp(-1) + Math.exp(0.2)) / 3));
    expect(loss).toBeCloseTo(naive, 12);
  });

  it("mutualInformationLoss('dv', …) is finite for T' = 1e4 (log-sum-exp; the naive form overflows)", () => {
    const [gJ, gM] = grads(2);
    const { loss } = mutualInformationLoss('dv', [0, 0], [1e4, 1e4 - 1], null, null, gJ, gM);
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeCloseTo(1e4 + Math.log((1 + Math.exp(-1)) / 2), 6);
    expect(gM[0]! + gM[1]!).toBeCloseTo(1, 12);
  });

  for (const name of ['dv', 'mlc'] as const) {
    it(`mutualInformationLoss('${name}', …) gradients match finite differences, with weights`, () => {
      const rng = new Rng(2);
      const n = 6;
      const tJ = Array.from({ length: n }, () => rng.normal());
      const tM = Array.from({ length: n }, () => rng.normal());
      const wJ = Array.from({ length: n }, () => 0.2 + rng.uniform());
      const wM = Array.from({ length: n }, () => 0.2 + rng.uniform());
      const [gJ, gM] = grads(n);
      mutualInformationLoss(name, tJ, tM, wJ, wM, gJ, gM);
      const f = (a: number[], b: number[]): number => mutualInformationLoss(name, a, b, wJ, wM, ...grads(n)).loss;
      const h = 1e-6;
      for (let i = 0; i < n; i++) {
        const up = [...tJ], dn = [...tJ];
        up[i]! += h;
        dn[i]! -= h;
        expect(gJ[i]!).toBeCloseTo((f(up, tM) - f(dn, tM)) / (2 * h), 6);
        const upM = [...tM], dnM = [...tM];
        upM[i]! += h;
        dnM[i]! -= h;
        expect(gM[i]!).toBeCloseTo((f(tJ, upM) - f(tJ, dnM)) / (2 * h), 6);
      }
    });
  }

  it('mutualInformationLoss(…, weights) equals the unweighted loss on rows replicated by their integer weights', () => {
    const tJ = [0.1, 0.7, -0.4], tM = [0.3, -0.6, 0.9], w = [1, 3, 2], v = [2, 1, 4];
    const weighted = mutualInformationLoss('dv', tJ, tM, w, v, ...grads(3)).loss;
    const repJ = tJ.flatMap((t, i) => Array(w[i]).fill(t) as number[]);
    const repM = tM.flatMap((t, i) => Array(v[i]).fill(t) as number[]);
    // joint and marginal sets of different sizes: evaluate the two means separately
    const jointMean = repJ.reduce((a, b) => a + b, 0) / repJ.length;
    const logMeanExp = Math.log(repM.reduce((a, b) => a + Math.exp(b), 0) / repM.length);
    expect(weighted).toBeCloseTo(-(jointMean - logMeanExp), 12);
  });
});
