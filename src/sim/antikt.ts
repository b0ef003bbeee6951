/**
 * Anti-kT jet clustering (Cacciari, Salam, Soyez, arXiv:0802.1189) with E-scheme recombination and
 * the rapidity–azimuth distance ΔR² = Δy² + Δφ²:
 *   d_ij = min(pT,i^−2, pT,j^−2) ΔR²_ij / R²,   d_iB = pT,i^−2.
 * Each pair of pseudojets belongs to its harder member (d_ij = pT,harder^−2 ΔR²/R²), and each
 * pseudojet keeps its nearest *softer* pseudojet: the smallest d_ij is always between some pseudojet
 * and that neighbour (if c were closer to the harder a than b, d_ac ≤ d_ab), so each step scans
 * O(N) candidates. Unlike the symmetric nearest-neighbour table (FastJet's "N2Plain" NNH strategy,
 * arXiv:1111.6097), a merge into a hard jet (the common anti-kT step) does not send all the soft
 * pseudojets around it looking for a new neighbour: only the few harder ones can take the merged jet
 * as neighbour. Same merge sequence, same floating-point sums as the plain algorithm
 * (`antiKtReference`, src/sim/antiktReference.ts): bit-identical jets.
 * Speed-up for events with known jet axes (`cluster(p, axes)`): particles are split by nearest axis
 * and each group is clustered on its own when no pseudojet of one group can come within R of
 * another (see `splitByAxis`; exact up to the E-scheme centroid being close to the pT-weighted
 * (y, φ) average); otherwise everything is clustered at once.
 * Where the native addon is loaded, the clustering itself (not the particle geometry or the region
 * split) runs in C (native/antikt.c, the same steps and floating-point operations): same jets.
 */
import type { NativeSimAddon } from '../engine/native/index.js';
import { nativeSim } from './native.js';
import type { ParticleBuffer } from './particleBuffer.js';

const TWO_PI = 2 * Math.PI;
/** Margin of the region split below which the exact rapidity formula decides (see `splitByAxis`). */
const SPLIT_TOLERANCE = 1e-6;

/** Jets of one clustering, hardest first. Arrays are owned by the clusterer and valid until its next call. */
export interface Clustering {
  nJets: number;
  px: Float64Array;
  py: Float64Array;
  pz: Float64Array;
  e: Float64Array;
  /** Jet index (0 = hardest) of each input particle. */
  jetOf: Int32Array;
  /** cos φ and sin φ of each input particle, when the clusterer computed them anyway (px = pT·cos φ). */
  cosPhi?: Float64Array;
  sinPhi?: Float64Array;
  /**
   * When present, the input indices ordered so that each jet's particles appear by decreasing
   * pT² (ascending 1/pT², ties by index): nearly the order of a pT sort of any one jet.
   */
  hardOrder?: Int32Array;
  /**
   * When present, the rapidity ½ ln((E + pz)/(E − pz)) of each input particle, as the clusterer
   * computed it; equals asinh(pT sinh η / mT) up to ~1e−12 for |η| ≤ 5 (cancellation grows beyond).
   */
  rapidity?: Float64Array;
  /** e^η of each input particle, when the clusterer computed it anyway. */
  expEta?: Float64Array;
}

/**
 * Particles of an earlier clustering that some of this clustering's particles repeat with the same
 * η and φ (e.g. the GEN particles a reconstructed one measures): their cos φ, sin φ and e^η are
 * taken from there instead of being computed again (same functions of the same numbers).
 */
export interface SharedGeometry {
  /** For each input particle, the index of its twin among `from`'s input particles, or −1. */
  twin: Int32Array;
  from: Clustering;
}

/** Optional jet-axis hints (η, φ pairs) for the region split. */
export interface AxisHints {
  eta: ArrayLike<number>;
  phi: ArrayLike<number>;
}

export interface AntiKtOptions {
  /** Cluster in the native addon when it is loaded (default true); false keeps the JS clusterer. */
  native?: boolean;
}

/**
 * Where the native clusterer's inputs and outputs lie in its work arrays, in units of `cap`
 * elements: the first fields of the F_ and I_ enums of native/antikt.c (the rest is its scratch).
 */
