/** Accumulates MOD rows in growable typed arrays and hands out the finished in-memory ModData. */
import type { ModData } from '../io/mod/layout.js';
import { zeroedFloat64Array } from './native.js';

/**
 * Rows of a fixed width. Fresh memory is expensive to touch (a page fault per 4 KiB), so each row
 * should be written once, into the array handed out: once its first `PILOT_ROWS` rows are written the store sizes
 * the run from the rows per event seen so far (×1.25, plus slack); if its first array (sized to a
 * guess) holds that, it goes on there, else it copies the pilot rows into one array of that size and
 * goes on there; `finish` then returns a view of its first rows (the untouched tail costs address
 * space only). If the estimate falls short, it carries on in chunks and `finish`
 * copies everything once into an exact array.
 */
class RowStore {
  private readonly full: { data: Float64Array; used: number }[] = [];
  private data: Float64Array;
  private off = 0;
  /** Offset at which `alloc` stops to size the store (the pilot's end) or to grow it (the array's end). */
  private limit: number;
  private sized: boolean;
  rows = 0;

  /**
   * `exactRows`: the row count if known in advance (the store is then sized once, now);
   * `pilotRows`: else, the rows after which the store estimates the run's total (small runs need
   * no more); `reserveRows`: the capacity of the first array, a guess at the run's total: when the
   * estimate fits, the store goes on in place (untouched rows cost address space only), else it
   * moves to an array of the estimated size.
   */
  constructor(private readonly width: number, exactRows = 0, pilotRows = PILOT_ROWS, reserveRows = pilotRows) {
    this.sized = exactRows > 0;
    this.data = zeroedFloat64Array(width * (exactRows > 0 ? exactRows : Math.max(pilotRows, reserveRows)));
    this.limit = exactRows > 0 ? this.data.length : width * pilotRows;
  }

  /** The array the next row goes to, valid until the next `alloc`. */
  get cur(): Float64Array {
    return this.data;
  }

  /** Reserves one row; returns its offset in `cur`. `eventsDone`/`events` drive the sizing. */
  alloc(eventsDone: number, events: number): number {
    if (this.off === this.limit) this.grow(eventsDone, events);
    const o = this.off;
    this.off += this.width;
    this.rows++;
    return o;
  }

  private grow(eventsDone: number, events: number): void {
    if (!this.sized && eventsDone > 0 && events > eventsDone) {
      const estimate = Math.ceil(this.rows + (1.25 * this.rows * (events - eventsDone)) / eventsDone) + 4096;
      this.sized = true;
      if (estimate * this.width > this.data.length) {
        const big = zeroedFloat64Array(estimate * this.width);
        big.set(this.data.subarray(0, this.off));
        this.data = big;
      }
      this.limit = this.data.length;
      if (this.off < this.limit) return;
    }
    if (this.off < this.data.length) {
      this.limit = this.data.length;
      return;
    }
    this.full.push({ data: this.data, used: this.off });
    this.data = zeroedFloat64Array(this.width * Math.max(4096, this.rows >> 2));
    this.limit = this.data.length;
    this.off = 0;
  }

  /**
   * Forgets the rows for a new batch of the same size and keeps the memory: the next batch's rows
   * go where the last one's were (views `finish` handed out are overwritten). After an overflow
   * the store starts over in one array 1.25 × the last batch's rows.
   */
  reset(): void {
    if (this.full.length > 0) {
      this.data = zeroedFloat64Array(this.width * (Math.ceil(1.25 * this.rows) + 4096));
      this.full.length = 0;
      this.sized = true;
    }
    if (this.sized) this.limit = this.data.length;
    this.off = 0;
    this.rows = 0;
  }

  finish(): Float64Array {
    if (this.full.length === 0) return this.off === this.data.length ? this.data : this.data.subarray(0, this.off);
    const out = new Float64Array(this.rows * this.width);
    let at = 0;
    for (const c of [...this.full, { data: this.data, used: this.off }]) {
      out.set(c.data.subarray(0, c.used), at);
      at += c.used;
    }
    return out;
  }
}

