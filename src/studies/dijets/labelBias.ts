/**
 * Does the correction add bias? (Gambhir & Nachman, arXiv:2402.14067, Eq. 11 and Sec. II A.)
 * The per-jet corrections are symmetric under exchanging the jets, so labels only decide which
 * jets are averaged together: per label, the mean shift ẑ' − ẑ and the residual ẑ' − z.
 * With random labels the two labels are exchangeable (equal shifts); labelled by GEN pT, label 1
 * (the harder truth jet) is pulled down and label 2 up.
 */
import { applySwaps } from '../../dijets/index.js';
import type { PerJetCalibration } from './calibrations.js';
import type { CorrectedJets } from './correction.js';
import type { DijetSample } from './events.js';
import { difference, meanStd, type MeanStd } from './stats.js';

/** How the two jets are labelled 1 and 2. */
export type StudyLabelling = 'random' | 'gen-ordered';

/** Per label [1, 2]: the mean correction shift ẑ' − ẑ and the mean residuals, GeV. */
export interface LabelBias {
  readonly labelling: StudyLabelling;
  readonly shift: [MeanStd, MeanStd];
  readonly residual: [MeanStd, MeanStd];
  readonly residualCorrected: [MeanStd, MeanStd];
}

/**
 * Per-label statistics over all events. 'random' uses the labelling the correction was made
 * with (`corr.swapped`); 'gen-ordered' makes label 1 the jet with the larger GEN pT.
 */
export function labelBias(sample: DijetSample, cal: PerJetCalibration, corr: CorrectedJets, labelling: StudyLabelling): LabelBias {
  const [g0, g1] = sample.genPtGeV;
  const swapped = labelling === 'random' ? corr.swapped : Uint8Array.from(g0, (v, e) => (g1[e]! > v ? 1 : 0));
  const [zhat, zhatC, truth] = applySwaps(swapped, [cal.zhatGeV, corr.zhatGeV, sample.genPtGeV]);
  const per = (f: (k: 0 | 1) => Float64Array): [MeanStd, MeanStd] => [meanStd(f(0)), meanStd(f(1))];
  return {
    labelling,
    shift: per((k) => difference(zhatC![k], zhat![k])),
    residual: per((k) => difference(zhat![k], truth![k])),
    residualCorrected: per((k) => difference(zhatC![k], truth![k])),
  };
}