const NATIVE_F64_FIELD = { px: 0, py: 1, pz: 2, e: 3, y: 4, kinv: 5, phi: 6, jetPx: 7, jetPy: 8, jetPz: 9, jetE: 10 } as const;
const NATIVE_I32_FIELD = { group: 0, jetOf: 1, hardOrder: 2 } as const;

/** A reusable anti-kT clusterer of radius R. */
export class AntiKt {
  private cap = 0;
  private px = new Float64Array(0);
  private py = new Float64Array(0);
  private pz = new Float64Array(0);
  private e = new Float64Array(0);
  private y = new Float64Array(0);
  private phi = new Float64Array(0);
  private kinv = new Float64Array(0);
  private nnd = new Float64Array(0);
  private nn = new Int32Array(0);
  private mergedInto = new Int32Array(0);
  private listA = new Int32Array(0);
  private listB = new Int32Array(0);
  private dist = new Float64Array(0);
  private stack = new Int32Array(0);
  private stackPos = new Int32Array(0);
  private source = new Int32Array(0);
  private group = new Int32Array(0);
  private slotJet = new Int32Array(0);
  private jetPx: Float64Array<ArrayBuffer> = new Float64Array(0);
  private jetPy: Float64Array<ArrayBuffer> = new Float64Array(0);
  private jetPz: Float64Array<ArrayBuffer> = new Float64Array(0);
  private jetE: Float64Array<ArrayBuffer> = new Float64Array(0);
  private nJetsTotal = 0;
  private order = new Int32Array(64);
  private rank = new Int32Array(64);
  private pt2 = new Float64Array(64);
  private jetOfRaw = new Int32Array(0);
  private ipx = new Float64Array(0);
  private ipy = new Float64Array(0);
  private ipz = new Float64Array(0);
  private ie = new Float64Array(0);
  private iy = new Float64Array(0);
  private ikinv = new Float64Array(0);
  private iphi = new Float64Array(0);
  /** The native clusterer's work arrays (see NATIVE_F64_FIELD); the input arrays above are views of them. */
  private nativeF64 = new Float64Array(0);
  private nativeI32 = new Int32Array(0);
  private readonly native: NativeSimAddon | undefined;
  private readonly out: Clustering & { cosPhi: Float64Array; sinPhi: Float64Array; hardOrder: Int32Array; rapidity: Float64Array; expEta: Float64Array } = {
    nJets: 0, px: new Float64Array(0), py: new Float64Array(0), pz: new Float64Array(0), e: new Float64Array(0), jetOf: new Int32Array(0),
    cosPhi: new Float64Array(0), sinPhi: new Float64Array(0), hardOrder: new Int32Array(0), rapidity: new Float64Array(0), expEta: new Float64Array(0),
  };
  private ordered = 0;
  private readonly invR2: number;

  constructor(readonly radius = 0.5, options: AntiKtOptions = {}) {
    if (!(radius > 0)) throw new RangeError(`AntiKt: radius is ${radius}; it must be > 0`);
    this.invR2 = 1 / (radius * radius);
    this.native = options.native === false ? undefined : nativeSim();
  }

  /** Whether this clusterer runs in the native addon. */
  get usesNative(): boolean {
    return this.native !== undefined;
  }

  /**
   * Clusters the first `particles.n` particles (pT, η, φ, m) into anti-kT jets; `axes` and `shared`
   * may speed it up (same result).
   */
  cluster(particles: ParticleBuffer, axes?: AxisHints, shared?: SharedGeometry): Clustering {
    const n = particles.n;
    this.ensure(n);
    this.nJetsTotal = 0;
    this.ordered = 0;
    this.particleGeometry(particles, shared);
    const nGroups = axes === undefined || axes.eta.length < 2 || this.radius > 0.5 ? 1 : this.splitByAxis(particles, axes);
    if (this.native !== undefined) {
      this.out.nJets = this.native.antiKt(this.nativeF64, this.nativeI32, this.cap, n, nGroups, this.invR2);
      return this.out;
    }
    for (let g = 0; g < nGroups; g++) {
      let count = 0;
      for (let i = 0; i < n; i++) if (nGroups === 1 || this.group[i] === g) this.source[count++] = i;
      this.clusterSlots(count);
    }
    return this.collect(n);
  }

