/**
 * Per-column standardisation u = (v − mean) / std, with weighted means and standard deviations.
 * Stored in the model file, so no scale (such as the reference's 1000 GeV) is hard-coded.
 */
export interface Standardizer {
  mean: number[];
  std: number[];
}

/** Weighted column means and standard deviations of a row-major (rows × cols) array. */
export function fitStandardizer(data: ArrayLike<number>, rows: number, cols: number, weights?: ArrayLike<number>): Standardizer {
  const mean = new Array<number>(cols).fill(0), sq = new Array<number>(cols).fill(0);
  let wSum = 0;
  for (let r = 0; r < rows; r++) {
    const w = weights ? weights[r]! : 1;
    wSum += w;
    for (let c = 0; c < cols; c++) mean[c]! += w * data[r * cols + c]!;
  }
  for (let c = 0; c < cols; c++) mean[c]! /= wSum;
  for (let r = 0; r < rows; r++) {
    const w = weights ? weights[r]! : 1;
    for (let c = 0; c < cols; c++) {
      const d = data[r * cols + c]! - mean[c]!;
      sq[c]! += w * d * d;
    }
  }
  return { mean, std: sq.map((s) => Math.sqrt(s / wSum)) };
}

/** (v − mean)/std into a new Float32Array; a zero std leaves the column centred only. */
export function standardize(data: ArrayLike<number>, rows: number, s: Standardizer): Float32Array {
  const cols = s.mean.length, out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) out[r * cols + c] = (data[r * cols + c]! - s.mean[c]!) / (s.std[c]! > 0 ? s.std[c]! : 1);
  return out;
}
