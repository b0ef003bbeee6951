/** The jet energy calibration study (`ansatz study jec`, `ansatz demo`). */
export { runJecStudy, type JecResults } from './run.js';
export { JEC_DEFAULTS, JEC_QUICK, type JecStudyOptions, type JecModelSpec } from './options.js';
export { summarizeWindow, binnedCurves, type WindowSummary, type BinnedCurves, type JetEstimates } from './evaluate.js';
export { writeJecResults, jecTableLines } from './write.js';
