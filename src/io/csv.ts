import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { InputError } from '../errors.js';
import { makeTable, type Table } from './table.js';
import { parseNumericCell } from './cells.js';
import { checkHeader, resolveColumns } from './columns.js';

/**
 * Parses CSV text (first record = header, blank lines skipped, a UTF-8 BOM tolerated) into a
 * numeric Table holding `columns` (all when omitted). Every kept cell must be a finite decimal
 * number; rows are numbered from 1 after the header. Throws InputError on an empty file, a
 * header without rows, a ragged row, a missing column, a non-numeric or NaN/Inf cell.
 */
export function parseCsvTable(text: string | Buffer, file: string, columns?: readonly string[]): Table {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new InputError(`Malformed CSV: ${(err as Error).message}`, { file, row: line !== undefined ? Math.max(line - 1, 0) : undefined });
  }
  const header = records[0];
  if (header === undefined) throw new InputError('The file is empty (no header row)', { file });
  checkHeader(header, file);
  const rows = records.length - 1;
  if (rows === 0) throw new InputError('The file has a header but no data rows', { file });
  checkRagged(records, header, file);
  const names = resolveColumns(header, columns, file);
  const out: Record<string, Float64Array> = {};
  for (const name of names) {
    const j = header.indexOf(name);
    const col = new Float64Array(rows);
    for (let r = 0; r < rows; r++) col[r] = parseNumericCell((records[r + 1] as string[])[j] as string, { file, column: name, row: r + 1 });
    out[name] = col;
  }
  return makeTable(out, names);
}

function checkRagged(records: string[][], header: string[], file: string): void {
  for (let r = 1; r < records.length; r++) {
    const fields = (records[r] as string[]).length;
    if (fields === header.length) continue;
    const what = `Row has ${fields} fields but the header has ${header.length}`;
    const hint = 'Every row needs one value per header column (check for stray or missing commas).';
    if (fields < header.length) throw new InputError(`${what}: no value for this column`, { file, column: header[fields], row: r }, hint);
    throw new InputError(`${what}: extra field(s) after the last column`, { file, row: r }, hint);
  }
}

/**
 * Formats a float64 so that `Number(text)` gives it back bit for bit: the shortest round-trip
 * decimal (`String(x)`), with the sign of −0 kept. NaN and ±Inf are written as NaN/Infinity.
 */
export function formatNumber(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

/** CSV text of a Table: a header of column names, then one line per row, every value exact. */
export function formatCsvTable(table: Table): string {
  const cols = table.names.map((n) => table.columns[n] as Float64Array);
  const records: string[][] = [table.names];
  for (let r = 0; r < table.rows; r++) records.push(cols.map((c) => formatNumber(c[r] as number)));
  return stringify(records);
}
