#!/usr/bin/env node
// Engine speed against the PyTorch CPU peer (../shared/peer/peer.sh), measured in the same run:
//   npm run bench [-- --json] [--quick] [--case dnn-train,pfn-train,dnn-infer] [--rounds R] [--no-peer]
// Each case runs ours (bench/cases.mjs, in its own process) then the peer, never both at once,
// `rounds` times (default 3, --quick 1); figures are medians over rounds, `roundRatios` the ratio
// of each back-to-back pair. The machine is shared: the 1-minute load average is printed with each. Our side runs the TypeScript
// sources through tsx: no build needed. With --json, one JSON object per line and case.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const json = flag('--json'), quick = flag('--quick');
const rounds = Number(option('--rounds', quick ? 1 : 3));
const peerScript = option('--peer', process.env.ANSATZ_PEER ?? join(here, '..', '..', 'shared', 'peer', 'peer.sh'));
const usePeer = !flag('--no-peer') && existsSync(peerScript);
const cases = option('--case', 'dnn-train,pfn-train,dnn-infer').split(',');
const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : null);
const load = () => loadavg()[0].toFixed(2);
const log = (text) => process.stderr.write(`${text}\n`);

/** Epochs and batches per epoch of the training cases (the peer's defaults: 4 epochs, the first is warm-up). */
const trainOpts = quick ? { epochs: 2, batches: 3 } : { epochs: 4, batches: 0 };

function ours(caseName, extra = {}) {
  const opts = JSON.stringify({ ...trainOpts, ...extra, quick, threads: Number(option('--threads', 0)) });
  const res = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', join(here, 'cases.mjs'), caseName, opts], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (res.status !== 0) throw new Error(`bench/cases.mjs ${caseName} failed:\n${res.stderr}`);
  return JSON.parse(res.stdout.trim().split('\n').pop());
}

/** The peer's summary line, or null (with the reason on stderr) when it cannot run here. */
function peer(mode) {
  if (!usePeer) return null;
  const peerArgs = mode === 'infer' ? [] : ['--epochs', String(trainOpts.epochs), ...(trainOpts.batches ? ['--batches', String(trainOpts.batches)] : [])];
  try {
    const out = execFileSync('bash', [peerScript, mode, ...peerArgs], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 24 });
    return JSON.parse(out.trim().split('\n').pop());
  } catch (err) {
    log(`peer ${mode} did not run: ${String(err.stderr ?? err.message).trim().split('\n').slice(-3).join(' | ')}`);
    return null;
  }
}

/** Makes sure the peer's data exists (peer.sh generates it on first use); our side falls back to generated data otherwise. */
function ensurePeerData() {
  const dir = process.env.PEER_DATA ?? '/tmp/ansatz-peer-data';
  if (!usePeer || existsSync(join(dir, 'manifest.json'))) return;
  try {
    execFileSync('bash', [peerScript, 'infer', '--bs', '100000'], { stdio: 'ignore' });
  } catch {
    log('peer.sh could not generate its data: our side uses generated data of the same shapes; peer: null');
  }
}

const specs = {
  'dnn-train': { unit: 'samples/s', peerMode: 'dnn', peerKey: 'median_samples_per_s' },
  'pfn-train': { unit: 'samples/s', peerMode: 'pfn', peerKey: 'median_samples_per_s' },
  'dnn-infer': { unit: 'rows/s', peerMode: 'infer', peerKey: 'rows_per_s' },
};

function runCase(caseName) {
  const spec = specs[caseName];
  if (!spec) throw new Error(`unknown case ${caseName}; should be one of ${Object.keys(specs).join(', ')}`);
  const variants = caseName === 'dnn-infer' ? [{ estimate: 'b', via: 'pool' }, { estimate: 'b', via: 'predict' }, { estimate: 'argmax', via: 'pool' }, { estimate: 'argmax', via: 'predict' }] : [undefined];
  const results = [];
  for (const variant of variants) {
    const estimate = variant?.estimate;
    const mine = [], theirs = [], loads = [], pairs = [];
    let last;
    for (let r = 0; r < rounds; r++) {
      loads.push(load());
      try {
        last = ours(caseName, variant ?? {});
      } catch (err) {
        const missing = /Unsupported architecture "(\w+)"/.exec(err.message);
        if (missing) last = { skipped: `the '${missing[1]}' architecture is not registered (src/archs)` };
        else {
          log(String(err.message));
          last = { error: String(err.message).split('\n').slice(0, 3).join(' ') };
          process.exitCode = 1;
        }
        break;
      }
      mine.push(last.ours);
      if (!results[0]) {
        const p = peer(spec.peerMode);
        if (p) theirs.push(p[spec.peerKey]);
        if (p) pairs.push(Number((last.ours / p[spec.peerKey]).toFixed(2)));
      }
      loads.push(load());
    }
    const peerFigure = results[0] ? results[0].peer : median(theirs);
    const o = median(mine);
    const row = {
      case: caseName, unit: spec.unit, ours: o && Math.round(o), peer: peerFigure && Math.round(peerFigure),
      ratio: o && peerFigure ? Number((o / peerFigure).toFixed(2)) : null,
      path: last?.path ?? null,
      ...(estimate ? { estimate, via: variant.via, peerComputes: 'B and C(x, B)' } : {}),
      ...(caseName === 'pfn-train' && last?.peakRssMiB ? { peakRssMiB: last.peakRssMiB } : {}),
      rounds: mine.length, ...(pairs.length ? { roundRatios: pairs } : {}), loadavg1m: loads.join(' '), data: last?.data, ...(last?.error ? { error: last.error } : {}), ...(last?.skipped ? { skipped: last.skipped } : {}),
    };
    results.push(row);
    print(row);
  }
}

function print(row) {
  if (json) return process.stdout.write(JSON.stringify(row) + '\n');
  const fmt = (x) => (x == null ? '–' : x >= 1e5 ? x.toExponential(2) : String(x));
  const name = row.estimate ? `${row.case} (${row.estimate}, ${row.via})` : row.case;
  process.stdout.write(`${name.padEnd(22)} ${fmt(row.ours).padStart(9)} ${row.unit.padEnd(9)} peer ${fmt(row.peer).padStart(9)}  ratio ${row.ratio ?? '–'}  [${row.path}]${row.peakRssMiB ? `  peak RSS ${row.peakRssMiB} MiB` : ''}  load ${row.loadavg1m}${row.error ? `  ERROR ${row.error}` : ''}${row.skipped ? `  skipped: ${row.skipped}` : ''}\n`);
}

ensurePeerData();
if (!json) {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(`${new Date().toISOString().slice(0, 10)}  ${cpu} × ${cpus().length}  Node ${process.version}${quick ? '  (quick)' : ''}\n`);
}
for (const c of cases) runCase(c);
