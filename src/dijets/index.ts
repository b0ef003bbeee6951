/**
 * Two jets at once: correlation-improved calibration from momentum conservation
 * (Gambhir & Nachman, "Calibrating two jets at once", arXiv:2402.14067, Phys. Rev. D 110, 076015).
 */
export type { CorrectedPair, JetPair, Width } from './types.js';
export { correlateGaussian } from './gaussian.js';
export { correlateExponential, exponentialPairLogLikelihood, type ExponentialCase, type ExponentialCorrectedPair } from './exponential.js';
export { gaussianDifferenceConstraint, productConstraint, sumConstraints, type LogDensityConstraint } from './constraints.js';
export { maximizeLikelihood, type SolverOptions, type SolverResult } from './solver.js';
export { correlateNumerically, type NumericalCorrection } from './numerical.js';
export { absAsymmetryDensity, absAsymmetryHistogram, binAveragedDensity, type AbsAsymmetryHistogram, type AsymmetryForm } from './asymmetry.js';
export { fitLambda, fitLambdaBinned, type LambdaBinFit, type LambdaFit, type LambdaFitOptions } from './lambdaFit.js';
export { applySwaps, orderLabels, randomizeLabels, type ColumnPair, type Relabelled } from './labels.js';
export { quadratureImprovement, resolutionRatio } from './metrics.js';
export { correlateTable, type CorrelateTableOptions } from './table.js';
export {
  boostedResolutionScan, exponentialPhaseSpace, logSpace, toyScanVersusLambda,
  type BoostedScan, type ExponentialPhaseSpace, type ToyLambdaScan,
} from './toyFigures.js';
export { generateToyEvents, toyLabellingBias, type Labelling, type LabellingBias, type ToyEvents } from './toyEvents.js';
