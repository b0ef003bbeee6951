/**
 * The simulator on worker threads: each luminosity block draws from its own stream of the seed
 * (EVENTS_PER_LUMI_BLOCK), so chunks of whole blocks simulated apart are the chunks of the
 * sequential run, bit for bit, whatever the number of threads.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { ParameterError } from '../errors.js';
import type { ModData } from '../io/mod/layout.js';
import { startWorker } from '../engine/workers.js';
import { DEFAULT_CHUNK_EVENTS, EVENTS_PER_LUMI_BLOCK, validateSimulateOptions, type ChunkedSimulateOptions } from './simulate.js';
import type { ChunkResult, SimWorkerInit, SimWorkerRequest } from './simWorker.js';

/** Options of `simulateDijetChunksParallel`. */
export interface ParallelSimulateOptions extends ChunkedSimulateOptions {
  /** Worker threads simulating (default: the machine's cores, at most 8); the caller's thread takes the chunks. */
  threads?: number;
}

/** Chunks simulated ahead of the one the caller waits for, per thread (bounds the memory held). */
const AHEAD_PER_THREAD = 2;
const DEFAULT_MAX_THREADS = 8;

/**
 * `simulateDijetChunks(options)` computed on `threads` worker threads: the same chunks, bit for
 * bit, in order, while the caller (e.g. `writeModChunks`) works on the last one. As there, a
 * chunk is valid only until the iterator is advanced (its memory then goes back to the workers).
 * `chunkEvents` must be a multiple of EVENTS_PER_LUMI_BLOCK (1000);
 * `eventWeight`, a function, cannot reach the workers (use `simulateDijetChunks`). `onProgress`
 * is called, in the caller's thread, after each chunk that crosses a multiple of
 * `progressEveryEvents`.
 *
 * @example
 * await writeModChunks('dijets.h5', simulateDijetChunksParallel({ events: 1_000_000, seed: 7, threads: 4 }));
 */
export function simulateDijetChunksParallel(options: ParallelSimulateOptions): AsyncGenerator<ModData, void, undefined> {
  const owner = 'simulateDijetChunksParallel';
  const opts = validateSimulateOptions(options);
  const chunkEvents = options.chunkEvents ?? DEFAULT_CHUNK_EVENTS;
  if (!Number.isInteger(chunkEvents) || chunkEvents < 1 || chunkEvents % EVENTS_PER_LUMI_BLOCK !== 0)
    throw new ParameterError('chunkEvents', owner, `a positive multiple of ${EVENTS_PER_LUMI_BLOCK} (whole luminosity blocks)`, chunkEvents);
  const threads = options.threads ?? Math.min(DEFAULT_MAX_THREADS, availableParallelism());
  if (!Number.isInteger(threads) || threads < 1) throw new ParameterError('threads', owner, 'an integer ≥ 1', threads);
  if (options.eventWeight !== undefined) throw new ParameterError('eventWeight', owner, 'undefined (a function cannot reach worker threads; use simulateDijetChunks)', 'a function');
  // onProgress runs here; what is left is plain data (eventWeight is undefined, checked above).
  const { onProgress, ...rest } = options;
  const init: SimWorkerInit = { options: rest, chunkEvents: Math.min(chunkEvents, opts.events) };
  const nChunks = Math.ceil(opts.events / chunkEvents);
  return run(init, opts.events, chunkEvents, nChunks, Math.min(threads, nChunks), onProgress, opts.progressEveryEvents);
}

async function* run(init: SimWorkerInit, events: number, chunkEvents: number, nChunks: number, threads: number,
  onProgress: ((eventsDone: number) => void) | undefined, every: number): AsyncGenerator<ModData, void, undefined> {
  const done = new Map<number, ChunkResult & { worker: Worker }>();
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  let next = 0, taken = 0;
  const idle: Worker[] = [];
  const dispatch = (worker: Worker): void => {
    if (next < nChunks && next < taken + AHEAD_PER_THREAD * threads) {
      const request: SimWorkerRequest = { kind: 'chunk', chunk: next, from: next * chunkEvents, to: Math.min(events, (next + 1) * chunkEvents) };
      next++;
      worker.postMessage(request);
    } else idle.push(worker);
  };
  const workers = Array.from({ length: threads }, () => {
    const worker = startWorker(import.meta.url, 'simWorker', init);
    worker.on('message', (result: ChunkResult) => {
      done.set(result.chunk, { ...result, worker });
      dispatch(worker);
      wake?.();
    });
    worker.on('error', (err) => {
      failure ??= err;
      wake?.();
    });
    worker.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`simulateDijetChunksParallel: a worker thread exited with code ${code}`);
      wake?.();
    });
    return worker;
  });
  try {
    for (const worker of workers) dispatch(worker);
    for (let chunk = 0; chunk < nChunks; chunk++) {
      while (!done.has(chunk)) {
        if (failure !== undefined) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      const result = done.get(chunk)!;
      done.delete(chunk);
      taken = chunk + 1;
      for (let k = idle.length; k > 0; k--) dispatch(idle.shift()!);
      const before = chunk * chunkEvents, after = Math.min(events, taken * chunkEvents);
      if (onProgress !== undefined && after < events && Math.floor(after / every) > Math.floor(before / every)) onProgress(after);
      yield result.mod;
      // The caller is done with the chunk: its float buffers go back to the worker that filled them.
      const recycle: SimWorkerRequest = { kind: 'recycle', buffers: result.recyclable };
      result.worker.postMessage(recycle, result.recyclable);
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