  /** The 4-vector, rapidity and pT^−2 of every input particle, by input index (the reference's formulas). */
  private particleGeometry(particles: ParticleBuffer, shared: SharedGeometry | undefined): void {
    const { ipx, ipy, ipz, ie, iy, ikinv, iphi } = this;
    const out = this.out, cosPhi = out.cosPhi, sinPhi = out.sinPhi, expEta = out.expEta;
    const ptA = particles.ptGeV, etaA = particles.eta, phiA = particles.phi, mA = particles.massGeV;
    const twin = shared?.twin, from = shared?.from;
    const fromCos = from?.cosPhi, fromSin = from?.sinPhi, fromExp = from?.expEta;
    const canShare = twin !== undefined && fromCos !== undefined && fromSin !== undefined && fromExp !== undefined;
    for (let i = 0, n = particles.n; i < n; i++) {
      const pt = ptA[i]!, eta = etaA[i]!, ph = phiA[i]!, m = mA[i]!;
      const t = canShare ? twin[i]! : -1;
      const c = t >= 0 ? fromCos![t]! : Math.cos(ph), sn = t >= 0 ? fromSin![t]! : Math.sin(ph);
      cosPhi[i] = c; sinPhi[i] = sn;
      iphi[i] = ph;
      ipx[i] = pt * c;
      ipy[i] = pt * sn;
      const x = t >= 0 ? fromExp![t]! : Math.exp(eta), ix = 1 / x;
      expEta[i] = x;
      const p = 0.5 * pt * (x + ix);
      const pz = 0.5 * pt * (x - ix);
      ipz[i] = pz;
      const e = m === 0 ? p : Math.sqrt(p * p + m * m);
      ie[i] = e;
      iy[i] = m === 0 ? eta : 0.5 * Math.log((e + pz) / (e - pz));
      ikinv[i] = 1 / (pt * pt);
    }
  }

  /**
   * Assigns each particle to its nearest axis; returns the number of groups, or 1 when some particle
   * has |d_B − d_A| ≤ R (d_A, d_B its distances to its own and the nearest other axis). The region
   * d_B − d_A > R is convex (inside a hyperbola branch), so it also holds every pseudojet built from
   * the group's particles, and d_B − d_A is 2-Lipschitz: pseudojets of different groups stay > R apart.
   * The test is defined on y = asinh(pT sinh η / mT); the clustering rapidity (same value up to
   * ~1e−12 for |η| ≤ 5) decides it unless the margin is within SPLIT_TOLERANCE, where the exact
   * formula (two transcendental calls more) is evaluated: same groups, same jets.
   */
  private splitByAxis(p: ParticleBuffer, axes: AxisHints): number {
    const nAxes = axes.eta.length, n = p.n, r = this.radius, iy = this.iy;
    for (let i = 0; i < n; i++) {
      const eta = p.eta[i]!, phi = p.phi[i]!;
      let yi = iy[i]!, exact = p.massGeV[i] === 0;
      if (!exact && !(eta <= 5 && eta >= -5)) { yi = exactRapidity(p, i); exact = true; }
      for (;;) {
        let best = 0, d1 = Infinity, d2 = Infinity;
        for (let a = 0; a < nAxes; a++) {
          const dy = yi - axes.eta[a]!;
          let dphi = Math.abs(phi - axes.phi[a]!);
          if (dphi >= TWO_PI) dphi %= TWO_PI;
          if (dphi > Math.PI) dphi = TWO_PI - dphi;
          const d = Math.sqrt(dy * dy + dphi * dphi);
          if (d < d1) { d2 = d1; d1 = d; best = a; } else if (d < d2) d2 = d;
        }
        const gap = d2 - d1;
        if (exact || gap - r > SPLIT_TOLERANCE) {
          if (gap <= r) return 1;
          this.group[i] = best;
          break;
        }
        if (gap - r < -SPLIT_TOLERANCE) return 1;
        yi = exactRapidity(p, i);
        exact = true;
      }
    }
    return nAxes;
  }

