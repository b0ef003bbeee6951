/**
 * Fig. 9 of Gambhir & Nachman (arXiv:2402.14067): the reconstructed pT ẑ and the corrected ẑ' of
 * every jet (leading or subleading) whose GEN pT lies in a narrow window, e.g. [695, 705] GeV.
 * The paper reads the standard deviation as the average resolution: 40.1 → ≈ 37.5 GeV.
 */
import type { PerJetCalibration } from './calibrations.js';
import type { CorrectedJets } from './correction.js';
import type { DijetSample } from './events.js';
import { difference, histogram, type Histogram, meanStd, type MeanStd, pairedSpread, type PairedSpread } from './stats.js';

/** Statistics of ẑ and ẑ' in the GEN-pT window. */
export interface GenWindow {
  readonly genPtGeV: readonly [number, number];
  readonly jets: number;
  /** ẑ and ẑ' (GeV): mean, standard deviation (the empirical resolution) and standard error. */
  readonly reco: MeanStd;
  readonly recoCorrected: MeanStd;
  /** Paired empirical spreads of ẑ − z and ẑ' − z with the bootstrap error of the improvement. */
  readonly empirical: PairedSpread;
  /** Mean predicted σ and σ' of the same jets, GeV. */
  readonly meanSigmaGeV: number;
  readonly meanSigmaCorrectedGeV: number;
  readonly recoHistogram: Histogram;
  readonly recoCorrectedHistogram: Histogram;
}

/** Fig. 9 for one calibration and form; histograms span GEN centre ± 200 GeV in 40 bins. */
export function genWindow(
  sample: DijetSample, cal: PerJetCalibration, corr: CorrectedJets, windowGeV: readonly [number, number], seed: number,
): GenWindow {
  const reco: number[] = [], recoC: number[] = [], truth: number[] = [], sigma: number[] = [], sigmaC: number[] = [];
  for (let e = 0; e < sample.events; e++) {
    for (const j of [0, 1] as const) {
      const g = sample.genPtGeV[j][e]!;
      if (g < windowGeV[0] || g > windowGeV[1]) continue;
      reco.push(cal.zhatGeV[j][e]!);
      recoC.push(corr.zhatGeV[j][e]!);
      truth.push(g);
      sigma.push(cal.sigmaGeV[j][e]!);
      sigmaC.push(corr.sigmaGeV[j][e]!);
    }
  }
  const centre = 0.5 * (windowGeV[0] + windowGeV[1]);
  const z = Float64Array.from(truth), zhat = Float64Array.from(reco), zhatC = Float64Array.from(recoC);
  return {
    genPtGeV: windowGeV,
    jets: reco.length,
    reco: meanStd(zhat),
    recoCorrected: meanStd(zhatC),
    empirical: pairedSpread(difference(zhat, z), difference(zhatC, z), seed),
    meanSigmaGeV: meanStd(sigma).mean,
    meanSigmaCorrectedGeV: meanStd(sigmaC).mean,
    recoHistogram: histogram(zhat, centre - 200, centre + 200, 40),
    recoCorrectedHistogram: histogram(zhatC, centre - 200, centre + 200, 40),
  };
}
