import { describe, expect, it } from 'vitest';
import type { ModData } from '../../src/io/mod/layout.js';
import { simulateDijets } from '../../src/sim/index.js';

/** FNV-1a over the 32-bit words of every MOD array, as doubles. */
function fingerprint(mod: ModData): string {
  let h = 0x811c9dc5;
  const feed = (a: ArrayLike<number | bigint>): void => {
    const u = new Uint32Array(Float64Array.from({ length: a.length }, (_, i) => Number(a[i]!)).buffer);
    for (let i = 0; i < u.length; i++) { h ^= u[i]!; h = Math.imul(h, 0x01000193) >>> 0; }
  };
  feed(mod.jetsI.data); feed(mod.jetsF.data); feed(mod.pfcs.data); feed(mod.gens.data); feed(mod.pfcsIndex); feed(mod.gensIndex);
  return h.toString(16);
}

describe('simulateDijets fingerprint', () => {
  // Recorded when the physics last changed (2026-11-30: species concentration 8 → 5 and the
  // calibrations re-derived; before that, 6b308f7b / 82229c71 from commit 1afe887 held through all
  // the speed work), then re-recorded where speed work changed last bits and nothing else, with
  // every statistical test of test/sim passing unchanged: the HCAL response's power as
  // exp(−b ln x) (full 44ca9995 → ce21a176); the written particle rapidity taken from the
  // clusterer's ½ ln((E + pz)/(E − pz)) for |η| ≤ 5 (|Δy| ≤ 2e−14; → 5652ed6, fast → a466583f).
  // Otherwise speed work must not change a single bit. V8's Math functions are fdlibm ports, so
  // these hold across platforms; a Node upgrade that changes Math.exp/log/pow/cosh… would show
  // here first.
  it('simulateDijets gives the same bits as when its physics last changed (full qcd; fast resonance)', () => {
    expect(fingerprint(simulateDijets({ events: 200, seed: 11 }))).toBe('5652ed6');
    expect(fingerprint(simulateDijets({ events: 150, seed: 4, detector: 'fast', spectrum: 'resonance' }))).toBe('a466583f');
  });
});
