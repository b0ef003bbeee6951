/**
 * Reports of the studies: one self-contained HTML page per study directory (report.html, plots
 * as inline SVG drawn from Vega-Lite specs) and PNG/SVG copies of every plot (plots/NAME.png).
 * Rendered from DIR/results.json alone, so `ansatz report DIR` redraws without retraining.
 *
 * @example
 * const { html, plots } = await renderReport('runs/jec');   // runs/jec/report.html, runs/jec/plots/*.png
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import type { DijetsResults } from '../studies/dijets/run.js';
import type { PriorsResults } from '../studies/priors/run.js';
import { dijetsReport } from './dijets.js';
import { jecReport, type JecReportInput } from './jec.js';
import type { Report } from './model.js';
import { priorsReport } from './priors.js';
import { writeReport, type WrittenReport } from './write.js';

export { writeReport, type WrittenReport } from './write.js';
export { jecReport } from './jec.js';
export { priorsReport } from './priors.js';
export { dijetsReport } from './dijets.js';
export { reportHtml } from './html.js';
export { svgFromSpec, pngFromSvg } from './render.js';
export { reportPlots, reportTables, type Report, type Section, type Block, type Table, type Plot, type Cell, type RunInfo } from './model.js';

/** The studies a report can be built for (the `study` field of results.json). */
export const REPORT_STUDIES = ['jec', 'priors', 'dijets'] as const;
export type ReportStudy = (typeof REPORT_STUDIES)[number];

/** The study of a parsed results.json: its `study` field, or, in files written before it existed, its shape. */
export function detectStudy(results: Record<string, unknown>, file = 'results.json'): ReportStudy {
  const s = results.study;
  if (s === undefined) {
    if ('sigmaInWindow' in results && 'curves' in results) return 'jec';
    if ('gaussianOt' in results && 'gaussian' in results) return 'priors';
    if ('lambdaTables' in results && 'calibrations' in results) return 'dijets';
  }
  if (typeof s === 'string' && (REPORT_STUDIES as readonly string[]).includes(s)) return s as ReportStudy;
  throw new InputError(`Unknown study ${JSON.stringify(s ?? null)}. Should be one of: ${REPORT_STUDIES.join(', ')}`, { file }, 'results.json must come from `ansatz study jec|priors|dijets`.');
}

/** The report of parsed results (the content of results.json). */
export function buildReport(results: Record<string, unknown>, file?: string): Report {
  const study = detectStudy(results, file);
  if (study === 'jec') return jecReport(results as unknown as JecReportInput);
  if (study === 'priors') return priorsReport(results as unknown as PriorsResults);
  return dijetsReport(results as unknown as DijetsResults);
}

/** Reads and parses DIR/results.json, with errors that say what to do. */
export function readResults(dir: string): Record<string, unknown> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new InputError(`Study directory ${dir} does not exist`, {}, 'Give the --out directory of `ansatz study jec|priors|dijets`.');
  }
  const file = join(dir, 'results.json');
  if (!existsSync(file)) throw new InputError(`No results.json in ${dir}`, { file }, 'Run `ansatz study jec|priors|dijets --out DIR` first; the report is drawn from its results.json.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InputError(`results.json is not valid JSON: ${(err as Error).message}`, { file });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new InputError('results.json must hold a JSON object', { file });
  return parsed as Record<string, unknown>;
}

/**
 * Reads DIR/results.json, builds the report of its study and writes DIR/report.html and
 * DIR/plots/NAME.{png,svg} atomically.
 * @returns the path of report.html and of every PNG.
 */
export async function renderReport(dir: string): Promise<WrittenReport> {
  const results = readResults(dir);
  return writeReport(dir, buildReport(results, join(dir, 'results.json')));
}
