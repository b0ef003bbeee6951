import { InputError } from '../errors.js';

/** A row-major matrix of numbers: `data` holds rows × cols values. */
export interface Matrix {
  data: ArrayLike<number>;
  rows: number;
  cols: number;
}

/** Particle clouds: jet r owns particles offsets[r]..offsets[r+1] of `particles` (nParticles × dim). */
export interface Cloud {
  particles: Float32Array;
  offsets: Int32Array;
  dim: number;
}

/** What the estimator accepts as x or z: number[][] (rows of values), number[] (one column), a Matrix. */
export type MatrixLike = number[][] | number[] | Float32Array | Float64Array | Matrix;

export function isCloud(x: unknown): x is Cloud {
  return typeof x === 'object' && x !== null && 'particles' in x && 'offsets' in x;
}

/** Normalises the accepted forms to a Matrix, checking that every value is finite. */
export function asMatrix(x: MatrixLike, name: string): Matrix {
  let m: Matrix;
  if (Array.isArray(x) && (x.length === 0 || Array.isArray(x[0]))) {
    const rowsArr = x as number[][];
    const cols = rowsArr[0]?.length ?? 0;
    const data = new Float64Array(rowsArr.length * cols);
    rowsArr.forEach((row, r) => {
      if (row.length !== cols) throw new InputError(`${name} has ${row.length} values in a row where the first row has ${cols}`, { row: r + 1 });
      data.set(row, r * cols);
    });
    m = { data, rows: rowsArr.length, cols };
  } else if (Array.isArray(x) || x instanceof Float32Array || x instanceof Float64Array) {
    m = { data: x as ArrayLike<number>, rows: (x as ArrayLike<number>).length, cols: 1 };
  } else m = x as Matrix;
  if (m.data.length !== m.rows * m.cols) throw new InputError(`${name} holds ${m.data.length} values but is declared ${m.rows} × ${m.cols}`);
  for (let i = 0; i < m.data.length; i++)
    if (!Number.isFinite(m.data[i]!)) throw new InputError(`${name} has a non-finite value ${m.data[i]}`, { row: Math.floor(i / m.cols) + 1 });
  return m;
}
