import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';
import { InputError, ParameterError } from '../../src/errors.js';
import { makeTable } from '../../src/io/table.js';
import { applySwaps, correlateExponential, correlateGaussian, correlateTable, orderLabels, randomizeLabels } from '../../src/dijets/index.js';

function dijetTable(n: number, seed: number) {
  const rng = new Rng(seed);
  const col = (f: () => number) => Float64Array.from({ length: n }, f);
  return makeTable({
    pt_a: col(() => rng.uniformIn(600, 1000)),
    pt_b: col(() => rng.uniformIn(600, 1000)),
    sig_a: col(() => rng.uniformIn(25, 45)),
    sig_b: col(() => rng.uniformIn(25, 45)),
    weight: col(() => 1),
  });
}

const opts = { zhat: ['pt_a', 'pt_b'] as [string, string], sigma: ['sig_a', 'sig_b'] as [string, string], lambda: 120 };

describe('correlateTable', () => {
  it('correlateTable(table, gaussian) keeps every input column and adds the corrected columns and cov_corr', () => {
    const t = dijetTable(500, 41);
    const out = correlateTable(t, { ...opts, mode: 'gaussian' });
    expect(out.names).toEqual(['pt_a', 'pt_b', 'sig_a', 'sig_b', 'weight', 'pt_a_corr', 'pt_b_corr', 'sig_a_corr', 'sig_b_corr', 'cov_corr']);
    expect(out.rows).toBe(500);
    expect(out.columns.weight).toBe(t.columns.weight);
    const direct = correlateGaussian({ zhat1: t.columns.pt_a!, zhat2: t.columns.pt_b!, sigma1: t.columns.sig_a!, sigma2: t.columns.sig_b! }, 120);
    for (let e = 0; e < 500; e++) {
      expect(out.columns.pt_a_corr![e]).toBeCloseTo(direct.zhat1[e]!, 9);
      expect(out.columns.pt_b_corr![e]).toBeCloseTo(direct.zhat2[e]!, 9);
      expect(out.columns.sig_a_corr![e]).toBeCloseTo(direct.sigma1[e]!, 12);
      expect(out.columns.sig_b_corr![e]).toBeCloseTo(direct.sigma2[e]!, 12);
      expect(out.columns.cov_corr![e]).toBeCloseTo(direct.cov[e]!, 9);
    }
  });

  it('correlateTable(table, exponential) maps each jet back to its input column whatever the labelling', () => {
    // The corrections are symmetric under exchanging the jets, so seed and ordering must not change any jet's result.
    const t = dijetTable(500, 42);
    const direct = correlateExponential({ zhat1: t.columns.pt_a!, zhat2: t.columns.pt_b!, sigma1: t.columns.sig_a!, sigma2: t.columns.sig_b! }, 120);
    for (const variant of [{ seed: 1 }, { seed: 2 }, { ordered: true }]) {
      const out = correlateTable(t, { ...opts, mode: 'exponential', ...variant });
      for (let e = 0; e < 500; e++) {
        expect(out.columns.pt_a_corr![e]).toBeCloseTo(direct.zhat1[e]!, 9);
        expect(out.columns.pt_b_corr![e]).toBeCloseTo(direct.zhat2[e]!, 9);
        expect(out.columns.sig_b_corr![e]).toBeCloseTo(direct.sigma2[e]!, 12);
      }
    }
  });

  it('correlateTable throws InputError naming a missing column', () => {
    const t = dijetTable(5, 43);
    expect(() => correlateTable(t, { ...opts, zhat: ['pt_a', 'pt_c'], mode: 'gaussian' })).toThrow(InputError);
    expect(() => correlateTable(t, { ...opts, zhat: ['pt_a', 'pt_c'], mode: 'gaussian' })).toThrow(/Missing column 'pt_c'/);
  });

  it('correlateTable throws InputError naming the row of a non-positive sigma', () => {
    const t = dijetTable(5, 44);
    t.columns.sig_b![3] = 0;
    let caught: unknown;
    try {
      correlateTable(t, { ...opts, mode: 'gaussian' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).row).toBe(4);
    expect((caught as InputError).column).toBe('sig_b');
    expect((caught as InputError).message).toMatch(/not positive \(column 'sig_b', row 4\)/);
  });

  it('correlateTable throws ParameterError for lambda = 0 in exponential mode and an unknown mode', () => {
    const t = dijetTable(5, 45);
    expect(() => correlateTable(t, { ...opts, lambda: 0, mode: 'exponential' })).toThrow(ParameterError);
    expect(() => correlateTable(t, { ...opts, mode: 'cauchy' as 'gaussian' })).toThrow(/'mode' parameter/);
  });
});

describe('labels', () => {
  it('randomizeLabels(rng, pairs) swaps about half the events, the same events in every pair', () => {
    const n = 20000;
    const a = Float64Array.from({ length: n }, (_, e) => e), b = a.map((v) => -v - 1);
    const r = randomizeLabels(new Rng(46), [[a, b], [b, a]]);
    const swaps = r.swapped.reduce((s, v) => s + v, 0);
    // Binomial(n, ½): standard deviation sqrt(n)/2 ≈ 71; 4σ ≈ 283.
    expect(Math.abs(swaps - n / 2)).toBeLessThan(4 * Math.sqrt(n) / 2);
    for (let e = 0; e < n; e++) {
      expect(r.pairs[0]![0][e]).toBe(r.swapped[e] ? b[e] : a[e]);
      expect(r.pairs[1]![0][e]).toBe(r.pairs[0]![1][e]);
    }
    const back = applySwaps(r.swapped, r.pairs);
    expect(back[0]![0]).toEqual(a);
    expect(back[0]![1]).toEqual(b);
  });

  it('orderLabels(key, pairs) puts the larger key in jet 1', () => {
    const k1 = Float64Array.of(1, 5, 3), k2 = Float64Array.of(2, 4, 3);
    const r = orderLabels([k1, k2], [[k1, k2]]);
    expect(Array.from(r.pairs[0]![0])).toEqual([2, 5, 3]);
    expect(Array.from(r.swapped)).toEqual([1, 0, 0]);
  });
});
