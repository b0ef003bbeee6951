/** The dijet half of the prior study (arXiv:2205.05084 Sec. V): samples, Fig. 6 and Fig. 7. */
import type { EpochReport } from '../../train/fit.js';
import { bsmWeights, effectiveEvents, localLogSlope, slopeWindowGeV } from './bsmWeights.js';
import { runDijetCalibration, type DijetCalibrationResult } from './dijetCalibration.js';
import { runDijetOt, type DetectorHalves, type DijetOtResult } from './dijetOt.js';
import { simulateQcd, splitHalves, type DijetEvents } from './dijetSamples.js';
import type { DijetPartOptions } from './options.js';
import { ratio, summarize } from './stats.js';

/** Sizes and spectrum facts of the samples. */
export interface DijetSampleFacts {
  /** Matched events per half: full/fast × train/test. */
  events: { fullTrain: number; fullTest: number; fastTrain: number; fastTest: number };
  /** Kish effective number of BSM events in each test half. */
  bsmEffectiveEvents: { full: number; fast: number };
  /** Local log-slope b = d ln p_QCD/dm of the true m_jj spectrum at the resonance (1/GeV), and n_eff = −b·m. */
  spectrumLogSlopePerGeV: number;
  spectrumLocalPower: number;
  /** Relative resolution r = std(x/z)/mean(x/z) of the full detector on the BSM sample. */
  relativeResolution: number;
  simulationSeconds: number;
}

/** What the dijet part returns. */
export interface DijetPartResult {
  samples: DijetSampleFacts;
  calibration: DijetCalibrationResult;
  /**
   * Expected (f_MSE − ẑ_GA)/z on the BSM sample for a Gaussian response: E[z|x] − ẑ_ML ≈
   * σ_z²·d ln p/dz, i.e. r²·m·b in ratio units (compare calibration.bsmMseMinusAnsatz).
   */
  expectedMseMinusAnsatz: number;
  ot: DijetOtResult;
}

/** Simulates both detectors, trains and compares the calibrations, and runs the OT calibration. */
export async function runDijetPart(o: DijetPartOptions, seed: number, onProgress: (line: string) => void, onEpoch?: (r: EpochReport) => void): Promise<DijetPartResult> {
  const t0 = performance.now();
  onProgress(`dijets: simulating ${o.events} QCD events with the full detector`);
  const full = simulateQcd({ events: o.events, seed, ptRangeGeV: o.ptRangeGeV, qcdPower: o.qcdPower }, 'full');
  onProgress(`dijets: simulating ${o.events} QCD events with the fast detector`);
  const fast = simulateQcd({ events: o.events, seed: seed + 1, ptRangeGeV: o.ptRangeGeV, qcdPower: o.qcdPower }, 'fast');
  const simulationSeconds = (performance.now() - t0) / 1000;
  // The truth spectrum is the generator's, the same for both detectors: its slope uses every event.
  const allGen = Float64Array.from([...full.genMjjGeV, ...fast.genMjjGeV]), allW = Float64Array.from([...full.weight, ...fast.weight]);
  const slope = localLogSlope(allGen, allW, o.resonance.massGeV, slopeWindowGeV(o.resonance)).slopePerGeV;
  const halves = (e: DijetEvents, s: number): DetectorHalves => {
    const { train, test } = splitHalves(e, s);
    return { train, test, trainBsmWeight: bsmWeights(train.genMjjGeV, train.weight, o.resonance, slope), testBsmWeight: bsmWeights(test.genMjjGeV, test.weight, o.resonance, slope) };
  };
  const fullH = halves(full, seed + 2), fastH = halves(fast, seed + 3);
  onProgress(`dijets: training the MSE network and the Gaussian Ansatz on ${fullH.train.genMjjGeV.length} QCD events`);
  const calibration = await runDijetCalibration(fullH.train, fullH.test, fullH.testBsmWeight, { mse: o.mse, ansatz: o.ansatz, seed, onEpoch }, o.massEdgesGeV);
  const raw = summarize(ratio(fullH.test.recoMjjGeV, fullH.test.genMjjGeV), fullH.testBsmWeight);
  const r = raw.std / raw.mean;
  onProgress('dijets: optimal-transport calibration fast → full');
  const m0 = o.resonance.massGeV;
  const ot = runDijetOt(fastH, fullH, { qcd: [1500, 5000], bsm: [m0 * 0.85, m0 * 1.15], truthGeV: [m0 * 0.95, m0 * 1.05] });
  return {
    samples: {
      events: { fullTrain: fullH.train.genMjjGeV.length, fullTest: fullH.test.genMjjGeV.length, fastTrain: fastH.train.genMjjGeV.length, fastTest: fastH.test.genMjjGeV.length },
      bsmEffectiveEvents: { full: effectiveEvents(fullH.testBsmWeight), fast: effectiveEvents(fastH.testBsmWeight) },
      spectrumLogSlopePerGeV: slope, spectrumLocalPower: -slope * m0, relativeResolution: r, simulationSeconds,
    },
    calibration,
    expectedMseMinusAnsatz: r * r * m0 * slope,
    ot,
  };
}
