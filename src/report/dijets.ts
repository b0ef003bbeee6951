/**
 * The report of `ansatz study dijets`: two jets at once (Gambhir & Nachman, arXiv:2402.14067) —
 * Λ fits per leading-pT bin (Table I, Fig. 5), resolution ratios per bin (Figs. 6–8), ẑ' against
 * ẑ in a GEN window (Fig. 9), labelling bias, and the toy figures (Figs. 1–3, 10).
 */
import { selfCheckBlocks } from './selfCheck.js';
import { PAPER } from '../studies/dijets/paper.js';
import type { CalibrationStudy, DijetsResults } from '../studies/dijets/run.js';
import { gridEdges, heatmapChart, histogramChart, seriesChart, type HeatCell, type SeriesPoint } from './charts.js';
import { fixed, pct, pm, slug } from './format.js';
import { plot, table, text, type Block, type Report, type Section } from './model.js';

const CAL_LABEL: Record<string, string> = { 'cms-like': 'CMS-like', 'gaussian-ansatz': 'Gaussian Ansatz' };
const cal = (c: string): string => CAL_LABEL[c] ?? c;
const binLabel = (lo: number, hi: number): string => `[${lo}, ${hi}] GeV`;
const PAPER_KEY = { exponential: 'lambdaExponentialGeV', gaussian: 'lambdaGaussianGeV' } as const;

function lambdaBlocks(r: DijetsResults): Block[] {
  const rows = r.lambdaTables.flatMap((t) => [...t.bins, t.inclusive].map((row) => {
    const paper = (r.paper ?? PAPER).lambdaTable.find((p) => p.ptLowGeV === row.ptLowGeV && p.ptHighGeV === row.ptHighGeV);
    return [t.form, binLabel(row.ptLowGeV, row.ptHighGeV), row.n, pm(row.lambda, row.lambdaError), fixed(row.lambdaOverCentralPt, 3), paper ? fixed(paper[PAPER_KEY[t.form]]) : '–'];
  }));
  const first = r.lambdaTables[0];
  const hists = first ? first.bins.map((b) => ({ series: binLabel(b.ptLowGeV, b.ptHighGeV), edges: b.histogram.edges, values: b.histogram.density })) : [];
  return [
    table({ caption: 'Table I: asymmetry widths Λ_e (exponential) and Λ (Gaussian) per leading-pT bin', columns: ['form', 'leading pT bin', 'events', 'Λ [GeV]', 'Λ/pT', 'paper Λ [GeV]'], rows, note: `Fitted (${r.options.lambdaMethod === 'ml' ? 'maximum likelihood' : "the paper's histogram MSE"}) to the GEN asymmetry Δ = pT,1 − pT,2 with random labels; errors from ${r.options.bootstrap} bootstrap replicates. Paper: CMS 2011 open simulation.` }),
    ...(hists.length ? [plot({ name: 'dijets-asymmetry', caption: 'Fig. 5: the GEN-level |Δ| = |pT,1 − pT,2| distribution per leading-pT bin, to which Λ is fitted. Log scale.', spec: histogramChart(hists, { xTitle: '|pT,1 − pT,2| (GEN) [GeV]', yTitle: 'density [1/GeV]', seriesTitle: 'leading pT', logY: true }) })] : []),
  ];
}

function resolutionTable(c: CalibrationStudy, paper: typeof PAPER): Block {
  const rows = c.forms.flatMap((f) => f.bins.map((b) => [f.form, binLabel(b.ptLowGeV, b.ptHighGeV), b.all.jets, fixed(b.lambdaGeV), `${fixed(b.all.meanSigmaGeV)} → ${fixed(b.all.meanSigmaCorrectedGeV)}`, `${pct(b.leading.relativeImprovement)} / ${pct(b.subleading.relativeImprovement)}`, pct(b.all.quadratureImprovement, 0), `${fixed(b.all.empirical.std)} → ${fixed(b.all.empirical.stdCorrected)}`, `${pct(b.all.empirical.improvement, 2)} ± ${pct(b.all.empirical.improvementError, 2)}`]));
  return table({
    caption: `Resolution per leading-pT bin, ${cal(c.calibration)} calibration`,
    columns: ['form', 'leading pT bin', 'jets', 'Λ [GeV]', "mean σ → σ' [GeV]", "1 − σ'/σ lead / sub", 'quadrature', "std(ẑ − z) → std(ẑ' − z) [GeV]", 'empirical improvement'],
    rows,
    note: `Paper: 1 − σ'/σ ≈ ${pct(paper.relativeImprovement[0], 0)}–${pct(paper.relativeImprovement[1], 0)} per bin, quadrature ≈ ${pct(paper.quadratureImprovement, 0)}.`,
  });
}

