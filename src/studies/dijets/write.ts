/** Writes the dijets study to a directory: results.json, summary.txt and one CSV per figure/table. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDirAtomic } from '../../io/index.js';
import { dijetsCsvTables } from './csv.js';
import type { DijetsResults } from './run.js';
import { summarizeDijets } from './summary.js';

/** JSON with `study: 'dijets'` first (for `ansatz report`), typed arrays as plain arrays (and NaN as null, as JSON does). */
export function dijetsResultsJson(r: DijetsResults): string {
  return JSON.stringify({ study: 'dijets', ...r }, (_key, value: unknown) => (ArrayBuffer.isView(value) && !(value instanceof DataView) ? Array.from(value as Float64Array) : value), 1);
}

/**
 * Writes `dir` atomically (an existing directory is replaced only once everything is written).
 * @returns the file names written.
 */
export function writeDijetsResults(dir: string, r: DijetsResults): string[] {
  const files: Record<string, string> = {
    'results.json': dijetsResultsJson(r),
    'summary.txt': summarizeDijets(r).join('\n') + '\n',
    ...dijetsCsvTables(r),
  };
  writeDirAtomic(dir, (tmp) => {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(tmp, name), text);
  });
  return Object.keys(files);
}