  /**
   * Clusters the particles source[0..n). Slots are numbered hardest first (pT^−2 ascending, ties
   * by input order) and the active slots are kept in that order in `list`, so the pseudojets softer
   * than the one at position p are exactly those after p: the scans need no data-dependent branch
   * on the hardness (mispredicted branches were most of the time of the plain algorithm).
   */
  private clusterSlots(n: number): void {
    const { px, py, pz, e, y, phi, kinv, nn, nnd, mergedInto, stack, stackPos, source } = this;
    const { ipx, ipy, ipz, ie, iy, ikinv, iphi } = this;
    const invR2 = this.invR2;
    for (let s = 0; s < n; s++) {
      const v = source[s]!, k = ikinv[v]!;
      let q = s;
      while (q > 0 && kinv[q - 1]! > k) { kinv[q] = kinv[q - 1]!; source[q] = source[q - 1]!; q--; }
      kinv[q] = k; source[q] = v;
    }
    this.out.hardOrder.set(source.subarray(0, n), this.ordered);
    this.ordered += n;
    let list = this.listA, spare = this.listB;
    for (let s = 0; s < n; s++) {
      const i = source[s]!;
      px[s] = ipx[i]!; py[s] = ipy[i]!; pz[s] = ipz[i]!; e[s] = ie[i]!;
      y[s] = iy[i]!; phi[s] = iphi[i]!;
      mergedInto[s] = -1;
      list[s] = s;
    }
    this.initNeighbours(n);
    const dist = this.dist;
    let nActive = n;
    // The smallest distance is tracked through the passes below rather than by a scan of its own.
    let best = list[0]!, bestD = dist[best]!;
    for (let a = 1; a < nActive; a++) {
      const l = list[a]!, d = dist[l]!;
      if (d < bestD) { bestD = d; best = l; }
    }
    while (nActive > 0) {
      const j = nn[best]!;
      let w = 0, ns = 0, mi = -1, mn = Infinity;
      if (j < 0 || kinv[best]! * nnd[best]! * invR2 > kinv[best]!) {
        // Beam: best becomes a jet; the (harder) pseudojets whose nearest softer one it was look again.
        this.finishJet(best);
        for (let a = 0; a < nActive; a++) {
          const l = list[a]!;
          if (l === best) continue;
          if (nn[l] === best) { stack[ns] = l; stackPos[ns++] = w; }
          else { const dl = dist[l]!; if (dl < mn) { mn = dl; mi = l; } }
          list[w++] = l;
        }
        nActive = w;
        for (let s = 0; s < ns; s++) {
          const l = stack[s]!;
          this.findSofter(l, stackPos[s]!, list, nActive);
          if (dist[l]! < mn) { mn = dist[l]!; mi = l; }
        }
        best = mi; bestD = mn;
        continue;
      }
      // Merge the softer j into best (E-scheme); best only gets harder, so it moves up the list.
      px[best]! += px[j]!; py[best]! += py[j]!; pz[best]! += pz[j]!; e[best]! += e[j]!;
      mergedInto[j] = best;
      this.updateGeometry(best);
      const kb = kinv[best]!, yb = y[best]!, phib = phi[best]!;
      let nb = -1, nbd = Infinity, a = 0;
      for (; a < nActive; a++) {
        const l = list[a]!;
        if (l === best || l === j) continue;
        const kl = kinv[l]!;
        if (!(kl < kb || (kl === kb && l < best))) break;
        // Harder than best: best may now be its nearest softer pseudojet.
        const nl = nn[l]!;
        if (nl === best || nl === j) { stack[ns] = l; stackPos[ns++] = w; }
        else {
          const dy = y[l]! - yb;
          let dphi = Math.abs(phi[l]! - phib);
          if (dphi > Math.PI) dphi = TWO_PI - dphi;
          const d = dy * dy + dphi * dphi;
          if (d < nnd[l]!) { nnd[l] = d; nn[l] = best; this.setDist(l); }
          const dl = dist[l]!;
          if (dl < mn) { mn = dl; mi = l; }
        }
        spare[w++] = l;
      }
      spare[w++] = best;
      for (; a < nActive; a++) {
        // Softer than best: a candidate for best's nearest softer pseudojet.
        const l = list[a]!;
        if (l === best || l === j) continue;
        const dy = y[l]! - yb;
        let dphi = Math.abs(phi[l]! - phib);
        if (dphi > Math.PI) dphi = TWO_PI - dphi;
        const d = dy * dy + dphi * dphi;
        if (d < nbd) { nbd = d; nb = l; }
        const nl = nn[l]!;
        if (nl === best || nl === j) { stack[ns] = l; stackPos[ns++] = w; }
        else { const dl = dist[l]!; if (dl < mn) { mn = dl; mi = l; } }
        spare[w++] = l;
      }
      nActive = w;
      const t = list; list = spare; spare = t;
      nn[best] = nb;
      nnd[best] = nbd;
      this.setDist(best);
      if (dist[best]! < mn) { mn = dist[best]!; mi = best; }
      for (let s = 0; s < ns; s++) {
        const l = stack[s]!;
        this.findSofter(l, stackPos[s]!, list, nActive);
        if (dist[l]! < mn) { mn = dist[l]!; mi = l; }
      }
      best = mi; bestD = mn;
    }
    this.listA = list; this.listB = spare;
    for (let s = 0; s < n; s++) {
      let r = s;
      while (mergedInto[r]! >= 0) r = mergedInto[r]!;
      this.jetOfRaw[source[s]!] = this.slotJet[r]!;
    }
  }