/** Figs. 7–8: σ'/σ of all jets per bin, one plot per calibration and form. */
function ratioPlots(c: CalibrationStudy): Block[] {
  return c.forms.map((f) => plot({
    name: `dijets-ratio-${slug(c.calibration)}-${f.form}`,
    caption: `Figs. 7–8: predicted resolution ratio σ'/σ per jet, ${cal(c.calibration)} calibration, ${f.form} correction, per leading-pT bin.`,
    spec: histogramChart(f.bins.map((b) => ({ series: binLabel(b.ptLowGeV, b.ptHighGeV), edges: b.all.ratioHistogram.edges, values: b.all.ratioHistogram.counts })), { xTitle: "σ'/σ", yTitle: 'jets', seriesTitle: 'leading pT' }),
  }));
}

/** 1 − ⟨σ'/σ⟩ and the empirical improvement per bin, for every calibration and form. */
function improvementPlot(r: DijetsResults): Block {
  const points: SeriesPoint[] = r.calibrations.flatMap((c) => c.forms.flatMap((f) => f.bins.filter((b) => b.ptLowGeV !== r.options.binEdgesGeV[0] || b.ptHighGeV !== r.options.binEdgesGeV[r.options.binEdgesGeV.length - 1]).flatMap((b) => {
    const x = 0.5 * (b.ptLowGeV + b.ptHighGeV), e = b.all.empirical, series = `${cal(c.calibration)}, ${f.form}`;
    return [{ series, x, y: b.all.relativeImprovement, group: "predicted 1 − ⟨σ'/σ⟩" }, { series, x, y: e.improvement, lo: e.improvement - e.improvementError, hi: e.improvement + e.improvementError, group: 'empirical 1 − std ratio' }];
  })));
  return plot({ name: 'dijets-improvement', caption: "Resolution improvement per leading-pT bin: predicted 1 − ⟨σ'/σ⟩ (solid) and empirical 1 − std(ẑ' − z)/std(ẑ − z) with bootstrap errors (dashed).", spec: seriesChart(points, { xTitle: 'leading jet pT [GeV]', yTitle: 'relative improvement', seriesTitle: 'calibration, form', groupTitle: 'measure', points: true, referenceY: 0 }) });
}

