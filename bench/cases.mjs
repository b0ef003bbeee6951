// Our side of one benchmark case, in its own process (clean JIT state, its own peak RSS):
//   node bench/cases.mjs dnn-train|pfn-train|dnn-infer '{"epochs":4,"batches":0,"threads":0}'
// Prints one JSON object. Runs the TypeScript sources through tsx, so no build is needed.
import { register } from 'tsx/esm/api';
import { generateDnn, generatePfn, havePeerData, loadDnn, loadPfn } from './peerData.mjs';

register();
const src = new URL('../src/', import.meta.url).href;
const { ReplicaPool } = await import(`${src}train/pool.ts`);
const { BatchStepper } = await import(`${src}train/step.ts`);
const { availableThreads } = await import(`${src}train/split.ts`);
const { buildStructure } = await import(`${src}ansatz/structure.ts`);
const { PREDICT_BLOCK_ROWS } = await import(`${src}ansatz/replica.ts`);
const { GaussianAnsatz } = await import(`${src}ansatz/GaussianAnsatz.ts`);
const { loadKernels } = await import(`${src}engine/backend.ts`);
const { PredictPool } = await import(`${src}train/predictPool.ts`);
const { covarianceFromRaw, sigmaFromCovariance } = await import(`${src}ansatz/inference.ts`);
await import(`${src}archs/index.ts`).catch(() => undefined); // registers the particle-cloud architectures

const [caseName, optsJson = '{}'] = process.argv.slice(2);
const opts = { epochs: 4, batches: 0, threads: 0, ...JSON.parse(optsJson) };
const BATCH = 2048;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The DNN configuration of the peer: A, B, D: 3→64→64→64→1, C: 4→64→64→64→1, ReLU. */
const dnnSpec = { arch: 'dnn', xDim: 3, zDim: 1, hidden: [64, 64, 64], act: 'relu', epsilon: 1e-6 };
/** The PFN configuration: Φ 3→50→50→64 (ReLU, also after the last layer), F 64(+1 for C)→64→64→1. */
const pfnSpec = { arch: 'pfn', xDim: 3, zDim: 1, hidden: [64, 64], act: 'relu', epsilon: 1e-6, phiSizes: [50, 50, 64] };

/**
 * Trains like torch_ga.py: batches of 2048 in file order, the marginal partner of row i being
 * row (i + s) mod 2048 with s = 1 + (7919·step) mod 2047, Adam(1e-4, 0.9, 0.999, 1e-7), no L2,
 * no D penalty. samples/s per epoch; the first epoch is warm-up.
 */
async function train(spec, data, initial) {
  const nParams = buildStructure(spec).layout.length;
  if (initial && initial.length !== nParams) throw new Error(`the peer's weights hold ${initial.length} numbers, our ${spec.arch} layout ${nParams}`);
  const threads = opts.threads || availableThreads();
  const maxParticles = data.offsets ? maxSliceParticles(data.offsets, data.n, Math.ceil(BATCH / threads)) : 0;
  const pool = await ReplicaPool.create(spec, 'auto', data, nParams, BATCH, threads, maxParticles);
  try {
    const k = pool.kernels, s = pool.shared, stepper = new BatchStepper(pool, data);
    if (initial) s.params.set(initial);
    else buildStructure(spec).layout.initialise(s.params, { uniform: mulberry(3) });
    const m = k.alloc(nParams), v = k.alloc(nParams);
    const order = Int32Array.from({ length: data.n }, (_, i) => i), pi = new Int32Array(BATCH);
    const batches = Math.min(Math.floor(data.n / BATCH), opts.batches || Infinity);
    const perEpoch = [], firstLosses = [];
    let step = 0;
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      const t0 = performance.now();
      for (let b = 0; b < batches; b++) {
        const shift = 1 + ((step * 7919) % (BATCH - 1));
        for (let r = 0; r < BATCH; r++) pi[r] = (r + shift) % BATCH;
        const loss = stepper.train(order, b * BATCH, BATCH, pi, 0, 'dv');
        if (!Number.isFinite(loss) || !pool.gradientsFinite) throw new Error(`training diverged at step ${step}`);
        step++;
        k.adam(s.params, pool.grads, m, v, { lr: 1e-4, beta1: 0.9, beta2: 0.999, eps: 1e-7, step, l2: 0 });
        if (firstLosses.length < 5) firstLosses.push(loss);
      }
      perEpoch.push((batches * BATCH) / ((performance.now() - t0) / 1000));
    }
    const timed = perEpoch.length > 1 ? perEpoch.slice(1) : perEpoch;
    return { ours: median(timed), epochs: perEpoch, firstLosses, path: `${pool.kernelsName}, ${pool.threads} thread${pool.threads > 1 ? 's' : ''}` };
  } finally {
    await pool.close();
  }
}

