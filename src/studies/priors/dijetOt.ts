/**
 * Data-based calibration of m_jj by 1-D optimal transport (arXiv:2205.05084 Sec. V C, Fig. 7;
 * arXiv:2107.08648): the "fast" detector plays the simulation, the "full" detector the data.
 * h = P_full⁻¹ ∘ P_fast is derived on the QCD training halves and applied to the QCD and BSM test
 * halves. It closes on QCD by construction; on the BSM resonance it does not, because h carries
 * the QCD prior (Eq. (18)). The map the BSM sample would need (derived on BSM-weighted training
 * halves) is kept for comparison, like h_test in Fig. 4.
 */
import { OptimalTransport1D, weightedQuantiles } from '../../baselines/index.js';
import { takeEvents, type DijetEvents } from './dijetSamples.js';
import { histogram, summarize, type Histogram } from './stats.js';

/** One sample (QCD or BSM) before and after the OT calibration, against the "data" (full detector). */
export interface OtSampleResult {
  sample: 'qcd' | 'bsm';
  /** Weighted mean and std of reco m_jj (GeV): fast, OT-calibrated fast, full. */
  fastMeanGeV: number; calibratedMeanGeV: number; fullMeanGeV: number;
  fastStdGeV: number; calibratedStdGeV: number; fullStdGeV: number;
  /** (calibrated mean − full mean)/full mean, and its statistical error. */
  relativeMeanMiss: number;
  relativeMeanMissError: number;
  /** calibrated std / full std − 1, and its statistical error (Gaussian approximation). */
  relativeWidthMiss: number;
  relativeWidthMissError: number;
  /** χ²/ndf of the calibrated-fast against the full histogram (bins with entries in both). */
  chi2PerBin: number;
  bins: number;
  /** Fig. 7: the three histograms of reco m_jj. */
  histograms: { fast: Histogram; calibrated: Histogram; full: Histogram };
}

/**
 * The response at fixed truth near the resonance, which is what the narrow BSM reco spectrum is
 * (its 10 GeV width is far below the m_jj resolution): x/z over all test events with true m_jj
 * within ±`halfWidth` of the resonance mass, OT-calibrated fast against full. Same quantity as
 * the BSM histograms, with several times their effective statistics.
 */
export interface FixedTruthComparison {
  windowGeV: [number, number];
  events: { fast: number; full: number };
  /** mean(h(x_fast)/z)/mean(x_full/z) − 1 and its error. */
  meanMiss: number;
  meanMissError: number;
  /** std(h(x_fast)/z)/std(x_full/z) − 1 and its error; also the fast detector's before calibration. */
  widthMiss: number;
  widthMissError: number;
  fastWidthMiss: number;
}

/** Fig. 7 and the Fig. 4 analogue for dijets. */
export interface DijetOtResult {
  qcd: OtSampleResult;
  bsm: OtSampleResult;
  fixedTruth: FixedTruthComparison;
  /** h_QCD and h_BSM (the map the BSM sample needs) at quantiles of the BSM-weighted fast sample. */
  mapAtBsm: { quantile: number; xFastGeV: number; hQcdGeV: number; hBsmGeV: number }[];
}

/** The samples of one detector: training and test halves, with their QCD weights and BSM weights. */
export interface DetectorHalves {
  train: DijetEvents;
  test: DijetEvents;
  trainBsmWeight: Float64Array;
  testBsmWeight: Float64Array;
}

