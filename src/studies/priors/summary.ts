/** The key figures of the prior study, as lines for people. */
import type { PriorsResults } from './run.js';

const f = (v: number, d = 3): string => (Number.isFinite(v) ? v.toFixed(d) : 'NaN');
const pct = (v: number, d = 2): string => `${f(100 * v, d)} %`;

/** Summary lines: Gaussian slopes and OT maps against the analytic values; the dijet Figs. 6–7. */
export function summarizePriors(r: PriorsResults): string[] {
  const lines: string[] = ['Gaussian example (arXiv:2205.05084 Figs. 1–2): fitted vs analytic'];
  for (const { varied, result } of r.gaussian) {
    const { mu, sigma, epsilon } = result.prior, l = result.lines;
    lines.push(`  μ=${mu} σ=${sigma} ε=${epsilon} (${varied}): MSE slope ${f(l.mseSlope)} (${f(l.mseSlopeAnalytic)}), intercept ${f(l.mseIntercept)} (${f(l.mseInterceptAnalytic)}), bias slope ${f(l.mseBiasSlope)} (${f(l.mseBiasSlopeAnalytic)}); Gaussian Ansatz slope ${f(l.gaSlope)} (1), intercept ${f(l.gaIntercept)} (0), bias slope ${f(l.gaBiasSlope)} (0), mean σ̂ ${f(l.gaMeanSigma)} (${f(epsilon)})`);
  }
  const ot = r.gaussianOt, o = ot.options;
  lines.push(`Gaussian OT (Figs. 3–4), σ=${o.sigma} ε_sim=${o.epsilonSim} ε_data=${o.epsilonData}, μ_train=${o.muTrain} μ_test=${o.muTest}:`);
  lines.push(`  h_train slope ${f(ot.trainMap.slope)} (α=${f(ot.trainMap.slopeAnalytic)}), offset ${f(ot.trainMap.offset)} (${f(ot.trainMap.offsetAnalytic)}); h_test slope ${f(ot.testMap.slope)} (${f(ot.testMap.slopeAnalytic)}), offset ${f(ot.testMap.offset)} (${f(ot.testMap.offsetAnalytic)})`);
  lines.push(`  h_train on the test sample misses the data median by ${f(ot.missTest)} ± ${f(ot.missTestError)} (analytic ${f(ot.missTestAnalytic)}); closure on the training sample ${f(ot.closureTrain)}`);
  const d = r.dijets, s = d.samples;
  lines.push(`Dijets (Figs. 6–7): QCD pT_hat ∈ [${r.options.dijets.ptRangeGeV.join(', ')}] GeV ∝ pT^−${r.options.dijets.qcdPower}; ${s.events.fullTrain} train / ${s.events.fullTest} test events (full detector); BSM = QCD test events reweighted to N(${r.options.dijets.resonance.massGeV}, ${r.options.dijets.resonance.widthGeV}) GeV on the true m_jj, ${f(s.bsmEffectiveEvents.full, 0)} effective events`);
  lines.push(`  true m_jj spectrum at the resonance: d ln p/dm = ${s.spectrumLogSlopePerGeV.toExponential(3)} /GeV (local power ${f(s.spectrumLocalPower, 2)}); m_jj resolution ${pct(s.relativeResolution)}`);
  for (const sample of ['qcd', 'bsm'] as const) {
    const parts = d.calibration.ratios.filter((x) => x.sample === sample).map((x) => `${x.method} ${f(x.meanRatio, 4)} ± ${f(x.meanRatioError, 4)} (std ${f(x.stdRatio, 4)})`);
    lines.push(`  ${sample.toUpperCase()} mean calibrated/true m_jj: ${parts.join('; ')}`);
  }
  const pd = d.calibration.bsmMseMinusAnsatz;
  lines.push(`  BSM, event by event: (MSE − Gaussian Ansatz)/true = ${pct(pd.mean, 3)} ± ${pct(pd.error, 3)} (Gaussian-response expectation r²·m·d ln p/dm = ${pct(d.expectedMseMinusAnsatz, 3)})`);
  for (const x of [d.ot.qcd, d.ot.bsm]) {
    lines.push(`  OT fast→full derived on QCD, on ${x.sample.toUpperCase()}: mean miss ${pct(x.relativeMeanMiss, 3)} ± ${pct(x.relativeMeanMissError, 3)}, width miss ${pct(x.relativeWidthMiss)} ± ${pct(x.relativeWidthMissError)}, χ²/bin ${f(x.chi2PerBin, 2)} (${x.bins} bins); fast before calibration: mean ${pct(x.fastMeanGeV / x.fullMeanGeV - 1)}, width ${pct(x.fastStdGeV / x.fullStdGeV - 1)}`);
  }
  const ft = d.ot.fixedTruth;
  lines.push(`  OT at fixed truth (true m_jj ∈ [${ft.windowGeV.map((v) => f(v, 0)).join(', ')}] GeV, ${ft.events.fast}/${ft.events.full} fast/full events, x/z): mean miss ${pct(ft.meanMiss, 3)} ± ${pct(ft.meanMissError, 3)}, width miss ${pct(ft.widthMiss)} ± ${pct(ft.widthMissError)} (fast before calibration ${pct(ft.fastWidthMiss)})`);
  lines.push(`  OT map at BSM quantiles (x_fast → h_QCD vs h_BSM, GeV): ${d.ot.mapAtBsm.map((m) => `${f(m.xFastGeV, 0)}→${f(m.hQcdGeV, 0)}/${f(m.hBsmGeV, 0)}`).join(', ')}`);
  return lines;
}
