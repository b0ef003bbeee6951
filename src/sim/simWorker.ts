/** Worker thread of `simulateDijetChunksParallel` (src/sim/parallel.ts): simulates the chunks it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ModBlock, ModData } from '../io/mod/layout.js';
import { EventLoop, validateSimulateOptions, type SimulateOptions } from './simulate.js';

/** What the worker starts with: the run's options (no functions) and the events of a full chunk. */
export interface SimWorkerInit {
  options: SimulateOptions;
  chunkEvents: number;
}
/** To the worker: simulate events [from, to) as chunk `chunk` (`from` starts a luminosity block), or take back buffers it sent. */
export type SimWorkerRequest = { kind: 'chunk'; chunk: number; from: number; to: number } | { kind: 'recycle'; buffers: ArrayBuffer[] };
/** From the worker: a chunk, its float tables in buffers the caller hands back with a 'recycle' request. */
export interface ChunkResult {
  chunk: number;
  mod: ModData;
  /** The buffers under mod.jetsF, mod.pfcs and mod.gens. */
  recyclable: ArrayBuffer[];
}

/** Room for this many more rows than the chunk at hand, so that a buffer fits most later chunks too. */
const SLACK = 1.1;

if (parentPort !== null) {
  const port = parentPort;
  const init = workerData as SimWorkerInit;
  const loop = new EventLoop(init.options, validateSimulateOptions(init.options), init.chunkEvents);
  // Buffers back from the caller: fresh memory costs a page fault per 4 KiB (about as much as
  // simulating the events), so each chunk is copied into one of these when one is big enough.
  const spare: ArrayBuffer[] = [];
  const own = (block: ModBlock<Float64Array>): ModBlock<Float64Array> => {
    const bytes = 8 * block.data.length;
    let at = -1;
    for (let k = 0; k < spare.length; k++) if (spare[k]!.byteLength >= bytes && (at < 0 || spare[k]!.byteLength < spare[at]!.byteLength)) at = k;
    const buffer = at >= 0 ? spare.splice(at, 1)[0]! : new ArrayBuffer(8 * Math.ceil(SLACK * block.data.length));
    const data = new Float64Array(buffer, 0, block.data.length);
    data.set(block.data);
    return { cols: block.cols, rows: block.rows, data };
  };
  port.on('message', (request: SimWorkerRequest) => {
    if (request.kind === 'recycle') {
      spare.push(...request.buffers);
      return;
    }
    loop.reset();
    loop.run(request.from, request.to);
    const m = loop.finish();
    // jets_i and the offsets are new arrays of their own already.
    const mod: ModData = { ...m, jetsF: own(m.jetsF), pfcs: own(m.pfcs), gens: own(m.gens) };
    const recyclable = [mod.jetsF.data, mod.pfcs.data, mod.gens.data].map((a) => a.buffer as ArrayBuffer);
    const result: ChunkResult = { chunk: request.chunk, mod, recyclable };
    port.postMessage(result, [...recyclable, ...[mod.jetsI.data, mod.pfcsIndex, mod.gensIndex].map((a) => a.buffer as ArrayBuffer)]);
  });
}
