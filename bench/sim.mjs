#!/usr/bin/env node
// Speed of the built-in dijet simulator (src/sim), one core, through tsx (no build needed):
//   node bench/sim.mjs [--events N] [--reps R] [--detector full|fast] [--no-write] [--threads T] [--chunked-events N] [--src DIR]
// Prints one JSON line per measurement:
//   {"case":"simulate","unit":"events/s","ours":n,"peer":null,"ratio":null,"path":"native"|"js",...,"cpuUsPerEvent":t}
//   {"case":"simulate-chunked","unit":"events/s",...}   (simulateDijetChunks over --chunked-events, default 30 000:
//   one thread, memory reused from chunk to chunk, as `ansatz simulate` runs it; nothing written)
//   {"case":"simulate+mod","unit":"events/s",...}   (what `ansatz simulate` does: simulateDijetChunksParallel on
//   --threads worker threads (default: one per core, at most 8; 0: simulateDijetChunks in this thread) streamed
//   through writeModChunks to a temp file; sources without them: simulateDijets then writeMod)
// `ours` is the best of R repetitions (the machine is shared; the best is the least disturbed), after
// one warm-up run. `--src DIR` measures another checkout's sources (e.g. an export of HEAD) for a
// before/after comparison in the same run.
import { register } from 'tsx/esm/api';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

register();
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const events = Number(option('--events', 4000));
const reps = Number(option('--reps', 5));
const detector = option('--detector', 'full');
const write = !args.includes('--no-write');
const srcDir = option('--src', undefined);
const src = srcDir ? pathToFileURL(resolve(srcDir) + '/').href : new URL('../src/', import.meta.url).href;
const { simulateDijets, simulateDijetChunks, simulateDijetChunksParallel } = await import(`${src}sim/index.ts`);
const { writeMod, writeModChunks } = await import(`${src}io/mod/index.ts`);
const streamed = typeof simulateDijetChunks === 'function' && typeof writeModChunks === 'function';
const threadsOption = option('--threads', undefined);
const threads = threadsOption === undefined ? undefined : Number(threadsOption);
const chunks = () => (threads === 0 || typeof simulateDijetChunksParallel !== 'function' ? simulateDijetChunks(opts) : simulateDijetChunksParallel({ ...opts, threads }));
// 'native' where the sources cluster in the native addon and it loads (ANSATZ_NATIVE=0 turns it off); older sources are 'js'.
const { nativeSimUnavailableReason } = await import(`${src}engine/native/index.ts`);
const path = typeof nativeSimUnavailableReason === 'function' && nativeSimUnavailableReason() === undefined ? 'native' : 'js';

const opts = { events, seed: 1, detector };
simulateDijets({ ...opts, events: Math.min(events, 1000), seed: 99 }); // warm-up (JIT)

let best = 0, rows = 0, bestCpu = Infinity;
const rates = [];
for (let r = 0; r < reps; r++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const mod = simulateDijets(opts);
  const s = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  rows = mod.jetsF.rows;
  rates.push(Math.round(events / s));
  best = Math.max(best, events / s);
  bestCpu = Math.min(bestCpu, (c.user + c.system) / events);
}
const load = loadavg()[0].toFixed(2);
// cpuUsPerEvent: the process's CPU time per event (best repetition); steadier than wall time when the machine is shared.
process.stdout.write(JSON.stringify({ case: 'simulate', unit: 'events/s', ours: Math.round(best), peer: null, ratio: null, path, events, detector, jets: rows, rates, cpuUsPerEvent: +bestCpu.toFixed(1), load, src: srcDir ?? 'src' }) + '\n');

// The simulator as `ansatz simulate` runs it in one thread: chunks of 10 000 events in memory reused
// from chunk to chunk (no fresh pages after the first), nothing written. Sources without chunks skip it.
if (typeof simulateDijetChunks === 'function') {
  const chunkedEvents = Number(option('--chunked-events', 30000));
  const chunked = { ...opts, events: chunkedEvents };
  let bestC = 0, bestCpuC = Infinity;
  const ratesC = [];
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const _chunk of simulateDijetChunks(chunked));
    const s = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    ratesC.push(Math.round(chunkedEvents / s));
    bestC = Math.max(bestC, chunkedEvents / s);
    bestCpuC = Math.min(bestCpuC, (c.user + c.system) / chunkedEvents);
  }
  process.stdout.write(JSON.stringify({ case: 'simulate-chunked', unit: 'events/s', ours: Math.round(bestC), peer: null, ratio: null, path, events: chunkedEvents, detector, rates: ratesC, cpuUsPerEvent: +bestCpuC.toFixed(1), load: loadavg()[0].toFixed(2), src: srcDir ?? 'src' }) + '\n');
}

if (write) {
  const dir = mkdtempSync(join(tmpdir(), 'ansatz-simbench-'));
  try {
    let bestW = 0, bytes = 0;
    const ratesW = [];
    for (let r = 0; r < reps; r++) {
      const file = join(dir, `sim${r}.h5`);
      const t0 = performance.now();
      if (streamed) await writeModChunks(file, chunks());
      else await writeMod(file, simulateDijets(opts));
      const s = (performance.now() - t0) / 1000;
      bytes = statSync(file).size;
      rmSync(file);
      ratesW.push(Math.round(events / s));
      bestW = Math.max(bestW, events / s);
    }
    process.stdout.write(JSON.stringify({ case: 'simulate+mod', unit: 'events/s', ours: Math.round(bestW), peer: null, ratio: null, path, events, detector, bytes, streamed, threads: threads ?? 'auto', rates: ratesW, load: loadavg()[0].toFixed(2), src: srcDir ?? 'src' }) + '\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
