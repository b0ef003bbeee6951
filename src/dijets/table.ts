/**
 * Table-level correlation-improved calibration of dijet events, for `ansatz correlate`
 * (Gambhir & Nachman, arXiv:2402.14067, Eqs. 10, 12, 14, 17).
 */
import { Rng } from '../engine/rng.js';
import { InputError, ParameterError } from '../errors.js';
import type { Table } from '../io/table.js';
import { correlateExponential } from './exponential.js';
import { correlateGaussian } from './gaussian.js';
import { applySwaps, orderLabels, randomizeLabels } from './labels.js';

/** Options of `correlateTable`. */
export interface CorrelateTableOptions {
  /** Columns of the per-jet estimates ẑ1, ẑ2 (e.g. calibrated pT in GeV). */
  zhat: [string, string];
  /** Columns of the per-jet resolutions σ1, σ2 (> 0, units of ẑ). */
  sigma: [string, string];
  /** Λ (Gaussian, ≥ 0) or Λ_e (exponential, > 0), units of ẑ. */
  lambda: number;
  mode: 'gaussian' | 'exponential';
  /** Seed of the random labelling. Default 0. */
  seed?: number;
  /** Label jet 1 as the one with the larger ẑ instead of randomly (demonstration only). Default false. */
  ordered?: boolean;
}

function requireColumn(table: Table, name: string): Float64Array {
  const col = table.columns[name];
  if (!col) {
    throw new InputError(`Missing column '${name}'`, { column: name }, `Available columns: ${table.names.join(', ')}.`);
  }
  return col;
}

function checkValues(col: Float64Array, name: string, positive: boolean): void {
  for (let r = 0; r < col.length; r++) {
    const v = col[r]!;
    if (!Number.isFinite(v)) throw new InputError(`Non-finite value ${v}`, { column: name, row: r + 1 });
    if (positive && !(v > 0)) {
      throw new InputError(`Resolution ${v} is not positive`, { column: name, row: r + 1 }, 'Every sigma must be > 0; drop or repair such rows.');
    }
  }
}

/**
 * Correlation-improved estimates for every event of a table. Labels are randomised (seeded) before
 * the correction, or ordered by ẑ when `ordered` is set, and the results are mapped back to the
 * input jets. The Gaussian and exponential corrections are symmetric under exchanging the two jets,
 * so each jet's result does not depend on the labelling; the labelling matters for per-label
 * statistics and for fits of Λ to signed asymmetries (see `orderLabels`).
 *
 * @returns every input column (same arrays), then `<zhat[0]>_corr`, `<zhat[1]>_corr`,
 *   `<sigma[0]>_corr`, `<sigma[1]>_corr` and `cov_corr` (the off-diagonal covariance Σ'_12).
 * @throws InputError naming a missing column, a non-finite value, or a non-positive σ with its
 *   row (rows counted from 1); ParameterError for a bad `lambda` or `mode`.
 */
export function correlateTable(table: Table, opts: CorrelateTableOptions): Table {
  const { mode, lambda } = opts;
  if (mode !== 'gaussian' && mode !== 'exponential') throw new ParameterError('mode', 'correlateTable', "'gaussian' or 'exponential'", mode);
  const lambdaOk = mode === 'gaussian' ? lambda >= 0 : lambda > 0;
  if (!lambdaOk || !Number.isFinite(lambda)) {
    throw new ParameterError('lambda', 'correlateTable', mode === 'gaussian' ? 'a finite number >= 0' : 'a finite number > 0', lambda);
  }
  const names = [...opts.zhat, ...opts.sigma];
  if (new Set(names).size !== 4) throw new ParameterError('zhat/sigma', 'correlateTable', 'four different column names', names);
  const [z1, z2, s1, s2] = names.map((n) => requireColumn(table, n)) as [Float64Array, Float64Array, Float64Array, Float64Array];
  checkValues(z1, opts.zhat[0], false);
  checkValues(z2, opts.zhat[1], false);
  checkValues(s1, opts.sigma[0], true);
  checkValues(s2, opts.sigma[1], true);
  const outNames = [...names.map((n) => `${n}_corr`), 'cov_corr'];
  for (const n of outNames) {
    if (table.columns[n]) throw new InputError(`Output column '${n}' already exists in the input`, { column: n }, 'Rename or drop it first.');
  }

  const inputPairs = [[z1, z2], [s1, s2]] as const;
  const labelled = opts.ordered ? orderLabels([z1, z2], inputPairs) : randomizeLabels(new Rng(opts.seed ?? 0), inputPairs);
  const [[zhat1, zhat2], [sigma1, sigma2]] = labelled.pairs;
  const pair = { zhat1, zhat2, sigma1, sigma2 };
  const corrected = mode === 'gaussian' ? correlateGaussian(pair, lambda) : correlateExponential(pair, lambda);
  const [[zc1, zc2], [sc1, sc2]] = applySwaps(labelled.swapped, [
    [corrected.zhat1, corrected.zhat2],
    [corrected.sigma1, corrected.sigma2],
  ]);

  const columns: Record<string, Float64Array> = { ...table.columns };
  const added = [zc1, zc2, sc1, sc2, corrected.cov];
  outNames.forEach((n, k) => (columns[n] = added[k]!));
  return { names: [...table.names, ...outNames], columns, rows: table.rows };
}
