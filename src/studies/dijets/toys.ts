/**
 * The toy-model figures of Gambhir & Nachman (arXiv:2402.14067): Fig. 1 (exponential phase
 * space), Figs. 2–3 (ẑ' ± σ' versus Λ), the labelling bias of Sec. II A on toy events, and the
 * boosted-resonance scan of Fig. 10. No jets: pure functions of the closed forms and the solver.
 */
import {
  boostedResolutionScan, type BoostedScan, exponentialPhaseSpace, type ExponentialPhaseSpace, generateToyEvents,
  type LabellingBias, logSpace, toyLabellingBias, toyScanVersusLambda, type ToyLambdaScan,
} from '../../dijets/index.js';
import { Rng } from '../../engine/rng.js';

/** One band set of Figs. 2–3, with the inputs that define it. */
export interface ToyScanCurve extends ToyLambdaScan {
  readonly mode: 'gaussian' | 'exponential';
  /** The fixed measurements and their resolutions (the stars of the figures). */
  readonly inputs: { x1: number; x2: number; sigma1: number; sigma2: number };
}

/** Everything of the toy section. */
export interface ToyFigures {
  readonly fig1: ExponentialPhaseSpace;
  readonly fig2: ToyScanCurve[];
  readonly fig3: ToyScanCurve[];
  readonly fig10: BoostedScan;
  /** Toy events (σ1 = σ2 = 1, Λ = 3, both forms): per-label shifts for three labellings. */
  readonly labellingBias: Array<LabellingBias & { form: 'gaussian' | 'exponential' }>;
}

/** Grid sizes of the toy figures; `quick` shrinks them. */
export interface ToyGrid {
  lambdaPoints: number;
  phaseSpacePoints: number;
  boostedPoints: number;
  toyEvents: number;
}

export const TOY_GRID: ToyGrid = { lambdaPoints: 121, phaseSpacePoints: 101, boostedPoints: 61, toyEvents: 200_000 };
export const TOY_GRID_QUICK: ToyGrid = { lambdaPoints: 41, phaseSpacePoints: 41, boostedPoints: 21, toyEvents: 20_000 };

function linSpace(lo: number, hi: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, k) => lo + ((hi - lo) * k) / (n - 1));
}

/** The paper's choices: x1 = 2, x2 ∈ {−5, 0, 5}, (σ1, σ2) ∈ {(1, 0.1), (0.1, 1)}, Λ from 0.01 to 100. */
function scans(mode: 'gaussian' | 'exponential', points: number): ToyScanCurve[] {
  const lambdas = logSpace(0.01, 100, points);
  const out: ToyScanCurve[] = [];
  for (const [sigma1, sigma2] of [[1, 0.1], [0.1, 1]] as const) {
    for (const x2 of [-5, 0, 5]) {
      const x1 = 2;
      out.push({ mode, inputs: { x1, x2, sigma1, sigma2 }, ...toyScanVersusLambda({ x1, x2, sigma1, sigma2, lambdas, mode }) });
    }
  }
  return out;
}

/** Computes all toy figures (seeded toy events). */
export function toyFigures(grid: ToyGrid, seed: number): ToyFigures {
  const fig1 = exponentialPhaseSpace(linSpace(-4, 4, grid.phaseSpacePoints), linSpace(0.02, 2, grid.phaseSpacePoints));
  const fig10 = boostedResolutionScan({ x1OverRootMu: linSpace(0.5, 1.5, grid.boostedPoints), muOverLambdaMu: logSpace(1, 1000, grid.boostedPoints) });
  const labellingBias: ToyFigures['labellingBias'] = [];
  for (const form of ['gaussian', 'exponential'] as const) {
    const events = generateToyEvents(new Rng(seed + (form === 'gaussian' ? 0 : 1)), { events: grid.toyEvents, sigma1: 1, sigma2: 1, lambda: 3, form });
    for (const labelling of ['random', 'truth-ordered', 'measured-ordered'] as const) labellingBias.push({ form, ...toyLabellingBias(events, 3, form, labelling, seed) });
  }
  return { fig1, fig2: scans('gaussian', grid.lambdaPoints), fig3: scans('exponential', grid.lambdaPoints), fig10, labellingBias };
}
