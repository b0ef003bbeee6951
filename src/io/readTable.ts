import { extname } from 'node:path';
import { UnsupportedFormatError } from '../errors.js';
import { writeFileAtomic } from './atomic.js';
import type { Table } from './table.js';
import { formatCsvTable, parseCsvTable } from './csv.js';
import { formatParquetTable, parseParquetTable } from './parquet.js';
import { readInputFile } from './readFile.js';

/** File extensions readTable/writeTable understand (matched case-insensitively). */
export const TABLE_FORMATS = ['.csv', '.parquet'] as const;

/** Options of readTable. */
export interface ReadTableOptions {
  /** Columns to read and check, in this order (default: every column, in file order). */
  readonly columns?: readonly string[];
}

function formatOf(path: string): '.csv' | '.parquet' {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.parquet') return ext;
  throw new UnsupportedFormatError(path, TABLE_FORMATS);
}

/**
 * Reads a numeric table from a `.csv` (header row, then data) or `.parquet` file, the format
 * chosen by extension. Every column read must hold finite numbers only.
 * @throws UnsupportedFormatError for another extension; InputError (with file, column and
 *   1-based data row where they apply) for a missing file, an empty file, a missing column,
 *   a non-numeric, empty, null, NaN or Inf cell, or a ragged CSV row.
 * @example
 * const t = readTable('jets.csv', { columns: ['pt', 'gen_pt'] });
 * t.columns.pt; // Float64Array of t.rows values
 */
export function readTable(path: string, opts: ReadTableOptions = {}): Table {
  const format = formatOf(path);
  const bytes = readInputFile(path);
  return format === '.csv' ? parseCsvTable(bytes, path, opts.columns) : parseParquetTable(bytes, path, opts.columns);
}

/**
 * Writes `table` to a `.csv` or `.parquet` file (format by extension), atomically: readers see
 * the old file or the complete new one, and a failed write leaves nothing behind. Values
 * round-trip exactly (CSV: shortest round-trip decimal; Parquet: DOUBLE columns).
 * @throws UnsupportedFormatError for another extension.
 */
export function writeTable(path: string, table: Table): void {
  const format = formatOf(path);
  const data = format === '.csv' ? formatCsvTable(table) : formatParquetTable(table);
  writeFileAtomic(path, data);
}
