/**
 * Synchronous column reader over hyparquet's documented `hyparquet/src/*.js` entry points.
 * hyparquet's top-level API is asynchronous (it is built for ranged HTTP reads); a file already
 * in memory needs no awaiting, and a synchronous reader keeps `readTable` one call for all formats.
 */
import { parquetMetadata, parquetSchema } from 'hyparquet';
import { readColumn } from 'hyparquet/src/column.js';
import { DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
import { getTreePath, isFlatColumn } from 'hyparquet/src/schema.js';
import type { FileMetaData } from 'hyparquet';

/** Parses the footer of an in-memory Parquet file (throws hyparquet's Error if invalid). */
export function readParquetMetadata(bytes: Uint8Array): FileMetaData {
  return parquetMetadata(bytes);
}

/** Names of the top-level columns, in schema order. */
export function parquetColumnNames(metadata: FileMetaData): string[] {
  return parquetSchema(metadata).children.map((child) => child.element.name);
}

/** True when `name` is a flat (non-nested, non-repeated) column, the only kind a Table can hold. */
export function isFlatParquetColumn(metadata: FileMetaData, name: string): boolean {
  const path = getTreePath(parquetSchema(metadata), [name]);
  return isFlatColumn(path);
}

/**
 * Decodes every row group of the flat column `name` into a Float64Array of `num_rows` values,
 * each converted by `toNumber(value, row)` (row 0-based over the whole file).
 */
export function readParquetColumn(bytes: Uint8Array, metadata: FileMetaData, name: string, toNumber: (value: unknown, row: number) => number): Float64Array {
  const schemaTree = parquetSchema(metadata);
  const schemaPath = getTreePath(schemaTree, [name]);
  const element = schemaPath[schemaPath.length - 1]!.element;
  const out = new Float64Array(Number(metadata.num_rows));
  let groupStart = 0;
  for (const rowGroup of metadata.row_groups) {
    const groupRows = Number(rowGroup.num_rows);
    const chunk = rowGroup.columns.find((c) => c.meta_data?.path_in_schema.length === 1 && c.meta_data.path_in_schema[0] === name);
    const meta = chunk?.meta_data;
    if (!meta) throw new Error(`column chunk for '${name}' missing in a row group`);
    const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
    const length = Number(meta.total_compressed_size);
    const view = new DataView(bytes.buffer, bytes.byteOffset + start, length);
    const decoder = { pathInSchema: meta.path_in_schema, element, schemaPath, type: meta.type, codec: meta.codec, parsers: DEFAULT_PARSERS };
    const { data } = readColumn({ view, offset: 0 }, { groupStart, selectStart: 0, selectEnd: groupRows, groupRows }, decoder);
    let n = 0;
    for (const page of data) {
      for (let i = 0; i < page.length && n < groupRows; i++, n++) out[groupStart + n] = toNumber(page[i], groupStart + n);
    }
    if (n !== groupRows) throw new Error(`column '${name}' decoded ${n} of ${groupRows} rows in a row group`);
    groupStart += groupRows;
  }
  return out;
}
