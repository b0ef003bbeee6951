import { availableParallelism } from 'node:os';
import { simulateDijetChunks, simulateDijetChunksParallel } from '../sim/index.js';
import { writeModChunks } from '../io/mod/index.js';
import { InputError } from '../errors.js';
import { emit, formatDuration, say, splitList, type Output } from './output.js';

export interface SimulateCommandOptions extends Output {
  events: string;
  seed?: string;
  detector?: 'full' | 'fast';
  spectrum?: 'qcd' | 'flat' | 'resonance';
  ptRange?: string;
  threads?: string;
  out: string;
}

/** `ansatz simulate`: dijet events from the built-in CMS-like simulator, written as a MOD HDF5 file. */
export async function simulateCommand(o: SimulateCommandOptions): Promise<void> {
  const events = Number(o.events);
  if (!Number.isInteger(events) || events < 1) throw new InputError(`--events must be a positive integer; got '${o.events}'`);
  const seed = o.seed === undefined ? 1 : Number(o.seed);
  if (!Number.isInteger(seed)) throw new InputError(`--seed must be an integer; got '${o.seed}'`);
  let ptRangeGeV: [number, number] | undefined;
  if (o.ptRange) {
    const r = splitList(o.ptRange).map(Number);
    if (r.length !== 2 || !(r[0]! > 0 && r[1]! > r[0]!)) throw new InputError(`--pt-range must be LOW,HIGH in GeV with 0 < LOW < HIGH; got '${o.ptRange}'`);
    ptRangeGeV = [r[0]!, r[1]!];
  }
  const threads = o.threads === undefined || o.threads === 'auto' ? undefined : Number(o.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 0)) throw new InputError(`--threads must be 'auto' or an integer ≥ 0; got '${o.threads}'`);
  const t0 = performance.now();
  const onProgress = (done: number): void => {
    const elapsed = (performance.now() - t0) / 1000, etaSeconds = (elapsed * (events - done)) / done;
    say(o, `simulated ${done}/${events} events  ${Math.round(done / elapsed)} events/s  ${formatDuration(elapsed)} elapsed, ETA ${formatDuration(etaSeconds)}`);
    emit(o, { event: 'progress', eventsDone: done, events, seconds: elapsed, etaSeconds });
  };
  // Written as it is simulated, 10 000 events at a time: memory stays at a few such blocks (≈ 75 MB each).
  say(o, `writing ${o.out}`);
  const options = { events, seed, detector: o.detector, spectrum: o.spectrum, ...(ptRangeGeV ? { ptRangeGeV } : {}), onProgress };
  // One core: a worker would only take turns with the main thread's writing.
  const inThisThread = threads === 0 || (threads === undefined && availableParallelism() === 1);
  const chunks = inThisThread ? simulateDijetChunks(options) : simulateDijetChunksParallel({ ...options, threads });
  const written = await writeModChunks(o.out, chunks);
  const seconds = (performance.now() - t0) / 1000;
  say(o, `simulated ${events} dijet events (${written.jets} jets, ${written.pfcs} particles; ${o.detector ?? 'full'} detector, ${o.spectrum ?? 'qcd'} spectrum, seed ${seed}) in ${seconds.toFixed(1)} s → ${o.out}`);
  emit(o, { event: 'done', out: o.out, events, jets: written.jets, particles: written.pfcs, seconds });
}
