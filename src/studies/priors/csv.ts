/** Long-format CSV tables of the prior study, one per figure. */
import type { PriorsResults } from './run.js';
import type { Histogram } from './stats.js';

type Cell = string | number | undefined;

/** CSV text from a header and rows; NaN and undefined as empty cells. */
export function csvText(header: readonly string[], rows: readonly Cell[][]): string {
  const cell = (v: Cell): string => (v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? '' : String(v));
  return [header.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

function histogramRows(prefix: Cell[], h: Histogram): Cell[][] {
  return h.density.map((d, k) => [...prefix, h.edges[k], h.edges[k + 1], d, h.error[k]]);
}

/** Every table by file name. */
export function priorsCsvTables(r: PriorsResults): Record<string, string> {
  const prior = (p: { mu: number; sigma: number; epsilon: number }): Cell[] => [p.mu, p.sigma, p.epsilon];
  const lines = r.gaussian.map(({ varied, result: g }) => [varied, ...prior(g.prior), ...Object.values(g.lines), g.mutualInformationNats, g.mutualInformationAnalyticNats]);
  const xBins = r.gaussian.flatMap(({ result: g }) => g.xBins.map((b) => [...prior(g.prior), ...Object.values(b)]));
  const zBins = r.gaussian.flatMap(({ result: g }) => g.zBins.map((b) => [...prior(g.prior), ...Object.values(b)]));
  const g0 = r.gaussian[0]!.result;
  const ot = r.gaussianOt;
  const otHist = (['train', 'test'] as const).flatMap((s) => (['sim', 'calibrated', 'data'] as const).flatMap((k) => histogramRows([s, k], ot.histograms[s][k])));
  const d = r.dijets;
  const ratios = d.calibration.ratios.map((x) => [x.sample, x.method, x.meanRatio, x.meanRatioError, x.stdRatio]);
  const ratioHist = d.calibration.ratios.flatMap((x) => histogramRows([x.sample, x.method], x.histogram));
  const methods = Object.keys(d.calibration.massBins[0]?.meanRatio ?? {});
  const massBins = d.calibration.massBins.map((b) => [b.genMjjGeV, b.events, ...methods.flatMap((m) => [b.meanRatio[m as keyof typeof b.meanRatio], b.meanRatioError[m as keyof typeof b.meanRatio]])]);
  const otRows = [d.ot.qcd, d.ot.bsm].map((x) => [x.sample, x.fastMeanGeV, x.calibratedMeanGeV, x.fullMeanGeV, x.fastStdGeV, x.calibratedStdGeV, x.fullStdGeV, x.relativeMeanMiss, x.relativeMeanMissError, x.relativeWidthMiss, x.relativeWidthMissError, x.chi2PerBin, x.bins]);
  const otDijetHist = [d.ot.qcd, d.ot.bsm].flatMap((x) => (['fast', 'calibrated', 'full'] as const).flatMap((k) => histogramRows([x.sample, k], x.histograms[k])));
  return {
    'gaussian_lines.csv': csvText(['varied', 'mu', 'sigma', 'epsilon', ...Object.keys(g0.lines), 'mi_nats', 'mi_analytic_nats'], lines),
    'gaussian_xbins.csv': csvText(['mu', 'sigma', 'epsilon', ...Object.keys(g0.xBins[0] ?? {})], xBins),
    'gaussian_zbins.csv': csvText(['mu', 'sigma', 'epsilon', ...Object.keys(g0.zBins[0] ?? {})], zBins),
    'gaussian_ot_maps.csv': csvText(['x', 'h_train', 'h_test', 'h_train_analytic', 'h_test_analytic'], ot.mapGrid.map((m) => [m.x, m.hTrain, m.hTest, m.hTrainAnalytic, m.hTestAnalytic])),
    'gaussian_ot_lines.csv': csvText(['map', 'slope', 'slope_analytic', 'offset', 'offset_analytic'], [['train', ...Object.values(ot.trainMap)], ['test', ...Object.values(ot.testMap)]]),
    'gaussian_ot_histograms.csv': csvText(['sample', 'kind', 'low', 'high', 'density', 'error'], otHist),
    'dijet_ratios.csv': csvText(['sample', 'method', 'mean_ratio', 'mean_ratio_error', 'std_ratio'], ratios),
    'dijet_ratio_histograms.csv': csvText(['sample', 'method', 'low', 'high', 'density', 'error'], ratioHist),
    'dijet_mass_bins.csv': csvText(['gen_mjj_gev', 'events', ...methods.flatMap((m) => [`${m}_mean_ratio`, `${m}_mean_ratio_error`])], massBins),
    'dijet_ot.csv': csvText(['sample', 'fast_mean_gev', 'calibrated_mean_gev', 'full_mean_gev', 'fast_std_gev', 'calibrated_std_gev', 'full_std_gev', 'rel_mean_miss', 'rel_mean_miss_error', 'rel_width_miss', 'rel_width_miss_error', 'chi2_per_bin', 'bins'], otRows),
    'dijet_ot_histograms.csv': csvText(['sample', 'kind', 'low_gev', 'high_gev', 'density', 'error'], otDijetHist),
    'dijet_ot_fixed_truth.csv': csvText(['low_gev', 'high_gev', 'fast_events', 'full_events', 'mean_miss', 'mean_miss_error', 'width_miss', 'width_miss_error', 'fast_width_miss'], [[...d.ot.fixedTruth.windowGeV, d.ot.fixedTruth.events.fast, d.ot.fixedTruth.events.full, d.ot.fixedTruth.meanMiss, d.ot.fixedTruth.meanMissError, d.ot.fixedTruth.widthMiss, d.ot.fixedTruth.widthMissError, d.ot.fixedTruth.fastWidthMiss]]),
    'dijet_ot_map_at_bsm.csv': csvText(['quantile', 'x_fast_gev', 'h_qcd_gev', 'h_bsm_gev'], d.ot.mapAtBsm.map((m) => [m.quantile, m.xFastGeV, m.hQcdGeV, m.hBsmGeV])),
  };
}