/** Derives h on the QCD training halves and compares on the test halves. */
export function runDijetOt(fast: DetectorHalves, full: DetectorHalves, window: { qcd: [number, number]; bsm: [number, number]; truthGeV: [number, number] }): DijetOtResult {
  const hQcd = new OptimalTransport1D().fit(fast.train.recoMjjGeV, fast.train.weight, full.train.recoMjjGeV, full.train.weight);
  const hBsm = new OptimalTransport1D().fit(fast.train.recoMjjGeV, fast.trainBsmWeight, full.train.recoMjjGeV, full.trainBsmWeight);
  const calibrated = hQcd.predict(fast.test.recoMjjGeV);
  const qcd = compare('qcd', fast.test.recoMjjGeV, calibrated, fast.test.weight, full.test.recoMjjGeV, full.test.weight, window.qcd, 50);
  const bsm = compare('bsm', fast.test.recoMjjGeV, calibrated, fast.testBsmWeight, full.test.recoMjjGeV, full.testBsmWeight, window.bsm, 30);
  const qs = [0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975];
  const xq = weightedQuantiles(fast.test.recoMjjGeV, qs, fast.testBsmWeight);
  const hq = hQcd.predict(xq), hb = hBsm.predict(xq);
  const fixedTruth = compareAtFixedTruth(fast.test, calibrated, full.test, window.truthGeV);
  return { qcd, bsm, fixedTruth, mapAtBsm: qs.map((quantile, k) => ({ quantile, xFastGeV: xq[k]!, hQcdGeV: hq[k]!, hBsmGeV: hb[k]! })) };
}

function compare(sample: 'qcd' | 'bsm', fastX: Float64Array, calibratedX: Float64Array, fastW: Float64Array, fullX: Float64Array, fullW: Float64Array, range: [number, number], nBins: number): OtSampleResult {
  const f = summarize(fastX, fastW), c = summarize(calibratedX, fastW), d = summarize(fullX, fullW);
  const hist = (v: Float64Array, w: Float64Array): Histogram => histogram(v, range[0], range[1], nBins, w);
  const histograms = { fast: hist(fastX, fastW), calibrated: hist(calibratedX, fastW), full: hist(fullX, fullW) };
  let chi2 = 0, bins = 0;
  histograms.full.density.forEach((dv, b) => {
    const cv = histograms.calibrated.density[b]!, e2 = histograms.full.error[b]! ** 2 + histograms.calibrated.error[b]! ** 2;
    if (dv > 0 && cv > 0) {
      chi2 += (cv - dv) ** 2 / e2;
      bins++;
    }
  });
  return {
    sample,
    fastMeanGeV: f.mean, calibratedMeanGeV: c.mean, fullMeanGeV: d.mean,
    fastStdGeV: f.std, calibratedStdGeV: c.std, fullStdGeV: d.std,
    relativeMeanMiss: c.mean / d.mean - 1,
    relativeMeanMissError: Math.hypot(c.meanError, d.meanError) / d.mean,
    relativeWidthMiss: c.std / d.std - 1,
    relativeWidthMissError: (c.std / d.std) * Math.hypot(c.stdError / c.std, d.stdError / d.std),
    chi2PerBin: bins > 0 ? chi2 / bins : NaN,
    bins,
    histograms,
  };
}

function compareAtFixedTruth(fast: DijetEvents, calibrated: Float64Array, full: DijetEvents, [lo, hi]: [number, number]): FixedTruthComparison {
  const inside = (e: DijetEvents): number[] => Array.from(e.genMjjGeV.keys()).filter((i) => e.genMjjGeV[i]! >= lo && e.genMjjGeV[i]! <= hi);
  const fi = inside(fast), di = inside(full);
  const fastSel = takeEvents(fast, fi), fullSel = takeEvents(full, di);
  const r = (x: ArrayLike<number>, e: DijetEvents): Float64Array => Float64Array.from(e.genMjjGeV, (z, k) => (x[k] as number) / z);
  const c = summarize(r(Float64Array.from(fi, (i) => calibrated[i]!), fastSel), fastSel.weight);
  const f = summarize(r(fastSel.recoMjjGeV, fastSel), fastSel.weight);
  const d = summarize(r(fullSel.recoMjjGeV, fullSel), fullSel.weight);
  return {
    windowGeV: [lo, hi], events: { fast: fi.length, full: di.length },
    meanMiss: c.mean / d.mean - 1, meanMissError: Math.hypot(c.meanError, d.meanError) / d.mean,
    widthMiss: c.std / d.std - 1, widthMissError: (c.std / d.std) * Math.hypot(c.stdError / c.std, d.stdError / d.std),
    fastWidthMiss: f.std / d.std - 1,
  };
}
