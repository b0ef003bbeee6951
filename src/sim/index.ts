/** The built-in CMS-like dijet simulator (issue 3): public surface. */
export { simulateDijets, simulateDijetChunks, EVENTS_PER_LUMI_BLOCK, SIM_JETS_F_COLS, SIM_PFCS_COLS, type SimulateOptions, type ChunkedSimulateOptions, type EventSummary } from './simulate.js';
export { simulateDijetChunksParallel, type ParallelSimulateOptions } from './parallel.js';
export {
  type DetectorModel, FULL_DETECTOR, FAST_DETECTOR, detectorModel, hcalResponse, hcalResolutionGeV, hcalInverseResponse,
  photonResolutionGeV, trackEfficiency, trackRelResolution, electronRelResolution, muonRelResolution, calorimeterTrustsHadron,
} from './detector.js';
export { AntiKt, type Clustering } from './antikt.js';
export { antiKtReference } from './antiktReference.js';
export { ParticleBuffer } from './particleBuffer.js';
export { DEFAULT_TUNE, type GeneratorTune } from './tune.js';
export { DEFAULT_SPECTRUM, type SpectrumKind, type SpectrumOptions } from './spectrum.js';
export { type Calibration, FULL_CALIBRATION, FAST_CALIBRATION, defaultCalibration } from './calibration.js';
export { type ResponseModel, meanResponse, invertResponse, fitResponse } from './response.js';
export { measureTuning, truthAsymmetries, fitExponentialWidth, ASYMMETRY_BINS, type TuningReport } from './tuning.js';
export { deriveCalibration } from './deriveCalibration.js';
export { Reconstructor } from './reconstruct.js';
