import { describe, expect, it } from 'vitest';
import { GaussianAnsatz } from '../../src/ansatz/GaussianAnsatz.js';
import { predictParallel, PARALLEL_PREDICT_MIN_ROWS } from '../../src/ansatz/predictParallel.js';
import { Rng } from '../../src/engine/rng.js';

describe('predictParallel(model, x)', () => {
  it('gives predict()\'s ẑ, σ̂ and covariance on 2 threads for a 2-D z', async () => {
    const rng = new Rng(5);
    const n = 4000;
    const z = new Float64Array(2 * n), x = new Float64Array(3 * n);
    for (let r = 0; r < n; r++) {
      const a = rng.normal(), b = rng.normal();
      z.set([a, b], 2 * r);
      x.set([a + 0.5 * rng.normal(), b + 0.5 * rng.normal(), rng.normal()], 3 * r);
    }
    const model = await new GaussianAnsatz({ epochs: 1, hidden: [16], seed: 2, patience: 0, stages: 1, threads: 1 }).fit({ data: x, rows: n, cols: 3 }, { data: z, rows: n, cols: 2 });
    const rows = PARALLEL_PREDICT_MIN_ROWS + 123;
    const big = new Float64Array(3 * rows);
    for (let i = 0; i < big.length; i++) big[i] = x[i % x.length]!;
    const single = model.predict({ data: big, rows, cols: 3 });
    const parallel = await predictParallel(model, { data: big, rows, cols: 3 }, { threads: 2 });
    expect(parallel.rows).toBe(rows);
    for (const key of ['zHat', 'sigma', 'covariance'] as const) {
      let worst = 0;
      for (let i = 0; i < single[key].length; i++) worst = Math.max(worst, Math.abs(single[key][i]! - parallel[key][i]!) / (1e-6 + Math.abs(single[key][i]!)));
      expect(worst, key).toBeLessThan(1e-5);
    }
  });
});
