/**
 * The report of `ansatz study priors`: the prior dependence of calibrations (arXiv:2205.05084)
 * — the Gaussian example (Figs. 1–2) with its prior scans, optimal transport on the Gaussian
 * example (Figs. 3–4) and on dijets (Fig. 7), and the m_jj calibrations on QCD and BSM (Fig. 6).
 */
import type { SelfCheck } from '../ansatz/selfCheck.js';
import { selfCheckBlocks } from './selfCheck.js';
import type { PriorsResults } from '../studies/priors/run.js';
import type { Histogram } from '../studies/priors/stats.js';
import { histogramChart, seriesChart, type SeriesPoint } from './charts.js';
import { fixed, num, pct, pm } from './format.js';
import { plot, table, text, type Block, type Report, type Section } from './model.js';

const METHOD_LABEL: Record<string, string> = { uncalibrated: 'uncalibrated', mse: 'MSE regression', ansatz: 'Gaussian Ansatz', inversion: 'numerical inversion' };
const label = (m: string): string => METHOD_LABEL[m] ?? m;
const a = (v: number, analytic: number, d = 3): string => `${fixed(v, d)} (${fixed(analytic, d)})`;
const priorLabel = (p: { mu: number; sigma: number }): string => `μ = ${p.mu}, σ = ${p.sigma}`;

function gaussianTable(r: PriorsResults): Block {
  return table({
    caption: 'Gaussian example: fitted (analytic) lines per prior',
    columns: ['varied', 'μ', 'σ', 'ε', 'MSE slope', 'MSE intercept', 'MSE bias slope', 'GA slope', 'GA intercept', 'GA bias slope', 'mean σ̂', 'I(X;Z) [nats]'],
    rows: r.gaussian.map(({ varied, result: g }) => {
      const l = g.lines, p = g.prior;
      return [varied, p.mu, p.sigma, p.epsilon, a(l.mseSlope, l.mseSlopeAnalytic), a(l.mseIntercept, l.mseInterceptAnalytic), a(l.mseBiasSlope, l.mseBiasSlopeAnalytic), a(l.gaSlope, 1), a(l.gaIntercept, 0), a(l.gaBiasSlope, 0), a(l.gaMeanSigma, p.epsilon), a(g.mutualInformationNats, g.mutualInformationAnalyticNats)];
    }),
    note: 'MSE regression learns E[z|x] and moves with the prior: slope σ²/(σ²+ε²), bias b(z) = ε²/(σ²+ε²)(μ − z). The Gaussian Ansatz learns the maximum-likelihood ẑ(x) = x and σ̂ = ε for every prior.',
  });
}

/** Fig. 1: calibrations and point resolutions versus x for the base prior, fitted and analytic. */
function gaussianXPlots(r: PriorsResults): Block[] {
  const base = r.gaussian[0]?.result;
  if (!base) return [];
  const pts = (key: 'mseMean' | 'mseAnalytic' | 'gaMean' | 'gaAnalytic' | 'msePointResolution' | 'msePointResolutionAnalytic' | 'gaSigma' | 'gaSigmaAnalytic', series: string, group: string): SeriesPoint[] =>
    base.xBins.map((b) => ({ series, x: b.x, y: b[key], group }));
  const cal = [...pts('mseMean', 'MSE regression', 'fitted'), ...pts('mseAnalytic', 'MSE regression', 'analytic'), ...pts('gaMean', 'Gaussian Ansatz', 'fitted'), ...pts('gaAnalytic', 'Gaussian Ansatz', 'analytic')];
  const res = [...pts('msePointResolution', 'MSE regression', 'fitted'), ...pts('msePointResolutionAnalytic', 'MSE regression', 'analytic'), ...pts('gaSigma', 'Gaussian Ansatz', 'fitted'), ...pts('gaSigmaAnalytic', 'Gaussian Ansatz', 'analytic')];
  const p = base.prior;
  return [
    plot({ name: 'priors-gaussian-calibration', caption: `Fig. 1: calibrated value versus the measurement x for the prior N(${p.mu}, ${p.sigma}²) and detector ε = ${p.epsilon}; dashed: analytic.`, spec: seriesChart(cal, { xTitle: 'measured x', yTitle: 'calibrated z', seriesTitle: 'calibration', groupTitle: 'curve', points: true }) }),
    plot({ name: 'priors-gaussian-resolution', caption: 'Fig. 1: point resolution versus x: std(z − f_MSE(x)) for MSE regression, mean σ̂ for the Gaussian Ansatz; dashed: analytic.', spec: seriesChart(res, { xTitle: 'measured x', yTitle: 'resolution (units of z)', seriesTitle: 'calibration', groupTitle: 'curve', points: true }) }),
  ];
}

