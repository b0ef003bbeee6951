import { emit, formatDuration, integerFlag, say, type Output } from './output.js';
import { progressPrinter } from './progress.js';

/** Flags of `ansatz study dijets` (strings as commander hands them over). */
export interface StudyDijetsCommandOptions extends Output {
  out: string;
  quick?: boolean;
  seed?: string;
  events?: string;
  trainEvents?: string;
  epochs?: string;
  detector?: 'full' | 'fast';
  lambdaMethod?: 'mse' | 'ml';
}

/**
 * `ansatz study dijets`: two jets at once (arXiv:2402.14067) on the built-in simulator; writes
 * results.json, summary.txt, CSV tables and report.html (with plots/) to --out and prints the summary.
 */
export async function studyDijetsCommand(o: StudyDijetsCommandOptions): Promise<void> {
  const seed = integerFlag('seed', o.seed, Number.MIN_SAFE_INTEGER);
  const events = integerFlag('events', o.events, 100);
  const trainEvents = integerFlag('train-events', o.trainEvents, 0);
  const epochs = integerFlag('epochs', o.epochs, 1);
  const { runDijetsStudy, summarizeDijets, writeDijetsResults } = await import('../studies/dijets/index.js');
  const results = await runDijetsStudy({
    quick: o.quick ?? false,
    ...(seed !== undefined ? { seed } : {}),
    ...(events !== undefined ? { events } : {}),
    ...(trainEvents !== undefined ? { trainEvents } : {}),
    ...(epochs !== undefined ? { ansatz: { epochs } } : {}),
    ...(o.detector ? { detector: o.detector } : {}),
    ...(o.lambdaMethod ? { lambdaMethod: o.lambdaMethod } : {}),
    onProgress: (line) => say(o, line),
    onEpoch: progressPrinter(o),
  });
  const files = writeDijetsResults(o.out, results);
  const report = await (await import('../report/index.js')).renderReport(o.out);
  for (const line of summarizeDijets(results)) say(o, line);
  say(o, `wrote ${files.length} files to ${o.out} in ${formatDuration(results.seconds)}`);
  say(o, `report: ${report.html}`);
  emit(o, { event: 'done', out: o.out, report: report.html, files, seconds: results.seconds });
}
