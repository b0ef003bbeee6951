/** Plain-text summary of the dijets study beside the paper's numbers (for the CLI and notes). */
import { PAPER } from './paper.js';
import type { DijetsResults } from './run.js';

const pct = (v: number, digits = 1): string => `${(100 * v).toFixed(digits)} %`;
const gev = (v: number): string => v.toFixed(1);

/** Table I, ours beside the paper's. */
function lambdaLines(r: DijetsResults): string[] {
  const lines = [`Table I: asymmetry widths fitted (${r.options.lambdaMethod === 'ml' ? 'maximum likelihood' : 'histogram MSE'}) to GEN pT1 − pT2 (random labels), GeV  [paper]`];
  for (const t of r.lambdaTables) {
    const key = t.form === 'exponential' ? 'lambdaExponentialGeV' : 'lambdaGaussianGeV';
    for (const row of [...t.bins, t.inclusive]) {
      const paper = PAPER.lambdaTable.find((p) => p.ptLowGeV === row.ptLowGeV && p.ptHighGeV === row.ptHighGeV);
      lines.push(`  ${t.form.padEnd(11)} [${row.ptLowGeV}, ${row.ptHighGeV}]  n=${String(row.n).padStart(6)}  Λ=${gev(row.lambda)} ± ${gev(row.lambdaError)}  Λ/pT=${row.lambdaOverCentralPt.toFixed(3)}${paper ? `  [${paper[key]}]` : ''}`);
    }
  }
  return lines;
}

/** Per calibration and form: per-bin improvements (predicted and empirical) and Fig. 9's window. */
function resolutionLines(r: DijetsResults): string[] {
  const lines: string[] = [];
  for (const c of r.calibrations) {
    for (const f of c.forms) {
      lines.push(`${c.calibration}, ${f.form} correction${f.snappedFraction !== undefined ? ` (snapped ${pct(f.snappedFraction)} of events)` : ''}:`);
      lines.push('  bin [GeV]      jets   mean σ → σ\' (GeV)   1−σ\'/σ lead/sub   quad.   empirical std(ẑ−z) → std(ẑ\'−z), all jets');
      for (const b of f.bins) {
        const a = b.all;
        lines.push(`  [${b.ptLowGeV}, ${b.ptHighGeV}]`.padEnd(15) + `${String(a.jets).padStart(6)}   ${gev(a.meanSigmaGeV)} → ${gev(a.meanSigmaCorrectedGeV)}`.padEnd(26)
          + `${pct(b.leading.relativeImprovement)} / ${pct(b.subleading.relativeImprovement)}`.padEnd(20) + `${pct(a.quadratureImprovement, 0)}`.padEnd(8)
          + `${gev(a.empirical.std)} → ${gev(a.empirical.stdCorrected)}  (${pct(a.empirical.improvement, 2)} ± ${pct(a.empirical.improvementError, 2)})`);
      }
      const w = f.window;
      lines.push(`  GEN pT ∈ [${w.genPtGeV[0]}, ${w.genPtGeV[1]}] GeV, ${w.jets} jets: mean ẑ ${gev(w.reco.mean)} → ${gev(w.recoCorrected.mean)}, std ẑ ${gev(w.reco.std)} → ${gev(w.recoCorrected.std)} GeV,`
        + ` std(ẑ−z) ${gev(w.empirical.std)} → ${gev(w.empirical.stdCorrected)} GeV (${pct(w.empirical.improvement, 2)} ± ${pct(w.empirical.improvementError, 2)}); mean σ ${gev(w.meanSigmaGeV)} → ${gev(w.meanSigmaCorrectedGeV)} GeV`);
      for (const lb of f.labelBias) {
        lines.push(`  ${lb.labelling} labels: mean shift ẑ'−ẑ label 1 ${lb.shift[0].mean.toFixed(2)} ± ${lb.shift[0].meanError.toFixed(2)}, label 2 ${lb.shift[1].mean.toFixed(2)} ± ${lb.shift[1].meanError.toFixed(2)} GeV`);
      }
    }
  }
  lines.push(`paper: 1 − σ'/σ ≈ ${pct(PAPER.relativeImprovement[0], 0)}–${pct(PAPER.relativeImprovement[1], 0)} per bin, quadrature ≈ ${pct(PAPER.quadratureImprovement, 0)}; GEN pT 700 GeV std ${PAPER.windowStdGeV.before} → ${PAPER.windowStdGeV.after} GeV`);
  return lines;
}

/** The summary as lines of text. */
export function summarizeDijets(r: DijetsResults): string[] {
  const head = [`dijets study: ${r.sample.selectedEvents} of ${r.sample.simulatedEvents} simulated events selected; ${r.seconds.toFixed(0)} s`];
  if (r.ansatzTraining) {
    const t = r.ansatzTraining;
    head.push(`Gaussian Ansatz per-jet calibration: ${r.sample.trainingJets} training jets, ${t.epochs} epochs, I(X;Z) = ${t.mutualInformationNats.toFixed(3)} nats, ${t.seconds.toFixed(1)} s`);
  }
  return [...head, ...lambdaLines(r), ...resolutionLines(r)];
}
