#!/usr/bin/env node
// The simulator's cost in instructions per event, under valgrind: steadier than wall time on a shared
// machine (whose speed drifts by 15 % between rounds here), and comparable between checkouts.
//   node bench/simInstructions.mjs [--dist DIR] [--events N]
// Runs `simulateDijets` of DIR (default: this checkout's dist/, built by `npm run build`) twice under
// `valgrind --tool=cachegrind`, after a 1000-event warm-up, with 500 and with N + 500 events, and
// prints {"case":"simulate-instructions","unit":"instructions/event",...}: the difference of the user-space
// instruction counts outside V8's compilers (parser, bytecode generator, TurboFan/Maglev), divided by
// N, so start-up, warm-up and JIT compilation cancel out. Needs valgrind and cg_annotate on PATH.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { dist: { type: 'string', default: new URL('../dist', import.meta.url).pathname }, events: { type: 'string', default: '4000' } } });
const dist = resolve(values.dist), events = Number(values.events);
const COMPILER = /compiler::|[Tt]urboshaft|maglev|Maglev|Parser|Scanner|interpreter::|BytecodeGenerator|Zone/;

const dir = mkdtempSync(join(tmpdir(), 'ansatz-siminstr-'));
try {
  const script = join(dir, 'simulate.mjs');
  writeFileSync(script, [
    `const { simulateDijets } = await import(${JSON.stringify(`${dist}/sim/index.js`)});`,
    'simulateDijets({ events: 1000, seed: 99 });',
    'simulateDijets({ events: Number(process.argv[2]), seed: 1 });',
  ].join('\n'));
  /** User-space instructions outside the compilers for a run of `n` events. */
  const instructions = (n) => {
    const out = join(dir, `cg.${n}`);
    execFileSync('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--smc-check=all-non-file', `--cachegrind-out-file=${out}`,
      process.execPath, '--single-threaded', script, String(n)], { stdio: 'ignore' });
    const report = execFileSync('cg_annotate', ['--threshold=0', out], { encoding: 'utf8', maxBuffer: 1 << 28 });
    let total = 0;
    for (const line of report.split('file:function')[1].split('\n')) {
      const m = /^\s*([\d,]+)\s+\([^)]*\)\s+(.*)$/.exec(line);
      if (m && !COMPILER.test(m[2])) total += Number(m[1].replaceAll(',', ''));
    }
    return total;
  };
  const base = instructions(500), run = instructions(500 + events);
  process.stdout.write(JSON.stringify({ case: 'simulate-instructions', unit: 'instructions/event', ours: Math.round((run - base) / events), peer: null, ratio: null, events, dist }) + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
