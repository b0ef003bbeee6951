/**
 * Writes a report into a study directory: plots/NAME.svg and plots/NAME.png for every plot, then
 * report.html. Each is written atomically (plots/ as a whole directory, report.html by rename),
 * so a reader never sees half a report, and a failed rendering leaves the previous one in place.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDirAtomic, writeFileAtomic } from '../io/atomic.js';
import { reportHtml } from './html.js';
import { reportPlots, type Report } from './model.js';
import { renderPlots } from './render.js';
import { versions } from './versions.js';

/** Paths written by writeReport. */
export interface WrittenReport {
  /** DIR/report.html */
  html: string;
  /** DIR/plots/NAME.png, one per plot, in report order (the SVG lies beside each). */
  plots: string[];
}

/** Checks that plot names are usable file names and unique. */
function checkPlotNames(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const n of names) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(n)) throw new RangeError(`writeReport: plot name '${n}' must match [a-z0-9][a-z0-9-]*`);
    if (seen.has(n)) throw new RangeError(`writeReport: plot name '${n}' is used twice`);
    seen.add(n);
  }
}

/** Renders every plot of `report` and writes DIR/plots/ and DIR/report.html. */
export async function writeReport(dir: string, report: Report): Promise<WrittenReport> {
  const plots = reportPlots(report);
  checkPlotNames(plots.map((p) => p.name));
  const rendered = await renderPlots(plots);
  const html = reportHtml(report, new Map(rendered.map((r) => [r.plot.name, r.svg])), versions());
  const plotsDir = join(dir, 'plots');
  writeDirAtomic(plotsDir, (tmp) => {
    for (const r of rendered) {
      writeFileSync(join(tmp, `${r.plot.name}.svg`), r.svg);
      writeFileSync(join(tmp, `${r.plot.name}.png`), r.png);
    }
  });
  const htmlPath = join(dir, 'report.html');
  writeFileAtomic(htmlPath, html);
  return { html: htmlPath, plots: rendered.map((r) => join(plotsDir, `${r.plot.name}.png`)) };
}
