#!/usr/bin/env node
// `npm run bench [-- --json] [-- --quick] [-- --no-peer]`: training and inference throughput of
// ansatz beside the PyTorch CPU peer (../shared/peer/peer.sh), measured in the same run, one
// after the other (never concurrently). Needs the build (npm run build).
// Prints one JSON object per case: {case, unit, ours, peer, ratio, path, ...}.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GaussianAnsatz } from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const json = args.has('--json'), quick = args.has('--quick'), noPeer = args.has('--no-peer');
const peerDir = resolve(here, '../../shared/peer');
const peerData = process.env.PEER_DATA ?? '/tmp/ansatz-peer-data';
const say = (s) => { if (!json) process.stderr.write(`${s}\n`); };

function runPeer(kind, extra = []) {
  if (noPeer || !existsSync(join(peerDir, 'peer.sh'))) return null;
  const r = spawnSync('bash', [join(peerDir, 'peer.sh'), kind, ...extra], { encoding: 'utf8', env: { ...process.env, PEER_DATA: peerData } });
  const lines = (r.stdout ?? '').trim().split('\n').filter((l) => l.startsWith('{'));
  if (r.status !== 0 || lines.length === 0) { say(`peer ${kind} did not run: ${(r.stderr ?? '').slice(-300)}`); return null; }
  return JSON.parse(lines[lines.length - 1]);
}

function readF32(name) {
  const b = readFileSync(join(peerData, name));
  const out = new Float32Array(b.byteLength / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}

/** Peer's data when it exists (the same rows the peer trains on), else the same generator in JS. */
function dnnData() {
  if (existsSync(join(peerData, 'dnn_x.bin'))) {
    const x = readF32('dnn_x.bin'), z = readF32('dnn_z.bin');
    return { x: { data: x, rows: z.length, cols: 3 }, z };
  }
  const n = 100_000, x = new Float32Array(3 * n), z = new Float32Array(n);
  let s = 1;
  const u = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const g = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 3; k++) x[3 * i + k] = g();
    z[i] = x[3 * i] + 0.5 * x[3 * i + 1] - 0.3 * x[3 * i + 2] ** 2 + (0.3 + 0.2 * Math.abs(x[3 * i])) * g();
  }
  return { x: { data: x, rows: n, cols: 3 }, z };
}

const records = [];
function report(rec) {
  records.push(rec);
  if (json) process.stdout.write(`${JSON.stringify(rec)}\n`);
}

// DNN training: four MLPs 3(4 for C)→64→64→64→1, batch 2048, Adam lr 1e-4 (the peer's step).
const { x, z } = dnnData();
const epochs = quick ? 2 : 4;
const train = { hidden: [64, 64, 64], batchSize: 2048, learningRate: 1e-4, l2: 0, dPenalty: 0, stages: 1, patience: 0, valFraction: 0.01, epochs, seed: 0 };
const perEpoch = [];
const model = await new GaussianAnsatz(train).fit(x, z, { onEpoch: (r) => perEpoch.push(r) });
const fr = model.fitResult_;
say(`ours dnn-train: ${Math.round(fr.samplesPerSecond)} samples/s (${fr.kernels}, ${fr.threads} threads)`);
const peerDnn = runPeer('dnn', quick ? ['--epochs', '2'] : []);
const peerDnnRate = peerDnn?.median_samples_per_s ?? null;
report({ case: 'dnn-train', unit: 'samples/s', ours: Math.round(fr.samplesPerSecond), peer: peerDnnRate && Math.round(peerDnnRate), ratio: peerDnnRate ? +(fr.samplesPerSecond / peerDnnRate).toFixed(3) : null, path: `${fr.kernels}, ${fr.threads} threads` });

// DNN inference: ẑ and σ̂ for all rows, in chunks of 8192 (the peer computes B and C(x, B)).
for (const estimate of ['b', 'argmax']) {
  model.params.estimate = estimate;
  model.predict(x);
  const times = [];
  for (let k = 0; k < (quick ? 2 : 5); k++) {
    const t0 = performance.now();
    model.predict(x);
    times.push((performance.now() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  const ours = x.rows / times[Math.floor(times.length / 2)];
  const peerInfer = estimate === 'b' ? runPeer('infer') : null;
  const peerRate = peerInfer?.rows_per_s ?? null;
  report({ case: estimate === 'b' ? 'dnn-infer' : 'dnn-infer-argmax', unit: 'rows/s', ours: Math.round(ours), peer: peerRate && Math.round(peerRate), ratio: peerRate ? +(ours / peerRate).toFixed(3) : null, path: `${fr.kernels}, 1 thread, estimate '${estimate}'` });
  say(`ours dnn-infer (${estimate}): ${Math.round(ours)} rows/s`);
}

if (!json) {
  process.stdout.write('| case | unit | ansatz | PyTorch peer | ratio | path |\n|---|---|---|---|---|---|\n');
  for (const r of records) process.stdout.write(`| ${r.case} | ${r.unit} | ${r.ours} | ${r.peer ?? '–'} | ${r.ratio ?? '–'} | ${r.path} |\n`);
}
