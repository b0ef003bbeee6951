import { emit, say, type Output } from './output.js';

/** Flags of `ansatz report DIR`. */
export interface ReportCommandOptions extends Output {}

/**
 * `ansatz report DIR`: redraws DIR/report.html and DIR/plots/ from DIR/results.json (no
 * retraining) and prints the path of report.html.
 */
export async function reportCommand(dir: string, o: ReportCommandOptions): Promise<void> {
  const { renderReport } = await import('../report/index.js');
  const written = await renderReport(dir);
  say(o, `wrote ${written.plots.length} plots to ${dir}/plots`);
  if (o.json) emit(o, { event: 'done', html: written.html, plots: written.plots });
  else if (!o.quiet) process.stdout.write(`${written.html}\n`);
}