function maxSliceParticles(offsets, n, rows) {
  const counts = Int32Array.from({ length: n }, (_, i) => offsets[i + 1] - offsets[i]).sort().reverse();
  return counts.subarray(0, rows).reduce((a, b) => a + b, 0);
}

function mulberry(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** The peer's weights (or a seeded Glorot start) for inference. */
function inferenceWeights(d) {
  const structure = buildStructure(dnnSpec);
  return d.params ?? structure.layout.initialise(new Float32Array(structure.layout.length), { uniform: mulberry(3) });
}

/** Median rows/s of `run` over all rows (5 timed calls after a warm-up), as the peer's `infer`. */
function rowsPerSecond(n, run) {
  const times = [];
  let last = run();
  for (let i = 0; i < (opts.quick ? 2 : 5); i++) {
    const t0 = performance.now();
    last = run();
    times.push(performance.now() - t0);
  }
  return { rate: n / (median(times) / 1000), meanSigma: last.reduce((a, b) => a + b, 0) / last.length };
}

/** ẑ and σ̂ through GaussianAnsatz.predict (what the library's users call today). */
function inferPredict(d, estimate) {
  const model = new GaussianAnsatz({ ...dnnSpec, estimate });
  model.spec_ = dnnSpec;
  model.weights_ = inferenceWeights(d);
  model.xScaler_ = { mean: [0, 0, 0], std: [1, 1, 1] };
  model.zScaler_ = { mean: [0], std: [1] };
  const x = { data: d.x, rows: d.n, cols: 3 };
  const r = rowsPerSecond(d.n, () => model.predict(x).sigma);
  return { ours: r.rate, meanSigma: r.meanSigma, path: `GaussianAnsatz.predict: ${loadKernels('auto').name}, 1 thread, chunks of ${PREDICT_BLOCK_ROWS}, estimate '${estimate}'` };
}

/** ẑ and σ̂ through PredictPool (src/train/predictPool.ts: the rows split over the cores). */
async function inferPool(d, estimate) {
  const pool = await PredictPool.create(dnnSpec, 'auto', inferenceWeights(d), opts.threads || 'auto');
  try {
    const identity = { mean: [0], std: [1] };
    const r = rowsPerSecond(d.n, () => {
      const p = pool.predict(d.x, d.n, estimate === 'argmax');
      return sigmaFromCovariance(covarianceFromRaw(p.cRaw, d.n, 1, dnnSpec.epsilon, identity), d.n, 1);
    });
    return { ours: r.rate, meanSigma: r.meanSigma, path: `PredictPool: ${pool.path}, chunks of ${pool.chunkRows}, estimate '${estimate}'` };
  } finally {
    await pool.close();
  }
}

async function main() {
  const peer = havePeerData();
  let out;
  if (caseName === 'dnn-train') {
    const d = peer ? loadDnn() : generateDnn();
    out = await train(dnnSpec, { n: d.n, xDim: 3, zDim: 1, dense: d.x, z: d.z }, d.params);
    out.data = d.source;
  } else if (caseName === 'pfn-train') {
    const d = peer ? loadPfn() : generatePfn();
    out = await train(pfnSpec, { n: d.n, xDim: d.dim, zDim: 1, particles: d.particles, offsets: d.offsets, z: d.z }, d.params);
    out.data = `${d.source}, ${d.offsets[d.n]} real particles (mean ${(d.offsets[d.n] / d.n).toFixed(1)} per jet; the peer pads to 150)`;
  } else if (caseName.startsWith('dnn-infer')) {
    const d = peer ? loadDnn() : generateDnn();
    out = opts.via === 'predict' ? inferPredict(d, opts.estimate ?? 'b') : await inferPool(d, opts.estimate ?? 'b');
    out.data = d.source;
  } else throw new Error(`unknown case ${caseName}`);
  out.peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify(out) + '\n');
}

await main();
