import { loadModel } from '../ansatz/modelFile.js';
import { predictParallel } from '../ansatz/predictParallel.js';
import { makeTable, writeTable } from '../io/index.js';
import { loadTrainingInputs, type ModInputs } from './inputs.js';
import { emit, say, type Output } from './output.js';

export interface PredictCommandOptions extends Output {
  model: string;
  data: string;
  out: string;
}

/**
 * `ansatz predict`: writes every input column plus `<z>_hat` and `<z>_sigma` for each z
 * column, and `cov_<zi>_<zj>` (i < j) when z has several components.
 */
export async function predictCommand(o: PredictCommandOptions): Promise<void> {
  const model = loadModel(o.model);
  const inputs = await loadTrainingInputs({ data: o.data }, { needZ: false, defaults: { x: model.xNames_, z: model.zNames_ }, allColumns: true, mod: model.inputs_?.mod as ModInputs | undefined });
  const pred = await predictParallel(model, inputs.x);
  const table = inputs.table!;
  const columns: Record<string, Float64Array> = { ...table.columns };
  const names = [...table.names];
  const zNames = model.zNames_, n = zNames.length;
  const add = (name: string, values: Float64Array): void => {
    columns[name] = values;
    if (!names.includes(name)) names.push(name);
  };
  zNames.forEach((z, i) => {
    add(`${z}_hat`, Float64Array.from({ length: pred.rows }, (_, r) => pred.zHat[r * n + i]!));
    add(`${z}_sigma`, Float64Array.from({ length: pred.rows }, (_, r) => pred.sigma[r * n + i]!));
  });
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) add(`cov_${zNames[i]}_${zNames[j]}`, Float64Array.from({ length: pred.rows }, (_, r) => pred.covariance[r * n * n + i * n + j]!));
  writeTable(o.out, makeTable(columns, names));
  say(o, `wrote ${pred.rows} rows to ${o.out}`);
  emit(o, { event: 'done', out: o.out, rows: pred.rows });
}
