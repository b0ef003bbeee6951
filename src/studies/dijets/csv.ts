/** Long-format CSV tables of the dijets study results (one file per figure or table). */
import type { DijetsResults } from './run.js';
import type { Histogram } from './stats.js';

type Cell = string | number | boolean | undefined;

/** CSV text from a header and rows; numbers at full precision, NaN/undefined as empty cells. */
export function csvText(header: readonly string[], rows: readonly Cell[][]): string {
  const cell = (v: Cell): string => (v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? '' : String(v));
  return [header.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

function histogramRows(prefix: Cell[], h: Histogram): Cell[][] {
  return h.counts.map((c, k) => [...prefix, h.edges[k], h.edges[k + 1], c]);
}

/** Every CSV table of the results, by file name. */
export function dijetsCsvTables(r: DijetsResults): Record<string, string> {
  const lambda: Cell[][] = [], asym: Cell[][] = [], res: Cell[][] = [], hist: Cell[][] = [], win: Cell[][] = [], winHist: Cell[][] = [], bias: Cell[][] = [];
  for (const t of r.lambdaTables) {
    for (const row of [...t.bins, t.inclusive]) {
      const paper = r.paper.lambdaTable.find((p) => p.ptLowGeV === row.ptLowGeV && p.ptHighGeV === row.ptHighGeV);
      lambda.push([t.form, row.ptLowGeV, row.ptHighGeV, row.n, row.lambda, row.lambdaError, row.lambdaOverCentralPt, row.mse,
        paper ? (t.form === 'exponential' ? paper.lambdaExponentialGeV : paper.lambdaGaussianGeV) : undefined]);
      row.histogram.density.forEach((d, k) => asym.push([t.form, row.ptLowGeV, row.ptHighGeV, row.histogram.edges[k], row.histogram.edges[k + 1], d]));
    }
  }
  for (const c of r.calibrations) {
    for (const f of c.forms) {
      for (const b of f.bins) {
        for (const [label, j] of [['leading', b.leading], ['subleading', b.subleading], ['all', b.all]] as const) {
          res.push([c.calibration, f.form, b.ptLowGeV, b.ptHighGeV, label, j.jets, b.lambdaGeV, j.meanSigmaGeV, j.meanSigmaCorrectedGeV,
            j.ratio.mean, j.ratio.q05, j.ratio.q25, j.ratio.q50, j.ratio.q75, j.ratio.q95, j.relativeImprovement, j.quadratureImprovement,
            j.empirical.std, j.empirical.stdCorrected, j.empirical.improvement, j.empirical.improvementError, j.meanResidual.mean, j.meanResidualCorrected.mean]);
          const pre = [c.calibration, f.form, b.ptLowGeV, b.ptHighGeV, label];
          hist.push(...histogramRows([...pre, 'sigma'], j.sigmaHistogram), ...histogramRows([...pre, 'sigma_corr'], j.sigmaCorrectedHistogram), ...histogramRows([...pre, 'ratio'], j.ratioHistogram));
        }
      }
      const w = f.window;
      win.push([c.calibration, f.form, w.genPtGeV[0], w.genPtGeV[1], w.jets, w.reco.mean, w.recoCorrected.mean, w.reco.std, w.recoCorrected.std,
        w.empirical.improvement, w.empirical.improvementError, w.meanSigmaGeV, w.meanSigmaCorrectedGeV]);
      winHist.push(...histogramRows([c.calibration, f.form, 'reco'], w.recoHistogram), ...histogramRows([c.calibration, f.form, 'reco_corr'], w.recoCorrectedHistogram));
      for (const lb of f.labelBias) {
        for (const k of [0, 1] as const) {
          bias.push([c.calibration, f.form, lb.labelling, k + 1, lb.shift[k].mean, lb.shift[k].meanError, lb.residual[k].mean, lb.residual[k].meanError,
            lb.residualCorrected[k].mean, lb.residualCorrected[k].meanError]);
        }
      }
    }
  }
  return {
    'lambda_table.csv': csvText(['form', 'pt_low_gev', 'pt_high_gev', 'events', 'lambda_gev', 'lambda_error_gev', 'lambda_over_central_pt', 'mse', 'paper_lambda_gev'], lambda),
    'asymmetry_histograms.csv': csvText(['form', 'pt_low_gev', 'pt_high_gev', 'abs_delta_low_gev', 'abs_delta_high_gev', 'density_per_gev'], asym),
    'resolution.csv': csvText(['calibration', 'form', 'pt_low_gev', 'pt_high_gev', 'jets', 'n', 'lambda_gev', 'mean_sigma_gev', 'mean_sigma_corr_gev',
      'ratio_mean', 'ratio_q05', 'ratio_q25', 'ratio_q50', 'ratio_q75', 'ratio_q95', 'relative_improvement', 'quadrature_improvement',
      'residual_std_gev', 'residual_std_corr_gev', 'empirical_improvement', 'empirical_improvement_error', 'mean_residual_gev', 'mean_residual_corr_gev'], res),
    'resolution_histograms.csv': csvText(['calibration', 'form', 'pt_low_gev', 'pt_high_gev', 'jets', 'quantity', 'low', 'high', 'count'], hist),
    'gen_window.csv': csvText(['calibration', 'form', 'gen_pt_low_gev', 'gen_pt_high_gev', 'jets', 'mean_gev', 'mean_corr_gev', 'std_gev', 'std_corr_gev',
      'empirical_improvement', 'empirical_improvement_error', 'mean_sigma_gev', 'mean_sigma_corr_gev'], win),
    'gen_window_histograms.csv': csvText(['calibration', 'form', 'quantity', 'low_gev', 'high_gev', 'count'], winHist),
    'label_bias.csv': csvText(['calibration', 'form', 'labelling', 'label', 'shift_gev', 'shift_error_gev', 'residual_gev', 'residual_error_gev',
      'residual_corr_gev', 'residual_corr_error_gev'], bias),
    ...toyCsvTables(r),
  };
}

function toyCsvTables(r: DijetsResults): Record<string, string> {
  const scan: Cell[][] = [];
  for (const [figure, curves] of [['fig2', r.toy.fig2], ['fig3', r.toy.fig3]] as const) {
    for (const c of curves) {
      c.lambda.forEach((lam, k) => scan.push([figure, c.mode, c.inputs.x1, c.inputs.x2, c.inputs.sigma1, c.inputs.sigma2, lam,
        c.zhat1[k], c.zhat2[k], c.sigma1[k], c.sigma2[k], c.cov[k], c.solutionCase?.[k]]));
    }
  }
  const { fig1, fig10 } = r.toy;
  const phase: Cell[][] = [], boosted: Cell[][] = [];
  fig1.sigmaOverLambda.forEach((s, i) => fig1.deltaOverSigma.forEach((d, j) => phase.push([d, s, fig1.solutionCase[i * fig1.deltaOverSigma.length + j]])));
  fig10.muOverLambdaMu.forEach((m, i) => fig10.x1OverRootMu.forEach((x, j) => {
    const k = i * fig10.x1OverRootMu.length + j;
    boosted.push([x, m, fig10.resolutionRatio[k], fig10.converged[k]]);
  }));
  const bias = r.toy.labellingBias.flatMap((b) => [0, 1].map((k) => [b.form, b.labelling, k + 1, b.rawShift[k], b.rawShiftError[k],
    b.correctedShift[k], b.correctedShiftError[k], b.rawResidualStd[k], b.correctedResidualStd[k], b.meanSigmaCorrected[k]]));
  return {
    'toy_lambda_scan.csv': csvText(['figure', 'mode', 'x1', 'x2', 'sigma1_in', 'sigma2_in', 'lambda', 'zhat1', 'zhat2', 'sigma1', 'sigma2', 'cov', 'solution_case'], scan),
    'toy_phase_space.csv': csvText(['delta_over_sigma', 'sigma_over_lambda', 'solution_case'], phase),
    'boosted_scan.csv': csvText(['x1_over_root_mu', 'mu_over_lambda_mu', 'resolution_ratio', 'converged'], boosted),
    'toy_label_bias.csv': csvText(['form', 'labelling', 'label', 'raw_shift', 'raw_shift_error', 'corrected_shift', 'corrected_shift_error',
      'raw_residual_std', 'corrected_residual_std', 'mean_sigma_corrected'], bias),
  };
}