/** Fig. 2: bias versus the true z for every prior of the scan, one plot per calibration. */
function gaussianBiasPlots(r: PriorsResults): Block[] {
  const order = r.gaussian.map(({ result: g }) => priorLabel(g.prior));
  const points = (m: 'mse' | 'ga'): SeriesPoint[] => r.gaussian.flatMap(({ result: g }) => g.zBins.flatMap((b) => {
    const y = m === 'mse' ? b.mseBias : b.gaBias, e = m === 'mse' ? b.mseBiasError : b.gaBiasError;
    return [{ series: priorLabel(g.prior), x: b.z, y, lo: y - e, hi: y + e, group: 'fitted' }, { series: priorLabel(g.prior), x: b.z, y: m === 'mse' ? b.mseBiasAnalytic : 0, group: 'analytic' }];
  }));
  return (['mse', 'ga'] as const).map((m) => plot({
    name: `priors-gaussian-bias-${m}`,
    caption: `Fig. 2: bias ⟨f(x) − z⟩ versus the true z for each prior of the scan, ${m === 'mse' ? 'MSE regression (moves with the prior)' : 'Gaussian Ansatz (should not move)'}; dashed: analytic.`,
    spec: seriesChart(points(m), { xTitle: 'true z', yTitle: `bias of ${m === 'mse' ? 'MSE regression' : 'Gaussian Ansatz'}`, seriesTitle: 'prior', groupTitle: 'curve', points: true, referenceY: 0, seriesOrder: order }),
  }));
}

const hist = (series: string, h: Histogram | undefined): { series: string; edges: number[]; values: number[] }[] => (h ? [{ series, edges: h.edges, values: h.density }] : []);

function gaussianOtBlocks(r: PriorsResults): Block[] {
  const ot = r.gaussianOt, o = ot.options;
  const lines = table({
    caption: 'Gaussian OT maps h(x) ≈ slope·x + offset: fitted (analytic)',
    columns: ['map', 'slope', 'offset'],
    rows: [['h_train (derived at μ_train)', a(ot.trainMap.slope, ot.trainMap.slopeAnalytic), a(ot.trainMap.offset, ot.trainMap.offsetAnalytic)], ['h_test (what μ_test needs)', a(ot.testMap.slope, ot.testMap.slopeAnalytic), a(ot.testMap.offset, ot.testMap.offsetAnalytic)]],
    note: `σ = ${o.sigma}, ε_sim = ${o.epsilonSim}, ε_data = ${o.epsilonData}, μ_train = ${o.muTrain}, μ_test = ${o.muTest}. h_train applied to the test sample misses the data median by ${pm(ot.missTest, ot.missTestError, 3)} (analytic ${fixed(ot.missTestAnalytic, 3)}); closure on the training sample ${fixed(ot.closureTrain, 3)}.`,
  });
  const hs = (s: 'train' | 'test') => [...hist('simulation', ot.histograms[s].sim), ...hist('simulation, h_train-calibrated', ot.histograms[s].calibrated), ...hist('data', ot.histograms[s].data)];
  const maps: SeriesPoint[] = ot.mapGrid.flatMap((m) => [
    { series: 'h_train', x: m.x, y: m.hTrain, group: 'fitted' }, { series: 'h_train', x: m.x, y: m.hTrainAnalytic, group: 'analytic' },
    { series: 'h_test', x: m.x, y: m.hTest, group: 'fitted' }, { series: 'h_test', x: m.x, y: m.hTestAnalytic, group: 'analytic' },
  ]);
  return [
    lines,
    ...(['train', 'test'] as const).map((s) => plot({ name: `priors-ot-histograms-${s}`, caption: `Fig. 3: ${s === 'train' ? 'training' : 'test'} sample (μ = ${s === 'train' ? o.muTrain : o.muTest}): simulation, simulation calibrated with h_train, and data.`, spec: histogramChart(hs(s), { xTitle: 'measured x', yTitle: 'density', seriesTitle: 'sample' }) })),
    plot({ name: 'priors-ot-maps', caption: 'Fig. 4: the OT map derived on the training sample and the map the test sample needs; dashed: analytic (Eqs. 43–44).', spec: seriesChart(maps, { xTitle: 'simulated x', yTitle: 'h(x)', seriesTitle: 'map', groupTitle: 'curve' }) }),
  ];
}

