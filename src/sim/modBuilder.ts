/** Accumulates MOD rows in growable typed arrays and hands out the finished in-memory ModData. */
import type { ModData } from '../io/mod/layout.js';

/**
 * Rows of a fixed width in fixed-size chunks: appending never copies (a doubling array copied and
 * re-zeroed tens of MB per run, and its garbage dominated the writing); `finish` copies once.
 */
class RowStore {
  private readonly chunks: Float64Array[] = [];
  /** The chunk being filled; the caller writes a row at the offset `alloc` returns. */
  cur: Float64Array;
  private off = 0;
  rows = 0;

  constructor(private readonly width: number, private readonly rowsPerChunk = 4096) {
    this.cur = new Float64Array(width * rowsPerChunk);
    this.chunks.push(this.cur);
  }

  /** Reserves one row; returns its offset in `cur`. */
  alloc(): number {
    if (this.off === this.cur.length) {
      this.cur = new Float64Array(this.width * this.rowsPerChunk);
      this.chunks.push(this.cur);
      this.off = 0;
    }
    const o = this.off;
    this.off += this.width;
    this.rows++;
    return o;
  }

  finish(): Float64Array {
    const out = new Float64Array(this.rows * this.width);
    let at = 0;
    for (const c of this.chunks) {
      const used = c === this.cur ? this.off : c.length;
      out.set(used === c.length ? c : c.subarray(0, used), at);
      at += used;
    }
    return out;
  }
}

/** Row-wise builder of jets_i, jets_f, pfcs(+index), gens(+index). Push a jet's particles, then the jet. */
export class ModBuilder {
  private readonly jetsI: RowStore;
  private readonly jetsF: RowStore;
  private readonly pfcs: RowStore;
  private readonly gens: RowStore;
  private readonly pfcsIndex: number[] = [0];
  private readonly gensIndex: number[] = [0];
  private nJets = 0;

  constructor(
    readonly jetsICols: string[],
    readonly jetsFCols: string[],
    readonly pfcsCols: string[],
    readonly gensCols: string[],
  ) {
    this.jetsI = new RowStore(jetsICols.length, 1024);
    this.jetsF = new RowStore(jetsFCols.length, 1024);
    this.pfcs = new RowStore(pfcsCols.length);
    this.gens = new RowStore(gensCols.length);
  }

  /** Appends one pfcs row: pt, y, phi, m, pid, vertex, calo (the simulator's pfcs columns). */
  pfc(pt: number, y: number, phi: number, m: number, pid: number, vertex: number, calo: number): void {
    const o = this.pfcs.alloc(), c = this.pfcs.cur;
    c[o] = pt; c[o + 1] = y; c[o + 2] = phi; c[o + 3] = m; c[o + 4] = pid; c[o + 5] = vertex; c[o + 6] = calo;
  }

  /** Appends one gens row: pt, y, phi, m, pid. */
  gen(pt: number, y: number, phi: number, m: number, pid: number): void {
    const o = this.gens.alloc(), c = this.gens.cur;
    c[o] = pt; c[o + 1] = y; c[o + 2] = phi; c[o + 3] = m; c[o + 4] = pid;
  }

  /** Closes the current jet: its jets_i and jets_f rows; the particles pushed since the last jet are its own. */
  jet(intRow: ArrayLike<number>, floatRow: ArrayLike<number>): void {
    const oi = this.jetsI.alloc(), ci = this.jetsI.cur;
    for (let k = 0; k < intRow.length; k++) ci[oi + k] = intRow[k]!;
    const of = this.jetsF.alloc(), cf = this.jetsF.cur;
    for (let k = 0; k < floatRow.length; k++) cf[of + k] = floatRow[k]!;
    this.pfcsIndex.push(this.pfcs.rows);
    this.gensIndex.push(this.gens.rows);
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
      pfcs: { cols: [...this.pfcsCols], data: this.pfcs.finish(), rows: this.pfcs.rows },
      pfcsIndex: BigInt64Array.from(this.pfcsIndex, (v) => BigInt(v)),
      gens: { cols: [...this.gensCols], data: this.gens.finish(), rows: this.gens.rows },
      gensIndex: BigInt64Array.from(this.gensIndex, (v) => BigInt(v)),
      filenames,
    };
  }
}
