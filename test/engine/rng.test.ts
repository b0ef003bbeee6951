import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';

/** FNV-1a over the float64 bits of every draw of 20 000 calls of Rng's methods in a seeded random order. */
function streamFingerprint(seed: number): string {
  const rng = new Rng(seed), pick = new Rng(seed + 1), buf = new Float64Array(1), bytes = new Uint8Array(buf.buffer);
  let h = 0x811c9dc5;
  const add = (x: number): void => {
    buf[0] = x;
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
  };
  const alpha = [0.3, 1, 2.5, 0.08, 4.92];
  for (let k = 0; k < 20000; k++) {
    switch (pick.int(12)) {
      case 0: add(rng.uniform()); break;
      case 1: add(rng.normal()); break;
      case 2: add(rng.exponential(2.5)); break;
      case 3: add(rng.gamma([0.3, 0.45, 1, 4][k & 3]!)); break;
      case 4: add(rng.poisson([0.5, 3, 29.9, 30, 250][k % 5]!)); break;
      case 5: add(rng.int(7)); break;
      case 6: add(rng.uniformIn(0.6, 1.5)); break;
      case 7: add(rng.nextUint32()); break;
      case 8: rng.dirichlet(alpha).forEach(add); break;
      case 9: rng.permutation(9).forEach(add); break;
      case 10: rng.derangement(6).forEach(add); break;
      default: rng.shuffle([1, 2, 3, 4, 5]).forEach(add);
    }
  }
  return (h >>> 0).toString(16);
}

describe('Rng', () => {
  it('gives the same stream as ever: fingerprints recorded from the implementation before its allocation-free rewrite (2026-11-30)', () => {
    // Seeded models, simulated samples and study results depend on every draw staying as it was.
    const expected: Record<string, string> = { 0: 'df299ed3', 1: '13f465c1', 7: '83320627', [-3]: 'da037df1', 123456789: 'dbf9b0be', [2 ** 32 + 5]: '14eeb28c' };
    for (const [seed, fingerprint] of Object.entries(expected)) expect(streamFingerprint(Number(seed)), `seed ${seed}`).toBe(fingerprint);
  });

  it('gammaSum(shape, out, count) fills out with what count calls of gamma(shape) give, and returns their sum', () => {
    const a = new Rng(5), b = new Rng(5), out = new Float64Array(7);
    const each = Array.from({ length: 7 }, () => a.gamma(0.3));
    expect(b.gammaSum(0.3, out, 7)).toBe(each.reduce((s, v) => s + v, 0));
    expect(Array.from(out)).toEqual(each);
  });

  it('throws on a gamma shape ≤ 0', () => {
    expect(() => new Rng(1).gamma(0)).toThrow(/shape is 0/);
  });
});
