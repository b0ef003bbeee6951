import { binnedMeanStd } from '../../baselines/index.js';

/** Per-jet estimates of one calibration on the test jets. */
export interface JetEstimates {
  name: string;
  zHatGeV: Float64Array;
  sigmaGeV: Float64Array;
}

/** Mean ± spread of ẑ and σ̂ in the GEN window, pulls and ±1σ̂ coverage (Table I of the letter, plus the checks the reference never made). */
export interface WindowSummary {
  name: string;
  jets: number;
  meanZHatGeV: number;
  spreadZHatGeV: number;
  meanSigmaGeV: number;
  spreadSigmaGeV: number;
  /** std of (ẑ − z): the resolution actually achieved. */
  residualStdGeV: number;
  pullMean: number;
  pullWidth: number;
  coverage1Sigma: number;
  mutualInformationNats: number | null;
}

const mean = (a: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s / a.length;
};
const std = (a: ArrayLike<number>): number => {
  const m = mean(a);
  return Math.sqrt(mean(Array.from(a, (v) => (v - m) ** 2)));
};

export function summarizeWindow(e: JetEstimates, genPtGeV: Float64Array, windowGeV: [number, number], mi: number | null): WindowSummary {
  const idx = [...genPtGeV.keys()].filter((i) => genPtGeV[i]! >= windowGeV[0] && genPtGeV[i]! <= windowGeV[1]);
  const zh = idx.map((i) => e.zHatGeV[i]!), sg = idx.map((i) => e.sigmaGeV[i]!);
  const pulls = idx.map((i) => (e.zHatGeV[i]! - genPtGeV[i]!) / e.sigmaGeV[i]!);
  return {
    name: e.name, jets: idx.length,
    meanZHatGeV: mean(zh), spreadZHatGeV: std(zh), meanSigmaGeV: mean(sg), spreadSigmaGeV: std(sg),
    residualStdGeV: std(idx.map((i) => e.zHatGeV[i]! - genPtGeV[i]!)),
    pullMean: mean(pulls), pullWidth: std(pulls), coverage1Sigma: pulls.filter((p) => Math.abs(p) <= 1).length / Math.max(1, pulls.length),
    mutualInformationNats: mi,
  };
}

/** JEC closure and JER versus GEN pT: per bin the mean of ẑ/z − 1, the std of ẑ/z and the mean σ̂/z. */
export interface BinnedCurves {
  name: string;
  centersGeV: number[];
  closure: number[];
  resolution: number[];
  meanSigmaOverPt: number[];
}

export function binnedCurves(e: JetEstimates, genPtGeV: Float64Array, edgesGeV: number[]): BinnedCurves {
  const ratio = Float64Array.from(genPtGeV, (z, i) => e.zHatGeV[i]! / z);
  const rel = Float64Array.from(genPtGeV, (z, i) => e.sigmaGeV[i]! / z);
  const r = binnedMeanStd(ratio, genPtGeV, edgesGeV), s = binnedMeanStd(rel, genPtGeV, edgesGeV);
  return {
    name: e.name,
    centersGeV: edgesGeV.slice(0, -1).map((lo, b) => 0.5 * (lo + edgesGeV[b + 1]!)),
    closure: Array.from(r.mean, (m) => m - 1), resolution: Array.from(r.std), meanSigmaOverPt: Array.from(s.mean),
  };
}
