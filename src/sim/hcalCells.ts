/** Per-event HCAL cells of 0.087 × 0.087 (η × φ, 72 cells in φ) accumulating deposits for particle flow. */

const CELL_ETA = 0.087;
const N_PHI = 72;
const CELL_PHI = (2 * Math.PI) / N_PHI;
const TWO_PI = 2 * Math.PI;
const HASH_SIZE = 4096;

/** The touched cells of one event, found through an open-addressing hash of their (iη, iφ) key. */
export class HcalCells {
  n = 0;
  private key = new Int32Array(512);
  /** Raw deposit, expected deposit of the tracked hadrons, and their noise variance (GeV, GeV²). */
  raw: Float64Array<ArrayBuffer> = new Float64Array(512);
  expected: Float64Array<ArrayBuffer> = new Float64Array(512);
  chargedNoiseVar: Float64Array<ArrayBuffer> = new Float64Array(512);
  private sumW = new Float64Array(512);
  private sumWEta = new Float64Array(512);
  private sumWDphi = new Float64Array(512);
  private phiRef = new Float64Array(512);

  private readonly hashStamp = new Uint32Array(HASH_SIZE);
  private readonly hashCell = new Int32Array(HASH_SIZE);
  private stamp = 1;

  clear(): void {
    this.n = 0;
    this.stamp++;
  }

  /**
   * Arguments of `addPending`: η, φ, deposit, expected deposit of tracked hadrons, their noise
   * variance. Callers write them here instead of passing five floating-point arguments (which V8
   * boxes when the call is not inlined).
   */
  readonly pending = new Float64Array(5);

  /** Adds the deposit described by `pending` to its cell. */
  addPending(): void {
    const a = this.pending;
    const eta = a[0]!, phi = a[1]!, d = a[2]!, expected = a[3]!, noiseVar = a[4]!;
    const k = (Math.floor(eta / CELL_ETA) + 1000) * N_PHI + (Math.floor(phi / CELL_PHI) % N_PHI);
    let h = (Math.imul(k, 0x9e3779b1) >>> 20) & (HASH_SIZE - 1);
    while (this.hashStamp[h] === this.stamp && this.key[this.hashCell[h]!] !== k) h = (h + 1) & (HASH_SIZE - 1);
    let c = this.hashStamp[h] === this.stamp ? this.hashCell[h]! : this.n;
    if (c === this.n) {
      if (this.n >= HASH_SIZE / 2) throw new RangeError(`HcalCells: more than ${HASH_SIZE / 2} cells in one event`);
      this.hashStamp[h] = this.stamp;
      this.hashCell[h] = c;
      if (c === this.key.length) this.grow();
      this.n++;
      this.key[c] = k;
      this.raw[c] = 0; this.expected[c] = 0; this.chargedNoiseVar[c] = 0;
      this.sumW[c] = 0; this.sumWEta[c] = 0; this.sumWDphi[c] = 0;
      this.phiRef[c] = phi;
    }
    this.raw[c]! += d;
    this.expected[c]! += expected;
    this.chargedNoiseVar[c]! += noiseVar;
    const w = d > 0 ? d : 1e-9;
    let dphi = phi - this.phiRef[c]!;
    if (dphi > Math.PI) dphi -= TWO_PI; else if (dphi < -Math.PI) dphi += TWO_PI;
    this.sumW[c]! += w;
    this.sumWEta[c]! += w * eta;
    this.sumWDphi[c]! += w * dphi;
  }

  /** Deposit-weighted η of cell c. */
  centroidEta(c: number): number {
    return this.sumWEta[c]! / this.sumW[c]!;
  }

  /** Deposit-weighted φ of cell c in [0, 2π). */
  centroidPhi(c: number): number {
    const phi = this.phiRef[c]! + this.sumWDphi[c]! / this.sumW[c]!;
    return phi < 0 ? phi + TWO_PI : phi >= TWO_PI ? phi - TWO_PI : phi;
  }

  private grow(): void {
    const cap = this.key.length * 2;
    const f = (a: Float64Array): Float64Array<ArrayBuffer> => { const b = new Float64Array(cap); b.set(a); return b; };
    const k = new Int32Array(cap); k.set(this.key); this.key = k;
    this.raw = f(this.raw); this.expected = f(this.expected); this.chargedNoiseVar = f(this.chargedNoiseVar);
    this.sumW = f(this.sumW); this.sumWEta = f(this.sumWEta); this.sumWDphi = f(this.sumWDphi); this.phiRef = f(this.phiRef);
  }
}