/** Rows of the pilot of a store with no known size; when they are written the store estimates the run's total. */
const PILOT_ROWS = 16384;
/** Rows per event a store of particles reserves address space for at the start (60 particles a jet). */
const RESERVE_ROWS_PER_EVENT = 120;

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
    /** Number of events the run will write (two jets each at most), 0 if unknown; sizes the stores. */
    private readonly events = 0,
  ) {
    this.jetsI = new RowStore(jetsICols.length, 2 * events);
    this.jetsF = new RowStore(jetsFCols.length, 2 * events);
    // About 40 particles per jet: a small run's rows fit its first array with room to spare.
    const pilot = events > 0 ? Math.min(PILOT_ROWS, Math.max(1024, 160 * events)) : PILOT_ROWS;
    // Reserved from the start, so that the pilot's rows need no copy nor the pilot fresh pages of
    // its own (the simulator writes about 74 pfcs and 66 gens rows per event by default).
    const reserve = events > 0 ? RESERVE_ROWS_PER_EVENT * events + 4096 : pilot;
    this.pfcs = new RowStore(pfcsCols.length, 0, pilot, reserve);
    this.gens = new RowStore(gensCols.length, 0, pilot, reserve);
  }

  /** Events whose jets are complete (two rows each), for the size estimate. */
  private eventsDone(): number {
    return this.nJets >> 1;
  }

  /** Appends one pfcs row: pt, y, phi, m, pid, vertex, calo (the simulator's pfcs columns). */
  pfc(pt: number, y: number, phi: number, m: number, pid: number, vertex: number, calo: number): void {
    const o = this.pfcs.alloc(this.eventsDone(), this.events), c = this.pfcs.cur;
    c[o] = pt; c[o + 1] = y; c[o + 2] = phi; c[o + 3] = m; c[o + 4] = pid; c[o + 5] = vertex; c[o + 6] = calo;
  }

  /** Appends one gens row: pt, y, phi, m, pid. */
  gen(pt: number, y: number, phi: number, m: number, pid: number): void {
    const o = this.gens.alloc(this.eventsDone(), this.events), c = this.gens.cur;
    c[o] = pt; c[o + 1] = y; c[o + 2] = phi; c[o + 3] = m; c[o + 4] = pid;
  }

  /** Closes the current jet: its jets_i and jets_f rows; the particles pushed since the last jet are its own. */
  jet(intRow: ArrayLike<number>, floatRow: ArrayLike<number>): void {
    const oi = this.jetsI.alloc(0, 0), ci = this.jetsI.cur;
    for (let k = 0; k < intRow.length; k++) ci[oi + k] = intRow[k]!;
    const of = this.jetsF.alloc(0, 0), cf = this.jetsF.cur;
    for (let k = 0; k < floatRow.length; k++) cf[of + k] = floatRow[k]!;
    this.pfcsIndex.push(this.pfcs.rows);
    this.gensIndex.push(this.gens.rows);
    this.nJets++;
  }

  /**
   * Starts a new batch of `events` events (the size given to the constructor) in the same memory:
   * the arrays of the last `finish` are overwritten by the next batch.
   */
  reset(): void {
    this.jetsI.reset(); this.jetsF.reset(); this.pfcs.reset(); this.gens.reset();
    this.pfcsIndex.length = 1;
    this.gensIndex.length = 1;
    this.nJets = 0;
  }

  /**
   * The finished ModData; `filenames` fills its filenames dataset. Float arrays may be views of a
   * larger buffer (mind byteOffset/byteLength, as h5wasm does, when going through `.buffer`).
   */
  finish(filenames: string[]): ModData {
    return {
      jetsI: { cols: [...this.jetsICols], data: toBigInt64Array(this.jetsI.finish()), rows: this.nJets },
      jetsF: { cols: [...this.jetsFCols], data: this.jetsF.finish(), rows: this.nJets },
      pfcs: { cols: [...this.pfcsCols], data: this.pfcs.finish(), rows: this.pfcs.rows },
      pfcsIndex: toBigInt64Array(this.pfcsIndex),
      gens: { cols: [...this.gensCols], data: this.gens.finish(), rows: this.gens.rows },
      gensIndex: toBigInt64Array(this.gensIndex),
      filenames,
    };
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Integers (|v| < 2^53) as a BigInt64Array. On little-endian machines each is written as its two
 * 32-bit two's-complement halves: a BigInt per value cost about 1 µs per simulated event.
 */
function toBigInt64Array(values: ArrayLike<number>): BigInt64Array {
  const out = new BigInt64Array(values.length);
  if (!LITTLE_ENDIAN) {
    for (let k = 0; k < values.length; k++) out[k] = BigInt(values[k]!);
    return out;
  }
  const words = new Int32Array(out.buffer);
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    words[2 * k] = v; // ToInt32 keeps the low 32 bits of an integer
    words[2 * k + 1] = Math.floor(v / 4294967296);
  }
  return out;
}
