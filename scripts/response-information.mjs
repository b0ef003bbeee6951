#!/usr/bin/env node
// How much of the simulated jet response each level of particle information can explain: the
// question behind the JEC study's ordering DNN > EFN ≳ PFN > PFN-PID (issue 3, must-show 3).
//
//   node scripts/response-information.mjs [--events N] [--seed S] [--detector full|fast]
//
// Simulates a flat 550–900 GeV dijet sample, selects jets at GEN pT 600–800 GeV (|η| < 2.4,
// medium quality), and fits ln(pT,GEN / pT,SIM) by least squares on nested feature sets, each a
// stand-in for what one model sees:
//   jet pT (and η)                          the DNN's (pT, η, φ)
//   + energy flow                           an EFN: energy-weighted angular moments, pT fractions
//                                           in ΔR annuli, energy correlators (IRC safe; the study's
//                                           clouds are centred, so without η)
//   + multiplicity, z_max, Σz²              a PFN (not IRC safe)
//   + per-PID pT fractions                  a PFN-PID
// The fit is trained on half of the jets and its residual spread measured on the other half. A
// linear fit on summaries is a lower bound on what a network extracts, but it shows where the
// information is. Prints one JSON line per feature set (residual std in %).
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';

register();
const { values } = parseArgs({ options: { events: { type: 'string', default: '40000' }, seed: { type: 'string', default: '5' }, detector: { type: 'string', default: 'full' } } });
const events = Number(values.events), seed = Number(values.seed), detector = values.detector;

const { simulateDijets } = await import('../src/sim/index.ts');
const { selectJets } = await import('../src/io/mod/index.ts');
const { choleskyInPlace, choleskySolve } = await import('../src/dijets/linalg.ts');

const mod = simulateDijets({ events, seed, detector, spectrum: 'flat', ptRangeGeV: [550, 900] });
const ds = selectJets(mod, 'simulated', { pid: true, genPtMinGeV: 600, genPtMaxGeV: 800 });
const ANNULI = [0, 0.01, 0.02, 0.04, 0.07, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6];

/** The summaries of one jet's cloud ([pT/scale, Δy, Δφ, pid] per particle). */
function jetSummary(j) {
  const dim = ds.particleDim, first = ds.offsets[j], last = ds.offsets[j + 1];
  let sumPt = 0;
  for (let k = first; k < last; k++) sumPt += ds.particles[k * dim];
  const z = [], dy = [], dphi = [], pid = [];
  for (let k = first; k < last; k++) {
    z.push(ds.particles[k * dim] / sumPt);
    dy.push(ds.particles[k * dim + 1]);
    dphi.push(ds.particles[k * dim + 2]);
    pid.push(ds.particles[k * dim + 3]);
  }
  const annuli = new Array(ANNULI.length - 1).fill(0);
  let width = 0, width2 = 0;
  const pidFraction = new Map();
  z.forEach((zi, i) => {
    const dr = Math.hypot(dy[i], dphi[i]);
    const a = ANNULI.findIndex((edge, b) => b + 1 < ANNULI.length && dr >= edge && dr < ANNULI[b + 1]);
    if (a >= 0) annuli[a] += zi;
    width += zi * dr;
    width2 += zi * dr * dr;
    pidFraction.set(pid[i], (pidFraction.get(pid[i]) ?? 0) + zi);
  });
  const ecf = [0.5, 1, 2].map((beta) => {
    let s = 0;
    for (let a = 0; a < z.length; a++) for (let b = a + 1; b < z.length; b++) s += z[a] * z[b] * Math.hypot(dy[a] - dy[b], dphi[a] - dphi[b]) ** beta;
    return s;
  });
  const ptSim = ds.jet[3 * j];
  return {
    target: Math.log(ds.genPtGeV[j] / ptSim), genPtGeV: ds.genPtGeV[j],
    logPt: Math.log(ptSim / 700), absEta: Math.abs(ds.jet[3 * j + 1]),
    annuli, width, width2, ecf, multiplicity: z.length / 50, zMax: Math.max(...z), sumZ2: z.reduce((t, v) => t + v * v, 0), pidFraction,
  };
}

const jets = Array.from({ length: ds.rows }, (_, j) => jetSummary(j));
const pidCodes = [...new Set(jets.flatMap((s) => [...s.pidFraction.keys()]))].sort((a, b) => a - b);
const ETA_EDGES = [0, 0.5, 1, 1.5, 2, 2.5];
const pt = (s) => [1, s.logPt, s.logPt ** 2];
const eta = (s) => [...ETA_EDGES.slice(1, -1).map((edge) => (s.absEta >= edge ? 1 : 0)), s.absEta, s.absEta ** 2];
const energyFlow = (s) => [...s.annuli, s.width, s.width2, s.width ** 2, ...s.ecf, s.ecf[0] ** 2];
const counting = (s) => [s.multiplicity, s.multiplicity ** 2, s.zMax, s.sumZ2];
const species = (s) => pidCodes.map((c) => s.pidFraction.get(c) ?? 0);
const FEATURE_SETS = {
  'jet pT': pt,
  'jet pT, η (DNN)': (s) => [...pt(s), ...eta(s)],
  'jet pT + energy flow (centred EFN)': (s) => [...pt(s), ...energyFlow(s)],
  'jet pT, η + energy flow': (s) => [...pt(s), ...eta(s), ...energyFlow(s)],
  '+ multiplicity, z_max, Σz² (PFN)': (s) => [...pt(s), ...eta(s), ...energyFlow(s), ...counting(s)],
  '+ PID pT fractions (PFN-PID)': (s) => [...pt(s), ...eta(s), ...energyFlow(s), ...counting(s), ...species(s)],
};

/** Least-squares coefficients of y on the rows of x (normal equations, Cholesky, a tiny ridge for collinear columns). */
function leastSquares(x, y) {
  const p = x[0].length, a = new Float64Array(p * p), b = new Float64Array(p);
  x.forEach((row, i) => {
    for (let r = 0; r < p; r++) {
      b[r] += row[r] * y[i];
      for (let c = 0; c < p; c++) a[r * p + c] += row[r] * row[c];
    }
  });
  for (let r = 0; r < p; r++) a[r * p + r] += 1e-9 * a[r * p + r] + 1e-12;
  if (!choleskyInPlace(a, p)) throw new Error('normal equations not positive definite');
  return choleskySolve(a, p, b);
}

const rms = (v) => Math.sqrt(v.reduce((t, e) => t + e * e, 0) / v.length);
const half = jets.length >> 1, train = jets.slice(0, half), test = jets.slice(half);
for (const [name, features] of Object.entries(FEATURE_SETS)) {
  const beta = leastSquares(train.map(features), train.map((s) => s.target));
  const residual = test.map((s) => s.target - features(s).reduce((t, v, k) => t + v * beta[k], 0));
  const inWindow = residual.filter((_, i) => test[i].genPtGeV >= 680 && test[i].genPtGeV <= 720);
  process.stdout.write(JSON.stringify({
    features: name, residualStdPercent: +(100 * rms(residual)).toFixed(3), testJets: test.length,
    windowStdPercent: +(100 * rms(inWindow)).toFixed(3), windowJets: inWindow.length, events, seed, detector,
  }) + '\n');
}
