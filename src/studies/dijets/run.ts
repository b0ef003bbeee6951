/**
 * The two-jets-at-once study (Gambhir & Nachman, "Calibrating two jets at once",
 * arXiv:2402.14067) on the built-in CMS-like simulator: toy figures, Table I, Figs. 6–10, with the
 * CMS-like baseline and a Gaussian Ansatz as the per-jet calibration.
 */
import type { AsymmetryForm } from '../../dijets/index.js';
import { simulateDijets } from '../../sim/index.js';
import {
  ansatzCalibration,
  cmsLikeCalibration,
  jetFeatures,
  type PerJetCalibration,
  trainJetAnsatz,
} from './calibrations.js';
import type { SelfCheck } from '../../ansatz/selfCheck.js';
import { correctDijets } from './correction.js';
import { type DijetSample, selectDijets } from './events.js';
import { labelBias, type LabelBias } from './labelBias.js';
import { fitLambdaTable, lambdaPerEvent, type LambdaTable } from './lambdaTable.js';
import { type DijetsStudyOptions, resolveDijetsOptions } from './options.js';
import { PAPER } from './paper.js';
import { binResolutions, type BinResolution } from './resolution.js';
import { TOY_GRID, TOY_GRID_QUICK, toyFigures, type ToyFigures } from './toys.js';
import { genWindow, type GenWindow } from './window.js';

/** Results of one form of the correction on one per-jet calibration. */
export interface FormStudy {
  readonly form: AsymmetryForm;
  /** Per leading-pT bin, then the inclusive row (Figs. 6–8). */
  readonly bins: BinResolution[];
  /** Fig. 9. */
  readonly window: GenWindow;
  /** Per-label shifts: random labels (used) and GEN-ordered labels (the bias demonstration). */
  readonly labelBias: LabelBias[];
  /** Exponential form: fraction of events that snapped to the weighted average. */
  readonly snappedFraction?: number;
}

export interface CalibrationStudy {
  readonly calibration: PerJetCalibration['name'];
  /** Fig. 9's window before any correction is the same for both forms: see forms[k].window.reco. */
  readonly forms: FormStudy[];
}

export interface DijetsResults {
  readonly options: Omit<DijetsStudyOptions, 'onProgress' | 'onEpoch'>;
  readonly seconds: number;
  readonly sample: { simulatedEvents: number; selectedEvents: number; trainingJets: number };
  /** Table I: exponential, then Gaussian. */
  readonly lambdaTables: LambdaTable[];
  /** 'cms-like', then 'gaussian-ansatz' (when trainEvents > 0). */
  readonly calibrations: CalibrationStudy[];
  readonly ansatzTraining?: {
    mutualInformationNats: number;
    epochs: number;
    samplesPerSecond: number;
    seconds: number;
    selfCheck?: SelfCheck;
  };
  readonly toy: ToyFigures;
  readonly paper: typeof PAPER;
}

function studyCalibration(
  sample: DijetSample, cal: PerJetCalibration, tables: LambdaTable[], o: DijetsStudyOptions,
): CalibrationStudy {
  const forms = tables.map((table, k): FormStudy => {
    const lambda = lambdaPerEvent(sample, table);
    const corr = correctDijets(cal, lambda, table.form, o.seed + 100 + k);
    return {
      form: table.form,
      bins: binResolutions(sample, cal, corr, lambda, o.binEdgesGeV, o.seed + 200),
      window: genWindow(sample, cal, corr, o.genWindowGeV, o.seed + 300),
      labelBias: [labelBias(sample, cal, corr, 'random'), labelBias(sample, cal, corr, 'gen-ordered')],
      ...(corr.snappedFraction !== undefined ? { snappedFraction: corr.snappedFraction } : {}),
    };
  });
  return { calibration: cal.name, forms };
}

/**
 * Runs the study. Jets are labelled at random before every correction; leading/subleading (by
 * corrected SIM pT) only bins events and names the plotted jets. Each event is corrected with the
 * Λ fitted in its own leading-pT bin; the inclusive rows collect those same corrected events.
 *
 * @example
 * const results = await runDijetsStudy({ quick: true, seed: 1 });
 * results.calibrations[0].forms[1].window.empirical; // std of ẑ − z before/after at GEN pT 700 GeV
 */
export async function runDijetsStudy(opts: Partial<DijetsStudyOptions> = {}): Promise<DijetsResults> {
  const o = resolveDijetsOptions(opts);
  const say = o.onProgress ?? (() => {});
  const t0 = performance.now();
  say('toy model figures (Figs. 1–3) and the boosted-resonance scan (Fig. 10) …');
  const toy = toyFigures(o.quick ? TOY_GRID_QUICK : TOY_GRID, o.seed);
  const edges = o.binEdgesGeV;
  const cuts = { leadingPtGeV: [edges[0]!, edges[edges.length - 1]!] as const, minJetPtGeV: o.minJetPtGeV, maxAbsEta: 2.4 };
  say(`simulating ${o.events} dijet events (${o.detector} detector, QCD spectrum) …`);
  const mod = simulateDijets({ events: o.events, seed: o.seed, detector: o.detector, spectrum: 'qcd', ptRangeGeV: o.ptHatRangeGeV });
  const sample = selectDijets(mod, cuts);
  say(`${sample.events} events pass the cuts; fitting Λ_e and Λ per leading-pT bin (Table I) …`);
  const tables = (['exponential', 'gaussian'] as const).map((form) => fitLambdaTable(sample, edges, form, { seed: o.seed, bootstrap: o.bootstrap, method: o.lambdaMethod }));
  const calibrations = [studyCalibration(sample, cmsLikeCalibration(sample, o.cms), tables, o)];
  let ansatzTraining: DijetsResults['ansatzTraining'];
  let trainingJets = 0;
  if (o.trainEvents > 0) {
    say(`simulating ${o.trainEvents} training events (flat spectrum) and training a Gaussian Ansatz per-jet calibration …`);
    const trainMod = simulateDijets({ events: o.trainEvents, seed: o.seed + 1_000_003, detector: o.detector, spectrum: 'flat', ptRangeGeV: [400, 1300] });
    const training = selectDijets(trainMod, { leadingPtGeV: [0, Infinity], minJetPtGeV: 0, maxAbsEta: 2.4 });
    trainingJets = 2 * training.events;
    const t1 = performance.now();
    const model = await trainJetAnsatz(training, { seed: o.seed, ...o.ansatz }, o.onEpoch);
    const fit = model.fitResult_!;
    const jets = jetFeatures(sample);
    // the self-check on the study's own jets, both of each event, in 5 bins of GEN pT
    const selfCheck = model.selfCheck(
      { data: jets.x, rows: jets.rows, cols: 2 },
      { data: jets.z, rows: jets.rows, cols: 1 },
    );
    ansatzTraining = {
      mutualInformationNats: fit.mutualInformationNats,
      epochs: model.history_.length,
      samplesPerSecond: fit.samplesPerSecond,
      seconds: (performance.now() - t1) / 1000,
      selfCheck,
    };
    calibrations.push(studyCalibration(sample, ansatzCalibration(model, sample), tables, o));
  }
  const { onProgress: _p, onEpoch: _e, ...options } = o;
  return {
    options,
    seconds: (performance.now() - t0) / 1000,
    sample: { simulatedEvents: o.events, selectedEvents: sample.events, trainingJets },
    lambdaTables: tables,
    calibrations,
    ...(ansatzTraining ? { ansatzTraining } : {}),
    toy,
    paper: PAPER,
  };
}
