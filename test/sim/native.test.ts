import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';
import { nativeSimUnavailableReason } from '../../src/engine/native/index.js';
import { AntiKt, ParticleBuffer, antiKtReference, type Clustering } from '../../src/sim/index.js';
import { nativeSim, zeroedFloat64Array } from '../../src/sim/native.js';

/** Why the native tests are skipped here, or undefined when the addon's simulator functions load. */
const skipReason = nativeSimUnavailableReason();
if (skipReason !== undefined) console.warn(`test/sim/native.test.ts: native simulator functions skipped: ${skipReason}`);

describe('native simulator functions', () => {
  it('zeroedFloat64Array(length) gives zeros, big or small, with or without the addon', () => {
    for (const length of [10, 1 << 18, 3_000_001]) {
      const a = zeroedFloat64Array(length);
      expect(a.length).toBe(length);
      expect(a[0]).toBe(0);
      expect(a[length - 1]).toBe(0);
      a[length - 1] = 1.5;
      expect(a[length - 1]).toBe(1.5);
    }
  });

  it.skipIf(skipReason !== undefined)('adviseHugePages(buffer) returns the offset of its first 2 MiB page, or 0 when it is too short', () => {
    const buffer = new ArrayBuffer(5 << 20);
    const offset = nativeSim()!.adviseHugePages(buffer);
    expect(offset % 8).toBe(0);
    expect(offset).toBeLessThan(2 << 20);
    expect(new Float64Array(buffer, offset, (3 << 20) / 8).every((v) => v === 0)).toBe(true);
    expect(nativeSim()!.adviseHugePages(new ArrayBuffer(0))).toBe(0);
    expect(() => nativeSim()!.adviseHugePages(new Float64Array(4) as unknown as ArrayBuffer)).toThrow(TypeError);
  });
});

