import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectJets, splitByEvent, subsetJets, writeMod } from '../../src/io/mod/index.js';
import { simulateDijets } from '../../src/sim/index.js';
import { JEC_QUICK, runJecStudy } from '../../src/studies/jec/index.js';

const dir = mkdtempSync(join(tmpdir(), 'ansatz-jec-data-'));
const file = join(dir, 'sim.h5');
const mod = simulateDijets({ events: 3000, seed: 11, spectrum: 'flat', ptRangeGeV: [550, 900] });
beforeAll(async () => {
  await writeMod(file, mod);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('splitByEvent(ds, 0.5, seed)', () => {
  it('gives disjoint, complementary halves that never split an event', () => {
    const ds = selectJets(mod, 'sim');
    const [train, test] = splitByEvent(ds, 0.5, 3);
    expect(train.rows + test.rows).toBe(ds.rows);
    const trainEvents = new Set(train.eventKey);
    expect(test.eventKey.some((k) => trainEvents.has(k))).toBe(false);
    expect(Math.abs(trainEvents.size / new Set(ds.eventKey).size - 0.5)).toBeLessThan(0.01);
    // The same seed gives the same split; the jets keep their particles.
    expect(splitByEvent(ds, 0.5, 3)[0].eventKey).toEqual(train.eventKey);
    const j = 5, sameEvent = [...ds.eventKey.keys()].filter((i) => ds.eventKey[i] === train.eventKey[j]);
    expect(sameEvent.map((i) => ds.genPtGeV[i])).toContain(train.genPtGeV[j]);
  });

  it('subsetJets(ds, rows) carries each jet\'s particles, features and columns', () => {
    const ds = selectJets(mod, 'sim', { pid: true });
    const sub = subsetJets(ds, [7, 2]);
    expect(sub.rows).toBe(2);
    expect(Array.from(sub.jet.subarray(0, 3))).toEqual(Array.from(ds.jet.subarray(21, 24)));
    const n7 = ds.offsets[8]! - ds.offsets[7]!;
    expect(sub.offsets[1]).toBe(n7);
    expect(Array.from(sub.particles.subarray(0, n7 * 4))).toEqual(Array.from(ds.particles.subarray(ds.offsets[7]! * 4, ds.offsets[8]! * 4)));
    expect(sub.columns.jec![1]).toBe(ds.columns.jec![2]);
  });
});

describe('runJecStudy({ data: [file] })', () => {
  it('reads a MOD file instead of simulating, splits it by event and reports MI per GEN-pT bin', async () => {
    const r = await runJecStudy({ ...JEC_QUICK, data: [file], epochs: 2, models: [JEC_QUICK.models[0]!], binEdgesGeV: [500, 700, 900, 1000] });
    const all = selectJets(mod, 'sim');
    expect(r.trainJets + r.testJets).toBe(all.rows);
    expect(r.table.map((t) => t.name)).toEqual(['DNN', 'CMS-like', 'Oracle']);
    expect(r.mutualInformationPerBin.centersGeV).toEqual([600, 800, 950]);
    const mi = r.mutualInformationPerBin.nats.DNN!;
    expect(mi).toHaveLength(3);
    expect(mi[0]).toBeGreaterThan(0.1); // plenty of test jets between 500 and 700 GeV
    expect(r.timingsSeconds['simulate train']).toBeUndefined();
  }, 120_000);
});
