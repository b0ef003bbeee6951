import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDirAtomic } from '../../io/atomic.js';
import type { JecResults } from './run.js';
import { fixed as f, pct } from '../../report/format.js';

/** The letter's Table I layout: mean p̂T ± spread, mean σ̂ ± spread, achieved resolution, pulls, coverage, I(X;Z). */
export function jecTableLines(r: JecResults): string[] {
  const [lo, hi] = r.options.windowGeV;
  const lines = [`GEN pT ∈ [${lo}, ${hi}] GeV, ${r.table[0]?.jets ?? 0} test jets (trained on ${r.trainJets} jets)`, '',
    'model     | mean p̂T [GeV]  | mean σ̂ [GeV] | std(p̂T − pT) [GeV] | pull width | ±1σ̂ coverage | I(X;Z) [nats]',
    '----------+----------------+--------------+--------------------+------------+---------------+--------------'];
  for (const t of r.table)
    lines.push(`${t.name.padEnd(9)} | ${`${f(t.meanZHatGeV)} ± ${f(t.spreadZHatGeV)}`.padStart(14)} | ${`${f(t.meanSigmaGeV)} ± ${f(t.spreadSigmaGeV)}`.padStart(12)} | ${f(t.residualStdGeV).padStart(18)} | ${f(t.pullWidth, 2).padStart(10)} | ${pct(t.coverage1Sigma).padStart(13)} | ${f(t.mutualInformationNats, 3).padStart(12)}`);
  lines.push('', 'Letter (CMS 2011 open simulation): DNN 698 ± 37.7 / 35.7 ± 2.1 / 1.23; EFN 695 ± 37.3 / 32.6 ± 2.3 / 1.26; PFN 697 ± 36.9 / 32.5 ± 2.5 / 1.27; PFN-PID 695 ± 35.1 / 30.8 ± 3.6 / 1.32; CMS 695 ± 38.4 / 36.9 ± 1.7.');
  return lines;
}

/** results.json: the results with `study: 'jec'` first, so that `ansatz report` knows which report to build. */
export function jecResultsJson(r: JecResults): string {
  return JSON.stringify({ study: 'jec', ...r }, null, 1);
}

/** Writes results.json, summary.txt, table.csv and curves.csv into `dir` atomically (the report is rendered from it by src/report, `renderReport(dir)`). */
export function writeJecResults(dir: string, r: JecResults): void {
  const table = ['model,jets,mean_pt_hat_gev,spread_pt_hat_gev,mean_sigma_gev,spread_sigma_gev,residual_std_gev,pull_mean,pull_width,coverage_1sigma,mutual_information_nats',
    ...r.table.map((t) => [t.name, t.jets, t.meanZHatGeV, t.spreadZHatGeV, t.meanSigmaGeV, t.spreadSigmaGeV, t.residualStdGeV, t.pullMean, t.pullWidth, t.coverage1Sigma, t.mutualInformationNats ?? ''].join(','))];
  const curves = ['model,gen_pt_center_gev,closure,resolution,mean_sigma_over_pt', ...r.curves.flatMap((c) => c.centersGeV.map((x, b) => [c.name, x, c.closure[b], c.resolution[b], c.meanSigmaOverPt[b]].join(',')))];
  writeDirAtomic(dir, (tmp) => {
    writeFileSync(join(tmp, 'results.json'), jecResultsJson(r));
    writeFileSync(join(tmp, 'summary.txt'), jecTableLines(r).join('\n') + '\n');
    writeFileSync(join(tmp, 'table.csv'), table.join('\n') + '\n');
    writeFileSync(join(tmp, 'curves.csv'), curves.join('\n') + '\n');
  });
}