  /** Each pair of pseudojets belongs to its harder member: nn[a] is a's nearest softer pseudojet (slots are hardest first). */
  private initNeighbours(n: number): void {
    const { y, phi, nn, nnd } = this;
    for (let a = 0; a < n; a++) {
      const ya = y[a]!, pa = phi[a]!;
      let best = -1, bestD = Infinity;
      for (let b = a + 1; b < n; b++) {
        const dy = y[b]! - ya;
        let dphi = Math.abs(phi[b]! - pa);
        if (dphi > Math.PI) dphi = TWO_PI - dphi;
        const d = dy * dy + dphi * dphi;
        if (d < bestD) { bestD = d; best = b; }
      }
      nn[a] = best;
      nnd[a] = bestD;
      this.setDist(a);
    }
  }

  /** Candidate distance of slot i: its pair distance with its nearest softer pseudojet, or its beam distance if smaller. */
  private setDist(i: number): void {
    const ki = this.kinv[i]!;
    if (this.nn[i]! < 0) { this.dist[i] = ki; return; }
    const dij = ki * this.nnd[i]! * this.invR2;
    this.dist[i] = dij <= ki ? dij : ki;
  }

  /** Finds the nearest pseudojet softer than i, i.e. after its position `at` in the hardness-ordered `list`. */
  private findSofter(i: number, at: number, list: Int32Array, nActive: number): void {
    const { y, phi } = this;
    const yi = y[i]!, phii = phi[i]!;
    let best = -1, bestD = Infinity;
    for (let a = at + 1; a < nActive; a++) {
      const j = list[a]!;
      const dy = y[j]! - yi;
      let dphi = Math.abs(phi[j]! - phii);
      if (dphi > Math.PI) dphi = TWO_PI - dphi;
      const d = dy * dy + dphi * dphi;
      if (d < bestD) { bestD = d; best = j; }
    }
    this.nn[i] = best;
    this.nnd[i] = bestD;
    this.setDist(i);
  }

  private finishJet(s: number): void {
    const k = this.nJetsTotal++;
    if (k >= this.jetPx.length) {
      const grow = (a: Float64Array): Float64Array<ArrayBuffer> => { const b = new Float64Array(Math.max(16, a.length * 2)); b.set(a); return b; };
      this.jetPx = grow(this.jetPx); this.jetPy = grow(this.jetPy); this.jetPz = grow(this.jetPz); this.jetE = grow(this.jetE);
    }
    this.jetPx[k] = this.px[s]!; this.jetPy[k] = this.py[s]!; this.jetPz[k] = this.pz[s]!; this.jetE[k] = this.e[s]!;
    this.slotJet[s] = k;
  }

  private collect(n: number): Clustering {
    const nj = this.nJetsTotal;
    if (this.order.length < nj) { this.order = new Int32Array(nj * 2); this.rank = new Int32Array(nj * 2); this.pt2 = new Float64Array(nj * 2); }
    const { order, rank, pt2 } = this;
    for (let k = 0; k < nj; k++) {
      const v = this.jetPx[k]! ** 2 + this.jetPy[k]! ** 2;
      pt2[k] = v;
      let pos = k;
      while (pos > 0 && pt2[order[pos - 1]!]! < v) { order[pos] = order[pos - 1]!; pos--; }
      order[pos] = k;
    }
    const out = this.out;
    if (out.px.length < nj) {
      out.px = new Float64Array(nj * 2); out.py = new Float64Array(nj * 2);
      out.pz = new Float64Array(nj * 2); out.e = new Float64Array(nj * 2);
    }
    for (let r = 0; r < nj; r++) {
      const k = order[r]!;
      rank[k] = r;
      out.px[r] = this.jetPx[k]!; out.py[r] = this.jetPy[k]!; out.pz[r] = this.jetPz[k]!; out.e[r] = this.jetE[k]!;
    }
    if (out.jetOf.length < n) out.jetOf = new Int32Array(this.cap);
    for (let i = 0; i < n; i++) out.jetOf[i] = rank[this.jetOfRaw[i]!]!;
    out.nJets = nj;
    return out;
  }

