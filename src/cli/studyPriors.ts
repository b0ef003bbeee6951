import { emit, formatDuration, integerFlag, say, type Output } from './output.js';
import { progressPrinter } from './progress.js';

/** Flags of `ansatz study priors` (strings as commander hands them over). */
export interface StudyPriorsCommandOptions extends Output {
  out: string;
  quick?: boolean;
  seed?: string;
  events?: string;
}

/**
 * `ansatz study priors`: prior dependence of MSE regression, numerical inversion and optimal
 * transport against the Gaussian Ansatz (arXiv:2205.05084) on the Gaussian examples and on
 * simulated dijets; writes results.json, summary.txt, CSV tables and report.html (with plots/) to --out and prints the summary.
 */
export async function studyPriorsCommand(o: StudyPriorsCommandOptions): Promise<void> {
  const seed = integerFlag('seed', o.seed, Number.MIN_SAFE_INTEGER);
  const events = integerFlag('events', o.events, 1000);
  const { runPriorsStudy, summarizePriors, writePriorsResults } = await import('../studies/priors/index.js');
  const results = await runPriorsStudy({
    quick: o.quick ?? false,
    ...(seed !== undefined ? { seed } : {}),
    ...(events !== undefined ? { dijets: { events } } : {}),
    onProgress: (line) => say(o, line),
    onEpoch: progressPrinter(o),
  });
  const files = writePriorsResults(o.out, results);
  const report = await (await import('../report/index.js')).renderReport(o.out);
  for (const line of summarizePriors(results)) say(o, line);
  say(o, `wrote ${files.length} files to ${o.out} in ${formatDuration(results.seconds)}`);
  say(o, `report: ${report.html}`);
  emit(o, { event: 'done', out: o.out, report: report.html, files, seconds: results.seconds, summary: keyFigures(results) });
}

/** The headline numbers for --json. */
function keyFigures(r: Awaited<ReturnType<typeof import('../studies/priors/index.js').runPriorsStudy>>): Record<string, number> {
  const bsm = (m: string): number => r.dijets.calibration.ratios.find((x) => x.sample === 'bsm' && x.method === m)!.meanRatio;
  return {
    bsmMeanRatioAnsatz: bsm('ansatz'), bsmMeanRatioMse: bsm('mse'), bsmMeanRatioUncalibrated: bsm('uncalibrated'),
    otQcdMeanMiss: r.dijets.ot.qcd.relativeMeanMiss, otBsmMeanMiss: r.dijets.ot.bsm.relativeMeanMiss,
    otQcdWidthMiss: r.dijets.ot.qcd.relativeWidthMiss, otBsmWidthMiss: r.dijets.ot.bsm.relativeWidthMiss,
  };
}
