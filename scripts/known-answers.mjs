#!/usr/bin/env node
// Trains the Gaussian Ansatz on every known-answer problem (src/studies/knownAnswers.ts) with
// the parameters given (default: none, i.e. the defaults users get) and prints, per problem, how
// far ẑ and σ̂ land from the exact maximum-likelihood answer, one JSON line each.
//   node scripts/known-answers.mjs [--rows N] [--seed S] [--params '{"epochs":40}'] [--only a,b]
import { parseArgs } from 'node:util';
import { GaussianAnsatz } from '../dist/ansatz/GaussianAnsatz.js';
import { Rng } from '../dist/engine/rng.js';
import { KNOWN_ANSWER_PROBLEMS, scoreAgainstExact, worstGapSigma } from '../dist/studies/knownAnswers.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1' }, params: { type: 'string', default: '{}' }, only: { type: 'string' }, verbose: { type: 'boolean' } } });
const rows = Number(values.rows), seed = Number(values.seed), params = JSON.parse(values.params);
const only = values.only ? values.only.split(',') : undefined;
const zHatOf = {};
for (const [k, problem] of KNOWN_ANSWER_PROBLEMS.entries()) {
  if (only && !only.includes(problem.name)) continue;
  const { x, z } = problem.sample(rows, new Rng(seed, 100 + k));
  const t0 = performance.now();
  const model = await new GaussianAnsatz({ seed, ...params }).fit(x, z);
  const seconds = (performance.now() - t0) / 1000;
  const pred = model.predict(problem.grid);
  zHatOf[problem.name] = pred.zHat;
  if (values.verbose) {
    const ex = problem.exact(problem.grid), n = problem.zDim;
    for (let r = 0; r < problem.grid.rows; r++) console.log('  x', Array.from(problem.grid.data.slice(r * problem.grid.cols, (r + 1) * problem.grid.cols), (v) => v.toFixed(2)).join(','), 'zHat', Array.from(pred.zHat.slice(r * n, (r + 1) * n), (v) => v.toFixed(3)).join(','), 'exact', Array.from(ex.zHat.slice(r * n, (r + 1) * n), (v) => v.toFixed(3)).join(','), 'sigma', Array.from(pred.sigma.slice(r * n, (r + 1) * n), (v) => v.toFixed(3)).join(','), 'exact', Array.from({ length: n }, (_, i) => Math.sqrt(ex.covariance[r * n * n + i * n + i]).toFixed(3)).join(','));
    console.log('  val', model.history_.map((e) => `${e.stage}:${e.valLoss.toFixed(4)}`).join(' '));
  }
  const score = scoreAgainstExact(problem, pred.zHat, pred.covariance);
  const h = model.history_, last = h[h.length - 1];
  console.log(JSON.stringify({ problem: problem.name, rows, seed, ...score, seconds: +seconds.toFixed(1), epochs: h.filter((e) => e.phase === 'train').length, stopReason: model.fitResult_.stopReason, finalLr: last?.learningRate, mi: +model.fitResult_.mutualInformationNats.toFixed(4) }));
}
if (zHatOf['falling-prior'] && zHatOf['flat-prior']) {
  const falling = KNOWN_ANSWER_PROBLEMS.find((p) => p.name === 'falling-prior');
  console.log(JSON.stringify({ problem: 'prior-independence', gapSigma: worstGapSigma(falling, zHatOf['falling-prior'], zHatOf['flat-prior']) }));
}
