import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/engine/rng.js';
import { AntiKt, FULL_DETECTOR, ParticleBuffer, Reconstructor, antiKtReference } from '../../src/sim/index.js';

describe('AntiKt', () => {
  it('AntiKt(0.5).cluster(p) on a hand-made event: the harder jet is a cone, the softer one takes the rest', () => {
    const p = new ParticleBuffer();
    p.push(100, 0, 0, 0, 211, 0); // 0: hard A
    p.push(50, 0, 0.8, 0, 211, 0); // 1: hard B, ΔR(A, B) = 0.8 < 2R
    p.push(1, 0, 0.45, 0, 22, 0); // 2: 0.45 from A, 0.35 from B → A (harder)
    p.push(1, 0, 0.6, 0, 22, 0); // 3: 0.6 from A → B
    p.push(2, 0.3, -0.2, 0, 22, 0); // 4: 0.36 from A → A
    p.push(3, 0, 2.5, 0, 22, 0); // 5: isolated → its own jet
    const c = new AntiKt(0.5).cluster(p);
    expect(c.nJets).toBe(3);
    expect(Array.from(c.jetOf.subarray(0, 6))).toEqual([0, 1, 0, 1, 0, 2]);
    const pt0 = Math.hypot(c.px[0]!, c.py[0]!);
    const expectedPx = 100 + Math.cos(0.45) + 2 * Math.cos(-0.2), expectedPy = Math.sin(0.45) + 2 * Math.sin(-0.2);
    expect(pt0).toBeCloseTo(Math.hypot(expectedPx, expectedPy), 9);
    expect(c.e[2]).toBeCloseTo(3, 12);
  });

  it('AntiKt(0.5).cluster(p) wraps φ: particles at φ = 0.1 and 2π − 0.1 form one jet', () => {
    const p = new ParticleBuffer();
    p.push(10, 0, 0.1, 0, 22, 0);
    p.push(10, 0, 2 * Math.PI - 0.1, 0, 22, 0);
    expect(new AntiKt(0.5).cluster(p).nJets).toBe(1);
  });

  it('AntiKt(0.5).cluster(p, axes) gives the same jets as cluster(p) on random two-jet events', () => {
    const rng = new Rng(5), p = new ParticleBuffer(), a = new AntiKt(0.5), b = new AntiKt(0.5);
    for (let ev = 0; ev < 200; ev++) {
      p.clear();
      const axes = { eta: [rng.uniformIn(-1.5, 1.5), rng.uniformIn(-1.5, 1.5)], phi: [1, 1 + Math.PI + 0.3 * rng.normal()] };
      for (let k = 0; k < 2; k++) {
        for (let i = 0; i < 40; i++) {
          const r = 1.2 * Math.pow(rng.uniform(), 2), psi = 2 * Math.PI * rng.uniform();
          p.push(0.3 + 100 * Math.pow(rng.uniform(), 6), axes.eta[k]! + r * Math.cos(psi), (axes.phi[k]! + r * Math.sin(psi) + 4 * Math.PI) % (2 * Math.PI), 0.14, 211, 0);
        }
      }
      const whole = a.cluster(p), split = b.cluster(p, axes);
      expect(split.nJets).toBe(whole.nJets);
      expect(Array.from(split.jetOf.subarray(0, p.n))).toEqual(Array.from(whole.jetOf.subarray(0, p.n)));
      for (let j = 0; j < whole.nJets; j++) expect(split.e[j]).toBeCloseTo(whole.e[j]!, 9);
    }
  });

  it('AntiKt(0.5).cluster(p) gives bit-identical jets to antiKtReference(p, 0.5) on random events', () => {
    const rng = new Rng(17), p = new ParticleBuffer(), fast = new AntiKt(0.5);
    let jets = 0;
    for (let ev = 0; ev < 300; ev++) {
      p.clear();
      // 1–3 hard cores with steeply falling constituents, soft uniform particles, some exact pT ties.
      const nCores = 1 + rng.int(3);
      for (let k = 0; k < nCores; k++) {
        const eta0 = rng.uniformIn(-2, 2), phi0 = 2 * Math.PI * rng.uniform(), nk = rng.int(60);
        for (let i = 0; i < nk; i++) {
          const r = 0.8 * Math.pow(rng.uniform(), 2), psi = 2 * Math.PI * rng.uniform();
          const m = rng.uniform() < 0.3 ? 0 : 0.14;
          p.push(0.2 + 200 * Math.pow(rng.uniform(), 5), eta0 + r * Math.cos(psi), (phi0 + r * Math.sin(psi) + 4 * Math.PI) % (2 * Math.PI), m, 211, 0);
        }
      }
      const nSoft = rng.int(40);
      for (let i = 0; i < nSoft; i++) p.push(rng.exponential(0.5) + 1e-3, rng.uniformIn(-3, 3), 2 * Math.PI * rng.uniform(), 0, 22, 0);
      if (p.n > 2 && rng.uniform() < 0.2) p.push(p.ptGeV[0]!, p.eta[1]!, p.phi[1]!, 0, 22, 0);
      if (p.n === 0) continue;
      const ref = antiKtReference(p, 0.5), got = fast.cluster(p);
      expect(got.nJets).toBe(ref.nJets);
      expect(Array.from(got.jetOf.subarray(0, p.n))).toEqual(Array.from(ref.jetOf));
      expect(Array.from(got.px.subarray(0, got.nJets))).toEqual(Array.from(ref.px));
      expect(Array.from(got.py.subarray(0, got.nJets))).toEqual(Array.from(ref.py));
      expect(Array.from(got.pz.subarray(0, got.nJets))).toEqual(Array.from(ref.pz));
      expect(Array.from(got.e.subarray(0, got.nJets))).toEqual(Array.from(ref.e));
      jets += ref.nJets;
    }
    expect(jets).toBeGreaterThan(1000);
  });

  it('AntiKt(0.4) and AntiKt(1.0) match antiKtReference bit for bit on random events', () => {
    const rng = new Rng(23), p = new ParticleBuffer();
    for (const radius of [0.4, 1.0]) {
      const fast = new AntiKt(radius);
      for (let ev = 0; ev < 100; ev++) {
        p.clear();
        const nk = 1 + rng.int(120);
        for (let i = 0; i < nk; i++) p.push(0.1 + 50 * Math.pow(rng.uniform(), 4), rng.uniformIn(-1.5, 1.5), 2 * Math.PI * rng.uniform(), 0.14, 211, 0);
        const ref = antiKtReference(p, radius), got = fast.cluster(p);
        expect(Array.from(got.jetOf.subarray(0, p.n))).toEqual(Array.from(ref.jetOf));
        expect(Array.from(got.e.subarray(0, got.nJets))).toEqual(Array.from(ref.e));
        expect(Array.from(got.px.subarray(0, got.nJets))).toEqual(Array.from(ref.px));
      }
    }
  });
  it('cluster(reco, axes, { twin, from }) reuses the GEN clustering\'s cos φ, sin φ, e^η and gives the same jets (and Reconstructor.coshEta is cosh η)', () => {
    const rng = new Rng(17), rec = new Reconstructor(FULL_DETECTOR), pids = [211, -211, 22, 130, 2112, 11, 13, 321];
    const gen = new ParticleBuffer(), pileup = new ParticleBuffer(), reco = new ParticleBuffer();
    const genKt = new AntiKt(0.5), recoKt = new AntiKt(0.5), plainKt = new AntiKt(0.5);
    for (let ev = 0; ev < 30; ev++) {
      gen.clear(); pileup.clear(); reco.clear();
      for (let i = 0; i < 60; i++) gen.push(0.5 + 80 * rng.uniform() ** 3, rng.uniformIn(-2.8, 2.8), 2 * Math.PI * rng.uniform(), i % 3 === 0 ? 0 : 0.14, pids[i % pids.length]!, 0);
      for (let i = 0; i < 25; i++) pileup.push(0.3 + 2 * rng.uniform(), rng.uniformIn(-2.8, 2.8), 2 * Math.PI * rng.uniform(), 0.14, 211, 1 + (i % 4));
      rec.reconstruct(rng, gen, pileup, reco);
      for (let k = 0; k < reco.n; k++) {
        const t = rec.truthIndex[k]!;
        if (t >= 0) expect([reco.eta[k], reco.phi[k]]).toEqual([gen.eta[t], gen.phi[t]]);
        expect(rec.coshEta[k]).toBe(Math.cosh(reco.eta[k]!));
      }
      const genJets = genKt.cluster(gen);
      const shared = recoKt.cluster(reco, undefined, { twin: rec.truthIndex, from: genJets }), plain = plainKt.cluster(reco);
      expect(shared.nJets).toBe(plain.nJets);
      for (const f of ['px', 'py', 'pz', 'e'] as const) expect(Array.from(shared[f].subarray(0, shared.nJets))).toEqual(Array.from(plain[f].subarray(0, plain.nJets)));
      expect(Array.from(shared.jetOf.subarray(0, reco.n))).toEqual(Array.from(plain.jetOf.subarray(0, reco.n)));
    }
  });
});
