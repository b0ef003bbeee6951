/** Accumulates MOD rows in growable typed arrays and hands out the finished in-memory ModData. */
import type { ModData } from '../io/mod/layout.js';

class GrowableF64 {
  data = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const d = new Float64Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = v;
  }
  finish(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/** Row-wise builder of jets_i, jets_f, pfcs(+index), gens(+index). Push a jet's particles, then the jet. */
export class ModBuilder {
  private readonly jetsI = new GrowableF64();
  private readonly jetsF = new GrowableF64();
  private readonly pfcs = new GrowableF64();
  private readonly gens = new GrowableF64();
  private readonly pfcsIndex: number[] = [0];
  private readonly gensIndex: number[] = [0];
  private nJets = 0;

  constructor(
    readonly jetsICols: string[],
    readonly jetsFCols: string[],
    readonly pfcsCols: string[],
    readonly gensCols: string[],
  ) {}

  /** Appends one pfcs row: pt, y, phi, m, pid, vertex, calo (the simulator's pfcs columns). */
  pfc(pt: number, y: number, phi: number, m: number, pid: number, vertex: number, calo: number): void {
    const b = this.pfcs;
    b.push(pt); b.push(y); b.push(phi); b.push(m); b.push(pid); b.push(vertex); b.push(calo);
  }

  /** Appends one gens row: pt, y, phi, m, pid. */
  gen(pt: number, y: number, phi: number, m: number, pid: number): void {
    const b = this.gens;
    b.push(pt); b.push(y); b.push(phi); b.push(m); b.push(pid);
  }

  /** Closes the current jet: its jets_i and jets_f rows; the particles pushed since the last jet are its own. */
  jet(intRow: ArrayLike<number>, floatRow: ArrayLike<number>): void {
    for (let k = 0; k < intRow.length; k++) this.jetsI.push(intRow[k]!);
    for (let k = 0; k < floatRow.length; k++) this.jetsF.push(floatRow[k]!);
    this.pfcsIndex.push(this.pfcs.length / this.pfcsCols.length);
    this.gensIndex.push(this.gens.length / this.gensCols.length);
    this.nJets++;
  }

  /** The finished ModData; `filenames` fills its filenames dataset. */
  finish(filenames: string[]): ModData {
    const ints = this.jetsI.finish();
    const jetsI = new BigInt64Array(ints.length);
    for (let k = 0; k < ints.length; k++) jetsI[k] = BigInt(ints[k]!);
    return {
      jetsI: { cols: [...this.jetsICols], data: jetsI, rows: this.nJets },
      jetsF: { cols: [...this.jetsFCols], data: this.jetsF.finish(), rows: this.nJets },
      pfcs: { cols: [...this.pfcsCols], data: this.pfcs.finish(), rows: this.pfcs.length / this.pfcsCols.length },
      pfcsIndex: BigInt64Array.from(this.pfcsIndex, (v) => BigInt(v)),
      gens: { cols: [...this.gensCols], data: this.gens.finish(), rows: this.gens.length / this.gensCols.length },
      gensIndex: BigInt64Array.from(this.gensIndex, (v) => BigInt(v)),
      filenames,
    };
  }
}
