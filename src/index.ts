/**
 * ansatz: prior-independent machine-learning calibration with uncertainties, the Gaussian
 * Ansatz (Gambhir, Nachman, Thaler, arXiv:2205.03413, 2205.05084). Only the exports of this
 * file are the public API.
 */
export { GaussianAnsatz, MODEL_DEFAULTS, type GaussianAnsatzParams, type ModelParams, type Prediction, type FitOptions } from './ansatz/GaussianAnsatz.js';
export { predictParallel, PARALLEL_PREDICT_MIN_ROWS, type PredictParallelOptions } from './ansatz/predictParallel.js';
export { saveModel, loadModel, MODEL_FORMAT, MODEL_FORMAT_VERSION } from './ansatz/modelFile.js';
export type { Cloud, Matrix, MatrixLike } from './ansatz/inputs.js';
export type { ArchName, ModelSpec } from './ansatz/structure.js';
export { TRAIN_DEFAULTS, type TrainOptions } from './train/options.js';
export type { EpochReport } from './train/fit.js';
export { mutualInformationLoss, type LossName } from './train/loss.js';
export { AnsatzError, InputError, ParameterError, NotFittedError, ModelFileError, UnsupportedFormatError, DivergenceError, type AnsatzErrorCode } from './errors.js';
export * from './io/index.js';
export * from './baselines/index.js';
export * as dijets from './dijets/index.js';
export * as sim from './sim/index.js';
export * as mod from './io/mod/index.js';
export { runJecStudy, writeJecResults, JEC_DEFAULTS, JEC_QUICK, type JecResults, type JecStudyOptions } from './studies/jec/index.js';
export { runPriorsStudy, writePriorsResults, type PriorsResults } from './studies/priors/index.js';
export { runDijetsStudy, DIJETS_DEFAULTS, DIJETS_QUICK, type DijetsResults, type DijetsStudyOptions } from './studies/dijets/index.js';
export {
  selfCheck,
  coverageCurve,
  SELF_CHECK_ALLOWANCE,
  type SelfCheck,
  type SelfCheckItem,
} from './ansatz/selfCheck.js';
export {
  KNOWN_ANSWER_PROBLEMS,
  scoreAgainstExact,
  worstGapSigma,
  type KnownAnswerProblem,
  type KnownAnswerScore,
} from './studies/knownAnswers.js';
export { runGaussianExample, sampleGaussianExample, GAUSSIAN_EXAMPLE_DEFAULTS, type GaussianExampleOptions, type GaussianExampleResult } from './studies/gaussianExample.js';
export { Rng, loadKernels, type BackendName, type Kernels } from './engine/index.js';
export { renderReport, writeReport, buildReport, readResults, detectStudy, jecReport, priorsReport, dijetsReport, reportHtml, reportPlots, reportTables, REPORT_STUDIES, type ReportStudy, type WrittenReport, type Report, type Section, type Block, type Table as ReportTable, type Plot, type RunInfo } from './report/index.js';