/** Fig. 9: ẑ and ẑ' of the jets in the GEN window. */
function windowBlocks(c: CalibrationStudy, paper: typeof PAPER): Block[] {
  const f0 = c.forms[0];
  if (!f0) return [];
  const w0 = f0.window;
  const hists = [{ series: 'ẑ (before)', edges: w0.recoHistogram.edges, values: w0.recoHistogram.counts }, ...c.forms.map((f) => ({ series: `ẑ' (${f.form})`, edges: f.window.recoCorrectedHistogram.edges, values: f.window.recoCorrectedHistogram.counts }))];
  return [
    plot({ name: `dijets-window-${slug(c.calibration)}`, caption: `Fig. 9: reconstructed pT of the jets with GEN pT ∈ [${w0.genPtGeV.join(', ')}] GeV before (ẑ) and after (ẑ') the correction, ${cal(c.calibration)} calibration.`, spec: histogramChart(hists, { xTitle: 'reconstructed pT [GeV]', yTitle: 'jets', seriesTitle: 'estimate' }) }),
    table({ caption: `Fig. 9 window, ${cal(c.calibration)} calibration`, columns: ['form', 'jets', 'mean ẑ → ẑ\' [GeV]', 'std ẑ → ẑ\' [GeV]', "std(ẑ − z) → std(ẑ' − z) [GeV]", 'improvement', "mean σ → σ' [GeV]", 'snapped'], rows: c.forms.map((f) => {
      const w = f.window;
      return [f.form, w.jets, `${fixed(w.reco.mean)} → ${fixed(w.recoCorrected.mean)}`, `${fixed(w.reco.std)} → ${fixed(w.recoCorrected.std)}`, `${fixed(w.empirical.std)} → ${fixed(w.empirical.stdCorrected)}`, `${pct(w.empirical.improvement, 2)} ± ${pct(w.empirical.improvementError, 2)}`, `${fixed(w.meanSigmaGeV)} → ${fixed(w.meanSigmaCorrectedGeV)}`, f.snappedFraction !== undefined ? pct(f.snappedFraction) : '–'];
    }), note: `Paper (CMS 2011 open simulation), GEN pT ∈ [695, 705] GeV: std ${paper.windowStdGeV.before} → ${paper.windowStdGeV.after} GeV.` }),
  ];
}

function labelBiasTable(r: DijetsResults): Block {
  const rows = r.calibrations.flatMap((c) => c.forms.flatMap((f) => f.labelBias.map((lb) => [cal(c.calibration), f.form, lb.labelling, pm(lb.shift[0].mean, lb.shift[0].meanError, 2), pm(lb.shift[1].mean, lb.shift[1].meanError, 2)])));
  return table({ caption: "Labelling bias: mean shift ẑ' − ẑ per label", columns: ['calibration', 'form', 'labels', 'label 1 [GeV]', 'label 2 [GeV]'], rows, note: 'With random labels both labels shift alike; labelled by GEN pT, label 1 (the harder truth jet) is pulled down and label 2 up.' });
}

function toyBlocks(r: DijetsResults): Block[] {
  const t = r.toy;
  if (!t) return [];
  const scan = (fig: typeof t.fig2, name: string, title: string): Block => {
    const points = fig.flatMap((s) => {
      const series = `x₂ = ${s.inputs.x2}, σ₁ = ${s.inputs.sigma1}, σ₂ = ${s.inputs.sigma2}`;
      return Array.from(s.lambda).flatMap((l, k) => [{ series, x: l, y: s.zhat1[k]!, group: "ẑ'₁" }, { series, x: l, y: s.zhat2[k]!, group: "ẑ'₂" }]);
    });
    return plot({ name, caption: `${title}: corrected estimates ẑ'₁ (solid) and ẑ'₂ (dashed) versus the prior width Λ for x₁ = 2.`, spec: seriesChart(points, { xTitle: 'Λ (units of x)', yTitle: "ẑ'", seriesTitle: 'inputs', groupTitle: 'jet', logX: true }) });
  };
  const grid = (xs: ArrayLike<number>, ys: ArrayLike<number>, v: ArrayLike<number>, logY: boolean): HeatCell[] => {
    const ex = gridEdges(Array.from(xs)), ey = gridEdges(Array.from(ys), logY);
    return Array.from(ys).flatMap((_, i) => Array.from(xs).map((_, j) => ({ x0: ex[j]!, x1: ex[j + 1]!, y0: ey[i]!, y1: ey[i + 1]!, value: v[i * xs.length + j]! })));
  };
  const toyTable = table({ caption: 'Toy labelling bias (σ₁ = σ₂ = 1, Λ = 3)', columns: ['form', 'labels', 'ẑ − z label 1 / 2', "ẑ' − z label 1 / 2", "std(ẑ' − z) label 1 / 2"], rows: t.labellingBias.map((b) => [b.form, b.labelling, `${pm(b.rawShift[0], b.rawShiftError[0], 3)} / ${pm(b.rawShift[1], b.rawShiftError[1], 3)}`, `${pm(b.correctedShift[0], b.correctedShiftError[0], 3)} / ${pm(b.correctedShift[1], b.correctedShiftError[1], 3)}`, `${fixed(b.correctedResidualStd[0], 3)} / ${fixed(b.correctedResidualStd[1], 3)}`]) });
  return [
    plot({ name: 'dijets-toy-fig1', caption: 'Fig. 1: which solution of the exponential prior wins (Eq. 14), versus |x₁ − x₂|/σ and σ/Λ_e.', spec: heatmapChart(grid(t.fig1.deltaOverSigma, t.fig1.sigmaOverLambda, t.fig1.solutionCase, false), { xTitle: '(x₁ − x₂)/σ', yTitle: 'σ/Λ_e', valueTitle: 'solution case', nominal: true }) }),
    scan(t.fig2, 'dijets-toy-fig2', 'Fig. 2 (Gaussian prior)'),
    scan(t.fig3, 'dijets-toy-fig3', 'Fig. 3 (exponential prior)'),
    plot({ name: 'dijets-toy-fig10', caption: "Fig. 10: boosted resonance, z₁·z₂ ~ N(μ, Λ_μ²): resolution ratio σ'/σ versus x₁/√μ and μ/Λ_μ (10 % resolutions, x₂ = √μ).", spec: heatmapChart(grid(t.fig10.x1OverRootMu, t.fig10.muOverLambdaMu, t.fig10.resolutionRatio, true), { xTitle: 'x₁/√μ', yTitle: 'μ/Λ_μ', valueTitle: "σ'/σ", logY: true }) }),
    toyTable,
  ];
}

