import type { SelfCheck } from '../../ansatz/selfCheck.js';
/**
 * The Gaussian example of arXiv:2205.05084 Sec. IV A (Figs. 1–2): z ~ N(μ, σ²), x|z ~ N(z, ε²).
 * MSE regression (a first-order polynomial fit, the paper's numpy.polyfit) learns the
 * prior-dependent f_MSE(x) = (ε²μ + σ²x)/(ε²+σ²); the Gaussian Ansatz (arXiv:2205.03413) learns
 * the maximum-likelihood ẑ(x) = x with resolution ε. Both are trained on one half of the sample
 * and evaluated on the other, binned in x and in z_T.
 */
import { GaussianAnsatz, type GaussianAnsatzParams } from '../../ansatz/GaussianAnsatz.js';
import { analyticGaussian, binnedMeanStd, PolynomialRegression, type GaussianExample } from '../../baselines/index.js';
import { Rng } from '../../engine/rng.js';
import { sampleGaussianExample } from '../gaussianExample.js';
import { lineFit, linearEdges, minus } from './stats.js';

/** Sample size, seed and Gaussian Ansatz training settings of one Gaussian calibration. */
export interface GaussianRunOptions {
  /** Rows of the training half (the test half has as many). */
  rows: number;
  seed: number;
  training: Partial<GaussianAnsatzParams>;
  /** Bins of x and of z_T. */
  bins: number;
}

/** One bin of x (Fig. 1b): calibrated values and point resolutions, numerical and analytic. */
export interface XBinRow {
  x: number;
  rows: number;
  mseMean: number;
  mseAnalytic: number;
  /** std(z − f_MSE(x)) in the bin; analytic Σ_MSE(x) = εσ/sqrt(ε²+σ²) (Eq. (32)). */
  msePointResolution: number;
  msePointResolutionAnalytic: number;
  gaMean: number;
  /** f_MLC(x) = x (Eq. (31)). */
  gaAnalytic: number;
  /** Mean σ̂ of the Gaussian Ansatz in the bin; analytic ε (Eq. (33)). */
  gaSigma: number;
  gaSigmaAnalytic: number;
}

/** One bin of z_T (Fig. 2): bias and resolution, numerical and analytic. */
export interface ZBinRow {
  z: number;
  rows: number;
  mseBias: number;
  mseBiasError: number;
  /** b(z) = ε²/(σ²+ε²)(μ − z) (Eq. (39)). */
  mseBiasAnalytic: number;
  /**
   * Spread of f_MSE − z about the fitted bias line (so that the bias' own variation across the
   * bin does not enter); analytic σ²ε/(σ²+ε²) (Eq. (40)).
   */
  mseResolution: number;
  mseResolutionAnalytic: number;
  gaBias: number;
  gaBiasError: number;
  /** Spread of ẑ − z about its fitted line; analytic ε (Eq. (41)). */
  gaResolution: number;
  gaResolutionAnalytic: number;
}

/** Fitted lines against their analytic values. */
export interface GaussianLines {
  /** Slope and intercept of f_MSE(x); analytic σ²/(σ²+ε²) and ε²μ/(σ²+ε²). */
  mseSlope: number; mseSlopeAnalytic: number; mseIntercept: number; mseInterceptAnalytic: number;
  /** Slope of the MSE bias b(z) on the test half; analytic −ε²/(σ²+ε²). */
  mseBiasSlope: number; mseBiasSlopeAnalytic: number;
  /** Slope and intercept of the Gaussian Ansatz ẑ(x) over |x − μ| < 2·sd(x); analytic 1 and 0. */
  gaSlope: number; gaIntercept: number;
  /** Slope of the Gaussian Ansatz bias in z_T (test half, |z − μ| < 2σ); analytic 0. */
  gaBiasSlope: number;
  /** Mean σ̂ over the test half; analytic ε. */
  gaMeanSigma: number;
}

/** Results for one prior. */
export interface GaussianCalibrationResult {
  prior: GaussianExample;
  lines: GaussianLines;
  xBins: XBinRow[];
  zBins: ZBinRow[];
  /** Held-out I(X;Z) of the Gaussian Ansatz and ½ ln(1 + σ²/ε²). */
  mutualInformationNats: number;
  mutualInformationAnalyticNats: number;
  /** The Gaussian Ansatz's self-check on the test sample. */
  selfCheck?: SelfCheck;
  seconds: number;
}

