import type { ArchName } from '../../ansatz/structure.js';

/** One model of the JEC study: an architecture and its sizes. */
export interface JecModelSpec {
  name: string;
  arch: ArchName;
  /** 'jet': x = (jet pT, η, φ); 'particles': clouds [pT/1000 GeV, Δy, Δφ] (+PID). */
  x: 'jet' | 'particles';
  pid: boolean;
  hidden: number[];
  phiSizes?: number[];
}

export interface JecStudyOptions {
  /** Simulated dijet events for training (two jets each). */
  trainEvents: number;
  /** Simulated dijet events for evaluation (a disjoint sample, another seed). */
  testEvents: number;
  seed: number;
  epochs: number;
  learningRate: number;
  batchSize: number;
  models: JecModelSpec[];
  /** Hard-scatter pT range of the (flat) simulated spectrum, GeV: the calibration is prior independent, so a flat spectrum gives statistics everywhere. */
  ptRangeGeV: [number, number];
  /** The headline window of GEN pT (Table I of the letter). */
  windowGeV: [number, number];
  /** Edges of the GEN-pT bins for the JEC/JER curves. */
  binEdgesGeV: number[];
}

const ALL_MODELS = (phi: number[], f: number[]): JecModelSpec[] => [
  { name: 'DNN', arch: 'dnn', x: 'jet', pid: false, hidden: [64, 64, 64] },
  { name: 'EFN', arch: 'efn', x: 'particles', pid: false, hidden: f, phiSizes: phi },
  { name: 'PFN', arch: 'pfn', x: 'particles', pid: false, hidden: f, phiSizes: phi },
  { name: 'PFN-PID', arch: 'pfn-pid', x: 'particles', pid: true, hidden: f, phiSizes: phi },
];

const edges = (lo: number, hi: number, step: number): number[] => Array.from({ length: Math.round((hi - lo) / step) + 1 }, (_, i) => lo + i * step);

/** The letter's sizes: Φ (100, 100, 128), F (100, 100, 100); long trainings. */
export const JEC_DEFAULTS: JecStudyOptions = {
  trainEvents: 150_000, testEvents: 60_000, seed: 1, epochs: 30, learningRate: 1e-3, batchSize: 512,
  models: ALL_MODELS([100, 100, 128], [100, 100, 100]),
  ptRangeGeV: [450, 1100], windowGeV: [695, 705], binEdgesGeV: edges(500, 1000, 10),
};

/** Small sizes that finish in a few minutes on 2 cores (the test suite and `ansatz demo`). */
export const JEC_QUICK: JecStudyOptions = {
  ...JEC_DEFAULTS,
  trainEvents: 25_000, testEvents: 12_000, epochs: 12,
  models: ALL_MODELS([32, 32, 32], [32, 32]),
  ptRangeGeV: [550, 900], windowGeV: [690, 710], binEdgesGeV: edges(500, 1000, 50),
};
