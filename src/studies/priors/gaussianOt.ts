/**
 * Data-based calibration by 1-D optimal transport on the Gaussian example (arXiv:2205.05084
 * Sec. IV B, Figs. 3–4; OT calibration of arXiv:2107.08648): "simulation" and "data" share the
 * prior N(μ, σ²) and differ in resolution (ε_sim, ε_data). The map h = P_data⁻¹ ∘ P_sim derived
 * with μ_train = 0 is h_train(x) = αx, α = sqrt(σ²+ε_data²)/sqrt(σ²+ε_sim²) (Eq. (43)); the map a
 * test sample with μ_test needs is αx + μ_test(1 − α) (Eq. (44)): the calibration is prior dependent.
 */
import { analyticGaussian, OptimalTransport1D, weightedQuantiles, type GaussianOtExample } from '../../baselines/index.js';
import { Rng } from '../../engine/rng.js';
import { sampleGaussianExample } from '../gaussianExample.js';
import { histogram, lineFit, summarize, type Histogram } from './stats.js';

/** The data-based Gaussian example. */
export interface GaussianOtOptions {
  sigma: number;
  epsilonSim: number;
  epsilonData: number;
  muTrain: number;
  muTest: number;
  /** Rows of each of the four samples (train/test × sim/data). */
  rows: number;
  seed: number;
}

/** A map's fitted line over the 5–95 % quantiles of the simulated x it is applied to, against Eqs. (43)–(44). */
export interface OtLine {
  slope: number;
  slopeAnalytic: number;
  offset: number;
  offsetAnalytic: number;
}

/** Fig. 3 (histograms) and Fig. 4 (maps) of the Gaussian OT example. */
export interface GaussianOtResult {
  options: GaussianOtOptions;
  /** h_train fitted on the training samples, and h_test fitted on the test samples (the map the test sample needs). */
  trainMap: OtLine;
  testMap: OtLine;
  /** Fig. 4: the two maps on a grid of x. */
  mapGrid: { x: number; hTrain: number; hTest: number; hTrainAnalytic: number; hTestAnalytic: number }[];
  /** Fig. 3: raw, calibrated (h_train) simulation and data, on the training and on the test sample. */
  histograms: { train: { sim: Histogram; calibrated: Histogram; data: Histogram }; test: { sim: Histogram; calibrated: Histogram; data: Histogram } };
  /**
   * median(h_train(x_sim)) − median(x_data) on the training and test samples; analytic 0 and
   * (α − 1)(μ_test − μ_train). Medians, because means would carry the noise of the empirical map
   * in the far tails (where h_train is extrapolated beyond the training range).
   */
  closureTrain: number;
  missTest: number;
  missTestAnalytic: number;
  /** Statistical error of the test miss (two independent medians, 1.2533·sd/√n each). */
  missTestError: number;
}

/** Runs the Gaussian OT example. */
export function runGaussianOt(o: GaussianOtOptions): GaussianOtResult {
  const rng = new Rng(o.seed);
  const draw = (mu: number, eps: number): Float64Array => sampleGaussianExample(o.rows, mu, o.sigma, eps, rng).x;
  const trainSim = draw(o.muTrain, o.epsilonSim), trainData = draw(o.muTrain, o.epsilonData);
  const testSim = draw(o.muTest, o.epsilonSim), testData = draw(o.muTest, o.epsilonData);
  const hTrain = new OptimalTransport1D().fit(trainSim, undefined, trainData);
  const hTest = new OptimalTransport1D().fit(testSim, undefined, testData);
  const g = (mu: number): GaussianOtExample => ({ mu, sigma: o.sigma, epsilonSim: o.epsilonSim, epsilonData: o.epsilonData });
  const alpha = analyticGaussian.otSlope(g(0));
  const line = (h: OptimalTransport1D, sim: Float64Array, mu: number): OtLine => {
    const [lo, hi] = weightedQuantiles(sim, [0.05, 0.95]);
    const xs = sim.filter((v) => v >= lo! && v <= hi!);
    const fit = lineFit(xs, h.predict(xs));
    return { slope: fit.slope, slopeAnalytic: alpha, offset: fit.intercept, offsetAnalytic: mu * (1 - alpha) };
  };
  const sdSim = Math.hypot(o.sigma, o.epsilonSim);
  const lo = Math.min(o.muTrain, o.muTest) - 3 * sdSim, hi = Math.max(o.muTrain, o.muTest) + 3 * sdSim;
  const grid = Array.from({ length: 21 }, (_, k) => lo + ((hi - lo) * k) / 20);
  const gridTrain = hTrain.predict(grid), gridTest = hTest.predict(grid);
  const sdData = Math.hypot(o.sigma, o.epsilonData);
  const hLo = Math.min(o.muTrain, o.muTest) - 4 * sdData, hHi = Math.max(o.muTrain, o.muTest) + 4 * sdData;
  const hist = (v: Float64Array): Histogram => histogram(v, hLo, hHi, 40);
  const calibratedTrain = hTrain.predict(trainSim), calibratedTest = hTrain.predict(testSim);
  const median = (v: Float64Array): number => weightedQuantiles(v, [0.5])[0]!;
  const medianError = (v: Float64Array): number => (1.2533 * summarize(v).std) / Math.sqrt(v.length);
  return {
    options: o,
    trainMap: line(hTrain, trainSim, o.muTrain),
    testMap: line(hTest, testSim, o.muTest),
    mapGrid: grid.map((x, k) => ({ x, hTrain: gridTrain[k]!, hTest: gridTest[k]!, hTrainAnalytic: analyticGaussian.otMap(x, g(o.muTrain)), hTestAnalytic: analyticGaussian.otMap(x, g(o.muTest)) })),
    histograms: {
      train: { sim: hist(trainSim), calibrated: hist(calibratedTrain), data: hist(trainData) },
      test: { sim: hist(testSim), calibrated: hist(calibratedTest), data: hist(testData) },
    },
    closureTrain: median(calibratedTrain) - median(trainData),
    missTest: median(calibratedTest) - median(testData),
    missTestAnalytic: (alpha - 1) * (o.muTest - o.muTrain),
    missTestError: Math.hypot(medianError(calibratedTest), medianError(testData)),
  };
}
