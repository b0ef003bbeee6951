import { InputError } from '../errors.js';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;

/** Where a cell sits: file, column name and 1-based data row (header excluded). */
export interface CellPlace {
  readonly file: string;
  readonly column: string;
  readonly row: number;
}

/**
 * Parses one text cell as a finite float64. Only plain decimal notation is accepted
 * (`Number('')` is 0 and `Number('0x1f')` is 31, so `Number` alone would accept garbage).
 * Throws an InputError naming the cell text, the column and the data row otherwise.
 */
export function parseNumericCell(text: string, where: CellPlace): number {
  const cell = text.trim();
  if (DECIMAL.test(cell)) {
    const value = Number(cell);
    if (Number.isFinite(value)) return value;
    throw nonFiniteCellError(cell, where);
  }
  if (NON_FINITE.test(cell)) throw nonFiniteCellError(cell, where);
  if (cell === '') throw new InputError('Empty cell where a number was expected', where, 'Fill or drop rows with missing values before training.');
  throw new InputError(`Non-numeric cell "${cell}"`, where, 'Every used column must hold plain decimal numbers (e.g. 1.5, -2e-3).');
}

/** Error for a NaN or ±Inf value in a column the caller uses. */
export function nonFiniteCellError(cell: string, where: CellPlace): InputError {
  return new InputError(`Non-finite value "${cell}" (NaN/Inf) in a used column`, where, 'Remove or repair rows with NaN or Inf before training.');
}

/** Checks a numeric cell read from a binary format: finite, else an InputError at `where`. */
export function requireFiniteCell(value: number, where: CellPlace): number {
  if (!Number.isFinite(value)) throw nonFiniteCellError(String(value), where);
  return value;
}