function dijetCalibrationBlocks(r: PriorsResults): Block[] {
  const d = r.dijets, s = d.samples, o = r.options.dijets;
  const ratios = table({
    caption: 'Fig. 6: calibrated/true m_jj on QCD and BSM',
    columns: ['sample', 'calibration', 'mean ratio', 'std ratio'],
    rows: d.calibration.ratios.map((x) => [x.sample.toUpperCase(), label(x.method), pm(x.meanRatio, x.meanRatioError, 4), fixed(x.stdRatio, 4)]),
    note: `BSM, event by event: (MSE − Gaussian Ansatz)/true = ${pct(d.calibration.bsmMseMinusAnsatz.mean, 3)} ± ${pct(d.calibration.bsmMseMinusAnsatz.error, 3)}; a Gaussian response predicts r²·m·d ln p/dm = ${pct(d.expectedMseMinusAnsatz, 3)}.`,
  });
  const order = d.calibration.ratios.map((x) => label(x.method)).filter((m, i, all) => all.indexOf(m) === i);
  const fig6 = (sample: 'qcd' | 'bsm'): Block => plot({
    name: `priors-mjj-ratio-${sample}`,
    caption: `Fig. 6: calibrated/true m_jj on the ${sample === 'qcd' ? 'QCD' : `BSM (${o.resonance.massGeV} GeV resonance)`} test sample, per calibration.`,
    spec: histogramChart(d.calibration.ratios.filter((x) => x.sample === sample).flatMap((x) => hist(label(x.method), x.histogram)), { xTitle: 'calibrated m_jj / true m_jj', yTitle: 'events (normalised)', seriesTitle: 'calibration', seriesOrder: order }),
  });
  const methods = Object.keys(d.calibration.massBins[0]?.meanRatio ?? {}) as (keyof (typeof d.calibration.massBins)[number]['meanRatio'])[];
  const bins: SeriesPoint[] = d.calibration.massBins.flatMap((b) => methods.map((m) => ({ series: label(m), x: b.genMjjGeV, y: b.meanRatio[m], lo: b.meanRatio[m] - b.meanRatioError[m], hi: b.meanRatio[m] + b.meanRatioError[m] })));
  return [
    text(`QCD dijets, pT_hat ∈ [${o.ptRangeGeV.join(', ')}] GeV ∝ pT_hat^−${o.qcdPower}; ${s.events.fullTrain} training / ${s.events.fullTest} test events (full detector). BSM: the QCD test events reweighted to N(${o.resonance.massGeV}, ${o.resonance.widthGeV}) GeV in true m_jj, ${fixed(s.bsmEffectiveEvents.full, 0)} effective events. True m_jj spectrum at the resonance: d ln p/dm = ${num(s.spectrumLogSlopePerGeV)} /GeV (local power ${fixed(s.spectrumLocalPower, 2)}); m_jj resolution ${pct(s.relativeResolution)}.`),
    ratios, fig6('qcd'), fig6('bsm'),
    plot({ name: 'priors-mjj-bias', caption: 'Mean calibrated/true m_jj in bins of the true m_jj on the QCD test sample (the bias of Fig. 2, for dijets).', spec: seriesChart(bins, { xTitle: 'true m_jj [GeV]', yTitle: '⟨calibrated/true m_jj⟩', seriesTitle: 'calibration', points: true, referenceY: 1, seriesOrder: order }) }),
  ];
}