  private updateGeometry(i: number): void {
    const px = this.px[i]!, py = this.py[i]!, pz = this.pz[i]!, e = this.e[i]!;
    const pt2 = px * px + py * py;
    this.kinv[i] = pt2 > 0 ? 1 / pt2 : 1e300;
    const ez = e - pz;
    this.y[i] = ez > 0 ? 0.5 * Math.log((e + pz) / ez) : 1e5;
    const phi = Math.atan2(py, px);
    this.phi[i] = phi < 0 ? phi + TWO_PI : phi;
  }

  private ensure(n: number): void {
    if (n <= this.cap) return;
    const cap = Math.max(n, this.cap * 2, 64);
    this.cap = cap;
    this.out.cosPhi = new Float64Array(cap); this.out.sinPhi = new Float64Array(cap); this.out.expEta = new Float64Array(cap);
    if (this.native !== undefined) this.allocNative(this.native, cap);
    else this.allocJs(cap);
  }

  /** The native clusterer's work arrays, and the inputs and outputs as views of them. */
  private allocNative(native: NativeSimAddon, cap: number): void {
    const f64 = new Float64Array(native.antiKtF64Fields * cap), i32 = new Int32Array(native.antiKtI32Fields * cap);
    const f = (field: number): Float64Array<ArrayBuffer> => f64.subarray(field * cap, (field + 1) * cap);
    const g = (field: number): Int32Array<ArrayBuffer> => i32.subarray(field * cap, (field + 1) * cap);
    const F = NATIVE_F64_FIELD, I = NATIVE_I32_FIELD, out = this.out;
    this.nativeF64 = f64; this.nativeI32 = i32;
    this.ipx = f(F.px); this.ipy = f(F.py); this.ipz = f(F.pz); this.ie = f(F.e); this.iy = f(F.y); this.ikinv = f(F.kinv); this.iphi = f(F.phi);
    out.px = f(F.jetPx); out.py = f(F.jetPy); out.pz = f(F.jetPz); out.e = f(F.jetE);
    this.group = g(I.group); out.jetOf = g(I.jetOf); out.hardOrder = g(I.hardOrder);
    out.rapidity = this.iy;
  }

  private allocJs(cap: number): void {
    this.px = new Float64Array(cap); this.py = new Float64Array(cap); this.pz = new Float64Array(cap);
    this.e = new Float64Array(cap); this.y = new Float64Array(cap); this.phi = new Float64Array(cap);
    this.kinv = new Float64Array(cap); this.nnd = new Float64Array(cap); this.nn = new Int32Array(cap);
    this.mergedInto = new Int32Array(cap); this.listA = new Int32Array(cap); this.listB = new Int32Array(cap);
    this.dist = new Float64Array(cap); this.stack = new Int32Array(cap); this.stackPos = new Int32Array(cap);
    this.source = new Int32Array(cap); this.group = new Int32Array(cap); this.slotJet = new Int32Array(cap);
    this.jetOfRaw = new Int32Array(cap);
    this.ipx = new Float64Array(cap); this.ipy = new Float64Array(cap); this.ipz = new Float64Array(cap);
    this.ie = new Float64Array(cap); this.iy = new Float64Array(cap); this.ikinv = new Float64Array(cap); this.iphi = new Float64Array(cap);
    this.out.hardOrder = new Int32Array(cap); this.out.rapidity = this.iy;
  }
}

/** Rapidity of particle i by y = asinh(pT sinh η / mT) (the region split's definition). */
function exactRapidity(p: ParticleBuffer, i: number): number {
  const m = p.massGeV[i]!, pt = p.ptGeV[i]!;
  return m === 0 ? p.eta[i]! : Math.asinh((pt * Math.sinh(p.eta[i]!)) / Math.sqrt(pt * pt + m * m));
}
