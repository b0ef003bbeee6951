import { correlateTable, fitLambda } from '../dijets/index.js';
import { InputError } from '../errors.js';
import { readTable, writeTable } from '../io/index.js';
import { Rng } from '../engine/rng.js';
import { emit, say, splitList, type Output } from './output.js';

export interface CorrelateCommandOptions extends Output {
  data: string;
  zhat: string;
  sigma: string;
  lambda?: string;
  fitLambda?: string;
  truth?: string;
  mode: 'gaussian' | 'exponential';
  seed?: string;
  out: string;
}

function pair(flag: string, text: string): [string, string] {
  const list = splitList(text);
  if (list.length !== 2) throw new InputError(`--${flag} needs exactly two comma-separated columns (one per jet); got '${text}'`);
  return [list[0]!, list[1]!];
}

/** Names the file in an InputError raised on a table that came from it. */
function inFile<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof InputError && err.file === undefined)
      throw new InputError(err.message.replace(/ \([^()]*\)$/, ''), { file, column: err.column, row: err.row }, err.hint);
    throw err;
  }
}

/**
 * `ansatz correlate`: two jets at once (arXiv:2402.14067). Λ is given, or fitted to the
 * truth-level asymmetry Δ = z₁ − z₂ (random labels) of a truth file.
 */
export async function correlateCommand(o: CorrelateCommandOptions): Promise<void> {
  const zhat = pair('zhat', o.zhat), sigma = pair('sigma', o.sigma);
  if ((o.lambda === undefined) === (o.fitLambda === undefined)) throw new InputError('give exactly one of --lambda L and --fit-lambda TRUTHFILE');
  let lambda: number;
  if (o.lambda !== undefined) {
    lambda = Number(o.lambda);
    if (!(lambda >= 0) || o.lambda.trim() === '') throw new InputError(`--lambda must be a non-negative number; got '${o.lambda}'`);
  } else {
    const truthCols = o.truth ? pair('truth', o.truth) : (zhat.map((c) => c.replace(/_hat$/, '')) as [string, string]);
    const truth = readTable(o.fitLambda!, { columns: truthCols });
    const rng = new Rng(Number(o.seed ?? 0));
    const a = truth.columns[truthCols[0]]!, b = truth.columns[truthCols[1]]!;
    const delta = Float64Array.from(a, (v, r) => (rng.uniform() < 0.5 ? v - b[r]! : b[r]! - v));
    const fit = fitLambda(delta, { form: o.mode, seed: Number(o.seed ?? 0) });
    lambda = fit.lambda;
    say(o, `fitted Λ${o.mode === 'exponential' ? '_e' : ''} = ${fit.lambda.toFixed(3)} ± ${fit.lambdaError.toFixed(3)} from ${fit.n} events of ${o.fitLambda} (${truthCols.join(' − ')})`);
  }
  const table = readTable(o.data, { columns: undefined });
  const out = inFile(o.data, () => correlateTable(table, { zhat, sigma, lambda, mode: o.mode, seed: Number(o.seed ?? 0) }));
  writeTable(o.out, out);
  say(o, `wrote ${out.rows} events with ${zhat.map((c) => `${c}_corr`).join(', ')}, ${sigma.map((c) => `${c}_corr`).join(', ')}, cov_corr to ${o.out}`);
  emit(o, { event: 'done', out: o.out, rows: out.rows, lambda, mode: o.mode });
}