function dijetOtBlocks(r: PriorsResults): Block[] {
  const ot = r.dijets.ot, ft = ot.fixedTruth;
  const rows = [ot.qcd, ot.bsm].map((x) => [x.sample.toUpperCase(), `${fixed(x.fastMeanGeV)} / ${fixed(x.calibratedMeanGeV)} / ${fixed(x.fullMeanGeV)}`, `${fixed(x.fastStdGeV)} / ${fixed(x.calibratedStdGeV)} / ${fixed(x.fullStdGeV)}`, `${pct(x.relativeMeanMiss, 3)} ± ${pct(x.relativeMeanMissError, 3)}`, `${pct(x.relativeWidthMiss)} ± ${pct(x.relativeWidthMissError)}`, `${fixed(x.chi2PerBin, 2)} (${x.bins} bins)`]);
  const fig7 = (x: typeof ot.qcd): Block => plot({
    name: `priors-ot-mjj-${x.sample}`,
    caption: `Fig. 7: reco m_jj on the ${x.sample.toUpperCase()} test sample: fast detector ("simulation"), fast calibrated with the OT map derived on QCD, full detector ("data"). Log scale.`,
    spec: histogramChart([...hist('fast', x.histograms.fast), ...hist('fast, OT-calibrated', x.histograms.calibrated), ...hist('full ("data")', x.histograms.full)], { xTitle: 'reco m_jj [GeV]', yTitle: 'events (normalised) [1/GeV]', seriesTitle: 'sample', logY: true }),
  });
  return [
    table({ caption: 'Fig. 7: OT fast → full, derived on QCD', columns: ['sample', 'mean fast / calibrated / full [GeV]', 'std fast / calibrated / full [GeV]', 'mean miss', 'width miss', 'χ²/bin'], rows, note: `At fixed truth (true m_jj ∈ [${ft.windowGeV.map((v) => fixed(v, 0)).join(', ')}] GeV, ${ft.events.fast}/${ft.events.full} fast/full events): mean miss ${pct(ft.meanMiss, 3)} ± ${pct(ft.meanMissError, 3)}, width miss ${pct(ft.widthMiss)} ± ${pct(ft.widthMissError)} (fast before calibration ${pct(ft.fastWidthMiss)}).` }),
    fig7(ot.qcd), fig7(ot.bsm),
    table({ caption: 'OT maps at quantiles of the BSM sample', columns: ['quantile', 'x_fast [GeV]', 'h_QCD [GeV]', 'h_BSM [GeV]'], rows: ot.mapAtBsm.map((m) => [m.quantile, fixed(m.xFastGeV), fixed(m.hQcdGeV), fixed(m.hBsmGeV)]), note: 'h_BSM is the map the BSM sample would need; the difference is the prior dependence of OT calibration.' }),
  ];
}

function timings(r: PriorsResults): Record<string, number> {
  const t: Record<string, number> = { total: r.seconds };
  for (const { result: g } of r.gaussian) t[`gaussian ${priorLabel(g.prior)}`] = g.seconds;
  t['dijets: simulation'] = r.dijets.samples.simulationSeconds;
  t['dijets: MSE training'] = r.dijets.calibration.seconds.mse;
  t['dijets: Gaussian Ansatz training'] = r.dijets.calibration.seconds.ansatz;
  return t;
}

/** The prior study's report. */
/** The self-check of every Gaussian Ansatz model of the study, by the name the report gives it. */
function priorsSelfChecks(r: PriorsResults): Record<string, SelfCheck> {
  const out: Record<string, SelfCheck> = {};
  for (const { result: g } of r.gaussian) if (g.selfCheck) out[`GA, prior ${priorLabel(g.prior)}`] = g.selfCheck;
  if (r.dijets.calibration.selfCheck) out['GA, m_jj (QCD)'] = r.dijets.calibration.selfCheck;
  return out;
}

export function priorsReport(r: PriorsResults): Report {
  const sections: Section[] = [
    {
      title: 'Gaussian example (Figs. 1–2)',
      blocks: [gaussianTable(r), ...gaussianXPlots(r), ...gaussianBiasPlots(r)],
    },
    { title: 'Optimal transport on the Gaussian example (Figs. 3–4)', blocks: gaussianOtBlocks(r) },
    { title: 'Dijet m_jj calibrations, QCD and BSM (Fig. 6)', blocks: dijetCalibrationBlocks(r) },
    { title: 'Optimal transport fast → full on dijets (Fig. 7)', blocks: dijetOtBlocks(r) },
    {
      title: 'Self-check of the Gaussian Ansatz models',
      blocks: selfCheckBlocks(
        priorsSelfChecks(r),
        'priors',
        "each model's test sample (the Gaussian examples' and the QCD dijet events, weighted)",
      ),
    },
  ];
  return {
    title: 'Prior dependence of calibrations',
    summary: `Bias and priors in machine-learning calibrations (arXiv:2205.05084), reproduced with the Gaussian Ansatz (arXiv:2205.03413), MSE regression, numerical inversion and 1-D optimal transport on the Gaussian examples and on simulated dijets${r.options.quick ? ' (--quick sizes)' : ''}.`,
    run: { study: 'priors', seed: r.options.seed, options: r.options, timingsSeconds: timings(r) },
    sections,
  };
}
