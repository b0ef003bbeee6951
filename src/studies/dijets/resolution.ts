/**
 * Per-bin resolution results of the dijets study (Gambhir & Nachman, arXiv:2402.14067, Figs. 6–8,
 * Eqs. 23–24): predicted σ and σ' distributions, their ratio, and the empirical spread of the
 * residuals ẑ − z and ẑ' − z against the GEN pT (which Eq. 17 does not promise to match).
 */
import { quadratureImprovement, resolutionRatio } from '../../dijets/index.js';
import type { PerJetCalibration } from './calibrations.js';
import type { CorrectedJets } from './correction.js';
import type { DijetSample } from './events.js';
import { difference, histogram, type Histogram, meanStd, type MeanStd, pairedSpread, type PairedSpread, pick, quantiles, type Quantiles } from './stats.js';

/** Histogram ranges shared by every bin so that curves overlay (Figs. 6–8). */
export const SIGMA_HIST = { lo: 0, hi: 80, bins: 80 } as const;
export const RATIO_HIST = { lo: 0.6, hi: 1.05, bins: 90 } as const;

/** Results for the leading or the subleading jets of one bin. */
export interface JetResolution {
  readonly jets: number;
  /** Mean predicted σ and σ', GeV. */
  readonly meanSigmaGeV: number;
  readonly meanSigmaCorrectedGeV: number;
  /** σ'/σ per jet: mean, spread and quantiles (Fig. 8's violins). */
  readonly ratio: MeanStd & Quantiles;
  /** 1 − mean σ'/σ: the paper's "relative improvement" (3–5 %). */
  readonly relativeImprovement: number;
  /** Mean of sqrt(σ² − σ'²)/σ (Eq. 24; paper ≈ 35 %). */
  readonly quadratureImprovement: number;
  /** Empirical: std of ẑ − z and ẑ' − z (GeV) and 1 − their ratio, with a paired bootstrap error. */
  readonly empirical: PairedSpread;
  /** Mean ẑ − z and ẑ' − z, GeV, with standard errors. */
  readonly meanResidual: MeanStd;
  readonly meanResidualCorrected: MeanStd;
  readonly sigmaHistogram: Histogram;
  readonly sigmaCorrectedHistogram: Histogram;
  readonly ratioHistogram: Histogram;
}

/** One leading-pT bin (or the inclusive row) of one calibration and form. */
export interface BinResolution {
  readonly ptLowGeV: number;
  readonly ptHighGeV: number;
  readonly events: number;
  /** Mean width used for the bin's events, GeV. */
  readonly lambdaGeV: number;
  readonly leading: JetResolution;
  readonly subleading: JetResolution;
  /** Both jets of every event pooled, regardless of label (as in Fig. 9). */
  readonly all: JetResolution;
}

/** The per-jet columns of one selection of jets: predicted σ, σ', and residuals ẑ − z, ẑ' − z (GeV). */
interface SelectedJets {
  sigma: Float64Array;
  sigmaC: Float64Array;
  residual: Float64Array;
  residualC: Float64Array;
}

function selectJets(sample: DijetSample, cal: PerJetCalibration, corr: CorrectedJets, jets: ReadonlyArray<0 | 1>, events: Int32Array): SelectedJets {
  const gather = (cols: readonly [Float64Array, Float64Array]): Float64Array => {
    const out = new Float64Array(jets.length * events.length);
    jets.forEach((j, k) => out.set(pick(cols[j], events), k * events.length));
    return out;
  };
  const truth = gather(sample.genPtGeV);
  return {
    sigma: gather(cal.sigmaGeV),
    sigmaC: gather(corr.sigmaGeV),
    residual: difference(gather(cal.zhatGeV), truth),
    residualC: difference(gather(corr.zhatGeV), truth),
  };
}

function jetResolution({ sigma, sigmaC, residual, residualC }: SelectedJets, seed: number): JetResolution {
  const ratio = resolutionRatio(sigma, sigmaC);
  const ratioStats = meanStd(ratio);
  return {
    jets: sigma.length,
    meanSigmaGeV: meanStd(sigma).mean,
    meanSigmaCorrectedGeV: meanStd(sigmaC).mean,
    ratio: { ...ratioStats, ...quantiles(ratio) },
    relativeImprovement: 1 - ratioStats.mean,
    quadratureImprovement: meanStd(quadratureImprovement(sigma, sigmaC)).mean,
    empirical: pairedSpread(residual, residualC, seed),
    meanResidual: meanStd(residual),
    meanResidualCorrected: meanStd(residualC),
    sigmaHistogram: histogram(sigma, SIGMA_HIST.lo, SIGMA_HIST.hi, SIGMA_HIST.bins),
    sigmaCorrectedHistogram: histogram(sigmaC, SIGMA_HIST.lo, SIGMA_HIST.hi, SIGMA_HIST.bins),
    ratioHistogram: histogram(ratio, RATIO_HIST.lo, RATIO_HIST.hi, RATIO_HIST.bins),
  };
}

/** Events whose leading (corrected SIM) pT lies in [lo, hi). */
export function eventsInBin(sample: DijetSample, lo: number, hi: number): Int32Array {
  const out: number[] = [];
  sample.recoPtGeV[0].forEach((pt, e) => {
    if (pt >= lo && pt < hi) out.push(e);
  });
  return Int32Array.from(out);
}

/**
 * Resolution results per bin [edges[k], edges[k+1]) and, last, the inclusive row over the outer
 * edges. `lambdaGeV` is the per-event width the correction used.
 */
export function binResolutions(
  sample: DijetSample, cal: PerJetCalibration, corr: CorrectedJets, lambdaGeV: Float64Array, edgesGeV: readonly number[], seed: number,
): BinResolution[] {
  const ranges: Array<[number, number]> = edgesGeV.slice(0, -1).map((lo, k) => [lo, edgesGeV[k + 1]!]);
  ranges.push([edgesGeV[0]!, edgesGeV[edgesGeV.length - 1]!]);
  return ranges.map(([lo, hi], k) => {
    const events = eventsInBin(sample, lo, hi);
    return {
      ptLowGeV: lo,
      ptHighGeV: hi,
      events: events.length,
      lambdaGeV: meanStd(pick(lambdaGeV, events)).mean,
      leading: jetResolution(selectJets(sample, cal, corr, [0], events), seed + 3 * k),
      subleading: jetResolution(selectJets(sample, cal, corr, [1], events), seed + 3 * k + 1),
      all: jetResolution(selectJets(sample, cal, corr, [0, 1], events), seed + 3 * k + 2),
    };
  });
}
