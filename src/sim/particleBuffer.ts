/** A growable struct-of-arrays list of particles, reused from event to event (no per-particle allocation). */
export class ParticleBuffer {
  n = 0;
  ptGeV: Float64Array;
  eta: Float64Array;
  phi: Float64Array;
  massGeV: Float64Array;
  pid: Int32Array;
  /** Reconstructed: 0 hard event, v > 0 pileup vertex. GEN: index of the parton (0 or 1) it came from. */
  vertex: Int32Array;
  /** Reconstructed: 1 if the energy was measured by a calorimeter, 0 if by the tracker. */
  calo: Uint8Array;
  /** Oracle estimate of the particle's true pT (GeV) and its variance (GeV²); reconstructed only. */
  oraclePtGeV: Float64Array;
  oracleVarGeV2: Float64Array;

  constructor(capacity = 256) {
    this.ptGeV = new Float64Array(capacity);
    this.eta = new Float64Array(capacity);
    this.phi = new Float64Array(capacity);
    this.massGeV = new Float64Array(capacity);
    this.pid = new Int32Array(capacity);
    this.vertex = new Int32Array(capacity);
    this.calo = new Uint8Array(capacity);
    this.oraclePtGeV = new Float64Array(capacity);
    this.oracleVarGeV2 = new Float64Array(capacity);
  }

  /** Appends a particle and returns its index (oracle fields zero, calo 0). */
  push(ptGeV: number, eta: number, phi: number, massGeV: number, pid: number, vertex: number): number {
    const a = this.pending;
    a[0] = ptGeV;
    a[1] = eta;
    a[2] = phi;
    a[3] = massGeV;
    return this.pushPending(pid, vertex);
  }

  /**
   * pT, η, φ, mass of the particle `pushPending` appends. Hot generator loops write them here instead
   * of passing four floating-point arguments, which V8 boxes into heap numbers when it does not inline
   * the call.
   */
  readonly pending = new Float64Array(4);

  /** Appends the particle held in `pending` and returns its index (oracle fields zero, calo 0). */
  pushPending(pid: number, vertex: number): number {
    if (this.n === this.ptGeV.length) this.grow();
    const i = this.n++, a = this.pending;
    this.ptGeV[i] = a[0]!;
    this.eta[i] = a[1]!;
    this.phi[i] = a[2]!;
    this.massGeV[i] = a[3]!;
    this.pid[i] = pid;
    this.vertex[i] = vertex;
    this.calo[i] = 0;
    this.oraclePtGeV[i] = 0;
    this.oracleVarGeV2[i] = 0;
    return i;
  }

  /** Makes room for `extra` more particles, so that up to n + extra can be written by index without `push`. */
  reserve(extra: number): void {
    while (this.n + extra > this.ptGeV.length) this.grow();
  }

  clear(): void {
    this.n = 0;
  }

  private grow(): void {
    const cap = this.ptGeV.length * 2;
    const f = (a: Float64Array): Float64Array => { const b = new Float64Array(cap); b.set(a); return b; };
    const g = (a: Int32Array): Int32Array => { const b = new Int32Array(cap); b.set(a); return b; };
    this.ptGeV = f(this.ptGeV);
    this.eta = f(this.eta);
    this.phi = f(this.phi);
    this.massGeV = f(this.massGeV);
    this.pid = g(this.pid);
    this.vertex = g(this.vertex);
    const c = new Uint8Array(cap); c.set(this.calo); this.calo = c;
    this.oraclePtGeV = f(this.oraclePtGeV);
    this.oracleVarGeV2 = f(this.oracleVarGeV2);
  }
}
