/** The prior study (arXiv:2205.05084): public surface. */
export { runPriorsStudy, type PriorsResults } from './run.js';
export { PRIORS_DEFAULTS, PRIORS_QUICK, resolvePriorsOptions, type PriorsOptions, type PriorsStudyInput, type GaussianPartOptions, type DijetPartOptions } from './options.js';
export { summarizePriors } from './summary.js';
export { writePriorsResults, priorsResultsJson } from './write.js';
export { priorsCsvTables } from './csv.js';
export { runGaussianCalibration, type GaussianCalibrationResult, type GaussianRunOptions } from './gaussianCalibration.js';
export { runGaussianOt, type GaussianOtResult, type GaussianOtOptions } from './gaussianOt.js';
export { bsmWeights, localLogSlope, effectiveEvents, type ResonanceOptions } from './bsmWeights.js';
export { simulateQcd, splitHalves, eventsFromMod, type DijetEvents } from './dijetSamples.js';
