import { parquetWriteBuffer } from 'hyparquet-writer';
import { InputError } from '../errors.js';
import { makeTable, type Table } from './table.js';
import { parseNumericCell, requireFiniteCell, type CellPlace } from './cells.js';
import { checkHeader, resolveColumns } from './columns.js';
import { isFlatParquetColumn, parquetColumnNames, readParquetColumn, readParquetMetadata } from './parquetColumns.js';
import type { FileMetaData } from 'hyparquet';

/**
 * Parses an in-memory Parquet file into a numeric Table holding `columns` (all when omitted).
 * DOUBLE columns are read exactly; FLOAT, INT32, INT64 (exact up to 2^53), BOOLEAN (0/1) and
 * numeric text are converted to float64. Nulls, NaN/Inf and non-numeric values throw an
 * InputError naming the column and the 1-based row, as do empty files and missing columns.
 */
export function parseParquetTable(bytes: Uint8Array, file: string, columns?: readonly string[]): Table {
  if (bytes.byteLength === 0) throw new InputError('The file is empty (no Parquet schema)', { file });
  let metadata: FileMetaData;
  try {
    metadata = readParquetMetadata(bytes);
  } catch (err) {
    throw new InputError(`Not a readable Parquet file: ${(err as Error).message}`, { file });
  }
  const available = parquetColumnNames(metadata);
  if (available.length === 0) throw new InputError('The file has no columns', { file });
  checkHeader(available, file);
  if (Number(metadata.num_rows) === 0) throw new InputError('The file has a schema but no data rows', { file });
  const names = resolveColumns(available, columns, file);
  const out: Record<string, Float64Array> = {};
  for (const name of names) {
    if (!isFlatParquetColumn(metadata, name)) throw new InputError('Nested or repeated Parquet column: only flat numeric columns can be read', { file, column: name });
    out[name] = decodeColumn(bytes, metadata, name, file);
  }
  return makeTable(out, names);
}

function decodeColumn(bytes: Uint8Array, metadata: FileMetaData, name: string, file: string): Float64Array {
  const toNumber = (value: unknown, row: number): number => parquetValueToNumber(value, { file, column: name, row: row + 1 });
  try {
    return readParquetColumn(bytes, metadata, name, toNumber);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`Could not decode Parquet column: ${(err as Error).message}`, { file, column: name });
  }
}

/** One decoded Parquet value as a finite float64, or an InputError at `where`. */
export function parquetValueToNumber(value: unknown, where: CellPlace): number {
  if (typeof value === 'number') return requireFiniteCell(value, where);
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return parseNumericCell(value, where);
  if (value === null || value === undefined) throw new InputError('Missing (null) value where a number was expected', where);
  throw new InputError(`Non-numeric value ${describe(value)}`, where, 'Only numeric Parquet columns can be used.');
}

function describe(value: unknown): string {
  if (value instanceof Date) return `"${value.toISOString()}" (a date)`;
  try {
    return `"${JSON.stringify(value)}"`;
  } catch {
    return `of type ${typeof value}`;
  }
}

/**
 * A Parquet file (bytes) holding every column of `table` as a required DOUBLE column.
 * BYTE_STREAM_SPLIT encoding, because the writer's dictionary encoding merges −0 into 0.
 */
export function formatParquetTable(table: Table): Uint8Array {
  const columnData = table.names.map((name) => ({
    name,
    data: table.columns[name] as Float64Array,
    type: 'DOUBLE' as const,
    nullable: false,
    encoding: 'BYTE_STREAM_SPLIT' as const,
  }));
  return new Uint8Array(parquetWriteBuffer({ columnData }));
}