/** The dijets study's report. */
export function dijetsReport(r: DijetsResults): Report {
  const s = r.sample, o = r.options, paper = r.paper ?? PAPER;
  const head = `${s.selectedEvents} of ${s.simulatedEvents} simulated events selected (${o.detector} detector, pT_hat ∈ [${o.ptHatRangeGeV.join(', ')}] GeV, leading-pT bins ${o.binEdgesGeV.join(', ')} GeV).`
    + (r.ansatzTraining ? ` Gaussian Ansatz per-jet calibration: ${s.trainingJets} training jets, ${r.ansatzTraining.epochs} epochs, I(X;Z) = ${fixed(r.ansatzTraining.mutualInformationNats, 3)} nats.` : ' No Gaussian Ansatz calibration in this run (trainEvents = 0).');
  const sections: Section[] = [
    { title: 'Asymmetry widths (Table I, Fig. 5)', blocks: [text(head), ...lambdaBlocks(r)] },
    {
      title: 'Resolution per bin (Figs. 6–8)',
      blocks: [...r.calibrations.flatMap((c) => [resolutionTable(c, paper), ...ratioPlots(c)]), improvementPlot(r)],
    },
    {
      title: "ẑ' versus ẑ at fixed GEN pT (Fig. 9)",
      blocks: [...r.calibrations.flatMap((c) => windowBlocks(c, paper)), labelBiasTable(r)],
    },
    { title: 'Toy figures (Figs. 1–3, 10)', blocks: toyBlocks(r) },
    {
      title: 'Self-check of the Gaussian Ansatz calibration',
      blocks: selfCheckBlocks(
        r.ansatzTraining?.selfCheck ? { 'Gaussian Ansatz': r.ansatzTraining.selfCheck } : undefined,
        'dijets',
        "the study's jets (both jets of each selected event)",
      ),
    },
  ];
  return {
    title: 'Calibrating two jets at once',
    summary: 'Two jets at once (Gambhir & Nachman, arXiv:2402.14067) on the built-in CMS-like simulator: per-jet calibrations improved with momentum balance, for the exponential and the Gaussian asymmetry prior.',
    run: { study: 'dijets', seed: o.seed, options: o, timingsSeconds: { total: r.seconds, ...(r.ansatzTraining ? { 'Gaussian Ansatz training': r.ansatzTraining.seconds } : {}) } },
    sections: sections.filter((x) => x.blocks.length > 0),
  };
}
