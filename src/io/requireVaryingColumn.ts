import { InputError } from '../errors.js';
import type { Table } from './table.js';

/**
 * Throws an InputError when column `name` of `table` is missing or constant (zero variance),
 * since such a column cannot be standardised, (x − mean)/std, nor carry information.
 * Returns the column otherwise.
 */
export function requireVaryingColumn(table: Table, name: string, file: string): Float64Array {
  const col = table.columns[name];
  if (col === undefined) {
    throw new InputError(`Column '${name}' not found; available columns: ${table.names.map((a) => `'${a}'`).join(', ')}`, { file, column: name });
  }
  const first = col[0];
  if (col.every((v) => v === first)) {
    const value = first === undefined ? 'no rows' : `every row is ${first}`;
    throw new InputError(`Column has zero variance (${value}), so it cannot be standardised`, { file, column: name }, 'Use a column that varies across rows, or drop it.');
  }
  return col;
}
