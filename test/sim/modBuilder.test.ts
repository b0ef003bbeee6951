import { describe, expect, it } from 'vitest';
import { ModBuilder } from '../../src/sim/modBuilder.js';

/** Builds `events` events of two jets, jet k of event e with count(e) particles, and checks every row. */
function roundTrip(events: number, count: (e: number) => number, knownEvents: number): void {
  const b = new ModBuilder(['a', 'b'], ['x'], ['pt', 'y', 'phi', 'm', 'pid', 'vertex', 'calo'], ['pt', 'y', 'phi', 'm', 'pid']);
  const builder = knownEvents > 0 ? new ModBuilder(['a', 'b'], ['x'], b.pfcsCols, b.gensCols, knownEvents) : b;
  let p = 0;
  for (let e = 0; e < events; e++) {
    for (let j = 0; j < 2; j++) {
      for (let i = 0; i < count(e); i++, p++) {
        builder.pfc(p, p + 0.5, 1, 2, 211, 0, 1);
        builder.gen(-p, 3, 4, 5, 22);
      }
      builder.jet([e, j], [e + 0.25 * j]);
    }
  }
  const mod = builder.finish(['f']);
  expect(mod.pfcs.rows).toBe(p);
  expect(mod.gens.rows).toBe(p);
  expect(mod.pfcs.data.length).toBe(7 * p);
  expect(mod.gens.data.length).toBe(5 * p);
  expect(mod.jetsF.data.length).toBe(2 * events);
  expect(Number(mod.pfcsIndex[2 * events]!)).toBe(p);
  // The first wrong row, or -1 (an expect per row made this test take 13 s).
  let wrongRow = -1;
  for (let r = 0; r < p && wrongRow < 0; r++)
    if (mod.pfcs.data[7 * r] !== r || mod.pfcs.data[7 * r + 1] !== r + 0.5 || mod.gens.data[5 * r] !== -r) wrongRow = r;
  expect(wrongRow).toBe(-1);
  let wrongEvent = -1;
  for (let e = 0; e < events && wrongEvent < 0; e++) if (mod.jetsF.data[2 * e + 1] !== e + 0.25) wrongEvent = e;
  expect(wrongEvent).toBe(-1);
  expect(Number(mod.jetsI.data[2 * (2 * events - 1)]!)).toBe(events - 1);
}

describe('ModBuilder', () => {
  it('ModBuilder.finish returns every row in order: unknown size, sized from the pilot (in place or moved), and an estimate that falls short', () => {
    roundTrip(500, () => 40, 0);
    roundTrip(500, () => 40, 500);
    // Few particles per event in the pilot, then many: the estimate is exceeded and the store falls back to chunks.
    roundTrip(1200, (e) => (e < 400 ? 30 : 200), 1200);
    roundTrip(3, () => 1, 3);
    // More rows per event than the store reserves at the start: the pilot moves to an array of the estimated size.
    roundTrip(300, () => 100, 300);
  });
});

describe('ModBuilder integer columns', () => {
  it('jets_i and the row indices hold every integer exactly, negative and beyond 32 bits', () => {
    const values = [0, 1, -1, 211, -211, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 40 + 5, -(2 ** 35) - 3, 2 ** 53 - 1, -(2 ** 53) + 1];
    const b = new ModBuilder(['v'], ['x'], ['pt', 'y', 'phi', 'm', 'pid', 'vertex', 'calo'], ['pt', 'y', 'phi', 'm', 'pid']);
    for (const v of values) {
      b.pfc(1, 0, 0, 0, 211, 0, 0);
      b.jet([v], [0]);
    }
    const mod = b.finish(['f']);
    expect(Array.from(mod.jetsI.data)).toEqual(values.map((v) => BigInt(v)));
    expect(Array.from(mod.pfcsIndex)).toEqual(values.map((_, k) => BigInt(k)).concat([BigInt(values.length)]));
    expect(Array.from(mod.gensIndex)).toEqual(Array.from({ length: values.length + 1 }, () => 0n));
  });
});

describe('ModBuilder.reset', () => {
  it('starts a new batch in the same memory, each batch with its own rows and offsets from 0, after an overflow too', () => {
    const b = new ModBuilder(['e'], ['x'], ['pt', 'y', 'phi', 'm', 'pid', 'vertex', 'calo'], ['pt', 'y', 'phi', 'm', 'pid'], 300);
    // Batch 1 sizes the stores from 10 rows a jet; batch 2 has 150 a jet and overflows them; batch 3 has 10 again.
    for (const [batch, perJet] of [[0, 10], [1, 150], [2, 10]] as const) {
      if (batch > 0) b.reset();
      for (let e = 0; e < 300; e++) {
        for (let j = 0; j < 2; j++) {
          for (let i = 0; i < perJet; i++) {
            b.pfc(1000 * batch + i, e, j, 0, 211, 0, 0);
            b.gen(i, e, j, 0, 22);
          }
          b.jet([batch], [e]);
        }
      }
      const mod = b.finish(['f']);
      expect(mod.jetsF.rows).toBe(600);
      expect(mod.pfcs.rows).toBe(600 * perJet);
      expect(mod.pfcs.data.length).toBe(7 * 600 * perJet);
      expect(Number(mod.pfcsIndex[0]!)).toBe(0);
      expect(Number(mod.gensIndex[600]!)).toBe(600 * perJet);
      expect(mod.pfcsIndex.length).toBe(601);
      expect(Array.from(mod.jetsI.data.subarray(0, 3))).toEqual([BigInt(batch), BigInt(batch), BigInt(batch)]);
      const last = 600 * perJet - 1;
      expect(Array.from(mod.pfcs.data.subarray(7 * last, 7 * last + 3))).toEqual([1000 * batch + perJet - 1, 299, 1]);
    }
  });
});