/** Trains both calibrations on one prior and compares them with the analytic formulas. */
export async function runGaussianCalibration(prior: GaussianExample, o: GaussianRunOptions): Promise<GaussianCalibrationResult> {
  const t0 = performance.now();
  const { mu, sigma, epsilon } = prior;
  const rng = new Rng(o.seed);
  const train = sampleGaussianExample(o.rows, mu, sigma, epsilon, rng);
  const test = sampleGaussianExample(o.rows, mu, sigma, epsilon, rng);
  const mse = new PolynomialRegression({ degree: 1 }).fit(train.x, train.z);
  // The likelihood is Gaussian by construction, so C(x) represents T exactly; with C(x, z) the
  // worst |ẑ − x| on the known-answer Gaussian example is 0.12–0.2σ at 10⁵ rows, with C(x) 0.04σ.
  const ga = await new GaussianAnsatz({ seed: o.seed, cUsesZ: false, ...o.training }).fit(train.x, train.z, { xNames: ['x'], zNames: ['z'] });
  const fMse = mse.predict(test.x);
  const pred = ga.predict(test.x);
  const sdX = Math.hypot(sigma, epsilon);
  const xEdges = linearEdges(mu - 2 * sdX, mu + 2 * sdX, o.bins);
  const zEdges = linearEdges(mu - 2 * sigma, mu + 2 * sigma, o.bins);
  const central = (v: Float64Array, centre: number, half: number): number[] => Array.from(v.keys()).filter((i) => Math.abs(v[i]! - centre) < half);
  const cx = central(test.x, mu, 2 * sdX), cz = central(test.z, mu, 2 * sigma);
  const pick = (a: Float64Array, idx: number[]): Float64Array => Float64Array.from(idx, (i) => a[i]!);
  const coef = mse.coefficients();
  const s2 = sigma ** 2, e2 = epsilon ** 2;
  const gaLine = lineFit(pick(test.x, cx), pick(pred.zHat, cx));
  const lines: GaussianLines = {
    mseSlope: coef[1]!, mseSlopeAnalytic: s2 / (s2 + e2), mseIntercept: coef[0]!, mseInterceptAnalytic: (e2 * mu) / (s2 + e2),
    mseBiasSlope: lineFit(test.z, minus(fMse, test.z)).slope, mseBiasSlopeAnalytic: -e2 / (s2 + e2),
    gaSlope: gaLine.slope, gaIntercept: gaLine.intercept,
    gaBiasSlope: lineFit(pick(test.z, cz), pick(minus(pred.zHat, test.z), cz)).slope,
    gaMeanSigma: pred.sigma.reduce((a, v) => a + v, 0) / pred.rows,
  };
  return {
    prior, lines,
    xBins: xBinRows(prior, test, fMse, pred.zHat, pred.sigma, xEdges),
    zBins: zBinRows(prior, test, fMse, pred.zHat, zEdges),
    mutualInformationNats: ga.fitResult_!.mutualInformationNats,
    mutualInformationAnalyticNats: analyticGaussian.mutualInformationNats(prior),
    selfCheck: ga.selfCheck(test.x, test.z),
    seconds: (performance.now() - t0) / 1000,
  };
}

function xBinRows(g: GaussianExample, test: { x: Float64Array; z: Float64Array }, fMse: Float64Array, zHat: Float64Array, sigmaHat: Float64Array, edges: number[]): XBinRow[] {
  const xMean = binnedMeanStd(test.x, test.x, edges);
  const mse = binnedMeanStd(fMse, test.x, edges);
  const mseRes = binnedMeanStd(minus(test.z, fMse), test.x, edges);
  const ga = binnedMeanStd(zHat, test.x, edges);
  const gaSigma = binnedMeanStd(sigmaHat, test.x, edges);
  return Array.from(xMean.mean, (x, b) => ({
    x, rows: xMean.count[b]!,
    mseMean: mse.mean[b]!, mseAnalytic: analyticGaussian.fMse(x, g),
    msePointResolution: mseRes.std[b]!, msePointResolutionAnalytic: analyticGaussian.resolutionMse(g),
    gaMean: ga.mean[b]!, gaAnalytic: analyticGaussian.fMle(x),
    gaSigma: gaSigma.mean[b]!, gaSigmaAnalytic: analyticGaussian.resolutionMle(g),
  }));
}

function zBinRows(g: GaussianExample, test: { x: Float64Array; z: Float64Array }, fMse: Float64Array, zHat: Float64Array, edges: number[]): ZBinRow[] {
  const zMean = binnedMeanStd(test.z, test.z, edges);
  const mseBias = minus(fMse, test.z), gaBias = minus(zHat, test.z);
  const mse = binnedMeanStd(mseBias, test.z, edges), ga = binnedMeanStd(gaBias, test.z, edges);
  const mseRes = binnedMeanStd(aboutLine(test.z, mseBias), test.z, edges), gaRes = binnedMeanStd(aboutLine(test.z, gaBias), test.z, edges);
  return Array.from(zMean.mean, (z, b) => ({
    z, rows: zMean.count[b]!,
    mseBias: mse.mean[b]!, mseBiasError: mse.meanError[b]!, mseBiasAnalytic: analyticGaussian.biasMse(z, g),
    mseResolution: mseRes.std[b]!, mseResolutionAnalytic: analyticGaussian.resolutionMseInZ(g),
    gaBias: ga.mean[b]!, gaBiasError: ga.meanError[b]!,
    gaResolution: gaRes.std[b]!, gaResolutionAnalytic: analyticGaussian.resolutionMle(g),
  }));
}

/** Residuals of y about its least-squares line in x. */
function aboutLine(x: Float64Array, y: Float64Array): Float64Array {
  const { slope, intercept } = lineFit(x, y);
  return y.map((v, i) => v - intercept - slope * x[i]!);
}
