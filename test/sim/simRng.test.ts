import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';
import { SimRng } from '../../src/sim/simRng.js';

describe('SimRng', () => {
  it('gives Rng\'s stream draw for draw, bit for bit, over every method the simulator uses (gammaSum as repeated gamma)', () => {
    for (const seed of [0, 1, 7, -3, 123456789, 2 ** 32 + 5]) {
      const a = new Rng(seed), b = new SimRng(seed), pick = new Rng(seed + 1);
      const alpha = [0.3, 1, 2.5, 8 * 0.01, 8 * 0.615];
      for (let k = 0; k < 20000; k++) {
        // Interleave the methods at random so that the spare normal deviate is exercised in every context.
        const which = pick.int(10);
        let x: number, y: number;
        switch (which) {
          case 0: x = a.uniform(); y = b.uniform(); break;
          case 1: x = a.normal(); y = b.normal(); break;
          case 2: x = a.exponential(2.5); y = b.exponential(2.5); break;
          case 3: { const s = [0.3, 0.45, 1, 4][k & 3]!; x = a.gamma(s); y = b.gamma(s); break; }
          case 4: { const m = [0.5, 3, 29.9, 30, 250][k % 5]!; x = a.poisson(m); y = b.poisson(m); break; }
          case 5: x = a.int(7); y = b.int(7); break;
          case 6: x = a.uniformIn(0.6, 1.5); y = b.uniformIn(0.6, 1.5); break;
          case 7: x = a.nextUint32(); y = b.nextUint32(); break;
          case 8: {
            // gammaSum: count draws into out and their sum, as Rng.gamma one by one.
            const count = 1 + (k % 7), out = new Float64Array(count), each = new Float64Array(count);
            let sum = 0;
            for (let i = 0; i < count; i++) sum += (each[i] = a.gamma(0.3));
            y = b.gammaSum(0.3, out, count);
            x = sum;
            expect(Array.from(out)).toEqual(Array.from(each));
            break;
          }
          default: {
            const da = a.dirichlet(alpha), db = b.dirichlet(alpha, new Float64Array(5));
            expect(Array.from(db)).toEqual(Array.from(da));
            x = da[0]!; y = db[0]!;
          }
        }
        if (!Object.is(x, y)) expect.fail(`seed ${seed}, draw ${k} (method ${which}): Rng ${x}, SimRng ${y}`);
      }
    }
  });

  it('throws like Rng on a gamma shape ≤ 0', () => {
    expect(() => new SimRng(1).gamma(0)).toThrow(/shape is 0/);
  });
});
