/**
 * The two-jets-at-once study (Gambhir & Nachman, arXiv:2402.14067) on the built-in simulator:
 * public surface.
 */
export { runDijetsStudy, type CalibrationStudy, type DijetsResults, type FormStudy } from './run.js';
export { DIJETS_DEFAULTS, DIJETS_QUICK, type DijetsStudyOptions } from './options.js';
export { CMS_RESOLUTION, cmsResolutionGeV, type CmsResolutionParams, type PerJetCalibration } from './calibrations.js';
export { selectDijets, DEFAULT_CUTS, type DijetCuts, type DijetSample } from './events.js';
export type { LambdaRow, LambdaTable } from './lambdaTable.js';
export type { BinResolution, JetResolution } from './resolution.js';
export type { GenWindow } from './window.js';
export type { LabelBias, StudyLabelling } from './labelBias.js';
export type { ToyFigures, ToyScanCurve } from './toys.js';
export { PAPER } from './paper.js';
export { summarizeDijets } from './summary.js';
export { writeDijetsResults, dijetsResultsJson } from './write.js';
