/**
 * The plain anti-kT algorithm, O(N³): at every step compute every d_ij and d_iB, take the smallest,
 * merge (E-scheme) or call a jet. Slow and obviously right; it is the reference the fast clusterer
 * (`AntiKt`, src/sim/antikt.ts) is tested against, bit for bit. Same input conventions, same
 * floating-point formulas for the pseudojet rapidity, azimuth and pT^−2, same ordering of the output.
 */
import type { Clustering } from './antikt.js';
import type { ParticleBuffer } from './particleBuffer.js';

const TWO_PI = 2 * Math.PI;

/** Anti-kT jets of radius R of the first `particles.n` particles (pT, η, φ, m), hardest first. */
export function antiKtReference(particles: ParticleBuffer, radius = 0.5): Clustering {
  const n = particles.n, invR2 = 1 / (radius * radius);
  const px = new Float64Array(n), py = new Float64Array(n), pz = new Float64Array(n), e = new Float64Array(n);
  const y = new Float64Array(n), phi = new Float64Array(n), kinv = new Float64Array(n);
  const alive = new Uint8Array(n), mergedInto = new Int32Array(n).fill(-1), slotJet = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const pt = particles.ptGeV[i]!, eta = particles.eta[i]!, ph = particles.phi[i]!, m = particles.massGeV[i]!;
    px[i] = pt * Math.cos(ph);
    py[i] = pt * Math.sin(ph);
    const x = Math.exp(eta), ix = 1 / x;
    const p = 0.5 * pt * (x + ix);
    const pzi = 0.5 * pt * (x - ix);
    pz[i] = pzi;
    const ei = m === 0 ? p : Math.sqrt(p * p + m * m);
    e[i] = ei;
    kinv[i] = 1 / (pt * pt);
    y[i] = m === 0 ? eta : 0.5 * Math.log((ei + pzi) / (ei - pzi));
    phi[i] = ph;
    alive[i] = 1;
  }
  const jets: { px: number; py: number; pz: number; e: number }[] = [];
  for (let left = n; left > 0; ) {
    let bi = -1, bj = -1, bd = Infinity;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      if (kinv[i]! < bd) { bd = kinv[i]!; bi = i; bj = -1; }
      for (let j = i + 1; j < n; j++) {
        if (!alive[j]) continue;
        const dy = y[j]! - y[i]!;
        let dphi = Math.abs(phi[j]! - phi[i]!);
        if (dphi > Math.PI) dphi = TWO_PI - dphi;
        const dij = Math.min(kinv[i]!, kinv[j]!) * (dy * dy + dphi * dphi) * invR2;
        if (dij < bd) { bd = dij; bi = i; bj = j; }
      }
    }
    left--;
    if (bj < 0) {
      slotJet[bi] = jets.length;
      jets.push({ px: px[bi]!, py: py[bi]!, pz: pz[bi]!, e: e[bi]! });
      alive[bi] = 0;
      continue;
    }
    px[bi]! += px[bj]!; py[bi]! += py[bj]!; pz[bi]! += pz[bj]!; e[bi]! += e[bj]!;
    alive[bj] = 0;
    mergedInto[bj] = bi;
    const pt2 = px[bi]! * px[bi]! + py[bi]! * py[bi]!;
    kinv[bi] = pt2 > 0 ? 1 / pt2 : 1e300;
    const ez = e[bi]! - pz[bi]!;
    y[bi] = ez > 0 ? 0.5 * Math.log((e[bi]! + pz[bi]!) / ez) : 1e5;
    const a = Math.atan2(py[bi]!, px[bi]!);
    phi[bi] = a < 0 ? a + TWO_PI : a;
  }
  // Hardest first; equal pT keep the order in which the jets were found.
  const order = jets.map((_, k) => k).sort((a, b) => {
    const d = (jets[b]!.px ** 2 + jets[b]!.py ** 2) - (jets[a]!.px ** 2 + jets[a]!.py ** 2);
    return d !== 0 ? d : a - b;
  });
  const rank = new Int32Array(jets.length);
  order.forEach((k, r) => { rank[k] = r; });
  const jetOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let r = i;
    while (mergedInto[r]! >= 0) r = mergedInto[r]!;
    jetOf[i] = rank[slotJet[r]!]!;
  }
  return {
    nJets: jets.length,
    px: Float64Array.from(order, (k) => jets[k]!.px), py: Float64Array.from(order, (k) => jets[k]!.py),
    pz: Float64Array.from(order, (k) => jets[k]!.pz), e: Float64Array.from(order, (k) => jets[k]!.e),
    jetOf,
  };
}
