import { describe, expect, it } from 'vitest';
import { runGaussianExample } from '../../src/studies/gaussianExample.js';

/**
 * The papers' Gaussian example as `ansatz demo --gaussian` runs it: 2·10⁵ rows, the Gaussian
 * Ansatz trained with the defaults. Tolerances: the known-answer suite's, ẑ within 0.15σ = 0.3 and
 * σ̂ within 12 % = 0.24 of the analytic answer (test/studies/knownAnswers.test.ts says why); the
 * MI on 4·10⁴ held-out rows has a standard error of about √(Var T/n) ≈ 0.003 nats.
 */
describe('Gaussian example: z ~ N(0, 1), x|z ~ N(z, 2²)', () => {
  it('GaussianAnsatz, with its defaults, learns ẑ(x) = x, σ̂(x) = 2 on x ∈ [−2, 2] and I(X;Z) = ½ln(1 + 1/4); MSE regression learns x/5', async () => {
    const res = await runGaussianExample();
    for (const r of res.rows) {
      expect(Math.abs(r.zHat - r.x), `x = ${r.x}`).toBeLessThan(0.3);
      expect(Math.abs(r.sigma - 2), `x = ${r.x}`).toBeLessThan(0.24);
      // the naive MSE regression returns E[z|x] = x/5, not the maximum-likelihood x
      expect(Math.abs(r.mse - r.mseAnalytic)).toBeLessThan(0.05);
    }
    expect(Math.abs(res.mutualInformationNats - 0.5 * Math.log(1.25))).toBeLessThan(0.01);
  });
});
