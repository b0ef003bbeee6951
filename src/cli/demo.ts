import { resolve } from 'node:path';
import { runGaussianExample } from '../studies/gaussianExample.js';
import { emit, formatDuration, say, type Output } from './output.js';
import { progressPrinter } from './progress.js';
import { studyJecCommand } from './studyJec.js';

export interface DemoCommandOptions extends Output {
  seed?: string;
  /** The papers' Gaussian example instead of the JEC study. */
  gaussian?: boolean;
  /** Output directory of the JEC demo (default ./ansatz-demo). */
  out?: string;
}

/**
 * `ansatz demo`: the quick jet energy calibration study of the Gaussian Ansatz letter on the
 * built-in simulator (DNN, EFN, PFN, PFN-PID beside the CMS-like baseline and the oracle; a few
 * minutes on 2 cores). `ansatz demo --gaussian`: the papers' Gaussian example (seconds).
 */
export async function demoCommand(o: DemoCommandOptions): Promise<void> {
  if (o.gaussian) return gaussianDemo(o);
  const out = resolve(o.out ?? 'ansatz-demo');
  say(o, 'ansatz demo: the jet energy calibration study of the Gaussian Ansatz letter (arXiv:2205.03413, Table I), quick sizes, on the built-in dijet simulator.');
  say(o, 'Each model learns ẑ (the maximum-likelihood jet pT), σ̂ (its resolution) and I(X;Z) in one training; the oracle is the best estimate the simulator allows.');
  say(o, `Results go to ${out}`);
  await studyJecCommand({ ...o, quick: true, out });
}

/** `ansatz demo --gaussian`: the papers' Gaussian example, learned ẑ and σ̂ beside the analytic answers. */
async function gaussianDemo(o: DemoCommandOptions): Promise<void> {
  say(o, 'ansatz demo: the Gaussian example of the Gaussian Ansatz papers: z ~ N(0, 1), x|z ~ N(z, 2²).');
  say(o, 'Training a Gaussian Ansatz (one training gives ẑ(x), σ̂(x) and I(X;Z)) …');
  const res = await runGaussianExample({ ...(o.seed ? { seed: Number(o.seed) } : {}), onEpoch: progressPrinter(o) });
  const show = { ...o, quiet: false };
  if (!o.json) {
    say(show, '');
    say(show, '     x |  ẑ(x) learned  ẑ analytic (MLE) |  σ̂(x) learned  σ analytic |  MSE regression  E[z|x] analytic');
    say(show, '-------+----------------------------------+----------------------------+---------------------------------');
    for (const r of res.rows)
      say(show, `${r.x.toFixed(2).padStart(6)} | ${r.zHat.toFixed(3).padStart(13)}  ${r.zHatAnalytic.toFixed(3).padStart(16)} | ${r.sigma.toFixed(3).padStart(14)}  ${r.sigmaAnalytic.toFixed(3).padStart(10)} | ${r.mse.toFixed(3).padStart(15)}  ${r.mseAnalytic.toFixed(3).padStart(15)}`);
    say(show, '');
    say(show, `I(X;Z): learned ${res.mutualInformationNats.toFixed(4)} nats on held-out data; analytic ½·ln(1 + σ²/ε²) = ${res.mutualInformationAnalyticNats.toFixed(4)} nats.`);
    say(show, 'The Gaussian Ansatz recovers the prior-independent maximum-likelihood answer ẑ = x, σ = 2; MSE regression returns the prior-dependent E[z|x] = x/5.');
    say(show, `Done in ${formatDuration(res.seconds)}.`);
  }
  emit(o, { event: 'done', rows: res.rows, mutual_information_nats: res.mutualInformationNats, mutual_information_analytic_nats: res.mutualInformationAnalyticNats, seconds: res.seconds });
}
