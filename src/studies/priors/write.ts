/** Writes the prior study to a directory: results.json, summary.txt and one CSV per figure. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDirAtomic } from '../../io/atomic.js';
import { priorsCsvTables } from './csv.js';
import type { PriorsResults } from './run.js';
import { summarizePriors } from './summary.js';

/** JSON with `study: 'priors'` first (for `ansatz report`), typed arrays as plain arrays (NaN as null, as JSON does). */
export function priorsResultsJson(r: PriorsResults): string {
  return JSON.stringify({ study: 'priors', ...r }, (_key, value: unknown) => (ArrayBuffer.isView(value) && !(value instanceof DataView) ? Array.from(value as Float64Array) : value), 1);
}

/**
 * Writes `dir` atomically (an existing directory is replaced only once everything is written).
 * @returns the file names written.
 */
export function writePriorsResults(dir: string, r: PriorsResults): string[] {
  const files: Record<string, string> = {
    'results.json': priorsResultsJson(r),
    'summary.txt': summarizePriors(r).join('\n') + '\n',
    ...priorsCsvTables(r),
  };
  writeDirAtomic(dir, (tmp) => {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(tmp, name), text);
  });
  return Object.keys(files);
}