/** φ wrapped into (−π, π] when `signedPhi`, else into [0, 2π). */
function wrapPhiAs(phi: number, signedPhi: boolean): number {
  const t = ((phi % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  return signedPhi && t > Math.PI ? t - 2 * Math.PI : t;
}

/**
 * A random event: 1–3 cores of steeply falling constituents (one core at φ = ±π when `straddle`),
 * soft uniform particles, sometimes an exact pT tie. φ in (−π, π] or [0, 2π) as `signedPhi` says,
 * so the cores at ±π (or at 0) have particles on both sides of the cut.
 */
function randomEvent(rng: Rng, p: ParticleBuffer, straddle: boolean, signedPhi: boolean): number[] {
  const wrap = (phi: number): number => wrapPhiAs(phi, signedPhi);
  p.clear();
  const axes: number[] = [];
  const nCores = 1 + rng.int(3);
  for (let k = 0; k < nCores; k++) {
    const eta0 = rng.uniformIn(-2, 2), phi0 = straddle && k === 0 ? (signedPhi ? Math.PI : 0) : 2 * Math.PI * rng.uniform();
    axes.push(eta0, phi0);
    const nk = rng.int(80);
    for (let i = 0; i < nk; i++) {
      const r = 0.8 * Math.pow(rng.uniform(), 2), psi = 2 * Math.PI * rng.uniform();
      const m = rng.uniform() < 0.3 ? 0 : 0.14;
      p.push(0.2 + 200 * Math.pow(rng.uniform(), 5), eta0 + r * Math.cos(psi), wrap(phi0 + r * Math.sin(psi)), m, 211, 0);
    }
  }
  const nSoft = rng.int(40);
  for (let i = 0; i < nSoft; i++) p.push(rng.exponential(0.5) + 1e-3, rng.uniformIn(-3, 3), wrap(2 * Math.PI * rng.uniform()), 0, 22, 0);
  if (p.n > 2 && rng.uniform() < 0.2) p.push(p.ptGeV[0]!, p.eta[1]!, p.phi[1]!, 0, 22, 0);
  return axes;
}

function expectSameJets(got: Clustering, want: Clustering, n: number): void {
  expect(got.nJets).toBe(want.nJets);
  expect(Array.from(got.jetOf.subarray(0, n))).toEqual(Array.from(want.jetOf.subarray(0, n)));
  for (const key of ['px', 'py', 'pz', 'e'] as const) {
    expect(Array.from(got[key].subarray(0, got.nJets))).toEqual(Array.from(want[key].subarray(0, want.nJets)));
  }
}

describe.skipIf(skipReason !== undefined)('native anti-kT', () => {
  it('AntiKt(R) in the addon gives exactly the JS clusterer\'s and antiKtReference\'s jets (R = 0.4, 0.5, 1; with and without axes; φ cut at ±π and at 0)', () => {
    let events = 0, straddling = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const rng = new Rng(seed), p = new ParticleBuffer();
      const radius = [0.5, 0.5, 0.4, 1.0, 0.5, 0.5][seed - 1]!;
      const native = new AntiKt(radius), js = new AntiKt(radius, { native: false });
      expect(native.usesNative).toBe(true);
      expect(js.usesNative).toBe(false);
      for (let ev = 0; ev < 150; ev++) {
        const straddle = ev % 2 === 0, signedPhi = seed % 2 === 0;
        const axisList = randomEvent(rng, p, straddle, signedPhi);
        if (p.n === 0) continue;
        const axes = axisList.length >= 4 ? { eta: [axisList[0]!, axisList[2]!], phi: [axisList[1]!, axisList[3]!] } : undefined;
        const ref = antiKtReference(p, radius);
        expectSameJets(native.cluster(p), ref, p.n);
        expectSameJets(js.cluster(p), ref, p.n);
        const got = native.cluster(p, axes), want = js.cluster(p, axes);
        expectSameJets(got, want, p.n);
        expect(Array.from(got.hardOrder!.subarray(0, p.n))).toEqual(Array.from(want.hardOrder!.subarray(0, p.n)));
        expect(Array.from(got.cosPhi!.subarray(0, p.n))).toEqual(Array.from(want.cosPhi!.subarray(0, p.n)));
        events++;
        if (straddle && p.phi.subarray(0, p.n).some((phi) => Math.abs(Math.abs(phi) - (signedPhi ? Math.PI : 0)) < 0.2)) straddling++;
      }
    }
    expect(events).toBeGreaterThan(800);
    expect(straddling).toBeGreaterThan(300);
  });
});

/**
 * Exact ties everywhere: positions on a 0.05 lattice (equal pair distances), pT from a few values
 * (equal pT^−2), repeated particles (zero distances), a core on the φ cut, sizes odd and even.
 * native/antikt.c reaches the JS's neighbours by other routes (column-wise SIMD scans, a counting
 * sort before the insertion sort): at ties it must still take the first slot in list order.
 */
function tiedEvent(rng: Rng, p: ParticleBuffer, signedPhi: boolean): number[] {
  const wrap = (phi: number): number => wrapPhiAs(phi, signedPhi);
  p.clear();
  const axes: number[] = [];
  const nCores = 1 + rng.int(2);
  for (let k = 0; k < nCores; k++) {
    const eta0 = 0.05 * (rng.int(40) - 20), phi0 = k === 0 ? (signedPhi ? Math.PI : 0) : 0.05 * rng.int(126);
    axes.push(eta0, phi0);
    const nk = rng.int(90);
    for (let i = 0; i < nk; i++) {
      const pt = [1, 2, 3, 5, 40][rng.int(5)]!;
      p.push(pt, eta0 + 0.05 * (rng.int(15) - 7), wrap(phi0 + 0.05 * (rng.int(15) - 7)), rng.uniform() < 0.5 ? 0 : 0.14, 211, 0);
      if (rng.uniform() < 0.15) p.push(pt, p.eta[p.n - 1]!, p.phi[p.n - 1]!, p.massGeV[p.n - 1]!, 211, 0);
    }
  }
  const nSoft = rng.int(30);
  for (let i = 0; i < nSoft; i++) p.push(0.5 * (1 + rng.int(3)), 0.05 * (rng.int(100) - 50), wrap(0.05 * rng.int(126)), 0, 22, 0);
  return axes;
}

describe.skipIf(skipReason !== undefined)('native anti-kT at exact ties', () => {
  it('gives the JS clusterer\'s jets, jetOf and hardOrder on lattice events with equal pT and repeated particles (R = 0.4, 0.5, 1)', () => {
    let events = 0;
    for (const [seed, radius] of [[11, 0.5], [12, 0.5], [13, 0.4], [14, 1.0]] as const) {
      const rng = new Rng(seed), p = new ParticleBuffer();
      const native = new AntiKt(radius), js = new AntiKt(radius, { native: false });
      for (let ev = 0; ev < 120; ev++) {
        const axisList = tiedEvent(rng, p, ev % 2 === 0);
        if (p.n === 0) continue;
        const axes = axisList.length >= 4 ? { eta: [axisList[0]!, axisList[2]!], phi: [axisList[1]!, axisList[3]!] } : undefined;
        for (const a of [undefined, axes]) {
          const got = native.cluster(p, a), want = js.cluster(p, a);
          expectSameJets(got, want, p.n);
          expect(Array.from(got.hardOrder!.subarray(0, p.n))).toEqual(Array.from(want.hardOrder!.subarray(0, p.n)));
        }
        events++;
      }
    }
    expect(events).toBeGreaterThan(400);
  });
});
