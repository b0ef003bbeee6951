/**
 * A table of numeric columns, the unit of data exchange of ansatz: every reader returns one and
 * every writer takes one. Columns are float64 so that values read from files round-trip exactly;
 * models convert to float32 when they standardise.
 */
export interface Table {
  /** Column names in file order. */
  readonly names: string[];
  /** One array per column, each of length `rows`. */
  readonly columns: Record<string, Float64Array>;
  readonly rows: number;
}

/** Builds a Table from named columns of equal length, checking the lengths. */
export function makeTable(columns: Record<string, ArrayLike<number>>, names: string[] = Object.keys(columns)): Table {
  const out: Record<string, Float64Array> = {};
  let rows = -1;
  for (const name of names) {
    const col = columns[name];
    if (!col) throw new RangeError(`makeTable: column '${name}' is listed but missing`);
    if (rows < 0) rows = col.length;
    else if (col.length !== rows) throw new RangeError(`makeTable: column '${name}' has ${col.length} rows but the first column has ${rows}`);
    out[name] = col instanceof Float64Array ? col : Float64Array.from(col);
  }
  return { names: [...names], columns: out, rows: Math.max(rows, 0) };
}
